package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * Python's {@code multiprocessing.managers.RemoteError} role: an exception raised in another
 * process that could not travel as itself (its class is not serializable, or not known here).
 * The message names the original class and message; the cause is a {@link RemoteTraceback}
 * with the original stack trace.
 */
public class RemoteError extends ProcessError {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the original exception's class and message
     * @param cause the original stack trace
     */
    public RemoteError(String message, RemoteTraceback cause) {
        super(message, cause);
    }
}
