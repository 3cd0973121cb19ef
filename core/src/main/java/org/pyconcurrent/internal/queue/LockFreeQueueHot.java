package org.pyconcurrent.internal.queue;

/**
 * The two counters every put and get of {@link LockFreeQueueCore} writes, padded on both sides
 * (JCTools style: the JVM lays out a superclass's fields before a subclass's) so that they share
 * a cache line with nothing else, in particular not with the waiter counts that every put and get
 * only reads.
 */
abstract class LockFreeQueueHot extends LockFreeQueuePad {
    /** Item count in bits 0..61, shut-down flag in bit 62. */
    volatile long state;
    /** Python's unfinished_tasks. */
    volatile long unfinished;
}

/** Padding after {@link LockFreeQueueHot}'s counters. */
abstract class LockFreeQueuePadAfter extends LockFreeQueueHot {
    long p10, p11, p12, p13, p14, p15, p16, p17;
    long p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** Padding before {@link LockFreeQueueHot}'s counters. */
abstract class LockFreeQueuePad {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}
