package org.pyconcurrent.benchmarks.threading;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import org.pyconcurrent.threading.Condition;
import org.pyconcurrent.threading.Lock;
import org.pyconcurrent.threading.RLock;

/**
 * Condition variables: our {@link Condition} on its default {@link RLock} and on a {@link Lock},
 * beside a {@link ReentrantLock}'s {@link java.util.concurrent.locks.Condition}, in one run.
 *
 * <ul>
 *   <li>{@link #signalNoWaiter}: one thread holds the lock for the whole iteration and calls
 *       {@code signal()} with nobody waiting; one operation is one signal. This is the fixed cost
 *       every notify pays: our ownership check (Python's "cannot notify on un-acquired lock")
 *       and then the JDK's own check and empty-queue test.</li>
 *   <li>{@link #first} and {@link #second}: two threads pass a turn back and forth. Each takes the
 *       lock, awaits until the shared {@code turn} is its own, hands the turn to the other,
 *       signals and releases. One operation of either thread spans a full round trip (two
 *       hand-offs, each a wake-up and a lock transfer).</li>
 * </ul>
 *
 * <p>Stopping: in the hand-off, every await is bounded ({@value #SLICE_MILLIS} ms) and a thread
 * whose turn has not come gives up once its partner may have stopped
 * ({@link Control#stopMeasurement}); each iteration starts from a new condition.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionBenchmark {
    /** The longest one await lasts before the stop flag is checked again. */
    static final long SLICE_MILLIS = 10;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
    private static final Duration SLICE = Duration.ofMillis(SLICE_MILLIS);

    /** A condition variable and its lock, as the benchmarks use them. */
    interface CondVar {
        void lock() throws InterruptedException;

        void unlock();

        void signal();

        /** Awaits a signal for at most one slice; the lock is held again on return. */
        void awaitSlice() throws InterruptedException;
    }

    /** The condition variables compared; each constant builds a fresh one, lock free. */
    public enum ConditionType {
        /** pyconcurrent {@link Condition} with its default {@link RLock}. */
        PY_CONDITION_RLOCK {
            @Override
            CondVar create() {
                return new PyCondition(new Condition());
            }
        },
        /** pyconcurrent {@link Condition} on a {@link Lock}. */
        PY_CONDITION_LOCK {
            @Override
            CondVar create() {
                return new PyCondition(new Condition(new Lock()));
            }
        },
        /** {@link ReentrantLock#newCondition()}. */
        JUC_CONDITION {
            @Override
            CondVar create() {
                return new JucCondition();
            }
        };

        abstract CondVar create();
    }

    /** A condition whose lock the benchmark thread holds for the whole iteration. */
    @State(Scope.Thread)
    public static class Held {
        @Param
        public ConditionType type;

        CondVar condition;

        // Thread-scoped state: JMH runs iteration setup and teardown in the benchmark thread.
        @Setup(Level.Iteration)
        public void acquire() throws InterruptedException {
            condition = type.create();
            condition.lock();
        }

        @TearDown(Level.Iteration)
        public void release() {
            condition.unlock();
        }
    }

    /** A condition and the turn it guards, shared by the two threads of a group. */
    @State(Scope.Group)
    public static class Turn {
        @Param
        public ConditionType type;

        CondVar condition;
        /** Whose turn it is: 0 or 1 (guarded by the condition's lock). */
        int turn;

        @Setup(Level.Iteration)
        public void reset() {
            condition = type.create();
            turn = 0;
        }

        /** Waits for turn {@code mine}, then passes it on; false if the measurement stopped first. */
        boolean pass(int mine, Control control) throws InterruptedException {
            condition.lock();
            try {
                while (turn != mine) {
                    if (control.stopMeasurement) {
                        return false;
                    }
                    condition.awaitSlice();
                }
                turn = 1 - mine;
                condition.signal();
                return true;
            } finally {
                condition.unlock();
            }
        }
    }

    /** {@code signal()} with the lock held and no thread waiting. */
    @Benchmark
    @Threads(1)
    public void signalNoWaiter(Held held) {
        held.condition.signal();
    }

    /** One of the two threads passing the turn: takes turn 0, hands over turn 1. */
    @Benchmark
    @Group("handOff")
    public boolean first(Turn turn, Control control) throws InterruptedException {
        return turn.pass(0, control);
    }

    /** The other thread: takes turn 1, hands over turn 0. */
    @Benchmark
    @Group("handOff")
    public boolean second(Turn turn, Control control) throws InterruptedException {
        return turn.pass(1, control);
    }

    private static final class PyCondition implements CondVar {
        private final Condition condition;

        PyCondition(Condition condition) {
            this.condition = condition;
        }

        @Override
        public void lock() throws InterruptedException {
            condition.acquire();
        }

        @Override
        public void unlock() {
            condition.release();
        }

        @Override
        public void signal() {
            condition.signal();
        }

        @Override
        public void awaitSlice() throws InterruptedException {
            condition.await(SLICE);
        }
    }

    private static final class JucCondition implements CondVar {
        private final ReentrantLock lock = new ReentrantLock();
        private final java.util.concurrent.locks.Condition condition = lock.newCondition();

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public void signal() {
            condition.signal();
        }

        @Override
        public void awaitSlice() throws InterruptedException {
            condition.awaitNanos(SLICE_NANOS);
        }
    }
}
