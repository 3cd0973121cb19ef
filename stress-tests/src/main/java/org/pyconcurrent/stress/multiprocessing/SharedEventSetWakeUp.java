package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.multiprocessing.Event;

/**
 * No lost wake-up in the multiprocessing {@link Event#await()}: the actor waits on an unset event
 * and the signal calls {@code set()}. This races the waiter's spin, its registration as a
 * sleeper (the count in shared memory, then the wait table), and the set's check of that count.
 *
 * <p>Limit: as in {@link SharedLockAcquireWakeUp}, a sleeper looks at the word again after each
 * 200 ms round, so a lost wake-up shows as a 200 ms delay, not as {@code STALE}; this test
 * catches a waiter that never sees the set.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "set() woke the waiter.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "await() stayed blocked on a set event.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class SharedEventSetWakeUp {
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
