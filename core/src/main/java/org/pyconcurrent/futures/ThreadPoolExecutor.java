package org.pyconcurrent.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.internal.Timeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code concurrent.futures.ThreadPoolExecutor}: runs calls on up to {@code maxWorkers}
 * threads, started one at a time as work arrives while no worker is idle.
 *
 * <p>It is an {@link java.util.concurrent.ExecutorService} whose {@code submit} returns this
 * package's {@link Future}. Differences from that interface, all to keep Python's meaning:
 * submitting after shutdown throws {@link IllegalStateException} (Python: RuntimeError), not
 * {@code RejectedExecutionException}; and {@link #shutdown()} is the interface's non-waiting form,
 * so Python's {@code executor.shutdown()} (which waits) is {@link #shutdown(boolean)
 * shutdown(true)} or {@link #close()}.
 *
 * <p>Workers are daemon threads (or virtual threads, see {@link #ofVirtual}); as in Python, when
 * the JVM exits every executor not yet shut down is shut down and its queued calls are finished
 * first. If an {@code initializer} throws, the executor is broken: queued calls fail with
 * {@link BrokenThreadPool}, and so does every later {@code submit}.
 *
 * <h2>Memory consistency effects</h2>
 * Actions in a thread before it submits a call <i>happen-before</i> the call runs, which in turn
 * <i>happens-before</i> the result is obtained from its future (see {@link Future}).
 */
public class ThreadPoolExecutor extends AbstractExecutorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolExecutor.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Python's {@code None} in the work queue: wakes a worker to check for shutdown. */
    private static final Runnable WAKE_UP = () -> { };

    private final int maxWorkers;
    private final String threadNamePrefix;
    private final Runnable initializer;
    private final boolean virtual;
    private final BlockingQueue<Runnable> workQueue = new LinkedBlockingQueue<>();
    /** Python's {@code _idle_semaphore}: workers that found the queue empty and wait for work. */
    private final AtomicInteger idle = new AtomicInteger();
    /** Python's {@code _shutdown_lock}: guards {@link #threads}, the flags and worker exits. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition terminated = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private final ExitHooks.Action exitAction = new ExitAction();
    private int liveWorkers;
    private volatile boolean shutdown;
    private volatile String broken;
    private volatile Throwable brokenCause;

    /**
     * Python's {@code ThreadPoolExecutor()}: {@code min(32, cpuCount + 4)} workers.
     */
    public ThreadPoolExecutor() {
        this(Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
    }

    /**
     * Python's {@code ThreadPoolExecutor(max_workers)}.
     *
     * @param maxWorkers the most threads to start
     * @throws IllegalArgumentException if {@code maxWorkers} is not positive
     */
    public ThreadPoolExecutor(int maxWorkers) {
        this(maxWorkers, null, null, false);
    }

    /**
     * Python's {@code ThreadPoolExecutor(max_workers, thread_name_prefix)}.
     *
     * @param maxWorkers the most threads to start
     * @param threadNamePrefix worker names are this prefix, {@code _} and a number; null or empty
     *     for {@code ThreadPoolExecutor-N}
     * @throws IllegalArgumentException if {@code maxWorkers} is not positive
     */
    public ThreadPoolExecutor(int maxWorkers, String threadNamePrefix) {
        this(maxWorkers, threadNamePrefix, null, false);
    }

    /**
     * Python's {@code ThreadPoolExecutor(max_workers, thread_name_prefix, initializer)}.
     *
     * @param maxWorkers the most threads to start
     * @param threadNamePrefix as in {@link #ThreadPoolExecutor(int, String)}
     * @param initializer runs first in every worker thread, or null; if it throws, the executor
     *     breaks
     * @throws IllegalArgumentException if {@code maxWorkers} is not positive
     */
    public ThreadPoolExecutor(int maxWorkers, String threadNamePrefix, Runnable initializer) {
        this(maxWorkers, threadNamePrefix, initializer, false);
    }

    private ThreadPoolExecutor(int maxWorkers, String threadNamePrefix, Runnable initializer,
            boolean virtual) {
        if (maxWorkers <= 0) {
            throw new IllegalArgumentException("maxWorkers must be greater than 0, got " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.threadNamePrefix = threadNamePrefix == null || threadNamePrefix.isEmpty()
                ? "ThreadPoolExecutor-" + COUNTER.getAndIncrement()
                : threadNamePrefix;
        this.initializer = initializer;
        this.virtual = virtual;
    }

    /**
     * An executor whose workers are virtual threads: the same semantics, for calls that mostly
     * block (I/O, sleeps, queue waits), where thousands of workers cost little.
     *
     * @param maxWorkers the most virtual threads to start
     * @param initializer runs first in every worker, or null
     * @return the executor
     * @throws IllegalArgumentException if {@code maxWorkers} is not positive
     */
    public static ThreadPoolExecutor ofVirtual(int maxWorkers, Runnable initializer) {
        return new ThreadPoolExecutor(maxWorkers, null, initializer, true);
    }

    /**
     * Returns the most worker threads this executor starts.
     *
     * @return {@code maxWorkers}
     */
    public int maxWorkers() {
        return maxWorkers;
    }

    // ---------------------------------------------------------------- submitting

    /**
     * Python's {@code submit(fn)}: schedules {@code task} and returns its future.
     *
     * @throws IllegalStateException if the executor is shut down
     * @throws BrokenThreadPool if a worker's initializer failed
     * @throws NullPointerException if {@code task} is null
     */
    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Future<T> future = new Future<>();
        enqueue(new WorkItem<>(future, task));
        return future;
    }

    /** As {@link #submit(Callable)}; the future's result is null (Python's {@code None}). */
    @Override
    public Future<?> submit(Runnable task) {
        return submit(task, null);
    }

    /** As {@link #submit(Callable)}; the future's result is {@code result}. */
    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return submit(() -> {
            task.run();
            return result;
        });
    }

    /**
     * Runs {@code command} on a worker, without a future; an exception it throws is logged.
     *
     * @throws IllegalStateException if the executor is shut down
     * @throws BrokenThreadPool if a worker's initializer failed
     */
    @Override
    public void execute(Runnable command) {
        enqueue(Objects.requireNonNull(command, "command"));
    }

    /**
     * Python's {@code map(fn, iterable)}: submits {@code fn(item)} for every item now, and
     * returns the results in input order, each waited for when the iteration reaches it.
     *
     * @param fn the function
     * @param items the inputs
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalStateException if the executor is shut down
     */
    public <T, R> MapIterator<R> map(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return mapWithin(fn, items, -1L);
    }

    /**
     * Python's {@code map(fn, iterable, timeout=...)}: as {@link #map(SerializableFunction,
     * Iterable)}; a result not ready {@code timeout} after this call throws {@link TimeoutError}.
     *
     * @param fn the function
     * @param items the inputs
     * @param timeout the most the whole map may take, counted from this call
     * @param <T> the input type
     * @param <R> the result type
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the executor is shut down
     */
    public <T, R> MapIterator<R> map(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, Duration timeout) {
        return mapWithin(fn, items, Timeouts.toNanos(timeout));
    }

    private <T, R> MapIterator<R> mapWithin(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, long timeoutNanos) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        long deadline = timeoutNanos < 0 ? 0L : System.nanoTime() + timeoutNanos;
        List<Future<R>> futures = new ArrayList<>();
        try {
            for (T item : items) {
                futures.add(submit(() -> fn.apply(item)));
            }
        } catch (RuntimeException | Error e) {
            futures.forEach(Future::cancel);
            throw e;
        }
        return new MapIterator<>(futures, timeoutNanos >= 0, deadline);
    }

    private void enqueue(Runnable item) {
        lock.lock();
        try {
            if (broken != null) {
                throw new BrokenThreadPool(broken, brokenCause);
            }
            if (shutdown) {
                throw new IllegalStateException("cannot schedule new futures after shutdown");
            }
            if (ExitHooks.exiting()) {
                throw new IllegalStateException("cannot schedule new futures after interpreter shutdown");
            }
            workQueue.add(item);
            adjustThreadCount();
        } finally {
            lock.unlock();
        }
    }

    /** Starts a worker unless one is idle or all have started. Called holding {@link #lock}. */
    private void adjustThreadCount() {
        for (int n = idle.get(); n > 0; n = idle.get()) {
            if (idle.compareAndSet(n, n - 1)) {
                return;
            }
        }
        int count = threads.size();
        if (count < maxWorkers) {
            if (count == 0 && !ExitHooks.register(exitAction)) {
                throw new IllegalStateException("cannot schedule new futures after interpreter shutdown");
            }
            String name = threadNamePrefix + "_" + count;
            Runnable body = this::workerLoop;
            Thread t = virtual
                    ? Thread.ofVirtual().name(name).unstarted(body)
                    : Thread.ofPlatform().name(name).daemon(true).unstarted(body);
            threads.add(t);
            liveWorkers++;
            t.start();
        }
    }

    // ---------------------------------------------------------------- workers

    private void workerLoop() {
        try {
            if (initializer != null) {
                try {
                    initializer.run();
                } catch (Throwable t) {
                    LOG.error("Exception in initializer:", t);
                    initializerFailed(t);
                    return;
                }
            }
            for (;;) {
                Runnable item = workQueue.poll();
                if (item == null) {
                    idle.incrementAndGet();
                    item = takeIgnoringStrayInterrupts();
                    if (item == null) {
                        return;
                    }
                }
                if (item == WAKE_UP) {
                    if (shutdown || broken != null) {
                        workQueue.add(WAKE_UP);
                        return;
                    }
                    continue;
                }
                runItem(item);
            }
        } finally {
            workerExited();
        }
    }

    /** Waits for work; an interrupt ends the wait only once the executor is shut down (null). */
    private Runnable takeIgnoringStrayInterrupts() {
        for (;;) {
            try {
                return workQueue.take();
            } catch (InterruptedException e) {
                if (shutdown) {
                    return null;
                }
            }
        }
    }

    private static void runItem(Runnable item) {
        try {
            item.run();
        } catch (Throwable t) {
            LOG.error("Exception in task {}", item, t);
        }
        Thread.interrupted();  // an interrupt aimed at this call must not reach the next one
    }

    private void initializerFailed(Throwable cause) {
        lock.lock();
        try {
            brokenCause = cause;
            broken = "A thread initializer failed, the thread pool is not usable anymore";
            boolean wakeUp = false;
            for (Runnable item; (item = workQueue.poll()) != null; ) {
                if (item == WAKE_UP) {
                    wakeUp = true;
                } else if (item instanceof WorkItem<?> w) {
                    w.future.complete(null, new BrokenThreadPool(broken, cause));
                } else if (item instanceof java.util.concurrent.Future<?> f) {
                    f.cancel(false);
                }
            }
            if (wakeUp || shutdown) {
                workQueue.add(WAKE_UP);  // a shutdown's wake-up must still reach the other workers
            }
        } finally {
            lock.unlock();
        }
    }

    private void workerExited() {
        lock.lock();
        try {
            if (--liveWorkers == 0 && (shutdown || broken != null)) {
                terminated.signalAll();
                ExitHooks.unregister(exitAction);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- shutting down

    /**
     * Python's {@code shutdown(wait)}: accepts no more calls; queued calls still run. With
     * {@code wait}, returns once every worker has finished.
     *
     * @param wait whether to wait for the workers
     * @throws IllegalStateException if {@code wait} and this is one of the executor's own workers
     *     (it would wait for itself)
     */
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    /**
     * Python's {@code shutdown(wait, cancel_futures)}: as {@link #shutdown(boolean)}; with
     * {@code cancelFutures}, the calls still queued are cancelled instead of run.
     *
     * @param wait whether to wait for the workers
     * @param cancelFutures whether to cancel the queued calls
     * @throws IllegalStateException if {@code wait} and this is one of the executor's own workers
     */
    public void shutdown(boolean wait, boolean cancelFutures) {
        List<Runnable> cancelled = initiateShutdown(cancelFutures);
        cancel(cancelled);
        if (wait) {
            awaitWorkersUninterruptibly(false);
        }
    }

    /** {@link java.util.concurrent.ExecutorService#shutdown()}: as {@code shutdown(false)}. */
    @Override
    public void shutdown() {
        shutdown(false, false);
    }

    /**
     * Cancels the queued calls, interrupts the running ones (a call that ignores interrupts runs to
     * its end), and returns what was queued.
     */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = initiateShutdown(true);
        cancel(pending);
        lock.lock();
        try {
            for (Thread t : threads) {
                t.interrupt();
            }
        } finally {
            lock.unlock();
        }
        return pending;
    }

    /**
     * Python's {@code __exit__}: {@code shutdown(true)}. If interrupted while waiting, cancels the
     * queued calls, interrupts the workers, keeps waiting, and sets the interrupt flag again.
     */
    @Override
    public void close() {
        shutdown(false);
        awaitWorkersUninterruptibly(true);
    }

    /**
     * Waits for the workers as Python's {@code shutdown(wait=True)} does, through interrupts; the
     * first interrupt cancels the queued calls and interrupts the workers if {@code stopOnInterrupt}.
     * The interrupt flag is set again before returning.
     */
    private void awaitWorkersUninterruptibly(boolean stopOnInterrupt) {
        checkNotOwnWorker();
        boolean interrupted = false;
        for (;;) {
            try {
                awaitWorkers(-1L);
                break;
            } catch (InterruptedException e) {
                if (!interrupted && stopOnInterrupt) {
                    shutdownNow();
                }
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && liveWorkers == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitWorkers(Math.max(0L, unit.toNanos(timeout)));
    }

    @Override
    public String toString() {
        return "ThreadPoolExecutor[" + threadNamePrefix + ", maxWorkers=" + maxWorkers
                + (broken != null ? ", broken" : shutdown ? ", shut down" : "") + "]";
    }

    private List<Runnable> initiateShutdown(boolean drain) {
        List<Runnable> drained = new ArrayList<>();
        lock.lock();
        try {
            shutdown = true;
            if (drain) {
                for (Runnable item; (item = workQueue.poll()) != null; ) {
                    if (item != WAKE_UP) {
                        drained.add(item);
                    }
                }
            }
            workQueue.add(WAKE_UP);
            if (liveWorkers == 0) {
                terminated.signalAll();
                ExitHooks.unregister(exitAction);
            }
        } finally {
            lock.unlock();
        }
        return drained;
    }

    private static void cancel(List<Runnable> items) {
        for (Runnable item : items) {
            if (item instanceof WorkItem<?> w) {
                w.future.cancel();
            } else if (item instanceof java.util.concurrent.Future<?> f) {
                f.cancel(false);
            }
        }
    }

    private void checkNotOwnWorker() {
        lock.lock();
        try {
            if (threads.contains(Thread.currentThread())) {
                throw new IllegalStateException(
                        "cannot wait for the shutdown of " + this + " from its own worker thread");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until shut down with every worker thread ended (not only past its loop: joined, as
     * Python's {@code shutdown(wait=True)} joins them). {@code nanos < 0} waits without limit.
     */
    private boolean awaitWorkers(long nanos) throws InterruptedException {
        final boolean timed = nanos >= 0;
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        List<Thread> started;
        lock.lock();
        try {
            while (!(shutdown && liveWorkers == 0)) {
                if (!timed) {
                    terminated.await();
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        return false;
                    }
                    terminated.awaitNanos(remaining);
                }
            }
            started = new ArrayList<>(threads);
        } finally {
            lock.unlock();
        }
        for (Thread t : started) {
            if (!timed) {
                t.join();
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L || !t.join(java.time.Duration.ofNanos(remaining))) {
                    return !t.isAlive();
                }
            }
        }
        return true;
    }

    /** At JVM exit: Python's {@code _python_exit}, a shutdown that finishes the queued calls. */
    private final class ExitAction implements ExitHooks.Action {
        @Override
        public void beginExit() {
            initiateShutdown(false);
        }

        @Override
        public void finishExit() throws InterruptedException {
            awaitWorkers(-1L);
        }

        @Override
        public String toString() {
            return ThreadPoolExecutor.this.toString();
        }
    }
}
