/**
 * JMH benchmarks of the shared-memory primitives of {@link org.pyconcurrent.multiprocessing},
 * used by threads of one process, each beside its {@code threading} and JDK counterparts in the
 * same run.
 *
 * <p>Each benchmark follows the package {@code org.pyconcurrent.benchmarks.threading}'s shape
 * (Caffeine's {@code GetPutBenchmark}): an enum {@link org.openjdk.jmh.annotations.Param @Param}
 * whose constants build each variant behind a small interface, so a bare run measures them all,
 * each in its own fork.
 * <ul>
 *   <li>{@link org.pyconcurrent.benchmarks.multiprocessing.SharedLockBenchmark}: multiprocessing
 *       Lock (plain and through {@code with()}) and RLock, threading Lock, ReentrantLock; one
 *       thread and two.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.multiprocessing.SharedValueBenchmark}: a shared
 *       {@code Value.Int} (with its default RLock, and with a Lock) beside an AtomicInteger and a
 *       volatile int under a ReentrantLock: get, set, and an increment under the lock, one thread
 *       and two.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.multiprocessing.SharedEventPingPongBenchmark}: two
 *       threads bouncing between two events; multiprocessing Event, threading Event, a
 *       ReentrantLock/Condition event.</li>
 *   <li>{@link org.pyconcurrent.benchmarks.multiprocessing.SharedQueueBenchmark}: one thread, a
 *       put and a get of an Integer; multiprocessing Queue and SimpleQueue (serialized items in
 *       the creating process) beside the in-process Queue and LinkedBlockingQueue.</li>
 * </ul>
 *
 * <p>Every primitive here lives in a memory-mapped file of this process's shared directory
 * ({@code /dev/shm/pyc-shm-*}); no other process takes part, so no host socket is used, and a
 * sleeping waiter parks in this process's own wait table. These measure the cost of the shared
 * representation itself, the floor of what two processes pay.
 *
 * <p>Scores are average time per operation (lower is better); a benchmark's Javadoc says what one
 * operation is. The ping-pong never blocks without a bound: every wait is timed, and a thread
 * whose partner has stopped gives up once JMH raises
 * {@link org.openjdk.jmh.infra.Control#stopMeasurement}; its events are new for each iteration.
 *
 * <p>Run them alone with
 * {@code java -jar benchmarks/target/benchmarks.jar 'org.pyconcurrent.benchmarks.multiprocessing'}.
 * Two-thread results need two idle cores; on a busy or two-core machine they are noisy.
 */
package org.pyconcurrent.benchmarks.multiprocessing;
