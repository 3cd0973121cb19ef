package org.pyconcurrent.multiprocessing;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.ipc.Serialization;

/**
 * The worker side of a process {@link Pool}, run as a worker process's target: runs the
 * initializer, says it is ready (or why not), then reads batches of {@link Work} from its
 * connection and answers each task as soon as it is done, in order, with its value or a
 * {@link RemoteFailure}. Returns when the parent closes the connection (the pool is closing, or
 * this worker has done its share of tasks).
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

    static void serve(Connection tasks, SerializableRunnable initializer) {
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
            for (;;) {
                byte[] message;
                try {
                    message = tasks.recvBytes();
                } catch (EOFException done) {
                    return;
                }
                List<?> batch;
                try {
                    batch = (List<?>) Serialization.fromBytes(message);
                } catch (IOException | RuntimeException | LinkageError unreadable) {
                    tasks.send(new Unreadable(String.valueOf(unreadable)));  // the parent sends them one by one
                    continue;
                }
                for (Object item : batch) {
                    tasks.sendBytes(item instanceof byte[] alone ? outcomeOf(alone) : outcome((Work) item));
                }
            }
        } catch (IOException | InterruptedException parentGone) {
            // the pool has gone; so does this worker
        } finally {
            tasks.close();
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
