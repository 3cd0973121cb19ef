package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Semaphore;

/**
 * No lost wake-up in {@link Semaphore#acquire()}: a {@code Semaphore(0)}, the actor blocks in
 * {@code acquire()}, and the signal calls {@code release()}, which must hand it the permit.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "release() woke the blocked acquire().")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: acquire() stayed blocked with a permit available.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class SemaphoreAcquireWakeUp {
    private final Semaphore semaphore = new Semaphore(0);

    @Actor
    public void actor() {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() {
        semaphore.release();
    }
}
