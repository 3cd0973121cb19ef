package org.pyconcurrent.internal.queue;

import java.util.Iterator;

/**
 * Where a queue keeps its items, in the order it hands them out (first in first out, last in
 * first out, or lowest first). It never blocks and knows nothing of bounds, tasks or shutdown:
 * the {@link QueueCore} around it does. Items are never null (see {@link Items}).
 *
 * <p>{@link LockedQueueCore} uses the sequential stores and calls them under its lock;
 * {@link LockFreeQueueCore} uses the concurrent ones and calls them from any thread, only ever
 * offering when it has already claimed room, so {@link #offer} cannot fail for lack of space.
 */
public interface Store {
    /** Adds an item. */
    void offer(Object item);

    /**
     * Removes and returns the next item, or null if there is none; a concurrent store may also
     * return null while the next item's {@code offer} is still under way (the core's count shows
     * it, and the put that finishes wakes a waiting getter).
     */
    Object poll();

    /** The next item without removing it, or null if there is none. */
    Object peek();

    /** How many items it holds (exact for the sequential stores, a snapshot for the others). */
    int size();

    /** The items, next first where the structure knows that order; removal is not supported. */
    Iterator<Object> iterator();
}
