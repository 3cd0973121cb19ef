package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * A pool worker process exited while it ran a task (killed by a signal, out of memory, an
 * explicit {@code System.exit}): that task fails with this error, which names the exit code or
 * signal; the pool replaces the worker and every other task goes on. (CPython's {@code Pool}
 * hangs forever in this case; the name is billiard's.)
 */
public class WorkerLostError extends ProcessError {
    @Serial
    private static final long serialVersionUID = 1L;
    private final Integer exitcode;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param exitcode the worker's exit code as {@link Process#exitcode()} reports it (-9 for
     *     SIGKILL), or null if unknown
     */
    public WorkerLostError(String message, Integer exitcode) {
        super(message);
        this.exitcode = exitcode;
    }

    /**
     * The worker's exit code, negative for a signal, as {@link Process#exitcode()}.
     *
     * @return the code, or null if unknown
     */
    public Integer exitcode() {
        return exitcode;
    }
}
