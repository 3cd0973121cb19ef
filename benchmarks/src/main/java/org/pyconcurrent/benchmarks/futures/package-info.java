/**
 * JMH benchmarks of {@link org.pyconcurrent.futures} and of the thread pool of
 * {@link org.pyconcurrent.multiprocessing}: our executors beside their JDK counterparts, in the
 * same run.
 *
 * <p>Each benchmark follows the package {@code org.pyconcurrent.benchmarks.threading}'s shape
 * (Caffeine's {@code GetPutBenchmark}): an enum {@link org.openjdk.jmh.annotations.Param @Param}
 * whose constants build each variant behind a small interface, so a bare run measures them all,
 * each in its own fork.
 * <ul>
 *   <li>{@link org.pyconcurrent.benchmarks.futures.SubmitResultBenchmark}: a trivial call
 *       submitted to a two-thread executor and its result waited for, one at a time (latency) and
 *       in batches of 100 (throughput); our {@code ThreadPoolExecutor(2)},
 *       {@code Executors.newFixedThreadPool(2)} and {@code ForkJoinPool(2)}.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.futures.ThreadPoolBenchmark}: {@code ThreadPool(2)}'s
 *       {@code applyAsync} in batches of 100, and {@code map} over 10,000 items with chunk sizes
 *       1, 100 and 1000, beside {@code Executors.newFixedThreadPool(2)} doing the same (submit,
 *       chunked {@code invokeAll}); and a parallel stream in a {@code ForkJoinPool(2)} for
 *       reference.</li>
 * </ul>
 *
 * <p>Scores are average time per operation (lower is better); a benchmark's Javadoc says what one
 * operation is. Every executor's workers are started in {@code @Setup} and shut down in
 * {@code @TearDown}; no benchmark thread waits on anything but a call it submitted, so JMH never
 * has to interrupt one.
 *
 * <p>Run them alone with
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.pyconcurrent.benchmarks.futures'}. Two
 * workers and the benchmark thread need three idle cores; on a busy or two-core machine the
 * figures are noisy.
 */
package org.pyconcurrent.benchmarks.futures;
