package org.pyconcurrent.futures;

/**
 * Python's {@code TimeoutError} as {@code concurrent.futures} raises it: a timed
 * {@code result}, {@code exception}, {@code map} or {@code as_completed} ran out of time.
 *
 * <p>Unchecked, like Python's; {@link java.util.concurrent.Future#get(long,
 * java.util.concurrent.TimeUnit)} still throws the JDK's checked
 * {@link java.util.concurrent.TimeoutException}, as that interface promises.
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says what was waited for and how long
     */
    public TimeoutError(String message) {
        super(message);
    }
}
