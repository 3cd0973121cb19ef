package org.pyconcurrent.multiprocessing;

import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringWriter;
import org.pyconcurrent.internal.ipc.Serialization;

/**
 * A task's exception on its way from a worker process to the parent: the exception itself if it
 * can be serialized, and always its class, message and stack trace text.
 *
 * @param exception the exception, or null if it could not be serialized
 * @param className its class
 * @param message its message
 * @param traceback its stack trace, as text
 */
record RemoteFailure(Throwable exception, String className, String message, String traceback)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Wraps {@code t}, keeping the object only if it survives serialization. */
    static RemoteFailure of(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        Throwable travelling = t;
        try {
            Serialization.toBytes(t);
        } catch (RuntimeException notSerializable) {
            travelling = null;
        }
        return new RemoteFailure(travelling, t.getClass().getName(), t.getMessage(), text.toString());
    }

    /** The exception to hand to the task's job in the parent. */
    Throwable toException() {
        RemoteTraceback remote = new RemoteTraceback(traceback);
        if (exception == null) {
            return new RemoteError(className + (message == null ? "" : ": " + message)
                    + " (raised in a worker; the exception could not be sent)", remote);
        }
        if (exception.getCause() == null) {
            try {
                exception.initCause(remote);
                return exception;
            } catch (IllegalStateException causeFixed) {
                // a cause set to null by a constructor cannot be replaced
            }
        }
        exception.addSuppressed(remote);
        return exception;
    }
}
