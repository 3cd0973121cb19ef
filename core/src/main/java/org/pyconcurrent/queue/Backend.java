package org.pyconcurrent.queue;

/**
 * The two implementations behind every queue of this package. Both pass the same contract tests;
 * they differ in speed and in how they behave under contention, which the benchmarks in
 * {@code docs/benchmarks.md} measure side by side.
 */
public enum Backend {
    /**
     * CPython's design: one {@link java.util.concurrent.locks.ReentrantLock} guards a plain
     * collection (an {@code ArrayDeque}, or a binary heap for priority queues) and three
     * conditions, {@code notEmpty}, {@code notFull} and {@code allTasksDone}. Every call takes the
     * lock. Simple, and the reference the other backend is checked against.
     */
    LOCKED,

    /**
     * The default. Items travel through a lock-free structure: JCTools' MPMC array queue (its
     * VarHandle build, {@code MpmcVarHandleArrayQueue}) for bounded FIFO queues, a
     * {@link java.util.concurrent.ConcurrentLinkedQueue} for unbounded FIFO queues and
     * {@link SimpleQueue}, a {@link java.util.concurrent.ConcurrentLinkedDeque} used as a
     * stack for {@link LifoQueue}, a {@link java.util.concurrent.ConcurrentSkipListSet} for
     * {@link PriorityQueue}. The size, the shutdown flag and the unfinished-task count are atomic
     * counters. Only a thread that must wait takes a lock, to park on a condition; a thread that
     * finds room or an item never does.
     */
    LOCK_FREE;

    /** The backend a queue uses when none is named: the faster one. */
    public static Backend defaultBackend() {
        return LOCK_FREE;
    }
}
