package org.pyconcurrent.internal.pool;

import org.pyconcurrent.function.SerializableCallable;

/**
 * Submits a task to a {@link org.pyconcurrent.multiprocessing.Pool} with a {@link TaskSink}
 * that hears when the task is about to be sent to a worker (and may refuse: it was cancelled)
 * and how it ended. Registered by the pool class when it is initialized (the JDK's "shared
 * secrets" pattern).
 */
public final class PoolAccess {
    /** What a task's submitter hears. */
    public interface TaskSink {
        /**
         * The task is about to be sent to a worker.
         *
         * @return false to drop it (it was cancelled)
         */
        boolean start();

        /**
         * The task returned.
         *
         * @param value its result
         */
        void succeed(Object value);

        /**
         * The task failed, or could not run.
         *
         * @param failure why
         */
        void fail(Throwable failure);
    }

    /** The pool side. */
    public interface Submitter {
        /**
         * Submits {@code fn} to {@code pool}.
         *
         * @param pool a process pool
         * @param fn the task
         * @param sink who hears about it
         * @throws IllegalStateException if the pool does not run
         */
        void submit(Object pool, SerializableCallable<?> fn, TaskSink sink);

        /**
         * The pool belongs to an executor that finishes its work at exit: the pool must not
         * terminate itself at exit.
         *
         * @param pool a process pool
         */
        void ownedByExecutor(Object pool);
    }

    private static volatile Submitter submitter;

    private PoolAccess() {
    }

    /**
     * Registers the pool side; called once, by the pool class.
     *
     * @param s the submitter
     */
    public static void set(Submitter s) {
        submitter = s;
    }

    /**
     * Submits a task.
     *
     * @param pool a process pool
     * @param fn the task
     * @param sink who hears about it
     * @throws IllegalStateException if the pool does not run
     */
    public static void submit(Object pool, SerializableCallable<?> fn, TaskSink sink) {
        submitter.submit(pool, fn, sink);
    }

    /**
     * Stops {@code pool} from terminating itself at exit (its executor closes and joins it).
     *
     * @param pool a process pool
     */
    public static void ownedByExecutor(Object pool) {
        submitter.ownedByExecutor(pool);
    }
}
