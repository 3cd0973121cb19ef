package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Queue;

/**
 * What a lone consumer sees of a put in flight: on an empty unbounded queue actor 1 calls
 * {@code putNowait(1)}; actor 2, the only consumer, reads {@code qsize()} and then calls
 * {@code getNowait()}; the arbiter reads {@code qsize()} at the end.
 *
 * <p>Results: (qsize seen by actor 2, item it got or 0 for {@link Empty}, qsize at the end).
 * Nobody else removes items, so on a linearizable queue a {@code qsize()} of 1 means the item is
 * in the queue and the following {@code getNowait()} gets it. That holds on the locked backend.
 * The lock-free backend counts an item when its producer claims the slot, before the item reaches
 * the store (see {@code QueueCore.size()}: "including any a producer has claimed room for but not
 * yet added"), so a consumer can see {@code qsize() == 1} and then {@code Empty}: "1, 0, 1".
 * Python allows that ({@code qsize() > 0} "doesn't guarantee that a subsequent get() will not
 * block"); {@code Queue}'s Javadoc, which calls both backends linearizable, does not. It is
 * recorded as interesting, not forbidden: nothing is lost (the item is in the queue at the end).
 */
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "Both reads came before the put; the item stays in the queue.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "qsize() came before the put, getNowait() after it.")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "Both reads came after the put.")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE_INTERESTING,
        desc = "Lock-free only: qsize() counted a put in flight whose item getNowait() did not find yet.")
@Outcome(expect = FORBIDDEN, desc = "The item lost, or counted twice.")
public abstract class QsizeVersusGetNowait {
    private final Queue<Integer> queue;

    QsizeVersusGetNowait(Backend backend) {
        queue = new Queue<>(0, backend);
    }

    public void producer() {
        queue.putNowait(1);
    }

    public void consumer(III_Result r) {
        r.r1 = queue.qsize();
        try {
            r.r2 = queue.getNowait();
        } catch (Empty e) {
            r.r2 = 0;
        }
    }

    public void arbiter(III_Result r) {
        r.r3 = queue.qsize();
    }

    /** On {@link Backend#LOCKED}. */
    @JCStressTest
    @State
    public static class Locked extends QsizeVersusGetNowait {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer(III_Result r) {
            super.consumer(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}. */
    @JCStressTest
    @State
    public static class LockFree extends QsizeVersusGetNowait {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer(III_Result r) {
            super.consumer(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }
}
