/**
 * Python's {@code multiprocessing}. So far: the pool API ({@link
 * org.pyconcurrent.multiprocessing.WorkerPool}) with {@link
 * org.pyconcurrent.multiprocessing.ThreadPool}, its results ({@link
 * org.pyconcurrent.multiprocessing.AsyncResult}, {@link
 * org.pyconcurrent.multiprocessing.IMapIterator}) and errors. Processes, IPC, the process
 * {@code Pool} and {@code Manager} follow.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Tasks are lambdas of the serializable interfaces of {@link org.pyconcurrent.function}, so
 *       they can travel to another process.</li>
 *   <li>A task's exception reaches the caller as it is when unchecked, inside a
 *       {@link java.util.concurrent.CompletionException} when checked.</li>
 *   <li>Timeouts are {@link java.time.Duration}s; a negative one is an
 *       {@link java.lang.IllegalArgumentException}; running out of time is a
 *       {@link org.pyconcurrent.multiprocessing.TimeoutError}.</li>
 *   <li>Blocking calls throw {@link java.lang.InterruptedException}; iterators, which cannot,
 *       report an interrupt as a {@link java.util.concurrent.CompletionException} caused by it and
 *       set the thread's interrupt flag again.</li>
 * </ul>
 *
 * <h2>Memory consistency</h2>
 * Actions in a thread before it submits a task <i>happen-before</i> the task runs; a task's
 * actions <i>happen-before</i> its callback runs and any thread obtains its result.
 */
package org.pyconcurrent.multiprocessing;
