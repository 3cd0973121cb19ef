package org.pyconcurrent.benchmarks.multiprocessing;

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
import org.pyconcurrent.multiprocessing.Lock;
import org.pyconcurrent.multiprocessing.RLock;
import org.pyconcurrent.threading.Held;

/**
 * Mutual exclusion through a lock in shared memory, used by threads of one process: acquire,
 * increment a counter, release. One operation is that whole sequence.
 *
 * <p>Compares, in one run, {@link Lock} ({@code acquire()}/{@code release()} in try/finally, and
 * through {@code try (var held = lock.with())}), {@link RLock}, {@link org.pyconcurrent.threading.Lock}
 * (the in-process lock the same code would use without processes) and {@link ReentrantLock}
 * ({@code lock()}/{@code unlock()}). {@link #uncontended()} runs one thread: the fast path, one
 * CAS on the shared word in and one CAS out, plus a volatile read of the waiter count to see
 * whether anyone must be woken. {@link #contended()} runs two threads on the same lock, so the
 * lock changes hands and a waiter may spin and then sleep through the creating process's host
 * (here this process's own wait table: no socket is involved).
 *
 * <p>{@link RLock} keeps its owner and count in shared memory too; its owner token is the pid
 * and the thread id, so its fast path also computes that token.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SharedLockBenchmark {

    /** Each variant: acquire, {@code ++count}, release, return the new count. */
    interface Guarded {
        long increment() throws InterruptedException;
    }

    /** The locks compared; each constant builds a fresh, unlocked one. */
    public enum LockType {
        /** multiprocessing {@link Lock}, acquire/release in try/finally. */
        MP_LOCK {
            @Override
            Guarded create() {
                return new MpLock();
            }
        },
        /** multiprocessing {@link Lock} through {@code with()}. */
        MP_LOCK_WITH {
            @Override
            Guarded create() {
                return new MpLockWith();
            }
        },
        /** multiprocessing {@link RLock}, acquire/release in try/finally. */
        MP_RLOCK {
            @Override
            Guarded create() {
                return new MpRLock();
            }
        },
        /** threading {@link org.pyconcurrent.threading.Lock}, acquire/release in try/finally. */
        PY_LOCK {
            @Override
            Guarded create() {
                return new PyLock();
            }
        },
        /** Non-fair {@link ReentrantLock}, lock/unlock. */
        REENTRANT_LOCK {
            @Override
            Guarded create() {
                return new JucReentrantLock();
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

    private static final class MpLock implements Guarded {
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

    private static final class MpLockWith implements Guarded {
        private final Lock lock = new Lock();
        private long count;

        @Override
        public long increment() throws InterruptedException {
            try (Held held = lock.with()) {
                return ++count;
            }
        }
    }

    private static final class MpRLock implements Guarded {
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

    private static final class PyLock implements Guarded {
        private final org.pyconcurrent.threading.Lock lock = new org.pyconcurrent.threading.Lock();
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
}
