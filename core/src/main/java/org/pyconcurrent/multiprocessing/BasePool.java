package org.pyconcurrent.multiprocessing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pyconcurrent.function.SerializableBiFunction;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.function.SerializableTriFunction;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.function.Tuple3;
import org.pyconcurrent.internal.ExitHooks;

/**
 * Everything of {@link WorkerPool} that does not depend on where tasks run: argument checks,
 * chunking, the jobs that collect results, the task handler that reads {@code imap} inputs, the
 * result handler that runs callbacks, and the RUN / CLOSE / TERMINATE lifecycle. A subclass
 * supplies the workers through the abstract methods and calls {@link #started()} once they run.
 */
abstract class BasePool implements WorkerPool {
    private enum State { RUN, CLOSE, TERMINATE }

    /** Room reserved up front for an imap chunk; a larger chunk grows as it fills. */
    private static final int FIRST_CHUNK_CAPACITY = 1024;
    /** Marks the end of the task handler's queue. */
    private static final Object END = new Object();

    private final int processes;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedBlockingQueue<Object> feeds = new LinkedBlockingQueue<>();
    private final Thread taskHandler;
    final ResultHandler resultHandler;
    private final ExitHooks.Action exitAction = new ExitAction();
    private volatile State state = State.RUN;
    private volatile Throwable broken;

    BasePool(int processes, String name) {
        if (processes <= 0) {
            throw new IllegalArgumentException("Number of processes must be at least 1, got " + processes);
        }
        this.processes = processes;
        this.resultHandler = new ResultHandler(name + "-result-handler");
        this.taskHandler = Thread.ofPlatform().name(name + "-task-handler").daemon(true)
                .unstarted(this::handleTasks);
        taskHandler.start();
    }

    /** Called by a subclass at the end of its constructor: from now on, JVM exit terminates the pool. */
    final void started() {
        ExitHooks.register(exitAction);
    }

    /** The pool's owner sees to it at exit: JVM exit no longer terminates it. */
    final void detachExitAction() {
        ExitHooks.unregister(exitAction);
    }

    // ---------------------------------------------------------------- what a subclass supplies

    /** Hands {@code task} to the workers; must not block. Called holding the pool's lock. */
    abstract void dispatch(PoolTask task);

    /** Lets every worker exit once the tasks dispatched so far are done. */
    abstract void stopWorkersWhenIdle();

    /** Stops the workers now and returns every task dispatched but not yet reported. */
    abstract List<PoolTask> stopWorkersNow();

    /** Interrupts the workers' current tasks, after {@link #stopWorkersNow()} and their failing. */
    abstract void interruptWorkers();

    /**
     * After {@link #interruptWorkers()}: waits until no worker is between taking tasks from the
     * queue and showing them where {@link #stopWorkersNow()} looks, and returns every task the
     * workers hold unreported (some may be failed already: failing again is a no-op). Without
     * this, a task taken in that window would fail in its worker after {@code terminate()} had
     * returned. The wait is short: the workers are interrupted and the queue is empty.
     */
    abstract List<PoolTask> awaitTakenTasks();

    /** Waits until every worker has exited. */
    abstract void awaitWorkers() throws InterruptedException;

    // ---------------------------------------------------------------- apply

    @Override
    public int processes() {
        return processes;
    }

    @Override
    public <R> R apply(SerializableCallable<? extends R> fn) throws InterruptedException {
        return this.<R>applyAsync(fn, null, null).get();
    }

    @Override
    public <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn) {
        return applyAsync(fn, null, null);
    }

    @Override
    public <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn, Consumer<? super R> callback) {
        return applyAsync(fn, callback, null);
    }

    @Override
    public <R> AsyncResult<R> applyAsync(SerializableCallable<? extends R> fn, Consumer<? super R> callback,
            Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(fn, "fn");
        AsyncResult<R> result = new AsyncResult<>(resultHandler, callback, errorCallback);
        PoolTask task = new PoolTask(new Work.Call(fn), new ApplyJob<>(result), 0);
        lock.lock();
        try {
            checkRunning();
            dispatch(task);
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Dispatches one task built elsewhere, refused as a submission is if the pool does not run. */
    final void dispatchChecked(PoolTask task) {
        lock.lock();
        try {
            checkRunning();
            dispatch(task);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- map

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items)
            throws InterruptedException {
        return this.<T, R>mapAsync(fn, items, 0, null, null).get();
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> items,
            int chunksize) throws InterruptedException {
        return this.<T, R>mapAsync(fn, items, positive(chunksize), null, null).get();
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return mapAsync(fn, items, 0, null, null);
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize) {
        return mapAsync(fn, items, positive(chunksize), null, null);
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, Consumer<? super List<R>> callback,
            Consumer<? super Throwable> errorCallback) {
        return mapAsync(fn, items, 0, callback, errorCallback);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize, Consumer<? super List<R>> callback,
            Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        if (chunksize < 0) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        checkRunning();
        // The pool's own copy (one array copy for a collection), which nothing changes: each
        // chunk is a view of it.
        List<Object> inputs;
        if (items instanceof java.util.Collection<?> c) {
            inputs = new ArrayList<Object>(c);
        } else {
            inputs = new ArrayList<>();
            for (T item : items) {
                inputs.add(item);
            }
        }
        int size = chunksize > 0 ? chunksize : defaultChunksize(inputs.size());
        int chunkCount = (int) ((inputs.size() + (long) size - 1) / size);
        AsyncResult<List<R>> result = new AsyncResult<>(resultHandler, callback, errorCallback);
        MapJob<R> job = new MapJob<>(result, chunkCount, inputs.size());
        SerializableFunction<Object, Object> f = (SerializableFunction<Object, Object>) fn;
        lock.lock();
        try {
            checkRunning();
            for (int i = 0; i < chunkCount; i++) {
                int from = (int) Math.min(inputs.size(), (long) i * size);
                int to = (int) Math.min(inputs.size(), (long) (i + 1) * size);
                List<Object> chunk = inputs.subList(from, to);
                dispatch(new PoolTask(new Work.Chunk(f, chunk), job, i));
            }
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Python's default chunk size: the items spread over four tasks per worker, rounded up. */
    private int defaultChunksize(int n) {
        int per = processes * 4;
        int size = n / per + (n % per == 0 ? 0 : 1);
        return Math.max(1, size);
    }

    // ---------------------------------------------------------------- imap

    @Override
    public <T, R> IMapIterator<R> imap(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return imap(fn, items, 1);
    }

    @Override
    public <T, R> IMapIterator<R> imap(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize) {
        return feed(fn, items, chunksize, true);
    }

    @Override
    public <T, R> IMapIterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items) {
        return imapUnordered(fn, items, 1);
    }

    @Override
    public <T, R> IMapIterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize) {
        return feed(fn, items, chunksize, false);
    }

    @SuppressWarnings("unchecked")
    private <T, R> IMapIterator<R> feed(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> items, int chunksize, boolean ordered) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        positive(chunksize);
        IMapIterator<R> iterator = new IMapIterator<>(ordered);
        Feed feed = new Feed((SerializableFunction<Object, Object>) fn, (Iterable<Object>) items, chunksize,
                new ImapJob<>(iterator));
        lock.lock();
        try {
            checkRunning();
            feeds.add(feed);
        } finally {
            lock.unlock();
        }
        return iterator;
    }

    /** An {@code imap}'s input, waiting for the task handler. */
    private record Feed(SerializableFunction<Object, Object> fn, Iterable<Object> items, int chunksize,
            ImapJob<?> job) {
    }

    /**
     * The task handler (CPython's {@code _handle_tasks}): reads each {@code imap} input in turn,
     * cuts it into chunks and dispatches them; at the end of the queue, lets the workers stop.
     */
    private void handleTasks() {
        for (;;) {
            Object next;
            try {
                next = feeds.take();
            } catch (InterruptedException e) {
                if (state == State.TERMINATE) {
                    break;
                }
                continue;
            }
            if (next == END) {
                break;
            }
            feedOne((Feed) next);
        }
        for (Object left; (left = feeds.poll()) != null; ) {
            if (left instanceof Feed f) {
                f.job.taskFailed(0, terminated());
                f.job.iterator.setLength(1);
            }
        }
        if (state == State.CLOSE) {
            lock.lock();
            try {
                stopWorkersWhenIdle();
            } finally {
                lock.unlock();
            }
        }
    }

    private void feedOne(Feed feed) {
        int index = 0;
        List<Object> chunk = new ArrayList<>(Math.min(feed.chunksize, FIRST_CHUNK_CAPACITY));
        try {
            Iterator<Object> it = feed.items.iterator();
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == feed.chunksize) {
                    RuntimeException refused = dispatchFed(feed, chunk, index);
                    if (refused != null) {
                        feed.job.taskFailed(index, refused);
                        feed.job.iterator.setLength(index + 1);
                        return;
                    }
                    index++;
                    chunk = new ArrayList<>(Math.min(feed.chunksize, FIRST_CHUNK_CAPACITY));
                }
            }
        } catch (Throwable inputFailed) {
            if (!chunk.isEmpty() && dispatchFed(feed, chunk, index) == null) {
                index++;
            }
            feed.job.taskFailed(index, inputFailed);
            feed.job.iterator.setLength(index + 1);
            return;
        }
        if (!chunk.isEmpty()) {
            RuntimeException refused = dispatchFed(feed, chunk, index);
            if (refused != null) {
                feed.job.taskFailed(index, refused);
            }
            index++;
        }
        feed.job.iterator.setLength(index);
    }

    /** Dispatches one fed chunk; returns null, or why the pool refused it. */
    private RuntimeException dispatchFed(Feed feed, List<Object> chunk, int index) {
        lock.lock();
        try {
            if (broken != null) {
                return brokenError(broken);
            }
            if (state == State.TERMINATE) {
                return terminated();
            }
            dispatch(new PoolTask(new Work.Chunk(feed.fn, chunk), feed.job, index));
            return null;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- starmap

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items) throws InterruptedException {
        return this.<A, B, R>starmapAsync(fn, items, 0, null, null).get();
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items, int chunksize)
            throws InterruptedException {
        return this.<A, B, R>starmapAsync(fn, items, positive(chunksize), null, null).get();
    }

    @Override
    public <A, B, C, R> List<R> starmap(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items)
            throws InterruptedException {
        return this.<A, B, C, R>starmapAsync(fn, items, 0, null, null).get();
    }

    @Override
    public <A, B, C, R> List<R> starmap(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items, int chunksize)
            throws InterruptedException {
        return this.<A, B, C, R>starmapAsync(fn, items, positive(chunksize), null, null).get();
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(
            SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items) {
        return starmapAsync(fn, items, 0, null, null);
    }

    @Override
    public <A, B, C, R> AsyncResult<List<R>> starmapAsync(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items) {
        return starmapAsync(fn, items, 0, null, null);
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(
            SerializableBiFunction<? super A, ? super B, ? extends R> fn,
            Iterable<? extends Tuple2<? extends A, ? extends B>> items, int chunksize,
            Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(fn, "fn");
        SerializableFunction<Tuple2<? extends A, ? extends B>, R> star = t -> fn.apply(t.first(), t.second());
        return mapAsync(star, items, chunksize, callback, errorCallback);
    }

    @Override
    public <A, B, C, R> AsyncResult<List<R>> starmapAsync(
            SerializableTriFunction<? super A, ? super B, ? super C, ? extends R> fn,
            Iterable<? extends Tuple3<? extends A, ? extends B, ? extends C>> items, int chunksize,
            Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(fn, "fn");
        SerializableFunction<Tuple3<? extends A, ? extends B, ? extends C>, R> star =
                t -> fn.apply(t.first(), t.second(), t.third());
        return mapAsync(star, items, chunksize, callback, errorCallback);
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        lock.lock();
        try {
            if (state != State.RUN) {
                return;
            }
            state = State.CLOSE;
            feeds.add(END);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void terminate() {
        List<PoolTask> unfinished;
        lock.lock();
        try {
            if (state == State.TERMINATE) {
                return;
            }
            state = State.TERMINATE;
            feeds.add(END);
            unfinished = stopWorkersNow();
        } finally {
            lock.unlock();
        }
        taskHandler.interrupt();
        IllegalStateException stopped = terminated();
        for (PoolTask task : unfinished) {
            task.fail(stopped);
        }
        interruptWorkers();
        for (PoolTask task : awaitTakenTasks()) {
            task.fail(stopped);
        }
        boolean interrupted = false;
        // The task handler first: a chunk it was feeding fails now, and that failure must reach
        // its result through the handler thread, before terminate() returns, not in a late thread.
        for (;;) {
            try {
                if (Thread.currentThread() != taskHandler) {
                    taskHandler.join();
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        resultHandler.stop();
        for (;;) {
            try {
                resultHandler.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ExitHooks.unregister(exitAction);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void join() throws InterruptedException {
        if (state == State.RUN) {
            throw new IllegalStateException("Pool is still running");
        }
        if (Thread.currentThread() != taskHandler) {
            taskHandler.join();
        }
        awaitWorkers();
        resultHandler.stop();
        resultHandler.join();
        ExitHooks.unregister(exitAction);
    }

    /**
     * Called by a subclass once its last worker has exited. During {@code terminate()} nothing
     * happens: terminate() stops the result handler itself, once it has failed every unfinished
     * task, so that each failure reaches its result before terminate() returns.
     */
    final void workersGone() {
        if (state == State.TERMINATE) {
            return;
        }
        resultHandler.stop();
        ExitHooks.unregister(exitAction);  // nothing left to terminate; do not keep the pool alive
    }

    /**
     * Called by a subclass when a worker's initializer failed: the pool is broken. Every task
     * {@code drain} takes from the workers' queue fails, and later submissions are refused; the
     * drain runs holding the pool's lock, so no task slips in behind it.
     */
    final void initializerFailed(Throwable cause, Supplier<List<PoolTask>> drain) {
        List<PoolTask> undone;
        lock.lock();
        try {
            broken = cause;
            undone = drain.get();
        } finally {
            lock.unlock();
        }
        ProcessError error = brokenError(cause);
        for (PoolTask task : undone) {
            task.fail(error);
        }
    }

    private static ProcessError brokenError(Throwable cause) {
        return new ProcessError("Pool broken: a worker's initializer failed", cause);
    }

    private void checkRunning() {
        if (state != State.RUN) {
            throw new IllegalStateException("Pool not running");
        }
        if (broken != null) {
            throw new IllegalStateException("Pool not running: a worker's initializer failed", broken);
        }
    }

    /**
     * Waits while {@code busy} holds and {@code thread} is alive (a worker leaving the window
     * {@link #awaitTakenTasks()} describes): spins briefly, then sleeps 20 µs at a time. Not
     * interruptible, as {@code terminate()} is not; an interrupt is kept for the caller.
     */
    static void awaitWhile(BooleanSupplier busy, Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        for (int i = 0; busy.getAsBoolean() && thread.isAlive(); i++) {
            if (i < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000L);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static IllegalStateException terminated() {
        return new IllegalStateException("Pool terminated before the task finished");
    }

    private static int positive(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("Chunksize must be 1+, not " + chunksize);
        }
        return chunksize;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[processes=" + processes + ", state=" + state + "]";
    }

    /** At JVM exit: CPython's finalizer, which terminates a pool whose workers are still there. */
    private final class ExitAction implements ExitHooks.Action {
        @Override
        public void beginExit() {
            terminate();
        }

        @Override
        public void finishExit() {
        }

        @Override
        public String toString() {
            return BasePool.this.toString();
        }
    }
}
