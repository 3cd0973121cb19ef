package org.pyconcurrent.queue;

import java.util.NoSuchElementException;

/**
 * Python's {@code queue.Empty}: a non-blocking {@code get} found the queue empty, or a timed
 * {@code get} waited its whole timeout without an item arriving.
 *
 * <p>It extends {@link NoSuchElementException}, which {@link java.util.Queue#remove()} throws for
 * the same reason, so Java code that already catches that keeps working.
 */
public class Empty extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says what was empty.
     *
     * @param message the detail message
     */
    public Empty(String message) {
        super(message);
    }
}
