package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.threading.BoundedSemaphore;

/**
 * {@link BoundedSemaphore}'s bound check and release are one atomic step: with one permit taken
 * from a {@code BoundedSemaphore(1)}, two actors both call {@code release()}. Exactly one gives
 * the permit back (1); the other is refused with {@link IllegalArgumentException} (0), Python's
 * ValueError "Semaphore released too many times". The value ends at 1, never 2.
 */
@JCStressTest
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = ACCEPTABLE, desc = "One release went through, the other was refused.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Both releases went through: the bound was exceeded.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both releases were refused: the taken permit is lost.")
@Outcome(expect = FORBIDDEN, desc = "Anything else.")
@State
public class BoundedSemaphoreOverRelease {
    private final BoundedSemaphore semaphore = new BoundedSemaphore(1);

    public BoundedSemaphoreOverRelease() {
        try {
            if (!semaphore.acquire(false)) {
                throw new AssertionError("a new BoundedSemaphore(1) had no permit");
            }
        } catch (InterruptedException e) {
            throw new AssertionError("a non-blocking acquire threw", e);
        }
    }

    @Actor
    public void actor1(III_Result r) {
        r.r1 = tryRelease();
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = tryRelease();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = semaphore.value();
    }

    private int tryRelease() {
        try {
            semaphore.release();
            return 1;
        } catch (IllegalArgumentException refused) {
            return 0;
        }
    }
}
