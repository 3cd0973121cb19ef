package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pyconcurrent.internal.ipc.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of a process {@link Pool}, seen from the parent: a worker process and the thread
 * that feeds it. The thread takes a batch of tasks from the pool's queue, sends it in one
 * message, and reads the outcomes one by one as the worker finishes them, so it always knows
 * which task is running. If the worker process dies, that task fails with
 * {@link WorkerLostError}, the batch's tasks it had not started go back to the front of the
 * queue, and a new worker process takes the slot; the same happens, with
 * {@link TimeLimitExceeded}, to a task that outruns the pool's time limit. With
 * {@code maxtasksperchild}, the worker is sent no more than its share and then retired.
 */
final class WorkerSlot implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSlot.class);
    /** Most tasks sent in one message. */
    private static final int MAX_BATCH = 256;
    /** How often an idle slot looks at its worker process. */
    private static final long IDLE_CHECK_MILLIS = 100;

    private final Pool pool;
    private final int number;
    final Thread thread;
    /** Null between stopWorker() and the next start; read by killWorker() in terminate(). */
    private volatile Process process;
    private Connection connection;
    private int tasksDone;
    /** The batch sent and not fully answered; read by {@link Pool#stopWorkersNow()}. */
    private volatile List<PoolTask> inFlight = List.of();
    private volatile int answered;

    WorkerSlot(Pool pool, int number, String name) {
        this.pool = pool;
        this.number = number;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
    }

    @Override
    public void run() {
        try {
            if (!startWorker()) {
                return;
            }
            while (!pool.stoppingNow()) {
                PoolTask first = pool.inbox().pollFirst(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (pool.closing() && pool.inbox().isEmpty()) {
                        break;
                    }
                    if (!process.isAlive() && !replaceWorker(null)) {
                        return;
                    }
                    continue;
                }
                List<PoolTask> batch = takeBatch(first);
                inFlight = batch;  // visible to terminate() before anything else happens to it
                answered = 0;
                if (pool.stoppingNow()) {
                    return;  // terminate() may have looked before: the finally fails the batch
                }
                if (!batch.isEmpty() && !runBatch(batch)) {
                    return;
                }
                if (pool.maxTasksPerChild() > 0 && tasksDone >= pool.maxTasksPerChild() && !pool.stoppingNow()) {
                    retire();
                    if (!startWorker()) {
                        return;
                    }
                }
            }
            retire();
        } catch (InterruptedException stopped) {
            // terminate(): the pool kills the worker
        } finally {
            if (pool.stoppingNow()) {
                IllegalStateException stopped = BasePool.terminated();
                for (PoolTask t : unanswered()) {
                    t.fail(stopped);  // a no-op for those terminate() failed already
                }
                inFlight = List.of();
            }
            stopWorker();
            pool.slotExited();
        }
    }

    /**
     * The first task and as many more as this worker's fair share allows, without the ones whose
     * submitter dropped them (cancelled before they started).
     */
    private List<PoolTask> takeBatch(PoolTask first) {
        List<PoolTask> batch = new ArrayList<>();
        if (first.job.starting(first.index)) {
            batch.add(first);
        }
        int share = pool.timeLimitNanos() > 0 ? 1 : Math.min(MAX_BATCH, pool.inbox().size() / pool.processes());
        if (pool.maxTasksPerChild() > 0) {
            share = Math.min(share, pool.maxTasksPerChild() - tasksDone - 1);
        }
        for (int i = 0; i < share; i++) {
            PoolTask t = pool.inbox().pollFirst();
            if (t == null) {
                break;
            }
            if (t.job.starting(t.index)) {
                batch.add(t);
            }
        }
        return batch;
    }

    /** Runs one batch; false if the slot has no worker left (the pool is stopping or broken). */
    private boolean runBatch(List<PoolTask> taken) throws InterruptedException {
        List<PoolTask> batch = new ArrayList<>(taken);
        byte[] message = serialize(batch);  // leaves out (and fails) the tasks that cannot travel
        inFlight = batch;
        answered = 0;
        if (batch.isEmpty()) {
            return true;
        }
        try {
            connection.sendBytes(message);
        } catch (IOException | IllegalStateException e) {
            return workerLost(batch, 0, false);
        }
        boolean oneByOne = false;
        for (int i = 0; i < batch.size(); i++) {
            PoolTask task = batch.get(i);
            byte[] outcome;
            try {
                outcome = awaitOutcome(task);
            } catch (IOException | IllegalStateException e) {
                return workerLost(batch, i, true);
            }
            if (outcome == null) {  // the time limit
                return timedOut(batch, i);
            }
            Object value = read(outcome);
            if (value instanceof PoolWorker.Unreadable u) {
                if (batch.size() > 1 && !oneByOne) {
                    // The worker could not read the batch: send its tasks again, each in a message
                    // of its own, so that only the unreadable ones fail.
                    oneByOne = true;
                    try {
                        connection.sendBytes(serializeOneByOne(batch));
                    } catch (IOException | IllegalStateException e) {
                        return workerLost(batch, 0, false);
                    }
                    i--;
                    continue;
                }
                value = RemoteFailure.of(new IllegalArgumentException(
                        "cannot read the task in the worker process: " + u.reason()));
            }
            answered = i + 1;
            tasksDone++;
            report(task, value);
        }
        inFlight = List.of();
        return true;
    }

    /** The batch as a list of separately serialized tasks, which the worker reads one by one. */
    private static byte[] serializeOneByOne(List<PoolTask> batch) {
        ArrayList<byte[]> each = new ArrayList<>(batch.size());
        for (PoolTask t : batch) {
            each.add(Serialization.toBytes(t.work));
        }
        return Serialization.toBytes(each);
    }

    private static Object read(byte[] outcome) {
        try {
            return Serialization.fromBytes(outcome);
        } catch (IOException e) {
            return RemoteFailure.of(new IllegalStateException(
                    "cannot read the task's result in the parent: " + e.getMessage(), e));
        }
    }

    /**
     * The batch's tasks as one message. A task whose function or arguments cannot be serialized
     * fails at once (its caller gets the error from its result) and is left out.
     */
    private static byte[] serialize(List<PoolTask> batch) {
        List<Work> works = new ArrayList<>(batch.size());
        for (PoolTask t : batch) {
            works.add(t.work);
        }
        try {
            return Serialization.toBytes(works);
        } catch (IllegalArgumentException someTaskCannotTravel) {
            List<PoolTask> fine = new ArrayList<>();
            for (PoolTask t : batch) {
                try {
                    Serialization.toBytes(t.work);
                    fine.add(t);
                } catch (IllegalArgumentException e) {
                    t.fail(new IllegalArgumentException("cannot send the task to a worker process: " + e.getMessage(), e));
                }
            }
            batch.clear();
            batch.addAll(fine);
            works.clear();
            for (PoolTask t : fine) {
                works.add(t.work);
            }
            return Serialization.toBytes(works);
        }
    }

    /** The next outcome; null if the pool's time limit ran out first. */
    private byte[] awaitOutcome(PoolTask task) throws IOException, InterruptedException {
        long limit = pool.timeLimitNanos();
        if (limit > 0 && !connection.poll(Duration.ofNanos(limit))) {
            return null;
        }
        return connection.recvBytes();
    }

    private static void report(PoolTask task, Object value) {
        if (value instanceof RemoteFailure f) {
            task.fail(f.toException());
        } else {
            task.succeed(value);
        }
    }

    /** The worker process died (or its connection broke) while {@code batch.get(running)} ran. */
    private boolean workerLost(List<PoolTask> batch, int running, boolean started) throws InterruptedException {
        Integer code = endOfWorker();
        if (started && !pool.stoppingNow()) {
            batch.get(running).fail(new WorkerLostError("Worker exited prematurely: " + describe(code)
                    + " (the worker process " + process.name() + " died while running this task)", code));
            requeue(batch, running + 1);
        } else {
            requeue(batch, running);
        }
        inFlight = List.of();
        return replaceWorker(code);
    }

    private boolean timedOut(List<PoolTask> batch, int running) throws InterruptedException {
        process.kill();
        endOfWorker();
        batch.get(running).fail(new TimeLimitExceeded("the task ran longer than the pool's time limit of "
                + Duration.ofNanos(pool.timeLimitNanos()) + "; its worker was killed"));
        requeue(batch, running + 1);
        inFlight = List.of();
        return replaceWorker(null);
    }

    private void requeue(List<PoolTask> batch, int from) {
        if (pool.stoppingNow()) {  // terminate() has drained the queue already
            IllegalStateException stopped = BasePool.terminated();
            for (int i = from; i < batch.size(); i++) {
                batch.get(i).fail(stopped);
            }
            return;
        }
        for (int i = batch.size() - 1; i >= from; i--) {
            pool.inbox().addFirst(batch.get(i));
        }
    }

    private static String describe(Integer code) {
        if (code == null) {
            return "exit code unknown";
        }
        return code < 0 ? "killed by signal " + (-code) : "exit code " + code;
    }

    // ---------------------------------------------------------------- the worker process

    /** Starts a worker process and waits until its initializer has run; false if the pool broke. */
    private boolean startWorker() throws InterruptedException {
        Pipe pipe;
        Process p;
        try {
            pipe = Pipe.create();
            Connection workerEnd = pipe.conn2();
            var initializer = pool.initializer();
            p = new Process(pool.workerName(number), new PoolWorker.Target(workerEnd, initializer));
            p.setDaemon(true);
            p.start();
            workerEnd.close();
        } catch (RuntimeException e) {
            if (!pool.stoppingNow()) {  // else: terminate() interrupted us while we made the pipe
                pool.initializerFailed(new ProcessError("cannot start a worker process: " + e, e));
            }
            return false;
        }
        process = p;
        connection = pipe.conn1();
        tasksDone = 0;
        Object first;
        try {
            first = connection.recv();
        } catch (IOException | IllegalStateException e) {
            Integer code = endOfWorker();
            pool.initializerFailed(new WorkerLostError("a worker process exited before it was ready: "
                    + describe(code), code));
            return false;
        }
        if (first instanceof RemoteFailure f) {
            endOfWorker();
            pool.initializerFailed(f.toException());
            return false;
        }
        return true;
    }

    /** Replaces a worker that died; false if the pool is stopping (nothing to replace). */
    private boolean replaceWorker(Integer code) throws InterruptedException {
        LOG.debug("worker {} of {} exited ({}); starting another", process == null ? "?" : process.name(), pool,
                describe(code));
        stopWorker();
        if (pool.stoppingNow() || pool.closing() && pool.inbox().isEmpty()) {
            return false;
        }
        return startWorker();
    }

    /** The worker's connection broke: waits briefly for its exit and returns its exit code. */
    private Integer endOfWorker() throws InterruptedException {
        connection.close();
        if (!process.join(Duration.ofSeconds(1))) {
            process.kill();
            process.join(Duration.ofSeconds(5));
        }
        return process.exitcode();
    }

    /** Lets the worker exit after its last task: closes its connection and waits for it. */
    private void retire() throws InterruptedException {
        if (process != null && connection != null) {
            connection.close();
            if (!process.join(Duration.ofSeconds(5))) {
                process.kill();
                process.join(Duration.ofSeconds(5));
            }
        }
    }

    private void stopWorker() {
        if (connection != null) {
            connection.close();
        }
        if (process != null) {
            try {
                if (process.isAlive()) {
                    process.kill();
                }
                process.join(Duration.ofSeconds(5));
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException stillRunning) {
                // a kill that has not landed yet: the JVM's exit hook will see to it
            }
        }
        connection = null;
        process = null;
    }

    /** The tasks sent to the worker and not yet answered (for terminate()). */
    List<PoolTask> unanswered() {
        List<PoolTask> batch = inFlight;
        int done = answered;
        return done >= batch.size() ? List.of() : new ArrayList<>(batch.subList(done, batch.size()));
    }

    /** Kills the worker process now (terminate()). */
    void killWorker() {
        Process p = process;
        if (p != null) {
            try {
                if (p.isAlive()) {
                    p.kill();
                }
            } catch (IllegalStateException closed) {
                // already gone
            }
        }
    }

    /** Waits for the feeding thread and the worker process to end. */
    void await() throws InterruptedException {
        if (thread != Thread.currentThread()) {
            thread.join();
        }
    }
}
