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
 * {@link Queue#join()} does not return while a task is unfinished, and publishes what was done
 * before the {@code taskDone()} that finished it: the queue starts with one item put and taken
 * (one unfinished task). Actor 1 calls {@code join()}, then reads a plain field and
 * {@code unfinishedTasks()}; actor 2 writes the field, then calls {@code taskDone()}.
 *
 * <p>Results: (field seen after join, unfinished tasks seen after join). Actor 1 blocks in
 * {@code join()} until actor 2's {@code taskDone()}; the two run on the same instance at the same
 * time, so this races join's check and registration (on the lock-free backend: the fast-path
 * read of {@code dones} and {@code puts}, then {@code waitingJoiners}, a full fence and a second
 * read) against the task count reaching zero and the read of {@code waitingJoiners}. Only "42, 0" is acceptable: 0 for
 * the field means join returned before the task was done, or without the happens-before edge
 * the package promises ("actions prior to taskDone() happen-before actions after the join() it
 * lets return").
 */
@Outcome(id = "42, 0", expect = ACCEPTABLE,
        desc = "join() returned after taskDone(), and the write before it is visible.")
@Outcome(id = "0, .*", expect = FORBIDDEN,
        desc = "join() returned early, or the write before taskDone() is not visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (-1: join() interrupted).")
public abstract class JoinPublication {
    private final Queue<Integer> queue;
    private int data;

    JoinPublication(Backend backend) {
        queue = new Queue<>(0, backend);
        queue.putNowait(1);
        queue.getNowait();
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
        r.r1 = data;
        r.r2 = (int) queue.unfinishedTasks();
    }

    public void worker() {
        data = 42;
        queue.taskDone();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends JoinPublication {
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
        public void worker() {
            super.worker();
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends JoinPublication {
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
        public void worker() {
            super.worker();
        }
    }
}
