package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.multiprocessing.AcquirerProxy;

/**
 * A manager's {@code lock()} excludes between client threads: two actors each do
 * {@code acquire(); x = x + 1; release()} on a plain field of this process, each through its own
 * connection and server thread. A second thread inside the section would lose an increment, and
 * so would a release whose writes did not reach the next holder (the round trips through the
 * server's lock are the only thing ordering the two sections). The arbiter sees the count and
 * whether the lock is still held.
 *
 * <p>Every instance makes its own lock in one manager, started once per fork
 * ({@link ManagerForStress}); a sample costs a few round trips to it.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the lock ends free.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: both actors were inside at once, or a write did not travel with the lock.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or the lock stayed held).")
@State
public class ManagerLockMutualExclusion {
    private final AcquirerProxy lock = ManagerForStress.get().lock();
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
