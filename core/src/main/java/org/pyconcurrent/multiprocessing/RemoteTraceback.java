package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * Python's {@code multiprocessing.pool.RemoteTraceback}: the stack trace, as text, of an
 * exception raised in a worker process. A pool attaches it to the exception that reaches the
 * parent, as its cause (or, if that exception already has one, as a suppressed exception), so the
 * parent's stack trace shows where the task failed in the worker.
 */
public final class RemoteTraceback extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param traceback the worker's stack trace text
     */
    public RemoteTraceback(String traceback) {
        super("\n\"\"\"\n" + traceback + "\"\"\"", null, false, false);
    }
}
