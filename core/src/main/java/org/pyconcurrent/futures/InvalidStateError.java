package org.pyconcurrent.futures;

/**
 * Python's {@code concurrent.futures.InvalidStateError}: {@code setResult} or
 * {@code setException} on a future that is already done or cancelled.
 */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the future and its state
     */
    public InvalidStateError(String message) {
        super(message);
    }
}
