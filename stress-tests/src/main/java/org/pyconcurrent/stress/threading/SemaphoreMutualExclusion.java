package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.threading.Semaphore;

/**
 * A {@link Semaphore} with one permit is a mutex: two actors each do
 * {@code acquire(); x = x + 1; release()} with a separate read and write of {@code x}. The
 * arbiter sees the count and the semaphore's final value.
 */
@JCStressTest
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "The two sections ran one after the other; the permit is back.")
@Outcome(id = "1, .*", expect = FORBIDDEN, desc = "Lost update: both actors held the single permit at once.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or a permit went missing).")
@State
public class SemaphoreMutualExclusion {
    private final Semaphore semaphore = new Semaphore(1);
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
        r.r2 = semaphore.value();
    }

    private void increment() {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            int seen = x;
            x = seen + 1;
        } finally {
            semaphore.release();
        }
    }
}
