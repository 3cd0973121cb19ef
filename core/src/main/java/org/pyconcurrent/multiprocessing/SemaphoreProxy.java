package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * A {@code threading.Semaphore} or {@code BoundedSemaphore} held in a manager, from
 * {@link SyncManager#semaphore} and {@link SyncManager#boundedSemaphore}: CPython's
 * {@code AcquirerProxy}, plus {@code release(n)} and the counter.
 */
public final class SemaphoreProxy extends AcquirerProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    SemaphoreProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.SEMAPHORE;
    }

    /**
     * Python's {@code release(n)}.
     *
     * @param n how many times
     * @throws IllegalArgumentException if {@code n} is less than 1, or a bounded semaphore would
     *     go past its initial value
     */
    public void release(int n) {
        call("release", n);
    }

    /**
     * Python's {@code _value} (what {@code get_value()} returns for multiprocessing's).
     *
     * @return the counter
     */
    public int getValue() {
        return (Integer) call("getValue");
    }
}
