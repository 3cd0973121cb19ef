package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Semaphore}: a counter of permits. {@code acquire()} takes one, waiting
 * while there are none; {@code release()} gives one back and wakes a waiter.
 *
 * <p>As in Python, a plain semaphore may be released more times than it was acquired, which raises
 * its value past the initial one; {@link BoundedSemaphore} refuses that. The initial value
 * defaults to 1 and must not be negative.
 *
 * <p>Not fair, like the default {@link java.util.concurrent.Semaphore}: a thread arriving while a
 * permit is free may take it before threads already waiting. Waiters park; safe with virtual
 * threads.
 *
 * <p>Memory consistency effects: actions in a thread prior to {@code release()}
 * <i>happen-before</i> actions following a successful acquire in another thread.
 */
public class Semaphore implements Acquirable {
    private final Sync sync;

    /** Creates a semaphore with one permit (Python's default). */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the initial number of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        this(value, Integer.MAX_VALUE);
    }

    Semaphore(int value, int bound) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
        this.sync = new Sync(value, bound);
    }

    /**
     * Takes one permit, waiting while there is none.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    @Override
    public void acquire() throws InterruptedException {
        sync.acquireSharedInterruptibly(1);
    }

    /** With {@code blocking} false, takes a permit only if one is free at once. */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        if (blocking) {
            sync.acquireSharedInterruptibly(1);
            return true;
        }
        return sync.tryAcquireShared(1) >= 0;
    }

    /**
     * Waits at most {@code timeout} for a permit; a zero timeout only tries once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        if (nanos == 0) {
            return sync.tryAcquireShared(1) >= 0;
        }
        return sync.tryAcquireSharedNanos(1, nanos);
    }

    /** Gives one permit back, waking one waiter if any. */
    @Override
    public void release() {
        sync.releaseShared(1);
    }

    /**
     * Gives {@code n} permits back at once, waking up to {@code n} waiters (Python 3.9+:
     * {@code release(n)}).
     *
     * @param n how many permits; at least one
     * @throws IllegalArgumentException if {@code n} is less than one
     */
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more, got " + n);
        }
        sync.releaseShared(n);
    }

    /** The number of free permits right now (a snapshot; Python's private {@code _value}). */
    public int value() {
        return sync.permits();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " value=" + value() + ">";
    }

    /** The state is the number of free permits; a release may not take it past {@code bound}. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private final int bound;

        Sync(int permits, int bound) {
            this.bound = bound;
            setState(permits);
        }

        int permits() {
            return getState();
        }

        @Override
        protected int tryAcquireShared(int n) {
            for (;;) {
                int available = getState();
                int remaining = available - n;
                if (remaining < 0 || compareAndSetState(available, remaining)) {
                    return remaining;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int n) {
            for (;;) {
                int current = getState();
                int next = current + n;
                if (next < current || next > bound) {
                    throw new IllegalArgumentException(bound == Integer.MAX_VALUE
                            ? "semaphore value would overflow: " + current + " + " + n
                            : "Semaphore released too many times: value " + current + " + " + n
                                    + " exceeds the initial value " + bound);
                }
                if (compareAndSetState(current, next)) {
                    return true;
                }
            }
        }
    }
}
