package org.pyconcurrent.benchmarks.queue;

/**
 * One queue as the producer/consumer benchmarks drive it: each call makes one attempt that always
 * ends soon, so the benchmark loop around it can stop at the end of an iteration
 * ({@link ProducerConsumerBenchmark}).
 *
 * <p>A blocking queue's attempt is its ordinary blocking put or get with a timeout of
 * {@value #SLICE_MILLIS} ms: the same fast path as the untimed {@code put}/{@code get} (a call that
 * need not wait never looks at the timeout) and the same wait, only bounded. A spinning queue's
 * attempt is one {@code offer} or {@code poll}, followed by {@link Thread#onSpinWait()} when it
 * failed. {@link Channels} builds them.
 */
interface Channel {
    /** The longest one blocking attempt waits. */
    long SLICE_MILLIS = 10;

    /** Puts {@code item}: true if it is in, false if this attempt gave up. */
    boolean tryPut(Object item) throws InterruptedException;

    /**
     * Takes the next item, and marks it done if this variant tracks tasks: the item, or null if
     * this attempt gave up.
     */
    Object tryTake() throws InterruptedException;

    /**
     * Empties the queue (marking each removed item done where tasks are tracked) and checks what
     * can be checked. Called between iterations, when no benchmark thread runs.
     *
     * @return how many items it removed
     * @throws IllegalStateException if the queue was left inconsistent
     */
    int drain();
}
