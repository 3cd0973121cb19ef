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
 * {@link Lock} excludes: two actors each do {@code acquire(); x = x + 1; release()}, with the read
 * and the write of {@code x} as separate plain accesses, so a second thread inside the section
 * would lose an increment. The arbiter sees the count and whether the lock is still locked.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the lock ends unlocked.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: both actors were inside at once.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or the lock stayed locked).")
@State
public class LockMutualExclusion {
    private final Lock lock = new Lock();
    private int x;

    @Actor
    public void actor1() {
        increment();
    }

    @Actor
    public void actor2() {
        increment();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = x;
        r.r2 = lock.locked() ? 1 : 0;
    }

    private void increment() {
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
}
