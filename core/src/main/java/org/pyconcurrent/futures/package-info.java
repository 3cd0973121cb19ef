/**
 * Python's {@code concurrent.futures}: {@link org.pyconcurrent.futures.Future},
 * {@link org.pyconcurrent.futures.ThreadPoolExecutor}, and the module functions
 * {@link org.pyconcurrent.futures.Futures#wait} and
 * {@link org.pyconcurrent.futures.Futures#asCompleted}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>{@link org.pyconcurrent.futures.Future#result()} throws what the call threw, as Python
 *       re-raises it: an unchecked exception or error as it is, a checked exception inside a
 *       {@link java.util.concurrent.CompletionException}. The {@link java.util.concurrent.Future}
 *       methods keep their JDK meaning ({@link java.util.concurrent.ExecutionException}).</li>
 *   <li>Timeouts are {@link java.time.Duration}s; a negative one is an
 *       {@link java.lang.IllegalArgumentException}; running out of time is a
 *       {@link org.pyconcurrent.futures.TimeoutError}.</li>
 *   <li>Executors are {@link java.util.concurrent.ExecutorService}s and
 *       {@link java.lang.AutoCloseable}: {@code with ThreadPoolExecutor(4) as ex:} is
 *       {@code try (var ex = new ThreadPoolExecutor(4))}, and leaving the block waits for the
 *       calls to finish.</li>
 *   <li>Waiting threads park through {@link java.util.concurrent.locks.LockSupport}, never on a
 *       monitor, so everything here is safe from virtual threads.</li>
 * </ul>
 *
 * <h2>Memory consistency</h2>
 * Actions in a thread before it submits a call <i>happen-before</i> the call runs; the call's
 * actions <i>happen-before</i> any thread returns from waiting for its future's outcome, and before
 * the future's done-callbacks run.
 */
package org.pyconcurrent.futures;
