package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Barrier}: {@code parties} threads wait for each other, then all go on
 * together; the barrier is then ready for the next round (it is reusable).
 *
 * <p>{@link #await()} (Python's {@code wait}) returns the caller's arrival index, 0 for the first
 * to arrive up to {@code parties - 1} for the last (the reverse of
 * {@link java.util.concurrent.CyclicBarrier}). The optional action runs once per round, in the
 * last thread to arrive, before anyone is released. Threads that arrive while the previous round
 * is still draining wait for it to finish.
 *
 * <p>The barrier breaks, and every party waiting or arriving later gets {@link BrokenBarrierError}
 * until {@link #reset()}, when: a wait times out (the timeout given to {@code await}, else the
 * barrier's default), {@link #abort()} is called, the action throws (the last thread gets the
 * action's exception), or a waiting party is interrupted (that party gets
 * {@link InterruptedException}; an interrupt it sees only after its round was released leaves the
 * round alone and stays set on the thread). {@code reset()} breaks the current round for those
 * waiting and makes the barrier usable again.
 *
 * <p>This is CPython's state machine (filling, draining, resetting, broken) on a
 * {@link ReentrantLock} and its condition; waiters park, safe for virtual threads.
 *
 * <p>Memory consistency effects: actions in each party prior to {@code await()}, and the action,
 * <i>happen-before</i> actions following the return of {@code await()} in every party of that
 * round.
 */
public final class Barrier {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    private final Runnable action;
    private final Duration defaultTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private State state = State.FILLING;
    /** Threads inside await() (guarded by lock). */
    private int count;

    /**
     * Creates a barrier for {@code parties} threads, with no action and no default timeout.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        this(parties, null, null);
    }

    /**
     * Creates a barrier whose {@code action} (may be null) runs once per round.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties, Runnable action) {
        this(parties, action, null);
    }

    /**
     * Creates a barrier with an action (may be null) and a default timeout for {@link #await()}
     * ({@code null}: none).
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1 or the timeout negative
     */
    public Barrier(int parties, Runnable action, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, got " + parties);
        }
        if (timeout != null) {
            Timeouts.toNanos(timeout);
        }
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = timeout;
    }

    /**
     * Waits until all parties have called {@code await}, or for at most the barrier's default
     * timeout if it has one.
     *
     * @return the arrival index, from 0 (first) to {@code parties() - 1} (last)
     * @throws BrokenBarrierError if the barrier is broken, or breaks while waiting
     * @throws InterruptedException if interrupted while waiting for its round to fill; the
     *     barrier is then broken (an interrupt while waiting for the previous round to drain
     *     leaves it intact: the caller was not a party yet)
     */
    public int await() throws InterruptedException {
        return doAwait(defaultTimeout);
    }

    /**
     * As {@link #await()}, waiting at most {@code timeout} (which replaces the default); when it
     * elapses the barrier breaks and this call throws {@link BrokenBarrierError}.
     *
     * @return the arrival index, from 0 (first) to {@code parties() - 1} (last)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws BrokenBarrierError if the barrier is broken, breaks, or the timeout elapses
     * @throws InterruptedException if interrupted while waiting for its round to fill; the
     *     barrier is then broken (an interrupt while waiting for the previous round to drain
     *     leaves it intact: the caller was not a party yet)
     */
    public int await(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        return doAwait(timeout);
    }

    private int doAwait(Duration timeout) throws InterruptedException {
        long nanos = timeout == null ? -1 : Timeouts.toNanos(timeout);
        lock.lock();
        try {
            awaitEndOfDrainOrReset();
            int index = count++;
            try {
                if (index + 1 == parties) {
                    releaseRound();
                } else {
                    awaitRelease(nanos);
                }
                return index;
            } finally {
                count--;
                exit();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while the previous round drains or a reset completes. */
    private void awaitEndOfDrainOrReset() throws InterruptedException {
        while (state == State.DRAINING || state == State.RESETTING) {
            changed.await();
        }
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("barrier is broken");
        }
    }

    private void releaseRound() {
        try {
            if (action != null) {
                action.run();
            }
            state = State.DRAINING;
            changed.signalAll();
        } catch (RuntimeException | Error e) {
            breakBarrier();
            throw e;
        }
    }

    private void awaitRelease(long nanos) throws InterruptedException {
        try {
            if (nanos < 0) {
                while (state == State.FILLING) {
                    changed.await();
                }
            } else {
                long deadline = System.nanoTime() + nanos;
                while (state == State.FILLING) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        breakBarrier();
                        throw new BrokenBarrierError("barrier timed out after "
                                + Duration.ofNanos(nanos) + " with " + count + " of " + parties
                                + " parties");
                    }
                    changed.await(remaining, TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            if (state == State.FILLING) {
                breakBarrier();
                throw e;
            }
            // The round was released (or broken, or reset) before this thread got the lock
            // back: its outcome stands for every party. Keep the interrupt, as CyclicBarrier does.
            Thread.currentThread().interrupt();
        }
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierError(state == State.RESETTING ? "barrier was reset"
                    : "barrier is broken");
        }
    }

    /** The last thread out of a draining or resetting round re-opens the barrier. */
    private void exit() {
        if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
            state = State.FILLING;
            changed.signalAll();
        }
    }

    /**
     * Returns the barrier to its initial state. Threads waiting on it get
     * {@link BrokenBarrierError}; a broken barrier becomes usable again.
     */
    public void reset() {
        lock.lock();
        try {
            if (count > 0) {
                if (state == State.FILLING || state == State.BROKEN) {
                    state = State.RESETTING;
                }
            } else {
                state = State.FILLING;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Breaks the barrier: threads waiting now, and later callers of {@code await}, get
     * {@link BrokenBarrierError} until {@link #reset()}.
     */
    public void abort() {
        lock.lock();
        try {
            breakBarrier();
        } finally {
            lock.unlock();
        }
    }

    private void breakBarrier() {
        state = State.BROKEN;
        changed.signalAll();
    }

    /** The number of threads needed to pass the barrier. */
    public int parties() {
        return parties;
    }

    /** Python's {@code n_waiting}: threads waiting in the current round (a snapshot). */
    public int nWaiting() {
        lock.lock();
        try {
            return state == State.FILLING ? count : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the barrier is broken (a snapshot). */
    public boolean broken() {
        lock.lock();
        try {
            return state == State.BROKEN;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "<Barrier parties=" + parties + ", waiting=" + nWaiting() + (broken() ? ", broken" : "") + ">";
    }
}
