package org.pyconcurrent.threading;

/**
 * Python's {@code threading.BoundedSemaphore}: a {@link Semaphore} whose value may never exceed
 * its initial value. A release that would take it past that throws
 * {@link IllegalArgumentException} (Python: ValueError "Semaphore released too many times") and
 * changes nothing; the check and the release are one atomic step, so two racing over-releases
 * cannot both get through.
 *
 * <p>Memory consistency effects: as for {@link Semaphore}.
 */
public class BoundedSemaphore extends Semaphore {

    /** Creates a bounded semaphore with one permit (Python's default). */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore with {@code value} permits, which is also its bound.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value, value);
    }

    /**
     * Gives one permit back.
     *
     * @throws IllegalArgumentException if the value is already at its initial value
     */
    @Override
    public void release() {
        super.release();
    }

    /**
     * Gives {@code n} permits back at once, or none.
     *
     * @throws IllegalArgumentException if {@code n < 1}, or the value would exceed the initial value
     */
    @Override
    public void release(int n) {
        super.release(n);
    }
}
