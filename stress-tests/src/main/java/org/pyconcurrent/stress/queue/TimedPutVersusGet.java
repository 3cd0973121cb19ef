package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;

/**
 * A timed put that runs out while a get frees the slot: a {@code Queue(maxsize=1)} holds item 5;
 * actor 1 calls {@code put(7, 10 µs)}, actor 2 {@code getNowait()}; the arbiter drains the
 * queue.
 *
 * <p>Results: (put: 1 done, 0 {@link Full}, -1 interrupted; item actor 2 got, 0 for
 * {@link Empty}; item left, 0 for none). The get always finds 5 (only it removes items). Then
 * either the put got the freed slot and 7 is left, or it gave up and the queue is empty. A put
 * that reports success with nothing left lost its item; one that reports {@code Full} with 7
 * left put it anyway. The get's signal may reach the putter as its wait runs out; both backends
 * try once more after a timed-out wait before they give up.
 */
@Outcome(id = "1, 5, 7", expect = ACCEPTABLE, desc = "The put took the slot the get freed.")
@Outcome(id = "0, 5, 0", expect = ACCEPTABLE, desc = "The put timed out (Full) before the get freed the slot.")
@Outcome(id = "1, 5, 0", expect = FORBIDDEN, desc = "The put reported success but its item is gone.")
@Outcome(id = "0, 5, 7", expect = FORBIDDEN, desc = "The put raised Full but its item went in.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the get missed item 5 (-1: interrupted).")
public abstract class TimedPutVersusGet {
    private static final Duration TIMEOUT = Duration.ofNanos(10_000);

    private final Queue<Integer> queue;

    TimedPutVersusGet(Backend backend) {
        queue = new Queue<>(1, backend);
        queue.putNowait(5);
    }

    public void putter(III_Result r) {
        try {
            queue.put(7, TIMEOUT);
            r.r1 = 1;
        } catch (Full e) {
            r.r1 = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
        }
    }

    public void getter(III_Result r) {
        r.r2 = take();
    }

    public void arbiter(III_Result r) {
        int left = take();
        if (take() != 0) {
            left = -1;
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
    public static class Locked extends TimedPutVersusGet {
        public Locked() {
            super(Backend.LOCKED);
        }

        @Actor
        @Override
        public void putter(III_Result r) {
            super.putter(r);
        }

        @Actor
        @Override
        public void getter(III_Result r) {
            super.getter(r);
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
    public static class LockFree extends TimedPutVersusGet {
        public LockFree() {
            super(Backend.LOCK_FREE);
        }

        @Actor
        @Override
        public void putter(III_Result r) {
            super.putter(r);
        }

        @Actor
        @Override
        public void getter(III_Result r) {
            super.getter(r);
        }

        @Arbiter
        @Override
        public void arbiter(III_Result r) {
            super.arbiter(r);
        }
    }
}
