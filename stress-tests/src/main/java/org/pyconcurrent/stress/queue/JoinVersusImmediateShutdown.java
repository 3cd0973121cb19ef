package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Queue;

/**
 * An immediate shutdown finishes the tasks of the items it drains and releases {@code join()}:
 * the queue starts with one item that nobody takes (one unfinished task). Actor 1 calls
 * {@link Queue#join()}, then reads {@code unfinishedTasks()} and {@code qsize()}; actor 2 calls
 * {@code shutdown(true)}, which removes the item and marks it done.
 *
 * <p>Results: (unfinished tasks after join, qsize after join). The only way out of
 * {@code join()} is the drain, so actor 1 must see "0, 0"; a 1 means join returned while the
 * item was still there. On the lock-free backend the drain lowers the task count without the
 * wake-up {@code taskDone()} does, and relies on the {@code signalAll} at the end of
 * {@code shutdown}; this races that against join's registration.
 */
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "join() returned after the drain finished the only task.")
@Outcome(expect = FORBIDDEN,
        desc = "join() returned before the drain, or the drain left a task or an item (-1: interrupted).")
public abstract class JoinVersusImmediateShutdown {
    private final Queue<Integer> queue;

    JoinVersusImmediateShutdown(Backend backend) {
        queue = new Queue<>(0, backend);
        queue.putNowait(1);
    }

    public void joiner(II_Result r) {
        try {
            queue.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            r.r2 = -1;
            return;
        }
        r.r1 = (int) queue.unfinishedTasks();
        r.r2 = queue.qsize();
    }

    public void shutter() {
        queue.shutdown(true);
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends JoinVersusImmediateShutdown {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void joiner(II_Result r) {
            super.joiner(r);
        }

        @Actor
        @Override
        public void shutter() {
            super.shutter();
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends JoinVersusImmediateShutdown {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void joiner(II_Result r) {
            super.joiner(r);
        }

        @Actor
        @Override
        public void shutter() {
            super.shutter();
        }
    }
}
