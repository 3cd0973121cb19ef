package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.queue.ShutDown;

/**
 * An immediate shutdown against an in-flight put: a {@code Queue(maxsize=2)} starts with two
 * items put and one of them taken and not yet marked done (two unfinished tasks, one item in the
 * queue). Actor 1 calls {@code put(3)}, which may raise {@link ShutDown}; actor 2 calls
 * {@code shutdown(true)}. The arbiter, after both, reads {@code qsize()}, calls
 * {@code getNowait()} and reads {@code unfinishedTasks()}.
 *
 * <p>Results: (put: 1 done, 0 ShutDown, -1 interrupted; qsize; getNowait: 1 ShutDown, 2 Empty,
 * 10 + item if it returned one; unfinished tasks). Whether or not the put got in first, the
 * shutdown empties the queue and marks every item it removes done, so the queue ends empty,
 * {@code getNowait} raises {@code ShutDown}, and exactly one task is left: the item taken before
 * the race, which nobody has marked done. A put that succeeded had its item drained and marked
 * done too; on the lock-free backend such a put may have claimed its slot before the shut-down
 * bit was set and stored the item after, which the drain must wait for. A task count of 2 is a
 * drained item not marked done, 0 a task marked done that was not drained; a non-empty queue is
 * an item the drain missed.
 */
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE,
        desc = "The put went in first; the shutdown drained its item and marked it done.")
@Outcome(id = "0, 0, 1, 1", expect = ACCEPTABLE, desc = "The shutdown came first; the put raised ShutDown.")
@Outcome(expect = FORBIDDEN,
        desc = "An item survived the drain, a drained item was not marked done, or a task was marked done twice.")
public abstract class ImmediateShutdownVersusPut {
    private final Queue<Integer> queue;

    ImmediateShutdownVersusPut(Backend backend) {
        queue = new Queue<>(2, backend);
        queue.putNowait(1);
        queue.putNowait(2);
        queue.getNowait();
    }

    public void putter(IIII_Result r) {
        try {
            queue.put(3);
            r.r1 = 1;
        } catch (ShutDown e) {
            r.r1 = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
        }
    }

    public void shutter() {
        queue.shutdown(true);
    }

    public void arbiter(IIII_Result r) {
        r.r2 = queue.qsize();
        try {
            r.r3 = 10 + queue.getNowait();
        } catch (ShutDown e) {
            r.r3 = 1;
        } catch (Empty e) {
            r.r3 = 2;
        }
        r.r4 = (int) queue.unfinishedTasks();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends ImmediateShutdownVersusPut {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void putter(IIII_Result r) {
            super.putter(r);
        }

        @Actor
        @Override
        public void shutter() {
            super.shutter();
        }

        @Arbiter
        @Override
        public void arbiter(IIII_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends ImmediateShutdownVersusPut {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void putter(IIII_Result r) {
            super.putter(r);
        }

        @Actor
        @Override
        public void shutter() {
            super.shutter();
        }

        @Arbiter
        @Override
        public void arbiter(IIII_Result r) {
            super.arbiter(r);
        }
    }
}
