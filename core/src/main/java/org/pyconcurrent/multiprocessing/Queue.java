package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.shared.SharedQueue;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;

/**
 * Python's {@code multiprocessing.Queue}: a FIFO queue between processes, with the
 * {@code queue.Queue} rules ({@code maxsize}, {@link Full} / {@link Empty}, timeouts, an exact
 * {@link #qsize()}). Hand it to a child in its target (it is {@link Serializable}); every copy
 * is the same queue. Items are copies: each is serialized by {@code put}, as Python pickles it.
 *
 * <p>The process that creates the queue holds its items; other processes reach them through
 * that process's host (see {@code docs/design.md}). Better than CPython, which pickles and sends
 * in a background feeder thread:
 * <ul>
 *   <li>an item that cannot be serialized fails in the caller of {@code put}
 *       ({@link IllegalArgumentException} naming the class), never silently in a background
 *       thread;</li>
 *   <li>{@code put} returns once the item is on its way in the kernel: a producer that exits
 *       right after it loses nothing, and joining a producer before the queue is drained does
 *       not deadlock (the holder always takes what arrives);</li>
 *   <li>{@link #qsize()} is exact as seen by the caller's own puts and gets.</li>
 * </ul>
 * If the holding process exits, the queue is gone: calls from other processes throw
 * {@link IllegalStateException} rather than wait forever.
 *
 * <p>{@code put(null)} and {@code get()} returning {@code null} are Python's {@code None}
 * sentinel.
 *
 * <p>Memory consistency effects: as for {@code java.util.concurrent} queues, within and across
 * processes: actions prior to {@code put} <i>happen-before</i> actions after the {@code get}
 * of that item (in another process, the item is a copy).
 *
 * @param <E> the type of the items (serializable)
 */
public class Queue<E> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedQueue shared;
    private transient volatile boolean closed;

    /** Python's {@code Queue()}: unbounded. */
    public Queue() {
        this(0);
    }

    /**
     * Python's {@code Queue(maxsize)}.
     *
     * @param maxsize most items held; 0 or less means no limit, as in Python
     */
    public Queue(int maxsize) {
        this(SharedQueue.create(maxsize));
    }

    Queue(SharedQueue shared) {
        this.shared = shared;
    }

    // ---------------------------------------------------------------- put

    /**
     * Python's {@code put(obj)}: waits for room if the queue is bounded and full.
     *
     * @throws IllegalArgumentException naming the class, if {@code item} cannot be serialized
     *     (nothing is put)
     * @throws IllegalStateException if this handle is closed or the holding process has exited
     * @throws InterruptedException if interrupted while waiting for room
     */
    public final void put(E item) throws InterruptedException {
        shared.put(encode(item), -1L);
    }

    /**
     * Python's {@code put(obj, block)}.
     *
     * @throws Full if {@code block} is false and the queue is full
     */
    public final void put(E item, boolean block) throws InterruptedException {
        shared.put(encode(item), block ? -1L : 0L);
    }

    /**
     * Python's {@code put(obj, timeout=...)}.
     *
     * @throws Full if there was no room within {@code timeout}
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public final void put(E item, Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        shared.put(encode(item), nanos);
    }

    /**
     * Python's {@code put_nowait(obj)}.
     *
     * @throws Full if the queue is full
     */
    public final void putNowait(E item) {
        try {
            shared.put(encode(item), 0L);
        } catch (InterruptedException cannotWait) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", cannotWait);
        }
    }

    private byte[] encode(E item) {
        checkOpen();
        return Serialization.toBytes(item);
    }

    // ---------------------------------------------------------------- get

    /**
     * Python's {@code get()}: waits for an item.
     *
     * @return the item (a copy), or null for a {@code None} sentinel
     * @throws IllegalStateException if this handle is closed, the holding process has exited, or
     *     the item cannot be deserialized here
     * @throws InterruptedException if interrupted while waiting (no item is taken; if the
     *     interrupt comes as an item is handed over, the item is returned and the thread's
     *     interrupt status is set)
     */
    public final E get() throws InterruptedException {
        checkOpen();
        return decode(shared.get(-1L));
    }

    /**
     * Python's {@code get(block)}.
     *
     * @throws Empty if {@code block} is false and the queue is empty
     */
    public final E get(boolean block) throws InterruptedException {
        checkOpen();
        return decode(shared.get(block ? -1L : 0L));
    }

    /**
     * Python's {@code get(timeout=...)}.
     *
     * @throws Empty if no item came within {@code timeout}
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public final E get(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        checkOpen();
        return decode(shared.get(nanos));
    }

    /**
     * Python's {@code get_nowait()}.
     *
     * @throws Empty if the queue is empty
     */
    public final E getNowait() {
        checkOpen();
        try {
            return decode(shared.get(0L));
        } catch (InterruptedException cannotWait) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", cannotWait);
        }
    }

    @SuppressWarnings("unchecked")
    private E decode(byte[] bytes) {
        try {
            return (E) Serialization.fromBytes(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an item of " + this + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- state

    /** Python's {@code qsize()}: the number of items (exact for this process's own calls). */
    public final int qsize() {
        checkOpen();
        return shared.qsize();
    }

    /** Python's {@code empty()}. */
    public final boolean empty() {
        return qsize() == 0;
    }

    /** Python's {@code full()}: always false for an unbounded queue. */
    public final boolean full() {
        checkOpen();
        return shared.maxsize() > 0 && qsize() >= shared.maxsize();
    }

    /** The bound given at creation; 0 or less means none. */
    public final int maxsize() {
        return Math.max(0, shared.maxsize());
    }

    /**
     * Python's {@code close()}: this process will use this handle no more; later calls on it
     * throw {@link IllegalStateException}. Items already put are not lost; other processes' copies
     * are not affected. Idempotent.
     */
    public final void close() {
        closed = true;
    }

    /**
     * Python's {@code join_thread()}: nothing to wait for, since {@code put} sends the item
     * before it returns (there is no feeder thread).
     *
     * @throws IllegalStateException if the queue is not closed (as in Python)
     */
    public final void joinThread() {
        if (!closed) {
            throw new IllegalStateException("Queue " + this + " not closed");
        }
    }

    /** Python's {@code cancel_join_thread()}: does nothing here (there is no feeder thread). */
    public final void cancelJoinThread() {
        // nothing buffered, nothing to cancel
    }

    SharedQueue shared() {
        return shared;
    }

    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Queue " + this + " is closed");
        }
    }

    @Override
    public String toString() {
        return "<multiprocessing." + getClass().getSimpleName() + (maxsize() > 0 ? " maxsize=" + maxsize() : "")
                + (closed ? " closed" : "") + ">";
    }

    @Serial
    Object writeReplace() {
        return new QueueForm(QueueForm.Kind.QUEUE, shared.handle());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Queue travels as its handle");
    }
}
