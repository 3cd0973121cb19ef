package org.pyconcurrent.threading;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to {@code System.err}, where slf4j-simple (the tests' SLF4J binding)
 * writes: it looks up {@code System.err} on every message, so a replaced stream sees the log.
 * Tests run one at a time in a JVM, so nothing else writes there meanwhile.
 */
public final class StandardError {
    private StandardError() {
    }

    /** An action that may throw, as a test body does. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} and returns what it (or any thread meanwhile) wrote to {@code System.err}. */
    public static String capture(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
