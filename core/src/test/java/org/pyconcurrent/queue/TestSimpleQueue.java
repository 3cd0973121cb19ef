package org.pyconcurrent.queue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * The part of Python's queue API that every queue has, {@code SimpleQueue} included: what
 * {@link SimpleQueueContract} runs against. A wrapper adapts one queue class to it (see
 * {@link TestQueues}); the multiprocessing queues need one wrapper each.
 *
 * @param <E> the type of the items; {@code null} is Python's {@code None}
 */
public interface TestSimpleQueue<E> {
    /** The order the queue hands out Integer items (and null) in; the contracts' model. */
    ItemOrder order();

    /** Python's {@code put(item)}. */
    void put(E item) throws InterruptedException;

    /** Python's {@code put_nowait(item)}. */
    void putNowait(E item);

    /** Python's {@code get()}. */
    E get() throws InterruptedException;

    /** Python's {@code get(block)}. */
    E get(boolean block) throws InterruptedException;

    /** Python's {@code get(timeout=...)}. */
    E get(Duration timeout) throws InterruptedException;

    /** Python's {@code get_nowait()}. */
    E getNowait();

    /** Python's {@code qsize()}. */
    int qsize();

    /** Python's {@code empty()}. */
    boolean empty();

    /**
     * The queue as a {@link BlockingQueue}, for the view contracts; a queue class without such a
     * view keeps this default and does not run them.
     */
    default BlockingQueue<E> asBlockingQueue() {
        throw new UnsupportedOperationException(this + " has no BlockingQueue view");
    }
}
