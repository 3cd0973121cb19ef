package org.pyconcurrent.internal.queue;

import java.util.Iterator;

/**
 * What every queue of {@code org.pyconcurrent.queue} delegates to: the item path, task accounting
 * and shutdown, in one of two designs ({@link LockedQueueCore}, {@link LockFreeQueueCore}).
 *
 * <p>Items are never null here: the public classes turn Python's {@code None} (a Java
 * {@code null}) into {@link Items#NONE} on the way in and back on the way out, so a {@code null}
 * returned by {@link #poll(long)} always means "nothing arrived".
 *
 * <p>A wait of {@link #FOREVER} nanoseconds blocks without limit; {@code 0} does not wait at all.
 * Every wait throws {@link InterruptedException} if the thread is interrupted while it waits.
 */
public interface QueueCore {
    /** The {@code nanos} argument that waits without limit. */
    long FOREVER = -1L;

    /**
     * Adds an item, waiting up to {@code nanos} for a free slot.
     *
     * @return false if the queue stayed full for the whole wait
     * @throws org.pyconcurrent.queue.ShutDown if the queue is (or becomes, while waiting) shut down
     */
    boolean offer(Object item, long nanos) throws InterruptedException;

    /**
     * Removes and returns the next item, waiting up to {@code nanos} for one.
     *
     * @return the item, or null if none arrived within the wait
     * @throws org.pyconcurrent.queue.ShutDown if the queue is shut down and empty
     */
    Object poll(long nanos) throws InterruptedException;

    /** The next item without removing it, or null if the queue is empty. */
    Object peek();

    /** Items in the queue now (including any a producer has claimed room for but not yet added). */
    int size();

    /** The bound on {@link #size()}, or 0 for an unbounded queue. */
    int maxsize();

    /** Marks one item as processed; throws {@link IllegalArgumentException} on one call too many. */
    void taskDone();

    /** Blocks until every item ever added has been marked done. */
    void join() throws InterruptedException;

    /** Items added and not yet marked done. */
    long unfinishedTasks();

    /** Python 3.13's {@code shutdown(immediate)}; wakes every blocked caller. */
    void shutdown(boolean immediate);

    /** Whether {@link #shutdown(boolean)} was called. */
    boolean isShutdown();

    /** A weakly consistent iterator over the items in the queue now; it does not remove. */
    Iterator<Object> iterator();
}
