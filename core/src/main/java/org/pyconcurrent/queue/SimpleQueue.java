package org.pyconcurrent.queue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import org.pyconcurrent.internal.queue.Items;
import org.pyconcurrent.internal.queue.QueueCore;
import org.pyconcurrent.internal.queue.QueueCores;

/**
 * Python's {@code queue.SimpleQueue}: an unbounded first-in, first-out queue without task
 * tracking or shutdown, the lightest way to hand items between threads. {@code put} never
 * blocks; {@code get} has the same four forms as {@link Queue#get()}. {@code null} is accepted
 * as Python's {@code None}.
 *
 * <p>Memory consistency effects: actions in a thread prior to placing an item into the queue
 * <i>happen-before</i> actions subsequent to the retrieval of that item in another thread.
 *
 * @param <E> the type of the items
 */
public class SimpleQueue<E> {
    private final QueueCore core;
    private final Backend backend;

    /** Python's {@code SimpleQueue()}, on the faster backend for it. */
    public SimpleQueue() {
        this(Backend.fastestFor(SimpleQueue.class, 0));
    }

    /**
     * A simple queue on a chosen backend.
     *
     * @param backend which implementation to use
     * @throws NullPointerException if {@code backend} is null
     */
    public SimpleQueue(Backend backend) {
        this.core = QueueCores.create(QueueCores.Order.FIFO, 0, null, false, backend);
        this.backend = backend;
    }

    /** Python's {@code put(item)}: adds the item; never blocks. */
    public final void put(E item) {
        try {
            core.offer(Items.mask(item), 0L);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("an unbounded put was interrupted", cannotHappen);
        }
    }

    /** Python's {@code put_nowait(item)}: the same as {@link #put(Object)}. */
    public final void putNowait(E item) {
        put(item);
    }

    /**
     * Removes and returns the next item, waiting as long as it takes for one.
     *
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get() throws InterruptedException {
        return Takes.get(core);
    }

    /**
     * Python's {@code get(block)}.
     *
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get(boolean block) throws InterruptedException {
        return block ? get() : getNowait();
    }

    /**
     * Python's {@code get(timeout=...)}.
     *
     * @throws Empty if no item arrived before the timeout ran out (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get(Duration timeout) throws InterruptedException {
        return Takes.get(core, timeout);
    }

    /**
     * Python's {@code get_nowait()}.
     *
     * @throws Empty if the queue is empty
     */
    public final E getNowait() {
        return Takes.getNowait(core);
    }

    /** Python's {@code qsize()}: how many items the queue holds (may be stale at once). */
    public final int qsize() {
        return core.size();
    }

    /** Python's {@code empty()}. */
    public final boolean empty() {
        return core.size() == 0;
    }

    /**
     * This queue as a {@link BlockingQueue}; see {@link Queue#asBlockingQueue()} for its rules
     * (no task tracking here).
     */
    public final BlockingQueue<E> asBlockingQueue() {
        return new BlockingQueueView<>(core, item -> { });
    }

    /** The backend this queue was built on. */
    public final Backend backend() {
        return backend;
    }

    /** For example {@code SimpleQueue(qsize=3)}. */
    @Override
    public String toString() {
        return "SimpleQueue(qsize=" + qsize() + ")";
    }
}
