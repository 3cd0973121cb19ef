package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Queue;

/**
 * Two {@code taskDone()} calls race for one unfinished task: exactly one succeeds, the other is
 * "called too many times", and the count ends at zero. The queue starts with one item put and
 * taken. On the lock-free backend {@code taskDone()} is a fetch-and-add that a call too many takes
 * back when it sees the count below zero; this checks that the two calls never both succeed,
 * never both fail, and leave nothing behind.
 *
 * <p>Results: (actor 1 succeeded, actor 2 succeeded, unfinished tasks afterwards), 1 for success.
 */
@Outcome(id = {"1, 0, 0", "0, 1, 0"}, expect = ACCEPTABLE, desc = "One call finished the task; the other was one too many.")
@Outcome(expect = FORBIDDEN, desc = "Both succeeded, both failed, or the count is off.")
public abstract class TaskDoneTooMany {
    private final Queue<Integer> queue;

    TaskDoneTooMany(Backend backend) {
        queue = new Queue<>(0, backend);
        queue.putNowait(1);
        queue.getNowait();
    }

    private int taskDone() {
        try {
            queue.taskDone();
            return 1;
        } catch (IllegalArgumentException tooMany) {
            return 0;
        }
    }

    public void first(III_Result r) {
        r.r1 = taskDone();
    }

    public void second(III_Result r) {
        r.r2 = taskDone();
    }

    public void count(III_Result r) {
        r.r3 = (int) queue.unfinishedTasks();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends TaskDoneTooMany {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void first(III_Result r) {
            super.first(r);
        }

        @Actor
        @Override
        public void second(III_Result r) {
            super.second(r);
        }

        @Arbiter
        @Override
        public void count(III_Result r) {
            super.count(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends TaskDoneTooMany {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void first(III_Result r) {
            super.first(r);
        }

        @Actor
        @Override
        public void second(III_Result r) {
            super.second(r);
        }

        @Arbiter
        @Override
        public void count(III_Result r) {
            super.count(r);
        }
    }
}
