package org.pyconcurrent.queue;

/**
 * Python's {@code queue.Full}: a non-blocking {@code put} found the queue full, or a timed
 * {@code put} waited its whole timeout without a slot coming free.
 *
 * <p>It extends {@link IllegalStateException}, which {@link java.util.Queue#add(Object)} throws for
 * the same reason.
 */
public class Full extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that names the queue's maxsize.
     *
     * @param message the detail message
     */
    public Full(String message) {
        super(message);
    }
}
