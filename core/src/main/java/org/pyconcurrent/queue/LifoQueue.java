package org.pyconcurrent.queue;

import org.pyconcurrent.internal.queue.QueueCores;

/**
 * Python's {@code queue.LifoQueue}: a {@link Queue} that hands out the most recently added item
 * first, like a stack. Everything else (bounds, blocking, task tracking, shutdown, memory
 * consistency) is as in {@link Queue}.
 *
 * <pre>{@code
 * LifoQueue<Integer> q = new LifoQueue<>();
 * q.put(111); q.put(333); q.put(222);
 * q.get();   // 222, then 333, then 111
 * }</pre>
 *
 * @param <E> the type of the items
 */
public class LifoQueue<E> extends Queue<E> {
    /** Python's {@code LifoQueue()}: unbounded, on the faster backend for it. */
    public LifoQueue() {
        this(0);
    }

    /**
     * Python's {@code LifoQueue(maxsize)}.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     */
    public LifoQueue(int maxsize) {
        this(maxsize, Backend.fastestFor(LifoQueue.class, maxsize));
    }

    /**
     * A LIFO queue on a chosen backend.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     * @param backend which implementation to use
     * @throws NullPointerException if {@code backend} is null
     */
    public LifoQueue(int maxsize, Backend backend) {
        super(QueueCores.Order.LIFO, maxsize, null, backend);
    }
}
