package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.multiprocessing.RLock;

/**
 * The multiprocessing {@link RLock} excludes across threads while each thread holds it
 * reentrantly: two actors each enter it twice (nested {@code with} blocks), do {@code x = x + 1}
 * as a separate read and write of a plain field, and leave both levels. Only the outer release
 * may free the lock for the other actor. The owner and the count live in shared memory; the
 * owner token is the pid and the thread id, so the two actors (threads of one process) must
 * still tell each other apart. The arbiter sees the count, whether the lock is still locked, and
 * whether it (a third thread) wrongly believes it owns it.
 */
@JCStressTest
@Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the lock ends free.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: the lock let the other thread in while held.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or the lock stayed locked or owned).")
@State
public class SharedRLockMutualExclusion {
    private final RLock lock = new RLock();
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
    public void arbiter(III_Result r) {
        r.r1 = x;
        r.r2 = lock.locked() ? 1 : 0;
        r.r3 = lock.holdCount();
    }

    @SuppressWarnings("try") // the handle from with() only scopes the lock
    private void increment() {
        try (var outer = lock.with(); var inner = lock.with()) {
            int seen = x;
            x = seen + 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
