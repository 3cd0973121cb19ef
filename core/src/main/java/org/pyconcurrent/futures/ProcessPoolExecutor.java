package org.pyconcurrent.futures;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.pool.PoolAccess;
import org.pyconcurrent.multiprocessing.Pool;
import org.pyconcurrent.multiprocessing.ProcessError;
import org.pyconcurrent.multiprocessing.WorkerLostError;

/**
 * Python's {@code concurrent.futures.ProcessPoolExecutor}: runs calls in up to
 * {@code maxWorkers} worker processes (child JVMs), on the same workers as
 * {@link org.pyconcurrent.multiprocessing.Pool}. Calls, arguments and results travel serialized:
 * submit a {@link SerializableCallable} (a lambda of it works), or any {@link Callable} that is
 * also {@link Serializable}.
 *
 * <p>An {@link java.util.concurrent.ExecutorService} whose {@code submit} returns this package's
 * {@link Future}, with {@link ThreadPoolExecutor}'s Python conventions: submitting after shutdown
 * throws {@link IllegalStateException}; {@link #shutdown()} does not wait, Python's
 * {@code shutdown()} is {@link #shutdown(boolean) shutdown(true)} or {@link #close()}. A future
 * is running from the moment its call is sent to a worker; until then {@link Future#cancel()}
 * succeeds and the call never runs.
 *
 * <p>A worker process that dies while running a call (SIGKILL, out of memory,
 * {@code System.exit}): CPython marks the whole executor broken, failing every pending future and
 * refusing new calls with {@link BrokenProcessPool}. Here only that call's future fails with
 * {@link BrokenProcessPool} (its cause, a {@link WorkerLostError}, names the exit code or
 * signal); a new worker takes the dead one's place and the other calls run. Code written for
 * CPython that catches {@code BrokenProcessPool} from {@code result()} still does; code that
 * then gives up on the executor may keep using it instead. If the {@code initializer} fails, the
 * executor is broken as in CPython: queued and later calls fail with {@link BrokenProcessPool}.
 *
 * <h2>Memory consistency effects</h2>
 * Actions before a call is submitted <i>happen-before</i> its result is obtained from its future;
 * the call itself runs in another process, on copies.
 */
public class ProcessPoolExecutor extends AbstractExecutorService implements AutoCloseable {
    private final Pool pool;
    private final int maxWorkers;
    /** Futures not yet sent to a worker, for {@code cancelFutures}. */
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;
    /**
     * Completed once the pool's workers have all exited: by the one thread that joins the pool, or
     * by {@code shutdown(true)} as soon as its own join returns.
     */
    private final java.util.concurrent.CompletableFuture<Void> terminated = new java.util.concurrent.CompletableFuture<>();
    private final AtomicBoolean watching = new AtomicBoolean();

    /** Python's {@code ProcessPoolExecutor()}: one worker per available processor. */
    public ProcessPoolExecutor() {
        this(org.pyconcurrent.multiprocessing.Process.cpuCount());
    }

    /**
     * Python's {@code ProcessPoolExecutor(max_workers)}.
     *
     * @param maxWorkers the number of worker processes
     * @throws IllegalArgumentException if {@code maxWorkers} is less than 1
     */
    public ProcessPoolExecutor(int maxWorkers) {
        this(maxWorkers, null, 0);
    }

    /**
     * Python's {@code ProcessPoolExecutor(max_workers, initializer=..., max_tasks_per_child=...)}.
     *
     * @param maxWorkers the number of worker processes
     * @param initializer run once in each worker process before its first call; may be null
     * @param maxTasksPerChild calls a worker runs before a new process replaces it; 0 for no limit
     * @throws IllegalArgumentException if {@code maxWorkers} is less than 1 or
     *     {@code maxTasksPerChild} negative
     */
    public ProcessPoolExecutor(int maxWorkers, SerializableRunnable initializer, int maxTasksPerChild) {
        if (maxWorkers <= 0) {
            throw new IllegalArgumentException("max_workers must be greater than 0, got " + maxWorkers);
        }
        if (maxTasksPerChild < 0) {
            throw new IllegalArgumentException("max_tasks_per_child must be >= 1 or 0 (no limit), got "
                    + maxTasksPerChild);
        }
        this.maxWorkers = maxWorkers;
        this.pool = new Pool(maxWorkers, initializer, maxTasksPerChild, null);
        PoolAccess.ownedByExecutor(pool);
        ExitHooks.registerFirst(exitAction);
    }

    /**
     * At JVM exit, as CPython's {@code _python_exit}: no new calls, and the queued ones finish
     * before the worker processes are terminated.
     */
    private final ExitHooks.Action exitAction = new ExitHooks.Action() {
        @Override
        public void beginExit() {
            shutdown(true);
        }

        @Override
        public void finishExit() {
        }

        @Override
        public String toString() {
            return ProcessPoolExecutor.this.toString();
        }
    };

    /** The number of worker processes. */
    public int maxWorkers() {
        return maxWorkers;
    }

    /**
     * Python's {@code submit(fn)}: schedules {@code fn} in a worker process.
     *
     * @param fn the call
     * @param <T> the result type
     * @return its future
     * @throws IllegalStateException if the executor is shut down
     * @throws BrokenProcessPool if the executor is broken (its initializer failed)
     */
    public <T> Future<T> submit(SerializableCallable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        if (shutdown) {
            throw new IllegalStateException("cannot schedule new futures after shutdown");
        }
        Future<T> future = new Future<>();
        pending.add(future);
        try {
            PoolAccess.submit(pool, fn, new Sink<>(future));
        } catch (IllegalStateException notRunning) {
            pending.remove(future);
            if (notRunning.getCause() != null) {
                throw new BrokenProcessPool("A child process terminated abruptly, the process pool is not usable "
                        + "anymore (its initializer failed)", notRunning.getCause());
            }
            throw new IllegalStateException("cannot schedule new futures after shutdown", notRunning);
        }
        return future;
    }

    /**
     * Submits a {@link Callable} that is also {@link Serializable}.
     *
     * @throws IllegalArgumentException if {@code task} is not {@link Serializable}
     */
    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return submit(serializable(task));
    }

    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        if (!(task instanceof Serializable)) {
            throw notSerializable(task);
        }
        Runnable r = task;
        return submit((SerializableCallable<T>) () -> {
            r.run();
            return result;
        });
    }

    @Override
    public void execute(Runnable command) {
        submit(command);
    }

    private static <T> SerializableCallable<T> serializable(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        if (task instanceof SerializableCallable<T> s) {
            return s;
        }
        if (!(task instanceof Serializable)) {
            throw notSerializable(task);
        }
        Callable<T> c = task;
        return c::call;
    }

    private static IllegalArgumentException notSerializable(Object task) {
        return new IllegalArgumentException("a process pool runs its calls in other processes, so a call must be "
                + "Serializable (a SerializableCallable lambda is); " + task.getClass().getName() + " is not");
    }

    /**
     * Python's {@code map(fn, iterable)}: as {@link #map(SerializableFunction, Iterable, Duration, int)}
     * without a timeout, one item per call.
     */
    public <T, R> MapIterator<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items) {
        return map(fn, items, null, 1);
    }

    /**
     * Python's {@code map(fn, iterable, timeout=..., chunksize=...)}: submits every item now, in
     * chunks of {@code chunksize} items per call, and returns the results in input order, each
     * waited for when the iteration reaches it; a result not ready {@code timeout} after this call
     * throws {@link TimeoutError}.
     *
     * @param fn the function
     * @param items the inputs
     * @param timeout the most the whole map may take, counted from this call; null for no limit
     * @param chunksize items per call, at least 1
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize} is less than 1 or {@code timeout}
     *     negative
     * @throws IllegalStateException if the executor is shut down
     */
    public <T, R> MapIterator<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            Duration timeout, int chunksize) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be >= 1, got " + chunksize);
        }
        long timeoutNanos = timeout == null ? -1L : Timeouts.toNanos(timeout);
        long deadline = timeoutNanos < 0 ? 0L : System.nanoTime() + timeoutNanos;
        List<Future<List<R>>> chunks = new ArrayList<>();
        List<Object> chunk = new ArrayList<>(Math.min(chunksize, 1024));
        try {
            for (T item : items) {
                chunk.add(item);
                if (chunk.size() == chunksize) {
                    chunks.add(submitChunk(fn, chunk));
                    chunk = new ArrayList<>(Math.min(chunksize, 1024));
                }
            }
            if (!chunk.isEmpty()) {
                chunks.add(submitChunk(fn, chunk));
            }
        } catch (RuntimeException | Error e) {
            chunks.forEach(Future::cancel);
            throw e;
        }
        return MapIterator.flattening(chunks, timeoutNanos >= 0, deadline);
    }

    @SuppressWarnings("unchecked")
    private <T, R> Future<List<R>> submitChunk(SerializableFunction<? super T, ? extends R> fn, List<Object> chunk) {
        ArrayList<Object> inputs = new ArrayList<>(chunk);
        return submit(() -> {
            List<R> out = new ArrayList<>(inputs.size());
            for (Object in : inputs) {
                out.add(fn.apply((T) in));
            }
            return out;
        });
    }

    /**
     * Python's {@code shutdown(wait)}: no new calls; the queued ones still run. With
     * {@code wait}, returns once every worker process has exited.
     *
     * @param wait whether to wait
     */
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    /**
     * Python's {@code shutdown(wait, cancel_futures)}: with {@code cancelFutures}, the calls not yet
     * sent to a worker are cancelled instead of run.
     *
     * @param wait whether to wait
     * @param cancelFutures whether to cancel the queued calls
     */
    public void shutdown(boolean wait, boolean cancelFutures) {
        shutdown = true;
        if (cancelFutures) {
            for (Iterator<Future<?>> it = pending.iterator(); it.hasNext(); ) {
                it.next().cancel();
                it.remove();
            }
        }
        pool.close();
        watchTermination();  // only now: the pool refuses join() while it is still running
        if (wait) {
            boolean interrupted = false;
            for (;;) {
                try {
                    pool.join();
                    ExitHooks.unregister(exitAction);
                    // Here, not only in the joining thread: isTerminated() is true once this returns.
                    terminated.complete(null);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link java.util.concurrent.ExecutorService#shutdown()}: as {@code shutdown(false)}. */
    @Override
    public void shutdown() {
        shutdown(false, false);
    }

    /**
     * Cancels the calls not yet sent to a worker, kills the workers (their calls fail), and
     * returns nothing (the calls are not runnable here).
     */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        for (Future<?> f : pending) {
            f.cancel();
        }
        pending.clear();
        pool.terminate();
        watchTermination();
        ExitHooks.unregister(exitAction);
        return Collections.emptyList();
    }

    /**
     * Starts, once, the daemon thread that joins the pool and completes {@link #terminated}; call
     * it after the pool is closed or terminated.
     */
    private void watchTermination() {
        if (watching.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon(true).name("ProcessPoolExecutor-" + maxWorkers + "-termination").start(() -> {
                for (;;) {
                    try {
                        pool.join();
                        // Also after shutdown(false): a terminated executor is not kept for exit.
                        ExitHooks.unregister(exitAction);
                        terminated.complete(null);
                        return;
                    } catch (InterruptedException e) {
                        // nobody interrupts this thread on purpose: keep watching
                    }
                }
            });
        }
    }

    /**
     * Runs every call in the workers and returns their outcomes once all are done. Not
     * {@link AbstractExecutorService}'s: that one wraps each call in a {@code FutureTask} for
     * {@link #execute}, which cannot travel to a worker.
     *
     * @throws IllegalArgumentException if a call is not {@link Serializable} (then none is submitted)
     * @throws IllegalStateException if the executor is shut down
     */
    @Override
    public <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
            throws InterruptedException {
        return doInvokeAll(tasks, false, 0L);
    }

    /**
     * As {@link #invokeAll(Collection)}; the calls not done within {@code timeout} are cancelled:
     * their futures are cancelled, and a call not yet sent to a worker never runs (one already
     * running finishes in its worker, unheard).
     */
    @Override
    public <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks,
            long timeout, TimeUnit unit) throws InterruptedException {
        return doInvokeAll(tasks, true, unit.toNanos(timeout));
    }

    /**
     * Runs the calls in the workers and returns the result of one that succeeded; the others are
     * cancelled if they have not been sent to a worker yet.
     *
     * @throws IllegalArgumentException if {@code tasks} is empty or a call is not {@link Serializable}
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return doInvokeAny(tasks, false, 0L);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    /** As {@link #invokeAny(Collection)}, within {@code timeout}. */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return doInvokeAny(tasks, true, unit.toNanos(timeout));
    }

    private <T> List<SerializableCallable<T>> serializableAll(Collection<? extends Callable<T>> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        List<SerializableCallable<T>> calls = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            calls.add(serializable(task));
        }
        return calls;
    }

    private <T> List<java.util.concurrent.Future<T>> doInvokeAll(Collection<? extends Callable<T>> tasks,
            boolean timed, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        List<SerializableCallable<T>> calls = serializableAll(tasks);
        List<InvokedCall<T>> invoked = new ArrayList<>(calls.size());
        try {
            for (SerializableCallable<T> call : calls) {
                invoked.add(new InvokedCall<>(submit(call)));
            }
            for (InvokedCall<T> f : invoked) {
                try {
                    if (timed) {
                        f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } else {
                        f.get();
                    }
                } catch (ExecutionException | CancellationException ignored) {
                    // its outcome, for the caller to see
                }
            }
        } catch (TimeoutException timedOut) {
            invoked.forEach(f -> f.cancel(false));
        } catch (Throwable t) {
            invoked.forEach(f -> f.cancel(false));
            throw t;
        }
        return new ArrayList<>(invoked);
    }

    private <T> T doInvokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + nanos;
        List<SerializableCallable<T>> calls = serializableAll(tasks);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("tasks is empty");
        }
        LinkedBlockingQueue<Future<T>> done = new LinkedBlockingQueue<>();
        List<Future<T>> futures = new ArrayList<>(calls.size());
        try {
            for (SerializableCallable<T> call : calls) {
                Future<T> f = submit(call);
                futures.add(f);
                f.addDoneCallback(done::add);
            }
            ExecutionException last = null;
            for (int i = 0; i < futures.size(); i++) {
                Future<T> f = timed ? done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) : done.take();
                if (f == null) {
                    throw new TimeoutException("no call succeeded within " + nanos + " ns");
                }
                try {
                    return f.get();
                } catch (ExecutionException e) {
                    last = e;
                } catch (CancellationException e) {
                    last = new ExecutionException(e);
                }
            }
            throw last;
        } finally {
            futures.forEach(Future::cancel);
        }
    }

    /**
     * What {@code invokeAll} returns for a call: done as the call is done, or once cancelled
     * (which also cancels the call, if it has not been sent to a worker yet).
     */
    private static final class InvokedCall<T> extends FutureTask<T> {
        private final Future<T> call;

        InvokedCall(Future<T> call) {
            super(() -> {
                throw new IllegalStateException("runs in a worker process");
            });
            this.call = call;
            call.addDoneCallback(f -> {
                if (f.cancelled()) {
                    super.cancel(false);
                } else if (f.exception() != null) {
                    setException(f.exception());
                } else {
                    set(f.result());
                }
            });
        }

        @Override
        public void run() {
            // the call runs in a worker process, never here
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            call.cancel();
            return super.cancel(false);
        }
    }

    /** Python's {@code __exit__}: {@code shutdown(true)}. */
    @Override
    public void close() {
        shutdown(true);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return terminated.isDone();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (!shutdown) {
            return false;
        }
        try {
            terminated.get(Math.max(0L, unit.toNanos(timeout)), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return terminated.isDone();
        } catch (java.util.concurrent.ExecutionException cannotHappen) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "ProcessPoolExecutor[maxWorkers=" + maxWorkers + (shutdown ? ", shut down]" : "]");
    }

    /** Completes a future from the pool's report on its call. */
    private final class Sink<T> implements PoolAccess.TaskSink {
        private final Future<T> future;
        private final AtomicBoolean started = new AtomicBoolean();

        Sink(Future<T> future) {
            this.future = future;
        }

        @Override
        public boolean start() {
            if (!started.compareAndSet(false, true)) {
                return true;  // sent again after its worker died before starting it
            }
            pending.remove(future);
            return future.setRunningOrNotifyCancel();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void succeed(Object value) {
            future.complete((T) value, null);
        }

        @Override
        public void fail(Throwable failure) {
            pending.remove(future);
            Throwable reported = failure;
            if (failure instanceof WorkerLostError lost) {
                reported = new BrokenProcessPool("A process in the process pool was terminated abruptly while the "
                        + "future was running or pending: " + lost.getMessage(), lost);
            } else if (failure instanceof ProcessError broken && broken.getMessage() != null
                    && broken.getMessage().startsWith("Pool broken")) {
                reported = new BrokenProcessPool("A child process terminated abruptly, the process pool is not "
                        + "usable anymore (its initializer failed)", broken.getCause());
            }
            if (!future.done()) {
                future.complete(null, reported);
            }
        }
    }
}
