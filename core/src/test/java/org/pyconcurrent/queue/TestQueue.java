package org.pyconcurrent.queue;

import java.time.Duration;

/**
 * Python's full queue API ({@code queue.Queue} and its subclasses; later also multiprocessing's
 * {@code JoinableQueue}): bounds, task tracking and 3.13's shutdown on top of
 * {@link TestSimpleQueue}. What {@link QueueContract} runs against.
 *
 * @param <E> the type of the items; {@code null} is Python's {@code None}
 */
public interface TestQueue<E> extends TestSimpleQueue<E> {
    /** Python's {@code put(item, block)}. */
    void put(E item, boolean block) throws InterruptedException;

    /** Python's {@code put(item, timeout=...)}. */
    void put(E item, Duration timeout) throws InterruptedException;

    /** Python's {@code full()}. */
    boolean full();

    /** Python's {@code maxsize}. */
    int maxsize();

    /** Python's {@code task_done()}. */
    void taskDone();

    /** Python's {@code join()}. */
    void join() throws InterruptedException;

    /** Python's {@code unfinished_tasks}. */
    long unfinishedTasks();

    /** Python's {@code shutdown()}. */
    void shutdown();

    /** Python's {@code shutdown(immediate)}. */
    void shutdown(boolean immediate);

    /** Python's {@code is_shutdown}. */
    boolean isShutdown();
}
