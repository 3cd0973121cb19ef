package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.multiprocessing.Semaphore;

/**
 * A multiprocessing {@link Semaphore} with two permits never has three out, checked with two
 * actors (so it runs on a two-CPU machine). Actor 1 takes both permits one at a time and gives
 * them back with {@code release(2)}; actor 2 takes one and gives it back. Each counts its permits
 * in after acquiring and out before releasing. When actor 2 holds a permit, actor 1's second
 * {@code acquire()} must block until actor 2 releases it (and then be woken, through the sleeper
 * count in shared memory, or find the permit while spinning).
 */
@JCStressTest
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "At most the two permits were out; both are back.")
@Outcome(id = "3, .*", expect = FORBIDDEN, desc = "Three permits out of a semaphore of two.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (an actor was interrupted, or a permit went missing).")
@State
public class SharedSemaphorePermitBound {
    private final Semaphore semaphore = new Semaphore(2);
    private final AtomicInteger out = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Actor
    public void takesTwo() {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            interrupted();
            return;
        }
        taken(1);
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            out.decrementAndGet();
            semaphore.release();
            interrupted();
            return;
        }
        taken(1);
        out.addAndGet(-2);
        semaphore.release(2);
    }

    @Actor
    public void takesOne() {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            interrupted();
            return;
        }
        taken(1);
        out.decrementAndGet();
        semaphore.release();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = most.get();
        r.r2 = semaphore.getValue();
    }

    private void taken(int n) {
        most.accumulateAndGet(out.addAndGet(n), Math::max);
    }

    private void interrupted() {
        Thread.currentThread().interrupt();
        most.set(-1);
    }
}
