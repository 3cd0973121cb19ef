package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pyconcurrent.internal.ipc.IntList;
import org.pyconcurrent.internal.ipc.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of a process {@link Pool}, seen from the parent: a worker process and the thread
 * that feeds it.
 *
 * <h2>How tasks travel</h2>
 * The thread takes a batch of tasks from the pool's queue (its fair share: queue length /
 * processes), sends it in one message, and reads the outcomes one by one as the worker finishes
 * them, so it always knows which task is running. While the worker works on one batch, the
 * thread may send the next: up to {@value #MAX_IN_FLIGHT} batches are in flight, kept oldest
 * first in {@link #inFlight}, and outcomes come back in that order. The next batch goes ahead
 * once what is left of the current one should take the worker less than {@link #AHEAD_NANOS}
 * (judged by the time between outcomes so far), so that short tasks keep the worker busy while
 * long ones are not held back from other workers. A batch to an idle worker holds at most
 * {@value #FIRST_BATCH} tasks, so that it starts soon, and each batch sent ahead at most twice as
 * many as the one before, up to {@value #MAX_BATCH}. Sending ahead cannot deadlock with the
 * worker writing outcomes: a thread in the worker ({@link PoolWorker}) reads every message as it
 * arrives, so a write here always completes.
 *
 * <p>If the worker process dies, the oldest unanswered task fails with {@link WorkerLostError},
 * every other task in flight goes back to the front of the queue, and a new worker process takes
 * the slot; the same happens, with {@link TimeLimitExceeded}, to a task that outruns the pool's
 * time limit (with a time limit, one task is in flight at a time). A batch the worker cannot
 * read is sent again, each task in a message of its own, behind the batches already in flight.
 * With {@code maxtasksperchild}, the worker is sent no more than its share and retired once it
 * has answered them all.
 */
final class WorkerSlot implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSlot.class);
    /** Most tasks sent in one message. */
    static final int MAX_BATCH = 256;
    /**
     * Most tasks sent to an idle worker in one message; each batch sent ahead may be twice as
     * large as the one before, up to {@link #MAX_BATCH}. A small batch is read and started
     * sooner, and each one's work covers the sending of the next.
     */
    static final int FIRST_BATCH = 16;
    /** Most batches sent and not fully answered. */
    static final int MAX_IN_FLIGHT = 2;
    /**
     * The next batch is sent ahead once the current one should be done within this time: enough
     * to serialize, send and read a large batch on a busy machine; little delay for the tasks
     * taken ahead, which another worker might have started sooner.
     */
    private static final long AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The first size of the buffer batches are serialized into. */
    private static final int INITIAL_BUFFER = 64 * 1024;
    /** A buffer grown larger than this (by a batch of large tasks) is not kept for the next. */
    private static final int MAX_KEPT_BUFFER = 4 << 20;
    /** How often an idle slot looks at its worker process. */
    private static final long IDLE_CHECK_MILLIS = 100;
    private static final Batch[] NONE = {};

    private final Pool pool;
    private final int number;
    final Thread thread;
    /** Null between stopWorker() and the next start; read by killWorker() in terminate(). */
    private volatile Process process;
    private Connection connection;
    /** Where batches are serialized: one array, reused. */
    private Serialization.Buffer buffer = new Serialization.Buffer(INITIAL_BUFFER);
    /** Tasks sent to the current worker process (what maxtasksperchild counts). */
    private int tasksSent;
    /**
     * The batches sent and not fully answered, oldest first: replaced (never changed) by this
     * slot's thread, read by {@link #unanswered()} in {@code terminate()}.
     */
    private volatile Batch[] inFlight = NONE;
    /**
     * Set while this slot moves tasks between the queue and {@link #inFlight}, where
     * {@code terminate()} could see them in neither: {@link Pool#awaitTakenTasks()} waits for it.
     */
    private volatile boolean taking;
    /** Most tasks in the next batch: {@link #FIRST_BATCH}, doubling up to {@link #MAX_BATCH}. */
    private int batchLimit = FIRST_BATCH;
    /** A send failed: the worker is gone; send nothing more, read what it answered, then replace it. */
    private boolean sendFailed;
    /** When the last outcome came (or a batch went to an idle worker). */
    private long lastOutcomeNanos;
    /** The time between outcomes, a moving average; negative until measured. */
    private long taskNanos = -1;

    /** Tasks sent in one message, and how many of them the worker has answered. */
    private static final class Batch {
        final List<PoolTask> tasks;
        /** Sent as separately serialized tasks, after the worker could not read them as one. */
        final boolean oneByOne;
        volatile int answered;

        Batch(List<PoolTask> tasks, boolean oneByOne) {
            this.tasks = tasks;
            this.oneByOne = oneByOne;
        }
    }

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
            Batch ahead;
            while (!pool.stoppingNow()) {
                if (inFlight.length == 0) {
                    if (sendFailed) {
                        if (!workerLost()) {
                            return;
                        }
                        continue;
                    }
                    if (pool.maxTasksPerChild() > 0 && tasksSent >= pool.maxTasksPerChild()) {
                        retire();
                        if (pool.stoppingNow() || !startWorker()) {
                            return;
                        }
                    }
                    Batch first = claimBatch(true);
                    if (first == null) {
                        if (pool.closing() && pool.inbox().isEmpty()) {
                            break;
                        }
                        if (!process.isAlive() && !replaceWorker(null)) {
                            return;
                        }
                        continue;
                    }
                    if (!send(first)) {
                        return;
                    }
                } else if (mayTakeAhead() && (ahead = claimBatch(false)) != null) {
                    if (!send(ahead)) {
                        return;
                    }
                } else if (!readOutcome()) {
                    return;
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
                inFlight = NONE;
            }
            stopWorker();
            pool.slotExited();
        }
    }

    /**
     * Takes the next batch from the queue into {@link #inFlight}, in one step as far as
     * {@code terminate()} can tell ({@link #taking}); null if the queue is empty. To an idle
     * worker ({@code idle}: waits for a task) a small batch, which starts it soonest; ahead of the
     * batches in flight, one twice as large as the last.
     */
    private Batch claimBatch(boolean idle) throws InterruptedException {
        taking = true;
        try {
            PoolTask first = idle
                    ? pool.inbox().pollFirst(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS)
                    : pool.inbox().pollFirst();
            if (first == null) {
                return null;
            }
            batchLimit = idle ? FIRST_BATCH : Math.min(MAX_BATCH, 2 * batchLimit);
            Batch pending = new Batch(takeBatch(first), false);
            if (!pending.tasks.isEmpty()) {
                append(pending);  // visible to terminate() before anything else happens to it
            }
            return pending;
        } finally {
            taking = false;
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
        int share = pool.timeLimitNanos() > 0 ? 0 : Math.min(batchLimit - 1, pool.inbox().size() / pool.processes());
        if (pool.maxTasksPerChild() > 0) {
            share = Math.min(share, pool.maxTasksPerChild() - tasksSent - 1);
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

    /**
     * Whether to send another batch before the ones in flight are answered: not with a time
     * limit (one task at a time), nor beyond maxtasksperchild, nor to a worker that has more work
     * than {@link #AHEAD_NANOS} left.
     */
    private boolean mayTakeAhead() {
        Batch[] sent = inFlight;
        if (sent.length >= MAX_IN_FLIGHT || sendFailed || taskNanos < 0 || pool.timeLimitNanos() > 0
                || pool.maxTasksPerChild() > 0 && tasksSent >= pool.maxTasksPerChild()
                || pool.inbox().isEmpty()) {
            return false;
        }
        Batch head = sent[0];
        long left = head.tasks.size() - head.answered;
        return left <= AHEAD_NANOS / Math.max(1L, taskNanos);
    }

    /**
     * Sends a batch {@link #claimBatch claimed} from the queue, behind those in flight; false if
     * the slot has no worker left (the pool is stopping or broken).
     */
    private boolean send(Batch pending) throws InterruptedException {
        List<PoolTask> taken = pending.tasks;
        if (taken.isEmpty()) {
            return true;
        }
        if (pool.stoppingNow()) {
            return false;  // terminate() may have looked before: the finally fails the batch
        }
        List<PoolTask> tasks = new ArrayList<>(taken);
        serialize(tasks, buffer);  // leaves out (and fails) the tasks that cannot travel
        Batch batch = new Batch(tasks, false);
        replace(pending, tasks.isEmpty() ? null : batch);
        if (tasks.isEmpty()) {
            return true;
        }
        tasksSent += tasks.size();
        boolean sent = sendMessage(batch, buffer.array(), buffer.size());
        if (buffer.array().length > MAX_KEPT_BUFFER) {
            buffer = new Serialization.Buffer(INITIAL_BUFFER);
        }
        return sent;
    }

    /**
     * Sends the message of a batch already in {@link #inFlight} (and counted in
     * {@link #tasksSent}); true, as {@link #send}: if the worker is gone, the batch goes back to
     * the queue, and the worker is replaced once what it answered before has been read.
     */
    private boolean sendMessage(Batch batch, byte[] message, int length) throws InterruptedException {
        if (inFlight.length == 1) {
            lastOutcomeNanos = System.nanoTime();  // the worker was idle until now
        }
        try {
            connection.sendBytes(message, 0, length);
            return true;
        } catch (IOException | IllegalStateException e) {
            // The worker is gone. What it answered before may still be there to read; this batch
            // was not received, so none of its tasks ran.
            sendFailed = true;
            tasksSent -= batch.tasks.size();
            taking = true;  // the batch leaves inFlight for the queue
            try {
                replace(batch, null);
                requeue(batch.tasks, 0);
            } finally {
                taking = false;
            }
            return true;
        }
    }

    /** Reads the next outcome, of the oldest batch in flight; false as {@link #send}. */
    private boolean readOutcome() throws InterruptedException {
        Batch head = inFlight[0];
        int i = head.answered;
        PoolTask task = head.tasks.get(i);
        byte[] outcome;
        try {
            outcome = awaitOutcome();
        } catch (IOException | IllegalStateException e) {
            return workerLost();
        }
        if (outcome == null) {  // the time limit
            return timedOut();
        }
        long now = System.nanoTime();
        long took = now - lastOutcomeNanos;
        lastOutcomeNanos = now;
        taskNanos = taskNanos < 0 ? took : taskNanos + (took - taskNanos) / 4;
        Object value = read(outcome, task.work instanceof Work.Chunk);
        if (value instanceof PoolWorker.Unreadable u) {
            if (head.tasks.size() > 1 && !head.oneByOne) {
                // The worker could not read the batch: send its tasks again, each in a message of
                // its own, so that only the unreadable ones fail. The worker answers them after
                // the batches sent since.
                Batch again = new Batch(head.tasks, true);
                replace(head, again);
                byte[] message = serializeOneByOne(again.tasks);
                return sendMessage(again, message, message.length);
            }
            value = RemoteFailure.of(new IllegalArgumentException(
                    "cannot read the task in the worker process: " + u.reason()));
        }
        head.answered = i + 1;
        if (i + 1 == head.tasks.size()) {
            replace(head, null);
        }
        report(task, value);
        return true;
    }

    /** Adds a batch behind those in flight. */
    private void append(Batch batch) {
        Batch[] sent = inFlight;
        Batch[] more = java.util.Arrays.copyOf(sent, sent.length + 1);
        more[sent.length] = batch;
        inFlight = more;
    }

    /**
     * Takes {@code old} out of {@link #inFlight} and, in the same step, adds {@code by} (if not
     * null) behind the others: in its place if {@code old} was the last batch.
     */
    private void replace(Batch old, Batch by) {
        Batch[] sent = inFlight;
        List<Batch> now = new ArrayList<>(sent.length + 1);
        for (Batch b : sent) {
            if (b != old) {
                now.add(b);
            }
        }
        if (by != null) {
            now.add(by);
        }
        inFlight = now.toArray(NONE);
    }

    /** The batch as a list of separately serialized tasks, which the worker reads one by one. */
    private static byte[] serializeOneByOne(List<PoolTask> batch) {
        ArrayList<byte[]> each = new ArrayList<>(batch.size());
        for (PoolTask t : batch) {
            each.add(Serialization.toBytes(t.work));
        }
        return Serialization.toBytes(each);
    }

    /** An outcome; a chunk's list of ints stays ints (an {@link IntList}), for {@link MapJob}. */
    private static Object read(byte[] outcome, boolean chunk) {
        try {
            return chunk ? Serialization.fromBytesKeepingInts(outcome) : Serialization.fromBytes(outcome);
        } catch (IOException e) {
            return RemoteFailure.of(new IllegalStateException(
                    "cannot read the task's result in the parent: " + e.getMessage(), e));
        }
    }

    /**
     * Writes the batch's tasks as one message into {@code buffer}. A task whose function or
     * arguments cannot be serialized fails at once (its caller gets the error from its result)
     * and is left out.
     */
    private static void serialize(List<PoolTask> batch, Serialization.Buffer buffer) {
        List<Work> works = new ArrayList<>(batch.size());
        for (PoolTask t : batch) {
            works.add(t.work);
        }
        try {
            Serialization.toBuffer(works, buffer);
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
            Serialization.toBuffer(works, buffer);
        }
    }

    /** The next outcome; null if the pool's time limit ran out first. */
    private byte[] awaitOutcome() throws IOException, InterruptedException {
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

    /**
     * The worker process died (or its connection broke): the oldest unanswered task is the one it
     * was running, which fails; the other tasks in flight go back to the queue. False if the slot
     * has no worker left.
     */
    private boolean workerLost() throws InterruptedException {
        Integer code = endOfWorker();
        Batch[] lost = inFlight;
        List<PoolTask> rest = new ArrayList<>();
        for (Batch b : lost) {
            rest.addAll(b.tasks.subList(b.answered, b.tasks.size()));
        }
        if (!rest.isEmpty() && !pool.stoppingNow()) {
            rest.removeFirst().fail(new WorkerLostError("Worker exited prematurely: " + describe(code)
                    + " (the worker process " + process.name() + " died while running this task)", code));
        }
        requeueTaking(rest);
        inFlight = NONE;
        return replaceWorker(code);
    }

    private boolean timedOut() throws InterruptedException {
        process.kill();
        endOfWorker();
        List<PoolTask> rest = new ArrayList<>();
        for (Batch b : inFlight) {
            rest.addAll(b.tasks.subList(b.answered, b.tasks.size()));
        }
        rest.removeFirst().fail(new TimeLimitExceeded("the task ran longer than the pool's time limit of "
                + Duration.ofNanos(pool.timeLimitNanos()) + "; its worker was killed"));
        requeueTaking(rest);
        inFlight = NONE;
        return replaceWorker(null);
    }

    /** {@link #requeue} of tasks still in {@link #inFlight}, marked {@link #taking} for terminate(). */
    private void requeueTaking(List<PoolTask> tasks) {
        taking = true;
        try {
            requeue(tasks, 0);
        } finally {
            taking = false;
        }
    }

    /**
     * Puts tasks back at the front of the queue, or fails them if terminate() has begun; called
     * while {@link #taking}, so that terminate() looks at the queue again after it.
     */
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
        tasksSent = 0;
        sendFailed = false;
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

    /** The tasks sent to the worker (or about to be) and not yet answered (for terminate()). */
    List<PoolTask> unanswered() {
        List<PoolTask> undone = new ArrayList<>();
        for (Batch b : inFlight) {
            int done = b.answered;
            if (done < b.tasks.size()) {
                undone.addAll(b.tasks.subList(done, b.tasks.size()));
            }
        }
        return undone;
    }

    /** Whether this slot is moving tasks between the queue and {@link #inFlight}. */
    boolean taking() {
        return taking;
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
