package org.pyconcurrent.futures;

import java.util.concurrent.CancellationException;

/**
 * Python's {@code concurrent.futures.CancelledError}: the result of a cancelled future was asked
 * for. It extends {@link CancellationException}, which {@link java.util.concurrent.Future#get()}
 * throws for the same reason.
 */
public class CancelledError extends CancellationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says which future was cancelled
     */
    public CancelledError(String message) {
        super(message);
    }
}
