package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.shared.SharedQueue;

/**
 * Python's {@code multiprocessing.SimpleQueue}: an unbounded FIFO queue between processes with
 * only {@link #put}, {@link #get}, {@link #empty()} and {@link #close()}. Same transport and
 * guarantees as {@link Queue}.
 *
 * <p>Memory consistency effects: as for {@link Queue}.
 *
 * @param <E> the type of the items (serializable)
 */
public final class SimpleQueue<E> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SharedQueue shared;
    private transient volatile boolean closed;

    /** A new, empty queue held by this process. */
    public SimpleQueue() {
        this(SharedQueue.create(0));
    }

    SimpleQueue(SharedQueue shared) {
        this.shared = shared;
    }

    /**
     * Python's {@code put(item)}; never waits.
     *
     * @throws IllegalArgumentException naming the class, if {@code item} cannot be serialized
     * @throws IllegalStateException if this handle is closed or the holding process has exited
     */
    public void put(E item) {
        check();
        try {
            shared.put(Serialization.toBytes(item), -1L);
        } catch (InterruptedException unbounded) {
            Thread.currentThread().interrupt();  // an unbounded put never waits
        }
    }

    /**
     * Python's {@code get()}: waits for an item.
     *
     * @return the item (a copy), or null for a {@code None} sentinel
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if this handle is closed or the holding process has exited
     */
    @SuppressWarnings("unchecked")
    public E get() throws InterruptedException {
        check();
        byte[] bytes = shared.get(-1L);
        try {
            return (E) Serialization.fromBytes(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an item of " + this + ": " + e.getMessage(), e);
        }
    }

    /** Python's {@code empty()}. */
    public boolean empty() {
        check();
        return shared.qsize() == 0;
    }

    /** Python's {@code close()}: later calls on this handle throw. Idempotent. */
    public void close() {
        closed = true;
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("SimpleQueue is closed");
        }
    }

    @Override
    public String toString() {
        return "<multiprocessing.SimpleQueue" + (closed ? " closed" : "") + ">";
    }

    @Serial
    private Object writeReplace() {
        return new QueueForm(QueueForm.Kind.SIMPLE, shared.handle());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a SimpleQueue travels as its handle");
    }
}
