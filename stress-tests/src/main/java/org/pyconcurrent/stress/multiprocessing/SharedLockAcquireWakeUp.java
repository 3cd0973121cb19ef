package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.multiprocessing.Lock;

/**
 * No lost wake-up in the multiprocessing {@link Lock#acquire()}: the lock is taken when the state
 * is built, the actor blocks in {@code acquire()} (it spins about 20 µs, counts itself as a
 * sleeper, then sleeps in this process's wait table), and the signal releases the lock from
 * another thread (a Lock is not owned). This races the waiter's spin, its registration in the
 * sleeper count and the table, and the release's check of that count.
 *
 * <p>Limit: a sleeper gives up one sleep after 200 ms and looks at the lock again (to notice a
 * holder process that died), so a lost wake-up here costs 200 ms rather than a hang, and jcstress
 * sees {@code TERMINATED} either way. What this test catches is an actor that never gets in: a
 * release that leaves the word looking taken, or a waiter whose retry cannot succeed.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "release() let the blocked acquire() in.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquire() stayed blocked on a released lock.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class SharedLockAcquireWakeUp {
    private final Lock lock = new Lock();

    public SharedLockAcquireWakeUp() {
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
