package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;

/**
 * Hand-off through a single slot: on a {@code Queue(maxsize=1)} actor 1 does
 * {@code putNowait(1)} then {@code getNowait()}, actor 2 the same with 2. A put may meet the other
 * actor's item in the slot and raise {@link Full}; a get may find the slot empty and raise
 * {@link Empty}. The arbiter drains what is left as a bit mask ({@code 1 << item}).
 *
 * <p>Results: (actor 1's put: 1 done, 0 Full; item actor 1 got, 0 for Empty; actor 2's put; item
 * actor 2 got; mask left). The first put always succeeds, and each get comes after its own
 * actor's put, so the slot was filled at least once before each get. Going through the orders
 * of the four calls on one slot gives exactly five outcomes (below); in all of them every item
 * that was put is taken exactly once and nothing is left. A {@code Full} while the slot was
 * empty, an {@code Empty} while it held an item, an item taken twice or never are forbidden.
 *
 * <p>The lock-free backend keeps a bounded FIFO queue in JCTools' MPMC array queue (two slots for
 * maxsize 1) and bounds it with its own counts: {@code puts}, claimed before the offer, and
 * {@code takes}, raised after the poll.
 */
@Outcome(id = "1, 1, 1, 2, 0", expect = ACCEPTABLE,
        desc = "Both puts went in, one after the other's get; each took its own.")
@Outcome(id = "1, 1, 0, 0, 0", expect = ACCEPTABLE,
        desc = "1 went in, 2 met a full slot; actor 1 took 1, then actor 2 found it empty.")
@Outcome(id = "1, 0, 0, 1, 0", expect = ACCEPTABLE,
        desc = "1 went in, 2 met a full slot; actor 2 took 1, then actor 1 found it empty.")
@Outcome(id = "0, 0, 1, 2, 0", expect = ACCEPTABLE,
        desc = "2 went in, 1 met a full slot; actor 2 took 2, then actor 1 found it empty.")
@Outcome(id = "0, 2, 1, 0, 0", expect = ACCEPTABLE,
        desc = "2 went in, 1 met a full slot; actor 1 took 2, then actor 2 found it empty.")
@Outcome(id = "0, .*, 0, .*", expect = FORBIDDEN, desc = "Both puts met a full slot, though the queue started empty.")
@Outcome(expect = FORBIDDEN,
        desc = "An item lost, taken twice, or left over, or a Full/Empty the slot did not justify.")
public abstract class HandOffMaxsizeOne {
    private final Queue<Integer> queue;

    HandOffMaxsizeOne(Backend backend) {
        queue = new Queue<>(1, backend);
    }

    public void actor1(IIIII_Result r) {
        r.r1 = put(1);
        r.r2 = take();
    }

    public void actor2(IIIII_Result r) {
        r.r3 = put(2);
        r.r4 = take();
    }

    public void arbiter(IIIII_Result r) {
        int left = 0;
        for (;;) {
            int item = take();
            if (item == 0) {
                break;
            }
            left |= 1 << item;
        }
        r.r5 = left;
    }

    private int put(int item) {
        try {
            queue.putNowait(item);
            return 1;
        } catch (Full e) {
            return 0;
        }
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
    public static class Locked extends HandOffMaxsizeOne {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void actor1(IIIII_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(IIIII_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends HandOffMaxsizeOne {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void actor1(IIIII_Result r) {
            super.actor1(r);
        }

        @Actor
        @Override
        public void actor2(IIIII_Result r) {
            super.actor2(r);
        }

        @Arbiter
        @Override
        public void arbiter(IIIII_Result r) {
            super.arbiter(r);
        }
    }
}
