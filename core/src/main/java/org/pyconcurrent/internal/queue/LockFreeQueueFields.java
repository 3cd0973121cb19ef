package org.pyconcurrent.internal.queue;

/**
 * The counters of {@link LockFreeQueueCore} that change on every item, grouped by who writes
 * them, each group on cache lines of its own (JCTools style padding: the JVM lays out a
 * superclass's fields before a subclass's). Producers write {@code puts} and
 * {@code producerLimit}; consumers write {@code takes} and {@code dones}. A producer reads the
 * consumers' line only when its cached limit runs out, and a consumer reads the producers' line
 * only in rare cases (see {@link LockFreeQueueCore}), so in the common case an item costs no
 * cache-line transfer between the two sides beyond the store's own.
 */
abstract class LockFreeQueuePad {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** The producers' side. */
abstract class LockFreeQueueProducers extends LockFreeQueuePad {
    /** Items ever put (claimed), in bits 0..61, and the shut-down flag in bit 62. */
    volatile long puts;
    /**
     * A count of puts below which a producer may claim without looking at {@code takes}: a
     * former {@code takes + maxsize}. Never above the true limit, because {@code takes} only
     * grows. Read and written opaquely: racing producers may store an older, lower value, which
     * costs one more look at {@code takes} and nothing else.
     */
    long producerLimit;
}

/** Padding between the two sides. */
abstract class LockFreeQueuePadMiddle extends LockFreeQueueProducers {
    long p10, p11, p12, p13, p14, p15, p16, p17;
    long p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** The consumers' side. */
abstract class LockFreeQueueConsumers extends LockFreeQueuePadMiddle {
    /** Items ever taken out of the store. */
    volatile long takes;
    /** How many times {@code taskDone()} was called, or an immediate shutdown marked an item done. */
    volatile long dones;
}

/** Padding after the consumers' side, before the fields that are only read. */
abstract class LockFreeQueuePadAfter extends LockFreeQueueConsumers {
    long p20, p21, p22, p23, p24, p25, p26, p27;
    long p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}
