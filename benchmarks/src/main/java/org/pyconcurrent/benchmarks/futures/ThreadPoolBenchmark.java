package org.pyconcurrent.benchmarks.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.multiprocessing.AsyncResult;
import org.pyconcurrent.multiprocessing.ThreadPool;

/**
 * {@link ThreadPool}{@code (2)} (Python's {@code multiprocessing.pool.ThreadPool(2)}) beside a
 * two-thread JDK executor doing the same work the same way.
 *
 * <ul>
 *   <li>{@link #applyAsyncBatch}: {@value #BATCH} {@code applyAsync} of a trivial call, then
 *       {@code get()} of each result in order; the score is the average time per call. The JDK
 *       counterpart submits the same calls to {@code Executors.newFixedThreadPool(2)} and
 *       {@code get()}s them.</li>
 *   <li>{@link #map}: {@code map(x -> x + 1, 10_000 boxed ints, chunksize)} for chunk sizes
 *       {@code 1}, {@code 100} and {@code 1000}; the score is the time of the whole map. The pool
 *       cuts the input into chunks of {@code chunksize} consecutive items, runs each chunk as one
 *       task and joins the chunks' lists in input order. The JDK counterpart does exactly that
 *       with {@code invokeAll} of one {@code Callable} per chunk on
 *       {@code Executors.newFixedThreadPool(2)}, then concatenates the chunks' lists; chunk size
 *       1 shows the per-task cost, 1000 (ten tasks) mostly the function.</li>
 *   <li>{@link #mapParallelStream}: the idiomatic Java way to map a list on two threads,
 *       {@code list.parallelStream().map(x -> x + 1).toList()} run inside a
 *       {@code ForkJoinPool(2)}, which splits the work itself (no chunk size); a reference for
 *       {@link #map}, not a like-for-like counterpart.</li>
 * </ul>
 *
 * <p>Each variant runs in its own fork; workers are daemon threads started before measuring. Two
 * workers and the benchmark thread share the machine's cores; on a two-core machine the figures
 * are noisy.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThreadPoolBenchmark {
    /** Calls submitted before waiting, in {@link #applyAsyncBatch}. */
    static final int BATCH = 100;
    /** Items mapped by {@link #map} and {@link #mapParallelStream}. */
    static final int ITEMS = 10_000;
    /** Worker threads of every pool. */
    static final int WORKERS = 2;

    private static final Integer ONE = 1;
    private static final SerializableCallable<Integer> TASK = () -> ONE;
    private static final SerializableFunction<Integer, Integer> FN = x -> x + 1;
    /** {@link #FN} as a {@code java.util.function.Function}, for the stream (FN may throw). */
    private static final Function<Integer, Integer> PLAIN_FN = x -> x + 1;
    private static final ThreadFactory DAEMONS = Thread.ofPlatform().daemon(true).factory();

    /** One pool: apply calls asynchronously, and map a list with a chunk size. */
    interface Pool extends AutoCloseable {
        /** Starts {@link #TASK}; returns a handle for {@link #get}. */
        Object applyAsync();

        /** Waits for the call behind {@code handle} and returns its result. */
        int get(Object handle) throws InterruptedException, ExecutionException;

        /** Maps {@link #FN} over {@code items} in chunks of {@code chunksize}, in order. */
        List<Integer> map(List<Integer> items, int chunksize) throws InterruptedException, ExecutionException;

        @Override
        void close() throws InterruptedException;
    }

    /** The pools compared; each constant builds one with its workers started. */
    public enum PoolType {
        /** Our {@link ThreadPool}{@code (2)}: {@code applyAsync}, {@code map}. */
        PY_THREAD_POOL {
            @Override
            Pool create() {
                return new PyPool();
            }
        },
        /** {@code Executors.newFixedThreadPool(2)}: {@code submit}, chunked {@code invokeAll}. */
        JUC_FIXED_THREAD_POOL {
            @Override
            Pool create() {
                return new JucPool();
            }
        };

        abstract Pool create();
    }

    /** The state of {@link #applyAsyncBatch}. */
    @State(Scope.Benchmark)
    public static class ApplyState {
        @Param
        public PoolType type;

        Pool pool;
        final Object[] handles = new Object[BATCH];

        @Setup
        public void setUp() throws Exception {
            pool = type.create();
            warmUp(pool);
        }

        @TearDown
        public void tearDown() throws InterruptedException {
            pool.close();
        }
    }

    /** The state of {@link #map}. */
    @State(Scope.Benchmark)
    public static class MapState {
        @Param
        public PoolType type;

        @Param({"1", "100", "1000"})
        public int chunksize;

        Pool pool;
        List<Integer> items;

        @Setup
        public void setUp() throws Exception {
            pool = type.create();
            items = inputs();
            warmUp(pool);
        }

        @TearDown
        public void tearDown() throws InterruptedException {
            pool.close();
        }
    }

    /** The state of {@link #mapParallelStream}. */
    @State(Scope.Benchmark)
    public static class StreamState {
        ForkJoinPool pool;
        List<Integer> items;

        @Setup
        public void setUp() {
            pool = new ForkJoinPool(WORKERS);
            items = inputs();
        }

        @TearDown
        public void tearDown() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** {@value #BATCH} calls applied asynchronously, then their results got in order; per call. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int applyAsyncBatch(ApplyState s) throws InterruptedException, ExecutionException {
        Object[] pending = s.handles;
        Pool pool = s.pool;
        for (int i = 0; i < BATCH; i++) {
            pending[i] = pool.applyAsync();
        }
        int sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += pool.get(pending[i]);
            pending[i] = null;
        }
        return sum;
    }

    /** One map of {@value #ITEMS} items with the state's chunk size. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Integer> map(MapState s) throws InterruptedException, ExecutionException {
        return s.pool.map(s.items, s.chunksize);
    }

    /** One parallel-stream map of {@value #ITEMS} items inside a {@code ForkJoinPool(2)}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Integer> mapParallelStream(StreamState s) throws InterruptedException, ExecutionException {
        List<Integer> items = s.items;
        return s.pool.submit(() -> items.parallelStream().map(PLAIN_FN).toList()).get();
    }

    static List<Integer> inputs() {
        List<Integer> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(i);
        }
        return List.copyOf(items);
    }

    /** Runs a batch of calls through {@code pool} so every worker has started and run code. */
    static void warmUp(Pool pool) throws InterruptedException, ExecutionException {
        Object[] handles = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            handles[i] = pool.applyAsync();
        }
        for (Object handle : handles) {
            pool.get(handle);
        }
    }

    private static final class PyPool implements Pool {
        private final ThreadPool pool = new ThreadPool(WORKERS);

        @Override
        public Object applyAsync() {
            return pool.applyAsync(TASK);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int get(Object handle) throws InterruptedException {
            return ((AsyncResult<Integer>) handle).get();
        }

        @Override
        public List<Integer> map(List<Integer> items, int chunksize) throws InterruptedException {
            return pool.map(FN, items, chunksize);
        }

        @Override
        public void close() throws InterruptedException {
            pool.terminate();
            pool.join();
        }
    }

    private static final class JucPool implements Pool {
        private final ExecutorService executor = Executors.newFixedThreadPool(WORKERS, DAEMONS);

        @Override
        public Object applyAsync() {
            return executor.submit(TASK::call);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int get(Object handle) throws InterruptedException, ExecutionException {
            return ((java.util.concurrent.Future<Integer>) handle).get();
        }

        @Override
        public List<Integer> map(List<Integer> items, int chunksize)
                throws InterruptedException, ExecutionException {
            int n = items.size();
            List<Callable<List<Integer>>> chunks = new ArrayList<>((n + chunksize - 1) / chunksize);
            for (int from = 0; from < n; from += chunksize) {
                List<Integer> chunk = items.subList(from, Math.min(n, from + chunksize));
                chunks.add(() -> {
                    List<Integer> out = new ArrayList<>(chunk.size());
                    for (Integer x : chunk) {
                        out.add(FN.apply(x));
                    }
                    return out;
                });
            }
            List<Integer> all = new ArrayList<>(n);
            for (java.util.concurrent.Future<List<Integer>> f : executor.invokeAll(chunks)) {
                all.addAll(f.get());
            }
            return all;
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
