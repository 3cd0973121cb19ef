package org.pyconcurrent.multiprocessing;

/**
 * Python's {@code multiprocessing.TimeoutError}: {@link AsyncResult#get(java.time.Duration)} or
 * {@link IMapIterator#next(java.time.Duration)} ran out of time.
 */
public class TimeoutError extends ProcessError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was waited for and how long
     */
    public TimeoutError(String message) {
        super(message);
    }
}
