package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.threading.RLock;

/**
 * {@link RLock} excludes across threads while each thread holds it reentrantly: two actors each
 * enter it twice (nested {@code with} blocks), do {@code x = x + 1} as a separate read and write,
 * and leave both levels. Only the outer release may free the lock for the other actor.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the lock ends free.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: the lock let the other thread in while held.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or the lock stayed locked).")
@State
public class RLockMutualExclusion {
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
    public void arbiter(II_Result r) {
        r.r1 = x;
        r.r2 = lock.locked() ? 1 : 0;
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
