package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.futures.Future;

/**
 * No lost wake-up for a parked {@link Future#result()}: the actor waits on a pending future and
 * the signal calls {@code setResult}, which must unpark it.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "setResult released result().")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: result() stayed blocked on a finished future.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class ResultWakeUp {
    private final Future<Integer> future = new Future<>();

    @Actor
    public void actor() {
        try {
            future.result();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() {
        future.setResult(42);
    }
}
