package org.pyconcurrent.multiprocessing;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.shared.Segment;
import org.pyconcurrent.internal.shared.Sleeps;
import org.pyconcurrent.threading.Acquirable;

/**
 * Python's {@code multiprocessing.Semaphore}: {@link org.pyconcurrent.threading.Semaphore}'s
 * semantics between threads of different processes, plus {@link #getValue()} (Python's
 * {@code get_value()}). {@link Serializable}: every copy is the same semaphore.
 *
 * <p>The counter lives in shared memory; see {@link Lock} for how waiters sleep. A semaphore has
 * no owner, so permits taken by a process that dies are not given back (as in CPython).
 *
 * <p>Memory consistency effects: actions prior to a {@code release} in one thread, in any
 * process, <i>happen-before</i> actions after an acquire that takes that permit, for data in
 * shared memory.
 */
public class Semaphore implements Acquirable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int VALUE = 0;
    private static final int WAITERS = 8;
    private static final int SIZE = 16;

    private final transient Segment segment;
    private final transient int bound;
    private final transient Sleeps.Attempt take;

    /** Creates a semaphore of value 1. */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore.
     *
     * @param value the initial value
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        this(fresh(value), Integer.MAX_VALUE);
    }

    Semaphore(Segment segment, int bound) {
        this.segment = segment;
        this.bound = bound;
        this.take = v -> v > 0 && segment.compareAndSet(VALUE, v, v - 1);
    }

    static Segment fresh(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
        Segment segment = Segment.create(SIZE);
        segment.set(VALUE, value);
        return segment;
    }

    /**
     * Blocks until the value is positive, then decrements it.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if it must wait and the process that created the semaphore
     *     has exited
     */
    @Override
    public final void acquire() throws InterruptedException {
        Sleeps.await(segment, VALUE, WAITERS, take, -1L);
    }

    /** With {@code blocking} false, decrements only if the value is positive now. */
    @Override
    public final boolean acquire(boolean blocking) throws InterruptedException {
        return Sleeps.await(segment, VALUE, WAITERS, take, blocking ? -1L : 0L);
    }

    /**
     * Waits at most {@code timeout}; a zero timeout only tries once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public final boolean acquire(Duration timeout) throws InterruptedException {
        return Sleeps.await(segment, VALUE, WAITERS, take, Timeouts.toNanos(timeout));
    }

    /**
     * Increments the value by one, waking a waiter.
     *
     * @throws IllegalArgumentException for a {@link BoundedSemaphore}, if that would exceed its
     *     initial value (Python's ValueError)
     */
    @Override
    public final void release() {
        release(1);
    }

    /**
     * Increments the value by {@code n}.
     *
     * @param n at least 1
     * @throws IllegalArgumentException if {@code n < 1}, or, for a {@link BoundedSemaphore}, if
     *     the value would exceed its initial value
     */
    public final void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more, got " + n);
        }
        for (;;) {
            long current = segment.get(VALUE);
            long next = current + n;
            if (next > bound) {
                throw new IllegalArgumentException(bound == Integer.MAX_VALUE
                        ? "semaphore value would overflow: " + current + " + " + n
                        : "Semaphore released too many times: value " + current + " + " + n
                                + " exceeds the initial value " + bound);
            }
            if (segment.compareAndSet(VALUE, current, next)) {
                break;
            }
        }
        Sleeps.wakeIfWaiting(segment, VALUE, WAITERS);
    }

    /** Python's {@code get_value()}: the current value (a snapshot). */
    public final int getValue() {
        return (int) segment.get(VALUE);
    }

    @Override
    public String toString() {
        return "<multiprocessing." + getClass().getSimpleName() + " value=" + getValue()
                + (bound == Integer.MAX_VALUE ? "" : "/" + bound) + ">";
    }

    @Serial
    Object writeReplace() {
        return bound == Integer.MAX_VALUE
                ? new SharedForm(SharedForm.Kind.SEMAPHORE, segment.handle(), 0)
                : new SharedForm(SharedForm.Kind.BOUNDED_SEMAPHORE, segment.handle(), bound);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Semaphore travels as its shared memory's handle");
    }

    static Semaphore attach(Segment segment) {
        return new Semaphore(segment, Integer.MAX_VALUE);
    }
}
