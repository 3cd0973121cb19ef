package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.threading.Semaphore;

/**
 * A {@link Semaphore} with two permits never lets three threads in: three actors each take a
 * permit, count themselves in and out of the section with an atomic counter, and give the permit
 * back. The arbiter sees the largest number ever inside at once and the semaphore's final value.
 */
@JCStressTest
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The actors happened not to overlap.")
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Two actors were inside at once: the permitted maximum.")
@Outcome(id = "3, .*", expect = FORBIDDEN, desc = "Three actors were inside on two permits.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or a permit went missing).")
@State
public class SemaphoreTwoOfThree {
    private final Semaphore semaphore = new Semaphore(2);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Actor
    public void actor1() {
        enter();
    }

    @Actor
    public void actor2() {
        enter();
    }

    @Actor
    public void actor3() {
        enter();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = most.get();
        r.r2 = semaphore.value();
    }

    private void enter() {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            most.set(-1);
            return;
        }
        try {
            int now = inside.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            inside.decrementAndGet();
        } finally {
            semaphore.release();
        }
    }
}
