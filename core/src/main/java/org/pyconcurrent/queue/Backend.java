package org.pyconcurrent.queue;

import org.pyconcurrent.internal.queue.QueueCores;

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
     * Items travel through a lock-free structure: JCTools' MPMC array queue (its
     * VarHandle build, {@code MpmcVarHandleArrayQueue}) for bounded FIFO queues, a
     * {@link java.util.concurrent.ConcurrentLinkedQueue} for unbounded FIFO queues and
     * {@link SimpleQueue}, a {@link java.util.concurrent.ConcurrentLinkedDeque} used as a
     * stack for {@link LifoQueue}, a {@link java.util.concurrent.ConcurrentSkipListSet} for
     * {@link PriorityQueue}. The size, the shutdown flag and the unfinished-task count are atomic
     * counters. Only a thread that must wait takes a lock, to park on a condition; a thread that
     * finds room or an item never does.
     */
    LOCK_FREE;

    /**
     * The backend a queue built without one uses: the faster of the two for that kind of queue,
     * as the JMH benchmarks in {@code docs/benchmarks.md} measure it. {@code LOCK_FREE} for a
     * bounded FIFO {@link Queue} of up to 65,536 items (its store is then JCTools' array queue)
     * and for a {@link PriorityQueue}; {@code LOCKED} for an unbounded (or larger) FIFO queue,
     * a {@link LifoQueue} and a {@link SimpleQueue}, where one lock around an {@code ArrayDeque}
     * moves items in batches and beats the linked lock-free structures.
     *
     * @param kind {@code Queue.class}, {@code LifoQueue.class}, {@code PriorityQueue.class} or
     *     {@code SimpleQueue.class}
     * @param maxsize the queue's maxsize (0 or less: unbounded)
     * @throws IllegalArgumentException for any other class
     */
    public static Backend fastestFor(Class<?> kind, int maxsize) {
        if (kind == Queue.class) {
            return QueueCores.arrayStoreFits(maxsize) ? LOCK_FREE : LOCKED;
        }
        if (kind == PriorityQueue.class) {
            return LOCK_FREE;
        }
        if (kind == LifoQueue.class || kind == SimpleQueue.class) {
            return LOCKED;
        }
        throw new IllegalArgumentException("not a queue class of org.pyconcurrent.queue: " + kind);
    }
}
