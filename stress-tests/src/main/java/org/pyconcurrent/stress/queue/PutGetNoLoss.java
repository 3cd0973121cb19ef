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
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.LifoQueue;
import org.pyconcurrent.queue.PriorityQueue;
import org.pyconcurrent.queue.Queue;

/**
 * No item lost or duplicated under concurrent put and get on an unbounded queue: actor 1 puts 1
 * and then takes one item with {@code getNowait()}, actor 2 does the same with 2. The arbiter
 * drains whatever is left and records it as a bit mask ({@code 1 << item}).
 *
 * <p>Results: (item actor 1 got, item actor 2 got, mask of the items left; 0 stands for
 * {@code Empty}). Each actor's own put comes before its get, so its get always finds an item:
 * its own, or, if the other actor took that one, the other's, which the other put before taking.
 * So both gets succeed, each item is taken exactly once and nothing is left. Whichever order the
 * queue hands them out in (first in first out, last in first out, lowest first), the only two
 * outcomes are "each took its own" and "each took the other's". An {@code Empty}, the same item
 * twice, or an item left over is a lost or duplicated item.
 *
 * <p>Four stores: the locked backend's, and the lock-free backend's for FIFO (a
 * {@code ConcurrentLinkedQueue}), LIFO (a {@code ConcurrentLinkedDeque}) and priority (a
 * {@code ConcurrentSkipListSet}) queues. The bounded lock-free store is in {@link HandOffMaxsizeOne}.
 */
@Outcome(id = "1, 2, 0", expect = ACCEPTABLE, desc = "Each actor took its own item.")
@Outcome(id = "2, 1, 0", expect = ACCEPTABLE, desc = "Each actor took the other's item.")
@Outcome(id = {"0, .*", ".*, 0, .*"}, expect = FORBIDDEN, desc = "A get found the queue empty after its own put.")
@Outcome(expect = FORBIDDEN, desc = "An item was taken twice, or left over, or lost.")
public abstract class PutGetNoLoss {
    private final Queue<Integer> queue;

    PutGetNoLoss(Queue<Integer> queue) {
        this.queue = queue;
    }

    public void actor1(III_Result r) {
        queue.putNowait(1);
        r.r1 = take();
    }

    public void actor2(III_Result r) {
        queue.putNowait(2);
        r.r2 = take();
    }

    public void arbiter(III_Result r) {
        int left = 0;
        for (;;) {
            int item = take();
            if (item == 0) {
                break;
            }
            left |= 1 << item;
        }
        r.r3 = left;
    }

    private int take() {
        try {
            return queue.getNowait();
        } catch (Empty e) {
            return 0;
        }
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends PutGetNoLoss {
        public Locked() {
            super(new Queue<>(0, Backend.LOCKED));
        }

        @Actor
        @Override
        public void actor1(III_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(III_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}: an unbounded FIFO queue. */
    @JCStressTest
    @State
    public static class LockFree extends PutGetNoLoss {
        public LockFree() {
            super(new Queue<>(0, Backend.LOCK_FREE));
        }

        @Actor
        @Override
        public void actor1(III_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(III_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}: a {@link LifoQueue}. */
    @JCStressTest
    @State
    public static class LockFreeLifo extends PutGetNoLoss {
        public LockFreeLifo() {
            super(new LifoQueue<>(0, Backend.LOCK_FREE));
        }

        @Actor
        @Override
        public void actor1(III_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(III_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}: a {@link PriorityQueue} in natural order. */
    @JCStressTest
    @State
    public static class LockFreePriority extends PutGetNoLoss {
        public LockFreePriority() {
            super(new PriorityQueue<>(0, null, Backend.LOCK_FREE));
        }

        @Actor
        @Override
        public void actor1(III_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(III_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }
}
