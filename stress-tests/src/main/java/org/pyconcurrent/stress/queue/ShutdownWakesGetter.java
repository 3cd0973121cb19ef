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
import org.pyconcurrent.queue.ShutDown;

/**
 * {@code shutdown()} wakes a getter blocked on an empty queue, which must then raise
 * {@link ShutDown} (Python 3.13: "all callers of get() blocked on an empty queue are unblocked
 * and raise ShutDown"): the actor calls {@link Queue#get()} on an empty queue and the signal
 * calls {@code shutdown()}. A get that returns (there is nothing to return) makes the actor
 * throw, an error.
 *
 * <p>On both backends {@code shutdown} sets its flag and then signals every condition under the
 * lock the waiter registered and checked under. {@code TERMINATED} is the only acceptable
 * outcome.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "shutdown() woke the getter, which raised ShutDown.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "Lost wake-up: get() stayed blocked on a queue that is shut down and empty.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: get() returned instead of raising ShutDown, or a call threw.")
public abstract class ShutdownWakesGetter {
    private final Queue<Integer> queue;

    ShutdownWakesGetter(Backend backend) {
        queue = new Queue<>(0, backend);
    }

    public void actor() {
        try {
            Integer item = queue.get();
            throw new IllegalStateException("get() on an empty queue returned " + item);
        } catch (ShutDown expected) {
            // The only right way out.
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    public void signal() {
        queue.shutdown();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class Locked extends ShutdownWakesGetter {
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
    public static class LockFree extends ShutdownWakesGetter {
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
