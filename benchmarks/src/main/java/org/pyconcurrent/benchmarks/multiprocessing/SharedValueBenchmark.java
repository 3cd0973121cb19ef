package org.pyconcurrent.benchmarks.multiprocessing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.pyconcurrent.multiprocessing.Value;
import org.pyconcurrent.threading.Held;

/**
 * A shared {@code int}, {@link Value.Int}, used by threads of one process: a read, a write, and an
 * increment under the value's lock ({@code try (var held = v.getLock().with()) { v.set(v.get() + 1); }},
 * Python's {@code with v.get_lock(): v.value += 1}).
 *
 * <p>Compares, in one run, {@code Value.ofInt(0)} (with its default {@link
 * org.pyconcurrent.multiprocessing.RLock}, as in CPython), {@code Value.ofInt(0, new Lock())},
 * an {@link AtomicInteger} ({@code get}, {@code set}, {@code incrementAndGet}) and a volatile
 * {@code int} field incremented under a {@link ReentrantLock}. A value's {@code get} and
 * {@code set} are single volatile accesses of mapped memory, so {@link #get()} and {@link #set()}
 * compare a byte-buffer view {@link java.lang.invoke.VarHandle} with a volatile field.
 * {@link #increment()} runs one thread (the lock is always free), {@link #incrementContended()}
 * two on the same value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SharedValueBenchmark {

    /** One shared counter. */
    interface Counter {
        int get();

        void set(int value);

        /** Adds one, atomically with respect to the other increments; returns the new value. */
        int increment() throws InterruptedException;
    }

    /** The counters compared; each constant builds a fresh one holding 0. */
    public enum CounterType {
        /** {@code Value.ofInt(0)}: a shared int with a new multiprocessing RLock. */
        MP_VALUE_RLOCK {
            @Override
            Counter create() {
                return new SharedInt(Value.ofInt(0));
            }
        },
        /** {@code Value.ofInt(0, new Lock())}: a shared int guarded by a multiprocessing Lock. */
        MP_VALUE_LOCK {
            @Override
            Counter create() {
                return new SharedInt(Value.ofInt(0, new Lock()));
            }
        },
        /** {@link AtomicInteger}; the increment is {@code incrementAndGet}. */
        ATOMIC_INTEGER {
            @Override
            Counter create() {
                return new Atomic();
            }
        },
        /** A volatile int field, incremented under a non-fair {@link ReentrantLock}. */
        LOCKED_INT {
            @Override
            Counter create() {
                return new LockedInt();
            }
        };

        abstract Counter create();
    }

    @Param
    public CounterType type;

    private Counter counter;
    /** The next value {@link #set()} writes (only one thread runs it). */
    private int next;

    @Setup
    public void setUp() {
        counter = type.create();
    }

    /** One read. */
    @Benchmark
    @Threads(1)
    public int get() {
        return counter.get();
    }

    /** One write of a changing value. */
    @Benchmark
    @Threads(1)
    public void set() {
        counter.set(next++);
    }

    /** One thread: an increment whose lock is always free. */
    @Benchmark
    @Threads(1)
    public int increment() throws InterruptedException {
        return counter.increment();
    }

    /** Two threads incrementing the same counter. */
    @Benchmark
    @Threads(2)
    public int incrementContended() throws InterruptedException {
        return counter.increment();
    }

    private static final class SharedInt implements Counter {
        private final Value.Int value;

        SharedInt(Value.Int value) {
            this.value = value;
        }

        @Override
        public int get() {
            return value.get();
        }

        @Override
        public void set(int v) {
            value.set(v);
        }

        @Override
        public int increment() throws InterruptedException {
            try (Held held = value.getLock().with()) {
                int n = value.get() + 1;
                value.set(n);
                return n;
            }
        }
    }

    private static final class Atomic implements Counter {
        private final AtomicInteger value = new AtomicInteger();

        @Override
        public int get() {
            return value.get();
        }

        @Override
        public void set(int v) {
            value.set(v);
        }

        @Override
        public int increment() {
            return value.incrementAndGet();
        }
    }

    private static final class LockedInt implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile int value;

        @Override
        public int get() {
            return value;
        }

        @Override
        public void set(int v) {
            value = v;
        }

        @Override
        public int increment() {
            lock.lock();
            try {
                int n = value + 1;
                value = n;
                return n;
            } finally {
                lock.unlock();
            }
        }
    }
}
