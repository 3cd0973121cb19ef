package org.pyconcurrent.benchmarks.multiprocessing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
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
import org.pyconcurrent.multiprocessing.Event;

/**
 * Two threads of one process bouncing between two events, {@code ping} and {@code pong}: the
 * latency of waking a thread that waits on an event, the same shape as
 * {@link org.pyconcurrent.benchmarks.threading.EventPingPongBenchmark}.
 *
 * <p>Thread A ({@link #ping}) sets {@code ping}, waits for {@code pong} and clears it; thread B
 * ({@link #pong}) waits for {@code ping}, clears it and sets {@code pong}. Each operation of either
 * thread spans one full round trip, so the score (average time per operation) is the round-trip
 * time: two wake-ups.
 *
 * <p>Compares, in one run, the multiprocessing {@link Event} (a word in shared memory; a waiter
 * spins about 20 µs, then sleeps in the creating process's wait table, here this process's own),
 * the threading {@link org.pyconcurrent.threading.Event}, and an event built the plain
 * java.util.concurrent way (a volatile flag, a {@link ReentrantLock} and a {@link Condition},
 * {@code signalAll} on set).
 *
 * <p>Stopping: every wait is bounded ({@value #SLICE_MILLIS} ms at a time) and a thread gives up
 * once its partner may have stopped ({@link Control#stopMeasurement}); events are new for each
 * iteration, so a round cut short at the end of one does not leak into the next.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Group)
public class SharedEventPingPongBenchmark {
    /** The longest one wait lasts before the stop flag is checked again. */
    static final long SLICE_MILLIS = 10;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
    private static final Duration SLICE = Duration.ofMillis(SLICE_MILLIS);

    /** The part of an event the ping-pong needs. */
    interface Flag {
        void set();

        void clear();

        /** Waits at most one slice for the flag; returns whether it is up. */
        boolean awaitSlice() throws InterruptedException;
    }

    /** The events compared; each constant builds a fresh one, flag down. */
    public enum EventType {
        /** multiprocessing {@link Event}. */
        MP_EVENT {
            @Override
            Flag create() {
                return new MpEvent();
            }
        },
        /** threading {@link org.pyconcurrent.threading.Event}. */
        PY_EVENT {
            @Override
            Flag create() {
                return new PyEvent();
            }
        },
        /** Volatile flag + ReentrantLock + Condition, {@code signalAll} on set. */
        JUC_LOCK_CONDITION {
            @Override
            Flag create() {
                return new LockConditionEvent();
            }
        };

        abstract Flag create();
    }

    @Param
    public EventType type;

    private Flag ping;
    private Flag pong;

    @Setup(Level.Iteration)
    public void setUp() {
        ping = type.create();
        pong = type.create();
    }

    /** Thread A: serve, then wait for the return. */
    @Benchmark
    @Group("pingPong")
    public boolean ping(Control control) throws InterruptedException {
        ping.set();
        if (!awaitUp(pong, control)) {
            return false;
        }
        pong.clear();
        return true;
    }

    /** Thread B: wait for the serve, then return it. */
    @Benchmark
    @Group("pingPong")
    public boolean pong(Control control) throws InterruptedException {
        if (!awaitUp(ping, control)) {
            return false;
        }
        ping.clear();
        pong.set();
        return true;
    }

    /** Waits until {@code flag} is up; false if the measurement stopped first. */
    private static boolean awaitUp(Flag flag, Control control) throws InterruptedException {
        while (!flag.awaitSlice()) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    private static final class MpEvent implements Flag {
        private final Event event = new Event();

        @Override
        public void set() {
            event.set();
        }

        @Override
        public void clear() {
            event.clear();
        }

        @Override
        public boolean awaitSlice() throws InterruptedException {
            return event.await(SLICE);
        }
    }

    private static final class PyEvent implements Flag {
        private final org.pyconcurrent.threading.Event event = new org.pyconcurrent.threading.Event();

        @Override
        public void set() {
            event.set();
        }

        @Override
        public void clear() {
            event.clear();
        }

        @Override
        public boolean awaitSlice() throws InterruptedException {
            return event.await(SLICE);
        }
    }

    private static final class LockConditionEvent implements Flag {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition raised = lock.newCondition();
        private volatile boolean up;

        @Override
        public void set() {
            lock.lock();
            try {
                up = true;
                raised.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void clear() {
            up = false; // wakes nobody, so needs no lock
        }

        @Override
        public boolean awaitSlice() throws InterruptedException {
            if (up) {
                return true;
            }
            lock.lock();
            try {
                long nanos = SLICE_NANOS;
                while (!up) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = raised.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}
