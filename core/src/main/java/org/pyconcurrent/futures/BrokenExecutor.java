package org.pyconcurrent.futures;

/**
 * Python's {@code concurrent.futures.BrokenExecutor}: an executor can no longer run tasks (for
 * a thread pool, a worker's initializer failed). Pending futures fail with it, and so does every
 * later {@code submit}.
 */
public class BrokenExecutor extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says why the executor broke
     * @param cause what broke it, or null
     */
    public BrokenExecutor(String message, Throwable cause) {
        super(message, cause);
    }
}
