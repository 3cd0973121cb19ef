package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.futures.CancelledError;
import org.pyconcurrent.futures.Future;

/**
 * No lost wake-up for a parked {@link Future#result()} when the future is cancelled: the actor
 * waits on a pending future and the signal calls {@code cancel()}, which must unpark it (its
 * {@code result()} then throws {@link CancelledError}).
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "cancel() released result() with CancelledError.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: result() stayed blocked on a cancelled future.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class CancelWakeUp {
    private final Future<Integer> future = new Future<>();

    @Actor
    public void actor() {
        try {
            future.result();
        } catch (CancelledError expected) {
            // The cancel released the wait, as it should.
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() {
        future.cancel();
    }
}
