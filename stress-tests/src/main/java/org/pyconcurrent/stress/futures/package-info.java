/**
 * jcstress tests for {@link org.pyconcurrent.futures.Future}: one class per race, named after
 * the two calls that race or the property checked.
 *
 * <p>{@code Future} is a state word moved by compare-and-set (pending, running, completing,
 * cancelled, finished) plus a Treiber stack of waiters, listeners and callbacks that the call
 * which makes the future done swaps for a "released" marker. The tests race the calls that move
 * the state against each other, and the pushes onto the stack against the release:
 * <ul>
 *   <li>Continuous tests (two {@code @Actor}s, often an {@code @Arbiter}, and an
 *       {@code @Outcome} table that ends with a catch-all {@code FORBIDDEN}):
 *       {@code setResult} against {@code cancel}, {@code setRunningOrNotifyCancel} against
 *       {@code cancel}, {@code addDoneCallback} against {@code setResult} (the callback runs
 *       exactly once and sees the result), {@code result()} registering as a waiter against
 *       {@code setResult}, {@code Futures.wait} registering its listeners against the
 *       completions, and publication of plain writes through {@code setResult} to a
 *       thread that sees {@code done()}. An actor that blocks ({@code result()}, {@code wait}) waits for the
 *       other actor of the same instance; jcstress runs the actors of a stride at the same time,
 *       each over the instances in the same order, so that always makes progress.</li>
 *   <li>Termination tests ({@code Mode.Termination}: one {@code @Actor} blocked in
 *       {@code result()}, one {@code @Signal} that should release it): lost wake-ups of a parked
 *       waiter by {@code setResult} and by {@code cancel}. {@code TERMINATED} is the only
 *       acceptable outcome.</li>
 * </ul>
 *
 * <p>{@code multiprocessing.AsyncResult} is tested in {@code org.pyconcurrent.stress.multiprocessing},
 * through a {@code ThreadPool} shared by the instances of a fork: its constructor is
 * package-private, and its {@code ready()} and {@code get()} rest on the private future that
 * {@link org.pyconcurrent.stress.futures.ResultPublication} covers here.
 *
 * <p>An actor interrupted while it waits restores the interrupt flag and leaves -1, which no
 * acceptable outcome contains. Every test has two actors (plus an arbiter), so all run on the two
 * CPUs of CI.
 *
 * <p>Run them with {@code java -jar stress-tests/target/jcstress.jar -m sanity -time 300 -t
 * org.pyconcurrent.stress.futures} (as CI does for the whole suite), or {@code -m quick} for a
 * real stress run, from a scratch directory: jcstress writes its reports to the working directory.
 */
package org.pyconcurrent.stress.futures;
