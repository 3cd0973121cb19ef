package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Queue;

/**
 * A timed get that runs out while a put signals it does not strand the item: on an empty
 * unbounded queue actor 1 calls {@code get(10 µs)}, actor 2 {@code putNowait(1)}; the arbiter
 * reads {@code qsize()}.
 *
 * <p>Results: (what the get returned: 1, or 0 for {@link Empty}, -1 if interrupted; qsize after).
 * Either the getter took the item and the queue is empty, or it gave up and the item is still in
 * the queue. The put's signal may reach the getter just as its wait runs out; both backends test
 * the queue once more after a timed-out wait before they give up, so a signal is never spent on
 * a getter that leaves without looking, and the item is never taken by a getter that then reports
 * {@code Empty}.
 */
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The getter took the item.")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The getter timed out; the item is still in the queue.")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "The item is lost: the getter raised Empty and the queue is empty.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the item counted twice (-1: interrupted).")
public abstract class TimedGetVersusPut {
    private static final Duration TIMEOUT = Duration.ofNanos(10_000);

    private final Queue<Integer> queue;

    TimedGetVersusPut(Backend backend) {
        queue = new Queue<>(0, backend);
    }

    public void getter(II_Result r) {
        try {
            r.r1 = queue.get(TIMEOUT);
        } catch (Empty e) {
            r.r1 = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
        }
    }

    public void putter() {
        queue.putNowait(1);
    }

    public void arbiter(II_Result r) {
        r.r2 = queue.qsize();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends TimedGetVersusPut {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void getter(II_Result r) {
            super.getter(r);
        }

        @Actor
        @Override
        public void putter() {
            super.putter();
        }

        @Arbiter
        @Override
        public void arbiter(II_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends TimedGetVersusPut {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void getter(II_Result r) {
            super.getter(r);
        }

        @Actor
        @Override
        public void putter() {
            super.putter();
        }

        @Arbiter
        @Override
        public void arbiter(II_Result r) {
            super.arbiter(r);
        }
    }
}
