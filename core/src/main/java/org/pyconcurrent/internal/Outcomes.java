package org.pyconcurrent.internal;

import java.util.concurrent.CompletionException;

/** How a task's exception reaches the thread that asks for the task's result. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * Returns {@code failure} in a form a method without {@code throws} clause can throw, for the
     * caller to {@code throw}: unchecked exceptions and errors as they are (Python re-raises the
     * task's own exception), a checked exception inside a {@link CompletionException}.
     *
     * @param failure what the task threw
     * @return the exception to throw
     */
    public static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new CompletionException(failure);
    }
}
