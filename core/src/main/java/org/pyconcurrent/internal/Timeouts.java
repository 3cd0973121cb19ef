package org.pyconcurrent.internal;

import java.time.Duration;
import java.util.Objects;

/** Turns the {@link Duration} timeouts of the public API into nanoseconds, checking them once. */
public final class Timeouts {
    private Timeouts() {
    }

    /**
     * Returns {@code timeout} in nanoseconds, saturated at {@link Long#MAX_VALUE} (about 292 years,
     * which every blocking call treats as "no limit" in practice).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative (Python: ValueError)
     */
    public static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be a non-negative duration, got " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
