package org.pyconcurrent.benchmarks.threading;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import org.pyconcurrent.threading.Barrier;
import org.pyconcurrent.threading.BrokenBarrierError;

/**
 * Two threads meeting at a two-party barrier over and over: one operation is one
 * {@code await()}, that is one round (the later thread's arrival releases the earlier one).
 *
 * <p>Compares, in one run, our {@link Barrier} (CPython's filling/draining state machine on a
 * ReentrantLock) and {@link CyclicBarrier}, both with two parties and no action.
 *
 * <p>Stopping: a timed barrier wait breaks the barrier when it expires, so waits here are not
 * timed. Instead, a thread that calls {@code await} after the measurement stopped
 * ({@link Control#stopMeasurement}; JMH keeps calling a finished thread while its partner is
 * still measuring) resets the barrier, which releases its partner with a broken-barrier error;
 * that call and the partner's broken one return -1. The barrier is new for each iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Group)
public class BarrierBenchmark {

    /** A two-party barrier as the benchmark uses it. */
    interface Rendezvous {
        /** Waits for the other party; the arrival index, or -1 if the round was broken. */
        int await() throws InterruptedException;

        /** Breaks the current round, releasing a waiting party. */
        void reset();
    }

    /** The barriers compared; each constant builds a fresh two-party one. */
    public enum BarrierType {
        /** pyconcurrent {@link Barrier}. */
        PY_BARRIER {
            @Override
            Rendezvous create() {
                return new PyBarrier();
            }
        },
        /** {@link CyclicBarrier}. */
        JUC_CYCLIC_BARRIER {
            @Override
            Rendezvous create() {
                return new JucBarrier();
            }
        };

        abstract Rendezvous create();
    }

    @Param
    public BarrierType type;

    private Rendezvous barrier;

    @Setup(Level.Iteration)
    public void setUp() {
        barrier = type.create();
    }

    /** Both threads of the group: one round per call. */
    @Benchmark
    @Group("roundTrip")
    @GroupThreads(2)
    public int await(Control control) throws InterruptedException {
        if (control.stopMeasurement) {
            barrier.reset();
            return -1;
        }
        return barrier.await();
    }

    private static final class PyBarrier implements Rendezvous {
        private final Barrier barrier = new Barrier(2);

        @Override
        public int await() throws InterruptedException {
            try {
                return barrier.await();
            } catch (BrokenBarrierError e) {
                return -1;
            }
        }

        @Override
        public void reset() {
            barrier.reset();
        }
    }

    private static final class JucBarrier implements Rendezvous {
        private final CyclicBarrier barrier = new CyclicBarrier(2);

        @Override
        public int await() throws InterruptedException {
            try {
                return barrier.await();
            } catch (BrokenBarrierException e) {
                return -1;
            }
        }

        @Override
        public void reset() {
            barrier.reset();
        }
    }
}
