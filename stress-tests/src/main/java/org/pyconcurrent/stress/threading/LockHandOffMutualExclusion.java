package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.threading.Lock;

/**
 * A {@link Lock} is not owned: one thread may acquire it and another release it (Python code
 * uses a Lock as a binary semaphore that way). Such a hand-off must still exclude and publish.
 *
 * <p>The lock is acquired when the state is built (jcstress builds states in the main thread or
 * in either actor's thread). Actor 1 runs the section that lock protects, {@code x = x + 1} as a
 * separate read and write, then releases the lock it did not necessarily acquire. Actor 2 does
 * {@code acquire(); x = x + 1; release()}; when its own thread built the state it blocks on a lock
 * it acquired itself until actor 1 releases it. The second result says whether actor 1's release
 * was a real hand-off (1: the state was built by another thread) or not (0); both must give 2.
 */
@JCStressTest
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "Released by a thread other than the acquirer; still exclusive.")
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Acquired and released by the same thread (no hand-off this time).")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: actor 2 got in before the hand-off release.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (actor 2 was interrupted, or the lock stayed locked).")
@State
public class LockHandOffMutualExclusion {
    private final Lock lock = new Lock();
    private final Thread acquirer = Thread.currentThread();
    private int x;
    private int handOff;

    public LockHandOffMutualExclusion() {
        try {
            if (!lock.acquire(false)) {
                throw new AssertionError("a new Lock was locked");
            }
        } catch (InterruptedException e) {
            throw new AssertionError("a non-blocking acquire threw", e);
        }
    }

    @Actor
    public void actor1() {
        int seen = x;
        x = seen + 1;
        handOff = Thread.currentThread() != acquirer ? 1 : 0;
        lock.release();
    }

    @Actor
    public void actor2() {
        try {
            lock.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            int seen = x;
            x = seen + 1;
        } finally {
            lock.release();
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = lock.locked() ? -1 : x;
        r.r2 = handOff;
    }
}
