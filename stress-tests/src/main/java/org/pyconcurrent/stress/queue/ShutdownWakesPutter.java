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
 * {@code shutdown} wakes a putter blocked on a full queue, which must then raise
 * {@link ShutDown}: a {@code Queue(maxsize=1)} holds one item, the actor calls
 * {@link Queue#put(Object)} (which blocks for want of room) and the signal shuts the queue down.
 * A put that goes through makes the actor throw, an error.
 *
 * <p>Two forms of the signal: {@code shutdown()}, and {@code shutdown(true)}, whose drain frees
 * the slot the putter waits for: the putter must still raise {@code ShutDown}, not slip its item
 * into the queue being shut (the lock-free backend sets its shut-down bit before it drains, and
 * a slot can only be claimed while that bit is clear). {@code TERMINATED} is the only acceptable
 * outcome.
 */
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The shutdown woke the putter, which raised ShutDown.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: put() stayed blocked on a queue that is shut down.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: put() went through instead of raising ShutDown, or a call threw.")
public abstract class ShutdownWakesPutter {
    private final Queue<Integer> queue;
    private final boolean immediate;

    ShutdownWakesPutter(Backend backend, boolean immediate) {
        this.immediate = immediate;
        queue = new Queue<>(1, backend);
        queue.putNowait(1);
    }

    public void actor() {
        try {
            queue.put(2);
            throw new IllegalStateException("put() went through on a queue being shut down");
        } catch (ShutDown expected) {
            // The only right way out.
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    public void signal() {
        queue.shutdown(immediate);
    }

    /** On {@link Backend#LOCKED}, with {@code shutdown()}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class Locked extends ShutdownWakesPutter {
        public Locked() {
            super(Backend.LOCKED, false);
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

    /** On {@link Backend#LOCK_FREE}, with {@code shutdown()}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class LockFree extends ShutdownWakesPutter {
        public LockFree() {
            super(Backend.LOCK_FREE, false);
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

    /** On {@link Backend#LOCKED}, with {@code shutdown(true)}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class LockedImmediate extends ShutdownWakesPutter {
        public LockedImmediate() {
            super(Backend.LOCKED, true);
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

    /** On {@link Backend#LOCK_FREE}, with {@code shutdown(true)}. */
    @JCStressTest(Mode.Termination)
    @State
    public static class LockFreeImmediate extends ShutdownWakesPutter {
        public LockFreeImmediate() {
            super(Backend.LOCK_FREE, true);
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
