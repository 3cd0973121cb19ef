package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Queue;

/**
 * No lost wake-up for a blocked {@code join()}: the queue starts with one item put and taken
 * (one unfinished task); the actor calls {@link Queue#join()} and the signal calls
 * {@code taskDone()} for that last task, which must release the joiner.
 *
 * <p>On the lock-free backend every {@code taskDone()} reads {@code waitingJoiners} after its
 * fetch-and-add (a full fence), and the one that sees a joiner and no unfinished task left
 * signals {@code allTasksDone}; on the locked backend it signals under the lock. {@code TERMINATED} is the only acceptable outcome.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The last taskDone() released join().")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: join() stayed blocked with no task unfinished.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: a call threw.")
public abstract class JoinWakeUp {
    private final Queue<Integer> queue;

    JoinWakeUp(Backend backend) {
        queue = new Queue<>(0, backend);
        queue.putNowait(1);
        queue.getNowait();
    }

    public void actor() {
        try {
            queue.join();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    public void signal() {
        queue.taskDone();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class Locked extends JoinWakeUp {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void actor() {
            super.actor();
        }

        @Signal
        @Override
        public void signal() {
            super.signal();
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class LockFree extends JoinWakeUp {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void actor() {
            super.actor();
        }

        @Signal
        @Override
        public void signal() {
            super.signal();
        }
    }
}
