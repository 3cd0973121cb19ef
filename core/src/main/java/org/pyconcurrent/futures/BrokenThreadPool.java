package org.pyconcurrent.futures;

/**
 * Python's {@code concurrent.futures.thread.BrokenThreadPool}: a worker thread's
 * {@code initializer} threw, so the {@link ThreadPoolExecutor} runs nothing more.
 */
public class BrokenThreadPool extends BrokenExecutor {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says why the pool broke
     * @param cause the initializer's exception
     */
    public BrokenThreadPool(String message, Throwable cause) {
        super(message, cause);
    }
}
