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
 * No lost wake-up for a blocked {@code get()}: the actor calls {@link Queue#get()} on an empty
 * unbounded queue and the signal puts one item. The put must wake the getter, which must return
 * that item (anything else makes the actor throw, which jcstress records as an error).
 *
 * <p>On the lock-free backend the put wakes the getter only if, after its offer and a full
 * fence, it sees the getter registered as waiting; the getter registers, fences and looks at the
 * store once more before it parks. On the locked backend the put signals the not-empty condition
 * under the lock. {@code TERMINATED} is the only acceptable outcome.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The put woke the getter, which took the item.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: get() stayed blocked with an item in the queue.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: get() returned another item, or a call threw.")
public abstract class GetWakeUp {
    private final Queue<Integer> queue;

    GetWakeUp(Backend backend) {
        queue = new Queue<>(0, backend);
    }

    public void actor() {
        try {
            Integer item = queue.get();
            if (item == null || item != 1) {
                throw new IllegalStateException("get() returned " + item + ", not the item put");
            }
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    public void signal() {
        queue.putNowait(1);
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class Locked extends GetWakeUp {
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
    public static class LockFree extends GetWakeUp {
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
