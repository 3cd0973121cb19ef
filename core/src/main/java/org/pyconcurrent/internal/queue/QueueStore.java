package org.pyconcurrent.internal.queue;

import java.util.Iterator;
import java.util.Queue;

/**
 * A store that is a {@link Queue}: FIFO as it is, LIFO through
 * {@link java.util.Collections#asLifoQueue}. Thread-safe exactly when the queue is: an
 * {@code ArrayDeque} for {@link LockedQueueCore}, which calls it under its lock; a
 * {@code ConcurrentLinkedQueue} or a {@code ConcurrentLinkedDeque} for {@link LockFreeQueueCore},
 * and JCTools' MPMC array queue through {@link ConcurrentStores.MpmcArray}, which polls and offers
 * through its relaxed calls.
 */
class QueueStore implements Store {
    private final Queue<Object> items;

    QueueStore(Queue<Object> items) {
        this.items = items;
    }

    @Override
    public void offer(Object item) {
        // The core has claimed room first, so even a bounded queue has it; false would be a bug.
        if (!items.offer(item)) {
            throw new IllegalStateException("queue store refused an item it had room for");
        }
    }

    @Override
    public Object poll() {
        return items.poll();
    }

    @Override
    public Object peek() {
        return items.peek();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Iterator<Object> iterator() {
        return ReadOnlyIterator.of(items.iterator());
    }
}
