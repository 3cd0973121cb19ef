/**
 * JMH benchmarks of {@link org.pyconcurrent.queue}: our queues on both
 * {@linkplain org.pyconcurrent.queue.Backend backends} beside the JDK's blocking queues and
 * JCTools' queues, in the same run.
 *
 * <p>Each benchmark follows the package {@code org.pyconcurrent.benchmarks.threading}'s shape
 * (Caffeine's {@code GetPutBenchmark}): an enum {@link org.openjdk.jmh.annotations.Param @Param}
 * whose constants build each variant, so a bare run measures them all, each in its own fork.
 * <ul>
 *   <li>{@link org.pyconcurrent.benchmarks.queue.BoundedQueueBenchmark}: producers and consumers
 *       through a queue of 1024 items, one of each and two of each; our {@code Queue} with and
 *       without {@code taskDone()} on both backends, {@code ArrayBlockingQueue},
 *       {@code LinkedBlockingQueue} and a spinning JCTools {@code MpmcArrayQueue}.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.queue.UnboundedQueueBenchmark}: the same through an
 *       unbounded queue; our {@code Queue} and {@code SimpleQueue} on both backends,
 *       {@code LinkedBlockingQueue}, {@code LinkedTransferQueue} and a spinning JCTools
 *       {@code MpmcUnboundedXaddArrayQueue}.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.queue.PutGetBenchmark}: one thread, a put and a get;
 *       FIFO, LIFO and priority order on both backends beside an {@code ArrayDeque} under a
 *       {@code ReentrantLock}, {@code ArrayBlockingQueue} and
 *       {@code PriorityBlockingQueue}.</li>
 * </ul>
 *
 * <p>The producer/consumer benchmarks score operations per second (higher is better), with each
 * side's rate shown beneath the total; {@code PutGetBenchmark} scores the average time of a put
 * and a get (lower is better). No benchmark thread ever blocks without a bound: blocking calls
 * wait in slices of {@value org.pyconcurrent.benchmarks.queue.Channel#SLICE_MILLIS} ms and a side
 * whose partner has stopped gives up once JMH raises
 * {@link org.openjdk.jmh.infra.Control#stopMeasurement}, so JMH never has to interrupt one
 * (JMHSample_30); the queue is emptied between iterations.
 *
 * <p>Run them alone with
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.pyconcurrent.benchmarks.queue'}.
 * Producer/consumer results need as many idle cores as threads (two for {@code p1c1}, four for
 * {@code p2c2}); on a busy or two-core machine they are noisy.
 */
package org.pyconcurrent.benchmarks.queue;
