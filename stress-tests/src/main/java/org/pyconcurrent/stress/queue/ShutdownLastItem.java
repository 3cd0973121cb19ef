package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.queue.ShutDown;

/**
 * Two getters race for the last item of a queue that is shut down: the queue holds one item and
 * {@code shutdown()} (not immediate) has been called; both actors call {@code get}. One must get
 * the item, and the other must raise {@link ShutDown} at once, however the two interleave: the
 * queue is shut down and, as soon as the first has the item, empty. Waiting instead would be a
 * lost wake-up, since nothing will ever be put again.
 *
 * <p>A lost wake-up here would hang a plain {@code get()} for good, and jcstress with it, so each
 * actor calls {@code get(1 s)} and times it: a wait that runs out still ends in {@code ShutDown}
 * (the queue is shut down and empty by then), but one that took half a second or more is
 * recorded as 3, a getter that slept through the moment the queue became empty. (A correct
 * getter returns within microseconds; only a thread descheduled for half a second could be
 * mistaken for a lost wake-up.)
 *
 * <p>Results: (actor 1's get, actor 2's get), each 1 for the item, 2 for a prompt
 * {@code ShutDown}, 3 for a {@code ShutDown} that came only after waiting out the timeout, 4 for
 * {@code Empty}, -1 if interrupted.
 *
 * <p>The lock-free backend raises its {@code takes} count only after the store has handed the item
 * out, and a getter that finds the store empty raises {@code ShutDown} only if {@code takes} has
 * caught up with {@code puts} and the shutdown bit is set; otherwise it waits for a put to signal
 * it. So the loser can find the store empty while the winner has polled the item but not yet
 * counted it, and go to wait; the winner's increment then leaves the queue shut down and empty,
 * but a getter that takes an item wakes only waiting putters, and the shutdown's
 * {@code signalAll} is long past: nothing wakes the loser. (The same happens when several getters wait for the item of a put
 * that claimed its slot before the shutdown: the put wakes one, and the others stay parked.)
 * The locked backend checks emptiness and the flag under the lock and cannot do this.
 */
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
        desc = "One getter took the item, the other raised ShutDown at once.")
@Outcome(id = {"3, .*", ".*, 3"}, expect = FORBIDDEN,
        desc = "Lost wake-up: a getter waited on a queue that was shut down and empty.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the item taken twice or never, Empty, or -1 (interrupted).")
public abstract class ShutdownLastItem {
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Queue<Integer> queue;

    ShutdownLastItem(Backend backend) {
        queue = new Queue<>(0, backend);
        queue.putNowait(1);
        queue.shutdown();
    }

    public void getter1(II_Result r) {
        r.r1 = get();
    }

    public void getter2(II_Result r) {
        r.r2 = get();
    }

    private int get() {
        long start = System.nanoTime();
        try {
            return queue.get(PATIENCE);
        } catch (ShutDown e) {
            return System.nanoTime() - start < LATE_NANOS ? 2 : 3;
        } catch (Empty e) {
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends ShutdownLastItem {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void getter1(II_Result r) {
            super.getter1(r);
        }

        @Actor
        @Override
        public void getter2(II_Result r) {
            super.getter2(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends ShutdownLastItem {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void getter1(II_Result r) {
            super.getter1(r);
        }

        @Actor
        @Override
        public void getter2(II_Result r) {
            super.getter2(r);
        }
    }
}
