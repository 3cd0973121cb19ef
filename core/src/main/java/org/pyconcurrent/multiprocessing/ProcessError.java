package org.pyconcurrent.multiprocessing;

/** Python's {@code multiprocessing.ProcessError}: the base of this package's own errors. */
public class ProcessError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ProcessError(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause why
     */
    public ProcessError(String message, Throwable cause) {
        super(message, cause);
    }
}
