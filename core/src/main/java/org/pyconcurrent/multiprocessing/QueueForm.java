package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;
import org.pyconcurrent.internal.shared.SharedQueue;

/**
 * How a queue travels to another process: which class, and the handle of the queue its holder
 * keeps.
 *
 * @param kind the class
 * @param handle the queue
 */
record QueueForm(Kind kind, SharedQueue.Handle handle) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The queue classes. */
    enum Kind { QUEUE, JOINABLE, SIMPLE }

    @Serial
    private Object readResolve() {
        SharedQueue shared = SharedQueue.open(handle);
        return switch (kind) {
            case QUEUE -> new Queue<>(shared);
            case JOINABLE -> new JoinableQueue<>(shared);
            case SIMPLE -> new SimpleQueue<>(shared);
        };
    }
}
