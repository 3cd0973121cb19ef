package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.pool.PoolAccess;

/**
 * Python's {@code multiprocessing.Pool}: the {@link WorkerPool} API (the same as
 * {@link ThreadPool}'s) with its tasks run in {@code processes} worker processes, child JVMs
 * started at construction and reused. Functions, arguments and results travel serialized; a
 * lambda of the {@link org.pyconcurrent.function} interfaces works. Callbacks run in this
 * process's result-handler thread, never in a worker.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>A task's exception reaches the parent with its type, if it can be serialized, and the
 *       worker's stack trace as a {@link RemoteTraceback} cause (else a {@link RemoteError}
 *       naming the class).</li>
 *   <li>A function or argument that cannot be serialized fails that task (its result's
 *       {@code get()} throws {@link IllegalArgumentException} naming the class); a result that
 *       cannot be serialized fails it in the worker the same way, with {@code errorCallback}. No
 *       worker is lost either way.</li>
 *   <li>Beyond CPython, whose pool hangs forever when a worker is killed (gh-66587): a worker
 *       process that dies while it runs a task (SIGKILL, out of memory, {@code System.exit})
 *       fails that task with {@link WorkerLostError}, naming the exit code or signal; the tasks
 *       it had not started go to another worker, a new worker process takes its place, and the
 *       pool goes on.</li>
 *   <li>With a time limit, a task that runs longer fails with {@link TimeLimitExceeded} and its
 *       worker is killed and replaced (billiard's hard limit).</li>
 *   <li>If the {@code initializer} throws, the pool is broken, as a {@link ThreadPool} is:
 *       queued tasks fail with a {@link ProcessError} naming the cause.</li>
 * </ul>
 *
 * <h2>How tasks travel</h2>
 * Each worker has its own {@link Pipe} and a thread in this process that feeds it: it sends a
 * batch of queued tasks (its fair share of the queue: 16 tasks at most to an idle worker, then up
 * to twice as many as the batch before, up to 256) in one message and reads the outcomes one by
 * one as the worker finishes them. When the worker is nearly done with a batch (less than about
 * 20 ms of its work left, judged by the time between its answers), the next batch is sent ahead,
 * so that short tasks never leave it waiting; at most two batches are in flight, and a thread in
 * the worker reads them as they come, so that neither side blocks the other. With
 * {@code maxtasksperchild} a worker is sent no more than that many tasks and then replaced by a
 * new process; with a time limit, one task at a time.
 *
 * <p>{@code map} sends each chunk's items as one compact message (a list of {@code Integer}s as
 * their ints); when every result is an {@code Integer}, the results stay ints in the messages
 * they arrived in, and {@code map} returns them as a list that boxes each item when it is read
 * (otherwise an ordinary mutable list; it travels as an {@code ArrayList}).
 *
 * <h2>Memory consistency effects</h2>
 * Actions before a submission <i>happen-before</i> the callback of its result runs and any thread
 * obtains the result; the task itself runs in another process, on copies.
 */
public class Pool extends BasePool {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static {
        PoolAccess.set(new PoolAccess.Submitter() {
            @Override
            public void submit(Object pool, org.pyconcurrent.function.SerializableCallable<?> fn,
                    PoolAccess.TaskSink sink) {
                ((Pool) pool).dispatchChecked(new PoolTask(new Work.Call(fn), new SinkJob(sink), 0));
            }

            @Override
            public void ownedByExecutor(Object pool) {
                ((Pool) pool).detachExitAction();
            }
        });
    }
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final LinkedBlockingDeque<PoolTask> inbox = new LinkedBlockingDeque<>();
    private final WorkerSlot[] slots;
    private final AtomicInteger live;
    private final SerializableRunnable initializer;
    private final int maxTasksPerChild;
    private final long timeLimitNanos;
    private volatile boolean closing;
    private volatile boolean stoppingNow;

    /** Python's {@code Pool()}: one worker process per available processor. */
    public Pool() {
        this(Process.cpuCount());
    }

    /**
     * Python's {@code Pool(processes)}.
     *
     * @param processes the number of worker processes
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    public Pool(int processes) {
        this(processes, null);
    }

    /**
     * Python's {@code Pool(processes, initializer)}: {@code initializer} runs once in each worker
     * process before its first task.
     *
     * @param processes the number of worker processes
     * @param initializer run in each worker at its start; may be null
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    public Pool(int processes, SerializableRunnable initializer) {
        this(processes, initializer, 0, null);
    }

    /**
     * Python's {@code Pool(processes, initializer, maxtasksperchild)}, plus a per-task time limit.
     *
     * @param processes the number of worker processes
     * @param initializer run in each worker at its start; may be null
     * @param maxtasksperchild tasks a worker runs before it is replaced by a new process; 0 for
     *     no limit (Python's None)
     * @param taskTimeLimit the most a task may run before its worker is killed; null for none
     * @throws IllegalArgumentException if {@code processes} is less than 1,
     *     {@code maxtasksperchild} negative, or the time limit not positive
     */
    public Pool(int processes, SerializableRunnable initializer, int maxtasksperchild, Duration taskTimeLimit) {
        this(processes, initializer, maxtasksperchild, taskTimeLimit, "Pool-" + COUNTER.incrementAndGet());
    }

    private Pool(int processes, SerializableRunnable initializer, int maxtasksperchild, Duration taskTimeLimit,
            String name) {
        super(checked(processes, maxtasksperchild, taskTimeLimit), name);
        this.initializer = initializer;
        this.maxTasksPerChild = maxtasksperchild;
        this.timeLimitNanos = taskTimeLimit == null ? 0L : Timeouts.toNanos(taskTimeLimit);
        this.slots = new WorkerSlot[processes];
        this.live = new AtomicInteger(processes);
        for (int i = 0; i < processes; i++) {
            slots[i] = new WorkerSlot(this, i, name + "-feeder-" + i);
        }
        for (WorkerSlot s : slots) {
            s.thread.start();
        }
        started();
    }

    /** Checks the arguments before BasePool's constructor starts any thread; returns processes. */
    private static int checked(int processes, int maxtasksperchild, Duration taskTimeLimit) {
        if (maxtasksperchild < 0) {
            throw new IllegalArgumentException("maxtasksperchild must be a positive int or 0 (no limit), got "
                    + maxtasksperchild);
        }
        if (taskTimeLimit != null && Timeouts.toNanos(taskTimeLimit) == 0) {
            throw new IllegalArgumentException("a task time limit must be positive, got " + taskTimeLimit);
        }
        return processes;
    }

    // ---------------------------------------------------------------- for the slots

    LinkedBlockingDeque<PoolTask> inbox() {
        return inbox;
    }

    SerializableRunnable initializer() {
        return initializer;
    }

    int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    long timeLimitNanos() {
        return timeLimitNanos;
    }

    boolean closing() {
        return closing;
    }

    boolean stoppingNow() {
        return stoppingNow;
    }

    String workerName(int slot) {
        return "PoolWorker-" + WORKERS.incrementAndGet();
    }

    void slotExited() {
        if (live.decrementAndGet() == 0 && closing) {
            workersGone();
        }
    }

    void initializerFailed(Throwable cause) {
        initializerFailed(cause, () -> {
            List<PoolTask> undone = new ArrayList<>();
            inbox.drainTo(undone);
            return undone;
        });
    }

    // ---------------------------------------------------------------- BasePool

    @Override
    void dispatch(PoolTask task) {
        inbox.addLast(task);
    }

    @Override
    void stopWorkersWhenIdle() {
        closing = true;
    }

    @Override
    List<PoolTask> stopWorkersNow() {
        stoppingNow = true;
        List<PoolTask> undone = new ArrayList<>();
        inbox.drainTo(undone);
        for (WorkerSlot s : slots) {
            undone.addAll(s.unanswered());
        }
        return undone;
    }

    @Override
    void interruptWorkers() {
        for (WorkerSlot s : slots) {
            s.killWorker();
            s.thread.interrupt();
        }
    }

    @Override
    List<PoolTask> awaitTakenTasks() {
        for (WorkerSlot s : slots) {
            awaitWhile(s::taking, s.thread);
        }
        List<PoolTask> held = new ArrayList<>();
        inbox.drainTo(held);  // put back by a slot whose worker died as terminate() began
        for (WorkerSlot s : slots) {
            held.addAll(s.unanswered());
        }
        return held;
    }

    @Override
    void awaitWorkers() throws InterruptedException {
        for (WorkerSlot s : slots) {
            s.await();
        }
    }

    /** The job of a task submitted through {@link PoolAccess}: tells its sink. */
    private record SinkJob(PoolAccess.TaskSink sink) implements Job {
        @Override
        public void taskDone(int index, Object value) {
            sink.succeed(value);
        }

        @Override
        public void taskFailed(int index, Throwable failure) {
            sink.fail(failure);
        }

        @Override
        public boolean starting(int index) {
            return sink.start();
        }
    }
}
