package org.pyconcurrent.multiprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code multiprocessing.pool.ThreadPool}: the {@link WorkerPool} API with its tasks
 * run by {@code processes} threads of this JVM, all started at construction.
 *
 * <p>Tasks need not be serializable here, but are typed with the serializable interfaces of
 * {@link org.pyconcurrent.function}, so that the same code runs unchanged on a process pool; a
 * lambda satisfies them. Workers, the task handler and the result handler are daemon threads.
 * If an {@code initializer} throws, the pool is broken: queued tasks fail with a
 * {@link ProcessError} naming the cause, and later submissions are refused.
 *
 * <h2>Memory consistency effects</h2>
 * Actions in a thread before it submits a task <i>happen-before</i> the task runs; the task's
 * actions <i>happen-before</i> its callback runs and any thread obtains its result.
 */
public class ThreadPool extends BasePool {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPool.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Tells one worker to exit. */
    private static final PoolTask STOP = new PoolTask(null, null, -1);

    private final LinkedBlockingQueue<PoolTask> inbox = new LinkedBlockingQueue<>();
    private final Worker[] workers;
    private final AtomicInteger live;
    private final Runnable initializer;

    /** Python's {@code ThreadPool()}: one worker per available processor. */
    public ThreadPool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Python's {@code ThreadPool(processes)}.
     *
     * @param processes the number of worker threads
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    public ThreadPool(int processes) {
        this(processes, null);
    }

    /**
     * Python's {@code ThreadPool(processes, initializer)}: {@code initializer} runs first in each
     * worker thread.
     *
     * @param processes the number of worker threads
     * @param initializer run once per worker before its first task, or null
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    public ThreadPool(int processes, Runnable initializer) {
        this(processes, initializer, "ThreadPool-" + COUNTER.incrementAndGet());
    }

    private ThreadPool(int processes, Runnable initializer, String name) {
        super(processes, name);
        this.initializer = initializer;
        this.workers = new Worker[processes];
        this.live = new AtomicInteger(processes);
        for (int i = 0; i < processes; i++) {
            workers[i] = new Worker(name + "-worker-" + i);
        }
        for (Worker w : workers) {
            w.thread.start();
        }
        started();
    }

    @Override
    void dispatch(PoolTask task) {
        inbox.add(task);
    }

    @Override
    void stopWorkersWhenIdle() {
        for (int i = 0; i < workers.length; i++) {
            inbox.add(STOP);
        }
    }

    @Override
    List<PoolTask> stopWorkersNow() {
        List<PoolTask> undone = drainTasks();
        for (Worker w : workers) {
            w.stopping = true;
            PoolTask current = w.current;
            if (current != null) {
                undone.add(current);
            }
        }
        for (int i = 0; i < workers.length; i++) {
            inbox.add(STOP);
        }
        return undone;
    }

    @Override
    void interruptWorkers() {
        for (Worker w : workers) {
            w.thread.interrupt();
        }
    }

    @Override
    List<PoolTask> awaitTakenTasks() {
        List<PoolTask> held = new ArrayList<>();
        for (Worker w : workers) {
            awaitWhile(() -> w.taking, w.thread);
            PoolTask current = w.current;
            if (current != null) {
                held.add(current);
            }
        }
        return held;
    }

    /** Takes every queued task, leaving the stop signals in place. */
    private List<PoolTask> drainTasks() {
        List<PoolTask> undone = new ArrayList<>();
        int stops = 0;
        for (PoolTask t; (t = inbox.poll()) != null; ) {
            if (t == STOP) {
                stops++;
            } else {
                undone.add(t);
            }
        }
        for (int i = 0; i < stops; i++) {
            inbox.add(STOP);
        }
        return undone;
    }

    @Override
    void awaitWorkers() throws InterruptedException {
        for (Worker w : workers) {
            if (w.thread != Thread.currentThread()) {
                w.thread.join();
            }
        }
    }

    /** One worker thread: runs tasks from the inbox until told to stop. */
    private final class Worker implements Runnable {
        final Thread thread;
        /** The task being run, for terminate(); null between tasks. */
        volatile PoolTask current;
        /** In take(), or holding a task not yet in {@link #current}: see awaitTakenTasks(). */
        volatile boolean taking;
        volatile boolean stopping;

        Worker(String name) {
            this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
        }

        @Override
        public void run() {
            try {
                if (initializer != null && !initialize()) {
                    return;
                }
                for (;;) {
                    PoolTask task;
                    taking = true;
                    try {
                        task = inbox.take();
                        if (task != STOP) {
                            current = task;
                        }
                    } catch (InterruptedException e) {
                        if (stopping) {
                            return;
                        }
                        continue;
                    } finally {
                        taking = false;
                    }
                    if (task == STOP) {
                        return;
                    }
                    if (stopping) {
                        task.fail(new IllegalStateException("Pool terminated before the task finished"));
                    } else {
                        task.runHere();
                    }
                    current = null;
                    if (!stopping) {
                        Thread.interrupted();  // an interrupt aimed at this task must not reach the next
                    }
                }
            } finally {
                if (live.decrementAndGet() == 0) {
                    workersGone();
                }
            }
        }

        private boolean initialize() {
            try {
                initializer.run();
                return true;
            } catch (Throwable t) {
                LOG.error("Exception in initializer of {}", thread.getName(), t);
                initializerFailed(t, ThreadPool.this::drainTasks);
                return false;
            }
        }
    }
}
