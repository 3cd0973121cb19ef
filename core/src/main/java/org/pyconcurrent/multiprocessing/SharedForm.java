package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;
import org.pyconcurrent.internal.shared.Segment;

/**
 * How a primitive in shared memory travels to another process: the handle of its segment (its
 * file, and the host that wakes its sleepers) and which kind it is. The receiving process maps
 * the same memory, so the copy is the same primitive.
 *
 * @param kind the primitive
 * @param handle its shared memory
 * @param extra a constant the kind needs (a bounded semaphore's bound)
 */
record SharedForm(Kind kind, Segment.Handle handle, long extra) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The primitives that travel this way. */
    enum Kind { LOCK, RLOCK, SEMAPHORE, BOUNDED_SEMAPHORE, EVENT }

    @Serial
    private Object readResolve() {
        Segment segment = Segment.open(handle);
        return switch (kind) {
            case LOCK -> Lock.attach(segment);
            case RLOCK -> RLock.attach(segment);
            case SEMAPHORE -> Semaphore.attach(segment);
            case BOUNDED_SEMAPHORE -> BoundedSemaphore.attach(segment, (int) extra);
            case EVENT -> Event.attach(segment);
        };
    }
}
