package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Event;

/**
 * No lost wake-up in {@link Event#await()}: the actor waits on an unset event and the signal calls
 * {@code set()}. This races the waiter's spin, its registration as parked, and the set's check
 * for parked waiters.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "set() woke the waiter.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: await() stayed blocked on a set event.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class EventSetWakeUp {
    private final Event event = new Event();

    @Actor
    public void actor() {
        try {
            event.await();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() {
        event.set();
    }
}
