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
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;

/**
 * The bound is exact under a race: a {@code Queue(maxsize=2)} that was full (1 and 2 put) and had
 * one item taken holds 2 and has one free slot; two actors each try {@code putNowait} (3 and 4).
 * Exactly one of them goes in, the other finds the queue full. The arbiter reports what the queue
 * holds, in order.
 *
 * <p>On the lock-free backend a producer checks the bound against a cached limit (a former
 * {@code takes + maxsize}) and reads {@code takes} again only when that runs out, then claims by a
 * CAS on {@code puts}. Here the limit cached by the second put is spent: both producers read
 * {@code takes}, both see the freed slot, and must not both take it.
 *
 * <p>Results: (actor 1's put: 1 done, 0 Full; actor 2's put; what the queue holds afterwards as
 * decimal digits in order, e.g. 23).
 */
@Outcome(id = "1, 0, 23", expect = ACCEPTABLE, desc = "3 took the free slot, 4 found the queue full.")
@Outcome(id = "0, 1, 24", expect = ACCEPTABLE, desc = "4 took the free slot, 3 found the queue full.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Both puts went in: the queue held three items.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both puts found the queue full, though it had a free slot.")
@Outcome(expect = FORBIDDEN, desc = "An item lost, duplicated or out of order.")
public abstract class LastSlotTwoPutters {
    private final Queue<Integer> queue;

    LastSlotTwoPutters(Backend backend) {
        queue = new Queue<>(2, backend);
        queue.putNowait(1);
        queue.putNowait(2);
        queue.getNowait();
    }

    public void putter3(III_Result r) {
        r.r1 = put(3);
    }

    public void putter4(III_Result r) {
        r.r2 = put(4);
    }

    public void contents(III_Result r) {
        int digits = 0;
        if (queue.qsize() > 2) {
            digits = -queue.qsize();
        } else {
            while (!queue.empty()) {
                digits = digits * 10 + queue.getNowait();
            }
        }
        r.r3 = digits;
    }

    private int put(int item) {
        try {
            queue.putNowait(item);
            return 1;
        } catch (Full full) {
            return 0;
        }
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends LastSlotTwoPutters {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void putter3(III_Result r) {
            super.putter3(r);
        }

        @Actor
        @Override
        public void putter4(III_Result r) {
            super.putter4(r);
        }

        @Arbiter
        @Override
        public void contents(III_Result r) {
            super.contents(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends LastSlotTwoPutters {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void putter3(III_Result r) {
            super.putter3(r);
        }

        @Actor
        @Override
        public void putter4(III_Result r) {
            super.putter4(r);
        }

        @Arbiter
        @Override
        public void contents(III_Result r) {
            super.contents(r);
        }
    }
}
