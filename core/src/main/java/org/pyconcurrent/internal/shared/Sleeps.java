package org.pyconcurrent.internal.shared;

import java.util.concurrent.TimeUnit;

/**
 * The waiting loop of every primitive in shared memory: try; spin briefly (a lock is often free
 * again within microseconds); then sleep on the word through the {@link Host}, in rounds, trying
 * again after each wake-up. Each waiter is counted in a second word, so that a thread that
 * changes the word wakes sleepers only when there are some ({@link #wakeIfWaiting}).
 *
 * <p>The count and the word are both read and written with volatile (sequentially consistent)
 * accesses: a waiter increments the count, then reads the word; a waker writes the word, then
 * reads the count; at least one of the two sees the other's write, so no sleeper is missed.
 */
public final class Sleeps {
    /** How long to spin before sleeping. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /** Longest single sleep: after it, a waiter checks {@link Attempt#stale} (a dead holder). */
    static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private Sleeps() {
    }

    /** One try at what a waiter waits for, given the word's current value. */
    @FunctionalInterface
    public interface Attempt {
        /**
         * Tries once.
         *
         * @param observed the word's value just read
         * @return true if done (the waiter returns true)
         */
        boolean tryOnce(long observed);

        /**
         * Called when the word kept {@code observed} through a whole round of sleep: the place
         * to notice a holder process that died. Does nothing by default.
         *
         * @param observed the value that did not change
         */
        default void stale(long observed) {
        }
    }

    /**
     * Waits until {@code attempt} succeeds.
     *
     * @param segment the shared memory
     * @param word the word the attempt depends on
     * @param waiters the word counting sleepers of {@code word}
     * @param attempt the try
     * @param nanos how long at most; negative waits without limit, zero tries once
     * @return true if the attempt succeeded, false if the time ran out
     * @throws InterruptedException if interrupted before or while waiting (a try with
     *     {@code nanos == 0} ignores the interrupt, as a non-blocking acquire does)
     */
    public static boolean await(Segment segment, int word, int waiters, Attempt attempt, long nanos)
            throws InterruptedException {
        if (nanos != 0L && Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (attempt.tryOnce(segment.get(word))) {
            return true;
        }
        if (nanos == 0L) {
            return false;
        }
        final long start = System.nanoTime();
        final long deadline = start + nanos;
        long spinUntil = start + (nanos < 0 ? SPIN_NANOS : Math.min(SPIN_NANOS, nanos));
        for (int i = 1; ; i++) {
            Thread.onSpinWait();
            if (attempt.tryOnce(segment.get(word))) {
                return true;
            }
            if ((i & 63) == 0 && System.nanoTime() - spinUntil >= 0) {
                break;
            }
        }
        segment.getAndAdd(waiters, 1);
        try {
            for (;;) {
                long seen = segment.get(word);
                if (attempt.tryOnce(seen)) {
                    return true;
                }
                long round = ROUND_NANOS;
                if (nanos > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0L) {
                        return false;
                    }
                    round = Math.min(round, left);
                }
                long slept = System.nanoTime();
                segment.await(word, seen, round);
                if (System.nanoTime() - slept >= ROUND_NANOS && segment.get(word) == seen) {
                    attempt.stale(seen);
                }
            }
        } finally {
            segment.getAndAdd(waiters, -1);
        }
    }

    /**
     * After changing {@code word}: wakes its sleepers, in every process, if there are any.
     *
     * @param segment the shared memory
     * @param word the word just changed
     * @param waiters the word counting its sleepers
     */
    public static void wakeIfWaiting(Segment segment, int word, int waiters) {
        if (segment.get(waiters) > 0) {
            segment.wake(word);
        }
    }
}
