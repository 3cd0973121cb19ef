package org.pyconcurrent.internal.queue;

/**
 * The counters of {@link LockFreeQueueCore} that change on every item, each on a cache line of
 * its own (JCTools style padding: the JVM lays out a superclass's fields before a subclass's):
 * {@code state}, which every put and get writes, and {@code dones}, which only
 * {@code taskDone()} writes. Neither shares a line with the fields that puts and gets only read.
 */
abstract class LockFreeQueueHot extends LockFreeQueuePad {
    /** Item count, shut-down flag and puts (see {@link LockFreeQueueCore}). */
    volatile long state;
}

/** Padding between {@code state} and {@code dones}. */
abstract class LockFreeQueuePadMiddle extends LockFreeQueueHot {
    long p10, p11, p12, p13, p14, p15, p16, p17;
    long p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** The consumers' half of Python's {@code unfinished_tasks}. */
abstract class LockFreeQueueTasks extends LockFreeQueuePadMiddle {
    /** How many tasks were marked done. */
    volatile long dones;
}

/** Padding after {@code dones}. */
abstract class LockFreeQueuePadAfter extends LockFreeQueueTasks {
    long p20, p21, p22, p23, p24, p25, p26, p27;
    long p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

/** Padding before {@code state}. */
abstract class LockFreeQueuePad {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}
