/**
 * The pool programs of the seed articles, ported: {@code concurrent.futures} with a
 * {@code ThreadPoolExecutor} or a {@code ProcessPoolExecutor} (submit, {@code result()}, {@code shutdown()},
 * {@code add_done_callback}) and {@code multiprocessing}'s {@code apply_async} with a callback on
 * a {@code ThreadPool}. One class per program, each with the Python original in its Javadoc, the
 * seed file it comes from, and every change it needed (shorter sleeps).
 *
 * <p>The ports follow docs/porting.md: {@code ThreadPoolExecutor(5)} is
 * {@code new ThreadPoolExecutor(5)} and {@code Pool(processes=2)} is {@code new ThreadPool(2)};
 * {@code submit(func, i)} and {@code apply_async(func=Foo, args=(i,))} capture the argument in a
 * lambda ({@code submit(() -> func(n))}, with {@code n} an effectively final copy of the loop
 * variable); {@code add_done_callback} is {@code addDoneCallback}, {@code apply_async} is
 * {@code applyAsync}; Python's waiting {@code executor.shutdown()} is {@code shutdown(true)} (the
 * no-argument {@code shutdown()} is {@link java.util.concurrent.ExecutorService}'s, which does not
 * wait). A task may throw {@link java.lang.InterruptedException}: a
 * {@link java.util.concurrent.Callable} can, and the executor hands it to whoever asks for the
 * result. {@code os.getpid()} is {@code ProcessHandle.current().pid()}.
 *
 * <p>Most seeds write these programs with processes ({@code ProcessPoolExecutor},
 * {@code multiprocessing.Pool}); seed 004 heads them "进程池（线程池）" (process pool, thread pool)
 * and imports both executors. Both are here: the {@code ProcessExecutor*} classes run the
 * {@code ProcessPoolExecutor} programs on worker processes, the {@code Executor*} classes their
 * thread twins; the {@code multiprocessing.Pool} programs on processes are in
 * {@link org.pyconcurrent.examples.multiprocessing} ({@code Pool*Processes},
 * {@code PoolLongTimeTask}). The {@code ThreadPool} programs are in this package rather than
 * one of their own because they are the same idea, a pool of threads running submitted calls.
 * Seed 002's {@code concurrent.futures} section only names the two executors, with no program to
 * port.
 *
 * <p>Run one with {@code java -cp examples/target/examples.jar
 * org.pyconcurrent.examples.futures.ExecutorShutdown}, or all of them with the
 * {@link org.pyconcurrent.examples.Tour}.
 */
package org.pyconcurrent.examples.futures;
