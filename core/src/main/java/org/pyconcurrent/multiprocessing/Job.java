package org.pyconcurrent.multiprocessing;

/**
 * The parent-side receiver of a submission's outcomes: one per {@code apply_async}, {@code map}
 * or {@code imap} call, told about each of its tasks by index. Implementations ignore outcomes
 * that arrive after they are complete (a task failed by {@code terminate()} may still finish).
 */
interface Job {
    void taskDone(int index, Object value);

    void taskFailed(int index, Throwable failure);

    /**
     * A worker is about to run the task at {@code index}: false drops it (it was cancelled). Only
     * process pools ask.
     */
    default boolean starting(int index) {
        return true;
    }
}
