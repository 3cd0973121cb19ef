package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import org.pyconcurrent.internal.shared.Segment;

/**
 * Python's {@code multiprocessing.BoundedSemaphore}: a {@link Semaphore} whose value may never
 * exceed its initial value; a release that would throws {@link IllegalArgumentException}
 * (Python's ValueError) and changes nothing.
 */
public final class BoundedSemaphore extends Semaphore {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates a bounded semaphore of value 1. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore.
     *
     * @param value the initial value, also the bound
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(fresh(value), value);
    }

    private BoundedSemaphore(Segment segment, int bound) {
        super(segment, bound);
    }

    static BoundedSemaphore attach(Segment segment, int bound) {
        return new BoundedSemaphore(segment, bound);
    }
}
