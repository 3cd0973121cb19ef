package org.pyconcurrent.benchmarks.futures;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ThreadPoolExecutor;

/**
 * Handing a trivial call to a two-thread executor and getting its result back.
 *
 * <p>Two shapes, both scored as the average time per call (lower is better):
 * <ul>
 *   <li>{@link #submitResult()}: one {@code submit}, then wait for that call's result. The
 *       executor's queue is empty each time, so this is the round trip through it: enqueue, wake
 *       a parked worker, run, complete the future, wake the parked caller. It measures latency,
 *       mostly the two unpark/park hand-offs.</li>
 *   <li>{@link #submitBatchThenResults()}: {@value #BATCH} {@code submit}s, then wait for each
 *       result in order; the score is per call. The workers find work queued and the caller
 *       rarely parks, so this is the executor's throughput.</li>
 * </ul>
 *
 * <p>Compares, in one run, each in its own fork:
 * <ul>
 *   <li>Our {@link ThreadPoolExecutor}{@code (2)} (Python's
 *       {@code concurrent.futures.ThreadPoolExecutor(2)}): {@code submit} and Python's
 *       {@link Future#result()}.</li>
 *   <li>{@link Executors#newFixedThreadPool(int) Executors.newFixedThreadPool(2)}: a
 *       {@link java.util.concurrent.ThreadPoolExecutor} on a {@code LinkedBlockingQueue};
 *       {@code submit} and {@code get()}.</li>
 *   <li>A {@link ForkJoinPool}{@code (2)}: {@code submit} from this outside thread and
 *       {@code get()}. The caller never runs the call itself (a task submitted as a
 *       {@code Callable} is not helped by an outside thread), so it is a hand-off too.</li>
 * </ul>
 * Workers are daemon threads, started before measuring. With two workers and the benchmark
 * thread the three threads share the machine's cores; on a two-core machine the figures are
 * noisy.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SubmitResultBenchmark {
    /** Calls submitted before waiting, in {@link #submitBatchThenResults()}. */
    static final int BATCH = 100;
    /** Worker threads of every executor. */
    static final int WORKERS = 2;

    private static final Integer ONE = 1;
    private static final Callable<Integer> TASK = () -> ONE;
    private static final ThreadFactory DAEMONS = Thread.ofPlatform().daemon(true).factory();

    /** One executor: submit a call, later wait for its result. */
    interface Submitter extends AutoCloseable {
        /** Submits {@link #TASK}; returns a handle for {@link #result}. */
        Object submit();

        /** Waits for the call behind {@code handle} and returns its result. */
        int result(Object handle) throws InterruptedException, ExecutionException;

        @Override
        void close() throws InterruptedException;
    }

    /** The executors compared; each constant builds one with its workers started. */
    public enum ExecutorType {
        /** Our {@link ThreadPoolExecutor}{@code (2)}: {@code submit}, {@code result()}. */
        PY_THREAD_POOL_EXECUTOR {
            @Override
            Submitter create() {
                return new PyExecutor();
            }
        },
        /** {@code Executors.newFixedThreadPool(2)}: {@code submit}, {@code get()}. */
        JUC_FIXED_THREAD_POOL {
            @Override
            Submitter create() {
                return new JucExecutor(Executors.newFixedThreadPool(WORKERS, DAEMONS));
            }
        },
        /** {@code new ForkJoinPool(2)}: {@code submit}, {@code get()}. */
        FORK_JOIN_POOL {
            @Override
            Submitter create() {
                return new JucExecutor(new ForkJoinPool(WORKERS));
            }
        };

        abstract Submitter create();
    }

    @Param
    public ExecutorType type;

    private Submitter executor;
    private final Object[] handles = new Object[BATCH];

    @Setup
    public void setUp() throws Exception {
        executor = type.create();
        // Start every worker now: a batch needs both, and a lazy pool starts them on demand.
        for (int i = 0; i < BATCH; i++) {
            handles[i] = executor.submit();
        }
        for (int i = 0; i < BATCH; i++) {
            executor.result(handles[i]);
            handles[i] = null;
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        executor.close();
    }

    /** One call: submit, then wait for its result. */
    @Benchmark
    public int submitResult() throws InterruptedException, ExecutionException {
        return executor.result(executor.submit());
    }

    /** {@value #BATCH} calls submitted, then their results waited for in order; per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int submitBatchThenResults() throws InterruptedException, ExecutionException {
        Object[] pending = handles;
        for (int i = 0; i < BATCH; i++) {
            pending[i] = executor.submit();
        }
        int sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += executor.result(pending[i]);
            pending[i] = null;
        }
        return sum;
    }

    private static final class PyExecutor implements Submitter {
        private final ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS);

        @Override
        public Object submit() {
            return executor.submit(TASK);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int result(Object handle) throws InterruptedException {
            return ((Future<Integer>) handle).result();
        }

        @Override
        public void close() {
            executor.shutdown(true, true);
        }
    }

    private static final class JucExecutor implements Submitter {
        private final ExecutorService executor;

        JucExecutor(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public Object submit() {
            return executor.submit(TASK);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int result(Object handle) throws InterruptedException, ExecutionException {
            return ((java.util.concurrent.Future<Integer>) handle).get();
        }

        @Override
        public void close() throws InterruptedException {
            executor.shutdownNow();
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("executor did not terminate: " + executor);
            }
        }
    }
}
