package org.pyconcurrent.multiprocessing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import org.pyconcurrent.function.SerializableRunnable;

/**
 * The {@link WorkerPoolContract} on a {@link ThreadPool} that sends every task, initializer, result
 * and exception through Java serialization, as a process pool must. It checks, before any process
 * pool exists, that the contract's tasks capture only serializable values (a task that does not
 * makes its submission throw {@link UncheckedIOException}), that it compares exceptions by type and
 * message rather than identity, and that the pool's own wrappers (starmap's) serialize.
 *
 * <p>Relies on {@link ThreadPool}'s package-private {@code dispatch} and on {@link PoolTask} and
 * {@link Job}, so it follows them if they change.
 */
class SerializingThreadPoolTest extends WorkerPoolContract {

    @Override
    protected WorkerPool newPool(int processes) {
        return new SerializingThreadPool(processes, null);
    }

    @Override
    protected WorkerPool newPool(int processes, SerializableRunnable initializer) {
        return new SerializingThreadPool(processes, roundTrip(initializer));
    }

    /** A thread pool whose workers only ever see a deserialized copy of each task. */
    static final class SerializingThreadPool extends ThreadPool {
        SerializingThreadPool(int processes, Runnable initializer) {
            super(processes, initializer);
        }

        @Override
        void dispatch(PoolTask task) {
            super.dispatch(new PoolTask(roundTrip(task.work), new SerializingJob(task.job), task.index));
        }
    }

    /**
     * Hands the job a deserialized copy of each outcome a worker reports, as a result pipe would;
     * the failures {@code terminate()} or a broken pool hand out in this process pass as they are.
     */
    record SerializingJob(Job job) implements Job {
        @Override
        public void taskDone(int index, Object value) {
            Object copy;
            try {
                copy = roundTrip(value);
            } catch (UncheckedIOException e) {
                job.taskFailed(index, new AssertionError("the result " + value + " is not serializable", e));
                return;
            }
            job.taskDone(index, copy);
        }

        @Override
        public void taskFailed(int index, Throwable failure) {
            if (!inWorker()) {
                job.taskFailed(index, failure);
                return;
            }
            Throwable copy;
            try {
                copy = roundTrip(failure);
            } catch (UncheckedIOException e) {
                copy = new AssertionError("the exception " + failure + " is not serializable", e);
            }
            job.taskFailed(index, copy);
        }
    }

    private static boolean inWorker() {
        return Thread.currentThread().getName().matches("ThreadPool-\\d+-worker-\\d+");
    }

    /** Serializes {@code value} and reads it back. */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        if (value == null) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (NotSerializableException e) {
            throw new UncheckedIOException("not serializable: " + e.getMessage() + " in " + value, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
