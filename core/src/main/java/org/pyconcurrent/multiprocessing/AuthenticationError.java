package org.pyconcurrent.multiprocessing;

/**
 * Python's {@code multiprocessing.AuthenticationError}: the other end of a connection did not
 * prove that it knows the authentication key. Nothing it sent was deserialized.
 */
public class AuthenticationError extends ProcessError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public AuthenticationError(String message) {
        super(message);
    }
}
