package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.ipc.Serialization;

/**
 * The worker side of a process {@link Pool}, run as a worker process's target: runs the
 * initializer, says it is ready (or why not), then runs batches of {@link Work} from its
 * connection and answers each task as soon as it is done, in order, with its value or a
 * {@link RemoteFailure}. Returns when the parent closes the connection (the pool is closing, or
 * this worker has done its share of tasks).
 *
 * <p>A second thread reads and deserializes every batch as soon as it arrives, into a queue the
 * main thread takes from: the parent may send the next batch while this worker is busy writing
 * the outcomes of the current one, and its write completes (were nobody reading here, the two
 * processes could each block writing into a full socket), and the worker finds the next batch
 * ready when it is done with one. The parent keeps at most {@link WorkerSlot#MAX_IN_FLIGHT}
 * batches in flight, which bounds the queue.
 */
final class PoolWorker {
    /** The first message of a worker whose initializer ran. */
    static final String READY = "ready";

    private PoolWorker() {
    }

    /**
     * A worker process's target: a record rather than a lambda, because a worker JVM reads a
     * record with what its standby has warmed up, where a lambda would first have its class spun
     * (tens of milliseconds of a pool's start).
     *
     * @param tasks the worker's end of its pipe
     * @param initializer run first; may be null
     */
    record Target(Connection tasks, SerializableRunnable initializer) implements SerializableRunnable {
        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
            serve(tasks, initializer);
        }
    }

    /** The reader's last entry in the queue: the parent closed the connection, or has gone. */
    private static final Object END = new Object();

    static void serve(Connection tasks, SerializableRunnable initializer) {
        Thread reader = null;
        try {
            if (initializer != null) {
                try {
                    initializer.run();
                } catch (Throwable t) {
                    tasks.send(RemoteFailure.of(t));
                    return;
                }
            }
            tasks.send(READY);
            BlockingQueue<Object> batches = new LinkedBlockingQueue<>();
            reader = Thread.ofPlatform().name("pool-worker-reader").daemon(true)
                    .start(() -> readBatches(tasks, batches));
            for (;;) {
                Object next = batches.take();
                if (next == END) {
                    return;
                }
                if (next instanceof Unreadable u) {
                    tasks.send(u);  // the parent sends the batch's tasks again one by one
                    continue;
                }
                for (Object item : (List<?>) next) {
                    tasks.sendBytes(item instanceof byte[] alone ? outcomeOf(alone) : outcome((Work) item));
                }
            }
        } catch (IOException | InterruptedException parentGone) {
            // the pool has gone; so does this worker
        } finally {
            tasks.close();  // wakes the reader if it still waits
            if (reader != null) {
                try {
                    reader.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * The reader thread: deserializes each message into the list of its tasks (or the reason it
     * cannot be read) and queues it, until the connection ends.
     */
    private static void readBatches(Connection tasks, BlockingQueue<Object> batches) {
        try {
            for (;;) {
                byte[] message = tasks.recvBytes();
                Object batch;
                try {
                    batch = (List<?>) Serialization.fromBytes(message);
                } catch (IOException | RuntimeException | LinkageError unreadable) {
                    batch = new Unreadable(String.valueOf(unreadable));
                }
                batches.add(batch);
            }
        } catch (IOException | InterruptedException | RuntimeException done) {
            // EOFException: the parent closed the connection; or the worker is ending (the
            // connection closed under the read: IllegalStateException)
        } finally {
            batches.add(END);
        }
    }

    /** A task sent alone: read it, then as {@link #outcome}; one that cannot be read says why. */
    private static byte[] outcomeOf(byte[] alone) {
        Work work;
        try {
            work = (Work) Serialization.fromBytes(alone);
        } catch (IOException | RuntimeException | LinkageError unreadable) {
            return Serialization.toBytes(new Unreadable(String.valueOf(unreadable)));
        }
        return outcome(work);
    }

    /** The answer to a batch (or a task) this worker could not deserialize. */
    record Unreadable(String reason) implements java.io.Serializable {
    }

    /** Runs one task and serializes what the parent must hear: the value, or the failure. */
    private static byte[] outcome(Work work) {
        Object value;
        try {
            value = work.call();
        } catch (Throwable t) {
            return Serialization.toBytes(RemoteFailure.of(t));
        }
        try {
            return Serialization.toBytes(value);
        } catch (IllegalArgumentException notSerializable) {
            return Serialization.toBytes(RemoteFailure.of(new IllegalArgumentException(
                    "the task's result cannot be sent to the parent: " + notSerializable.getMessage())));
        }
    }
}
