package org.pyconcurrent.benchmarks.threading;

import java.util.concurrent.TimeUnit;
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
import org.pyconcurrent.threading.BoundedSemaphore;
import org.pyconcurrent.threading.Semaphore;

/**
 * A semaphore with one permit used as a gate: acquire, increment a counter, release. One operation
 * is that whole sequence.
 *
 * <p>Compares, in one run, {@link Semaphore}, {@link BoundedSemaphore} (whose release also checks
 * the bound) and the non-fair {@link java.util.concurrent.Semaphore}, all with one permit (Python's
 * default value). {@link #uncontended()} runs one thread, so a permit is always free;
 * {@link #contended()} runs two threads on the same semaphore, so one often waits for the other's
 * release. The target is ours within 1.25x of java.util.concurrent.Semaphore.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SemaphoreBenchmark {

    /** Each variant: take a permit, {@code ++count}, give it back, return the new count. */
    interface Gate {
        long increment() throws InterruptedException;
    }

    /** The semaphores compared; each constant builds a fresh one with one permit. */
    public enum SemaphoreType {
        /** pyconcurrent {@link Semaphore}. */
        PY_SEMAPHORE {
            @Override
            Gate create() {
                return new PySemaphore(new Semaphore(1));
            }
        },
        /** pyconcurrent {@link BoundedSemaphore}. */
        PY_BOUNDED_SEMAPHORE {
            @Override
            Gate create() {
                return new PySemaphore(new BoundedSemaphore(1));
            }
        },
        /** Non-fair {@link java.util.concurrent.Semaphore}, acquire/release. */
        JUC_SEMAPHORE {
            @Override
            Gate create() {
                return new JucSemaphore();
            }
        };

        abstract Gate create();
    }

    @Param
    public SemaphoreType type;

    private Gate gate;

    @Setup
    public void setUp() {
        gate = type.create();
    }

    /** One thread: a permit is always free. */
    @Benchmark
    @Threads(1)
    public long uncontended() throws InterruptedException {
        return gate.increment();
    }

    /** Two threads sharing the one permit. */
    @Benchmark
    @Threads(2)
    public long contended() throws InterruptedException {
        return gate.increment();
    }

    private static final class PySemaphore implements Gate {
        private final Semaphore semaphore;
        private long count;

        PySemaphore(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public long increment() throws InterruptedException {
            semaphore.acquire();
            try {
                return ++count;
            } finally {
                semaphore.release();
            }
        }
    }

    private static final class JucSemaphore implements Gate {
        private final java.util.concurrent.Semaphore semaphore = new java.util.concurrent.Semaphore(1);
        private long count;

        @Override
        public long increment() throws InterruptedException {
            semaphore.acquire();
            try {
                return ++count;
            } finally {
                semaphore.release();
            }
        }
    }
}
