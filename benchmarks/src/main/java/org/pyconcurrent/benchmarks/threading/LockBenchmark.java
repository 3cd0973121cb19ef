package org.pyconcurrent.benchmarks.threading;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pyconcurrent.threading.Held;
import org.pyconcurrent.threading.Lock;
import org.pyconcurrent.threading.RLock;

/**
 * Mutual exclusion: acquire, increment a counter, release. One operation is that whole sequence.
 *
 * <p>Compares, in one run, {@link Lock} ({@code acquire()}/{@code release()} in try/finally, and
 * through {@code try (var held = lock.with())}, Python's {@code with lock:}), {@link RLock},
 * {@link ReentrantLock} ({@code lock()}/{@code unlock()}) and a {@code synchronized} block.
 * {@link #uncontended()} runs one thread: the cost of the fast path (one CAS in, one store or CAS
 * out). {@link #contended()} runs two threads on the same lock, so the lock changes hands and
 * threads may park; the critical section is one field increment.
 *
 * <p>Our {@code acquire()} is interruptible, like {@link ReentrantLock#lockInterruptibly()}: it
 * reads the thread's interrupt status first, which {@code ReentrantLock.lock()} does not.
 * The target is our Lock within 1.25x of ReentrantLock on {@link #uncontended()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LockBenchmark {

    /** Each variant: acquire, {@code ++count}, release, return the new count. */
    interface Guarded {
        long increment() throws InterruptedException;
    }

    /** The locks compared; each constant builds a fresh, unlocked one. */
    public enum LockType {
        /** pyconcurrent {@link Lock}, acquire/release in try/finally. */
        PY_LOCK {
            @Override
            Guarded create() {
                return new PyLock();
            }
        },
        /** pyconcurrent {@link Lock} through {@code with()}: the idiom ported code uses. */
        PY_LOCK_WITH {
            @Override
            Guarded create() {
                return new PyLockWith();
            }
        },
        /** pyconcurrent {@link RLock}. */
        PY_RLOCK {
            @Override
            Guarded create() {
                return new PyRLock();
            }
        },
        /** Non-fair {@link ReentrantLock}, lock/unlock. */
        REENTRANT_LOCK {
            @Override
            Guarded create() {
                return new JucReentrantLock();
            }
        },
        /** A {@code synchronized} block on a private monitor. */
        SYNCHRONIZED {
            @Override
            Guarded create() {
                return new Monitor();
            }
        };

        abstract Guarded create();
    }

    @Param
    public LockType type;

    private Guarded guarded;

    @Setup
    public void setUp() {
        guarded = type.create();
    }

    /** One thread: the lock is always free when acquired. */
    @Benchmark
    @Threads(1)
    public long uncontended() throws InterruptedException {
        return guarded.increment();
    }

    /** Two threads on the same lock and counter. */
    @Benchmark
    @Threads(2)
    public long contended() throws InterruptedException {
        return guarded.increment();
    }

    private static final class PyLock implements Guarded {
        private final Lock lock = new Lock();
        private long count;

        @Override
        public long increment() throws InterruptedException {
            lock.acquire();
            try {
                return ++count;
            } finally {
                lock.release();
            }
        }
    }

    private static final class PyLockWith implements Guarded {
        private final Lock lock = new Lock();
        private long count;

        @Override
        public long increment() throws InterruptedException {
            try (Held held = lock.with()) {
                return ++count;
            }
        }
    }

    private static final class PyRLock implements Guarded {
        private final RLock lock = new RLock();
        private long count;

        @Override
        public long increment() throws InterruptedException {
            lock.acquire();
            try {
                return ++count;
            } finally {
                lock.release();
            }
        }
    }

    private static final class JucReentrantLock implements Guarded {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;

        @Override
        public long increment() {
            lock.lock();
            try {
                return ++count;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class Monitor implements Guarded {
        private final Object monitor = new Object();
        private long count;

        @Override
        public long increment() {
            synchronized (monitor) {
                return ++count;
            }
        }
    }
}
