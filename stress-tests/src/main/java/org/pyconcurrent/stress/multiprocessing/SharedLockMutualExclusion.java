package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.multiprocessing.Lock;

/**
 * The multiprocessing {@link Lock} excludes between threads of one process: two actors each do
 * {@code acquire(); x = x + 1; release()}, with the read and the write of the plain field
 * {@code x} as separate accesses, so a second thread inside the section would lose an increment,
 * and so would a release whose writes were not visible to the next acquire (the lock promises
 * {@link org.pyconcurrent.threading.Lock}'s semantics within a process). The arbiter sees the
 * count and whether the lock is still locked.
 *
 * <p>Each instance maps its own segment (a file in this process's shared directory); it is
 * deleted once the instance is collected.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the lock ends unlocked.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: both actors were inside at once, or a write did not travel with the lock.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or the lock stayed locked).")
@State
public class SharedLockMutualExclusion {
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
