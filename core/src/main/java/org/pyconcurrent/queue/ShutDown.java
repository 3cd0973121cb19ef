package org.pyconcurrent.queue;

/**
 * Python 3.13's {@code queue.ShutDown}: the queue was shut down. {@code put} raises it at once;
 * {@code get} raises it once the queue is empty (at once after an immediate shutdown).
 *
 * <p>It extends {@link IllegalStateException}, the JDK's exception for using something closed.
 */
public class ShutDown extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says which call met the shutdown.
     *
     * @param message the detail message
     */
    public ShutDown(String message) {
        super(message);
    }
}
