package org.pyconcurrent.futures;

import java.io.Serial;

/**
 * Python's {@code concurrent.futures.process.BrokenProcessPool}: a {@link ProcessPoolExecutor}'s
 * worker process died while running a call (its future fails with this error, caused by the
 * pool's {@link org.pyconcurrent.multiprocessing.WorkerLostError} with the exit code), or the
 * executor's initializer failed (every queued and later call fails with it).
 */
public class BrokenProcessPool extends BrokenExecutor {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param cause why
     */
    public BrokenProcessPool(String message, Throwable cause) {
        super(message, cause);
    }
}
