package org.pyconcurrent.multiprocessing;

import java.util.List;
import java.util.function.Consumer;
import org.pyconcurrent.function.SerializableBiFunction;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.function.SerializableTriFunction;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.function.Tuple3;

/**
 * Python's {@code multiprocessing.pool.Pool} API, one type for every pool: {@link ThreadPool}
 * runs the tasks on threads, the process {@code Pool} in worker JVMs. Code written against this
 * interface works with either.
 *
 * <h2>Functions and arguments</h2>
 * Tasks are lambdas or method references of the serializable interfaces in
 * {@link org.pyconcurrent.function}: Python's {@code apply_async(f, (x, y))} is
 * {@code applyAsync(() -> f(x, y))}; {@code map(f, xs)} is {@code map(this::f, xs)};
 * {@code starmap(f, [(1, 2), (3, 4)])} is
 * {@code starmap((a, b) -> f(a, b), List.of(Tuple.of(1, 2), Tuple.of(3, 4)))}, for functions of
 * two ({@link Tuple2}) or three ({@link Tuple3}) arguments.
 *
 * <h2>Results</h2>
 * A task's exception reaches the caller from {@code apply}, {@code map}, {@link AsyncResult#get()}
 * or the iterator's {@code next}: an unchecked exception or error as it is (Python re-raises it),
 * a checked one inside a {@link java.util.concurrent.CompletionException}. Callbacks run in the
 * pool's result-handler thread in this process, never in a worker; for every {@code *Async} call
 * exactly one of {@code callback} and {@code errorCallback} runs (for an empty {@code mapAsync},
 * the callback with an empty list, where CPython calls neither).
 *
 * <h2>Lifecycle</h2>
 * {@link #close()} is Python's {@code close()}: no more tasks, the queued ones still run. Because
 * Java's try-with-resources calls {@code close()}, leaving a {@code try (var pool = ...)} block
 * closes the pool and lets its queued tasks finish, where Python's {@code with} block calls
 * {@code terminate()}; the workers exit once idle. Call {@link #terminate()} explicitly for
 * Python's {@code __exit__} meaning. {@link #join()} waits for the workers and may only follow
 * {@code close()} or {@code terminate()}. At JVM exit a pool whose workers are still there
 * (never closed, or closed with tasks left) is terminated, as CPython's finalizer does, and its
 * queued tasks fail: join a pool whose work must finish.
 * {@code terminate()} fails the tasks it stops with an {@link IllegalStateException} instead of
 * leaving their results pending forever as CPython does.
 */
public interface WorkerPool extends AutoCloseable {

    /**
     * Returns the number of workers.
     *
     * @return Python's {@code pool._processes}
     */
    int processes();

    // ---------------------------------------------------------------- apply

    /**
     * Python's {@code apply(func)}: runs {@code fn} in a worker and waits for its result.
     *
     * @param fn the task
     * @param <R> the result type
     * @return the result
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws RuntimeException the task's own exception, see the interface description
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <R> R apply(SerializableCallable<? extends R> fn) throws InterruptedException;

    /**
     * Python's {@code apply_async(func)}.
     *
     * @param fn the task
     * @param <R> the result type
     * @return the eventual result
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn);

    /**
     * Python's {@code apply_async(func, callback=...)}.
     *
     * @param fn the task
     * @param callback receives the result in the result-handler thread, or null
     * @param <R> the result type
     * @return the eventual result
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn, Consumer<? super R> callback);

    /**
     * Python's {@code apply_async(func, callback=..., error_callback=...)}.
     *
     * @param fn the task
     * @param callback receives the result in the result-handler thread, or null
     * @param errorCallback receives the task's exception in the result-handler thread, or null
     * @param <R> the result type
     * @return the eventual result
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn, Consumer<? super R> callback,
            Consumer<? super Throwable> errorCallback);

    // ---------------------------------------------------------------- map

    /**
     * Python's {@code map(func, iterable)}: applies {@code fn} to every item, in chunks of
     * Python's default size ({@code ceil(n / (4 * processes))}), and returns the results in order.
     * The items are read in this thread first; an iterable that throws throws here.
     *
     * @param fn the function
     * @param items the inputs
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws RuntimeException the first failing task's exception
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items)
            throws InterruptedException;

    /**
     * Python's {@code map(func, iterable, chunksize)}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize how many items each task carries
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws RuntimeException the first failing task's exception
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunksize) throws InterruptedException;

    /**
     * Python's {@code map_async(func, iterable)}.
     *
     * @param fn the function
     * @param items the inputs, read in this thread now
     * @param <T> the input type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items);

    /**
     * Python's {@code map_async(func, iterable, chunksize)}.
     *
     * @param fn the function
     * @param items the inputs, read in this thread now
     * @param chunksize how many items each task carries
     * @param <T> the input type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize);

    /**
     * Python's {@code map_async(func, iterable, callback=..., error_callback=...)}.
     *
     * @param fn the function
     * @param items the inputs, read in this thread now
     * @param callback receives the whole list of results, or null
     * @param errorCallback receives the first failing task's exception, or null
     * @param <T> the input type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, Consumer<? super List<R>> callback,
            Consumer<? super Throwable> errorCallback);

    /**
     * Python's {@code map_async(func, iterable, chunksize, callback, error_callback)}.
     *
     * @param fn the function
     * @param items the inputs, read in this thread now
     * @param chunksize how many items each task carries, or 0 for Python's default
     * @param callback receives the whole list of results, or null
     * @param errorCallback receives the first failing task's exception, or null
     * @param <T> the input type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize, Consumer<? super List<R>> callback,
            Consumer<? super Throwable> errorCallback);

    /**
     * Python's {@code imap(func, iterable)}: as {@code map}, one item per task, with results
     * handed out in order as soon as each is ready. The items are read lazily, in the pool's task
     * handler; an iterable that throws at some position makes the iterator yield the results
     * before it, then throw.
     *
     * @param fn the function
     * @param items the inputs
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> IMapIterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items);

    /**
     * Python's {@code imap(func, iterable, chunksize)}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize how many items each task carries
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> IMapIterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunksize);

    /**
     * Python's {@code imap_unordered(func, iterable)}: as {@link #imap}, results in completion order.
     *
     * @param fn the function
     * @param items the inputs
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in completion order
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> IMapIterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items);

    /**
     * Python's {@code imap_unordered(func, iterable, chunksize)}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize how many items each task carries
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in completion order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <T, R> IMapIterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize);

    // ---------------------------------------------------------------- starmap

    /**
     * Python's {@code starmap(func, iterable)} for a function of two arguments.
     *
     * @param fn the function
     * @param items the argument pairs
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items) throws InterruptedException;

    /**
     * Python's {@code starmap(func, iterable, chunksize)} for a function of two arguments.
     *
     * @param fn the function
     * @param items the argument pairs
     * @param chunksize how many pairs each task carries
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items, int chunksize)
            throws InterruptedException;

    /**
     * Python's {@code starmap(func, iterable)} for a function of three arguments.
     *
     * @param fn the function
     * @param items the argument triples
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <C> the third argument type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <A, B, C, R> List<R> starmap(SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items)
            throws InterruptedException;

    /**
     * Python's {@code starmap(func, iterable, chunksize)} for a function of three arguments.
     *
     * @param fn the function
     * @param items the argument triples
     * @param chunksize how many triples each task carries
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <C> the third argument type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     * @throws InterruptedException if the waiting thread is interrupted
     */
    <A, B, C, R> List<R> starmap(SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items, int chunksize)
            throws InterruptedException;

    /**
     * Python's {@code starmap_async(func, iterable)} for a function of two arguments.
     *
     * @param fn the function
     * @param items the argument pairs
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items);

    /**
     * Python's {@code starmap_async(func, iterable)} for a function of three arguments.
     *
     * @param fn the function
     * @param items the argument triples
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <C> the third argument type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <A, B, C, R> AsyncResult<List<R>> starmapAsync(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items);

    /**
     * Python's {@code starmap_async(func, iterable, chunksize, callback, error_callback)} for a
     * function of two arguments.
     *
     * @param fn the function
     * @param items the argument pairs
     * @param chunksize how many pairs each task carries, or 0 for Python's default
     * @param callback receives the whole list of results, or null
     * @param errorCallback receives the first failing task's exception, or null
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items, int chunksize,
            Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback);

    /**
     * Python's {@code starmap_async(func, iterable, chunksize, callback, error_callback)} for a
     * function of three arguments.
     *
     * @param fn the function
     * @param items the argument triples
     * @param chunksize how many triples each task carries, or 0 for Python's default
     * @param callback receives the whole list of results, or null
     * @param errorCallback receives the first failing task's exception, or null
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @param <C> the third argument type
     * @param <R> the result type
     * @return the eventual list of results
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed or terminated ("Pool not running")
     */
    <A, B, C, R> AsyncResult<List<R>> starmapAsync(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items, int chunksize,
            Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback);

    // ---------------------------------------------------------------- lifecycle

    /**
     * Python's {@code close()}: accepts no more tasks; the queued ones still run, then the
     * workers exit. Does not wait. Also what try-with-resources calls, see the interface
     * description. Calling it again does nothing.
     */
    @Override
    void close();

    /**
     * Python's {@code terminate()}: stops the workers now. Tasks not finished fail with an
     * {@link IllegalStateException}; their error callbacks run. Returns once the pool's handler
     * threads have finished; a thread worker stuck in a task that ignores interrupts is left to
     * finish it, and {@link #join()} waits for it.
     */
    void terminate();

    /**
     * Python's {@code join()}: waits for every worker to exit.
     *
     * @throws IllegalStateException if the pool is still running (neither closed nor terminated)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void join() throws InterruptedException;
}
