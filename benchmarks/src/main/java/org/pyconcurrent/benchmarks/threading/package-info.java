/**
 * JMH benchmarks of {@link org.pyconcurrent.threading}: each primitive beside its JDK counterpart,
 * in the same run.
 *
 * <p>Every benchmark follows one shape (Caffeine's {@code GetPutBenchmark}): an enum
 * {@link org.openjdk.jmh.annotations.Param @Param} whose constants build each variant behind a
 * small interface, so a bare run measures ours and the JDK's one after the other, each in its own
 * fork (the call through the interface is monomorphic there and inlined).
 * <ul>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.LockBenchmark}: Lock, RLock, Lock through
 *       {@code with()}, ReentrantLock, {@code synchronized}; one thread and two.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.SemaphoreBenchmark}: Semaphore,
 *       BoundedSemaphore, java.util.concurrent.Semaphore; one thread and two.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.EventPingPongBenchmark}: two threads
 *       bouncing between two events; our Event, a ReentrantLock/Condition event, a monitor
 *       event.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.ConditionBenchmark}: signal with no waiter,
 *       and two threads passing a turn through await/signal; our Condition on an RLock and on a
 *       Lock, and a ReentrantLock condition.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.BarrierBenchmark}: two-party rounds of
 *       Barrier and CyclicBarrier.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.threading.TimerBenchmark}: Timer start, cancel and
 *       join, beside a ScheduledThreadPoolExecutor schedule and cancel.</li>
 * </ul>
 *
 * <p>Scores are average time per operation (lower is better); a benchmark's Javadoc says what one
 * operation is. Two-thread hand-offs ({@code @Group} with {@code @State(Scope.Group)}, as in
 * JMHSample_15) never block without a bound: every wait is timed, and a thread whose partner has
 * stopped gives up once JMH raises {@link org.openjdk.jmh.infra.Control#stopMeasurement}
 * (JMHSample_18); each iteration starts from fresh primitives in {@code @Setup(Level.Iteration)}.
 * JMH therefore never has to interrupt a thread at the end of an iteration (JMHSample_30).
 *
 * <p>Run them alone with
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.pyconcurrent.benchmarks.threading'}.
 * Two-thread results need two idle cores; on a busy or two-core machine they are noisy.
 */
package org.pyconcurrent.benchmarks.threading;
