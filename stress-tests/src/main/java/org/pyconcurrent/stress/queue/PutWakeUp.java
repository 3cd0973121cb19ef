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
 * No lost wake-up for a blocked {@code put()}: a {@code Queue(maxsize=1)} holds one item; the
 * actor calls {@link Queue#put(Object)}, which blocks for want of room, and the signal takes the
 * item with {@code getNowait()}, which must wake the putter (the signal throws, an error, if it
 * does not find the first item in the queue).
 *
 * <p>On the lock-free backend the get wakes the putter only if, after lowering the item count (a
 * full fence), it sees the putter registered as waiting; the putter registers, fences and tries
 * once more to claim a slot before it parks. On the locked backend the get signals the not-full
 * condition under the lock. {@code TERMINATED} is the only acceptable outcome.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The get freed the slot and woke the putter.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: put() stayed blocked on a queue with room.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: a call threw.")
public abstract class PutWakeUp {
    private final Queue<Integer> queue;

    PutWakeUp(Backend backend) {
        queue = new Queue<>(1, backend);
        queue.putNowait(1);
    }

    public void actor() {
        try {
            queue.put(2);
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    public void signal() {
        Integer item = queue.getNowait();
        if (item != 1) {
            throw new IllegalStateException("getNowait() returned " + item + ", not the item that filled the queue");
        }
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class Locked extends PutWakeUp {
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
    public static class LockFree extends PutWakeUp {
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
