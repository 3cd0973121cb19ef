package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * A pool task ran longer than the pool's per-task time limit (billiard's hard time limit): the
 * task fails with this error and its worker process is killed and replaced.
 */
public class TimeLimitExceeded extends ProcessError {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the limit and the task
     */
    public TimeLimitExceeded(String message) {
        super(message);
    }
}
