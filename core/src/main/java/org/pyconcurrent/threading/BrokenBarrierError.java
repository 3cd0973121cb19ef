package org.pyconcurrent.threading;

/**
 * Python's {@code threading.BrokenBarrierError}: the {@link Barrier} is, or became, broken while
 * the caller waited on it, by a timeout, an {@link Barrier#abort() abort()}, a
 * {@link Barrier#reset() reset()}, an interrupted party or an action that threw.
 *
 * <p>Unchecked, like every Python exception in this library; java.util.concurrent's
 * {@link java.util.concurrent.BrokenBarrierException} is checked and so cannot be its parent.
 */
public class BrokenBarrierError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what broke the barrier
     */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
