package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Lock;

/**
 * No lost wake-up in {@link Lock#acquire()}: the lock is taken when the state is built, the actor
 * blocks in {@code acquire()}, and the signal releases the lock (from another thread: a Lock is
 * not owned). The release must let the waiting actor in.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "release() let the blocked acquire() in.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: acquire() stayed blocked on a released lock.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class LockAcquireWakeUp {
    private final Lock lock = new Lock();

    public LockAcquireWakeUp() {
        try {
            if (!lock.acquire(false)) {
                throw new AssertionError("a new Lock was locked");
            }
        } catch (InterruptedException e) {
            throw new AssertionError("a non-blocking acquire threw", e);
        }
    }

    @Actor
    public void actor() {
        try {
            lock.acquire();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() {
        lock.release();
    }
}
