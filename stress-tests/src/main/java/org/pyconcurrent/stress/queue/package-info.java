/**
 * jcstress tests for {@link org.pyconcurrent.queue}: one class per race, each run on both
 * {@link org.pyconcurrent.queue.Backend}s.
 *
 * <p>Each race is written once, in an abstract class that holds the queue, the actors' code and
 * the {@code @Outcome} table (ending with a catch-all {@code FORBIDDEN}). Its nested classes
 * {@code Locked} and {@code LockFree} (and, where the lock-free backend has more than one store
 * to cover, {@code LockFreeBounded}, {@code LockFreeLifo}, {@code LockFreePriority}) are the
 * tests jcstress runs: each picks the backend in its constructor, inherits the outcome table
 * ({@code @Outcome} is {@code @Inherited}, so no {@code @JCStressMeta} is needed; adding one
 * would list every outcome twice), and re-declares the actor methods with their jcstress
 * annotations, since jcstress looks for {@code @Actor}, {@code @Arbiter} and {@code @Signal} only
 * among the test class's own methods. The test names are thus for example
 * {@code PutGetNoLoss.LockFree}.
 *
 * <p>The two shapes of {@code org.pyconcurrent.stress.threading}:
 * <ul>
 *   <li>Continuous tests (two {@code @Actor}s, often an {@code @Arbiter}): no item lost or
 *       duplicated, bounded hand-off, publication through the queue and through
 *       {@code taskDone()}/{@code join()}, shutdown against an in-flight put, timed calls
 *       against the call that would release them. Some actors block on the other actor of the
 *       same instance (a {@code join()} waiting for the other's {@code taskDone()}); jcstress runs
 *       the actors of a stride at the same time over the instances in the same order, so that
 *       always makes progress.</li>
 *   <li>Termination tests ({@code Mode.Termination}: one {@code @Actor} that blocks, one
 *       {@code @Signal} that should release it): lost wake-ups of a blocked {@code get},
 *       {@code put} or {@code join}, and of {@code get}/{@code put} by {@code shutdown()}.
 *       jcstress starts the actor and delivers the signal about a millisecond later, so these
 *       tests check a waiter that is parked; the continuous tests race the registration.
 *       {@code TERMINATED} is the only acceptable outcome.</li>
 * </ul>
 *
 * <p>An actor interrupted while it waits restores the interrupt flag and leaves -1, which no
 * acceptable outcome contains. Every test has two actors (plus an arbiter), so all run on the
 * two CPUs of CI.
 *
 * <p>Run them with {@code java -jar stress-tests/target/jcstress.jar -m sanity -time 300 -t
 * org.pyconcurrent.stress.queue} (as CI does for the whole suite), or {@code -m quick} for a real
 * stress run, from a scratch directory: jcstress writes its reports to the working directory.
 */
package org.pyconcurrent.stress.queue;
