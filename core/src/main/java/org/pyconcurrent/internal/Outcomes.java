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

    /**
     * For blocking methods that cannot throw {@link InterruptedException} (an {@code Iterator}'s):
     * sets the thread's interrupt flag again and returns a {@link CompletionException} caused by
     * {@code e}, for the caller to {@code throw}.
     *
     * @param what what the thread was waiting for, for the message
     * @param e the interrupt
     * @return the exception to throw
     */
    public static CompletionException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CompletionException("interrupted while waiting for " + what, e);
    }
}
