package org.pyconcurrent.futures;

/** When {@link Futures#wait(java.util.Collection, java.time.Duration, ReturnWhen)} returns. */
public enum ReturnWhen {
    /** As soon as any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /**
     * As soon as any future finishes by raising an exception; if none does, when all are done.
     * A cancelled future does not count as an exception.
     */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
