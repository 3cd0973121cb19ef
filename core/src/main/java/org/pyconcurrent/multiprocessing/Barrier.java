package org.pyconcurrent.multiprocessing;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.shared.Segment;
import org.pyconcurrent.threading.BrokenBarrierError;

/**
 * Python's {@code multiprocessing.Barrier}: {@link org.pyconcurrent.threading.Barrier}'s
 * semantics between threads of different processes: {@code parties} callers of
 * {@link #await()} wait for each other, then all go on; the action (serializable, since any
 * process may be the last to arrive) runs once per round in the last arrival; a timeout,
 * {@link #abort()}, a throwing action or an interrupted waiter break it
 * ({@link BrokenBarrierError}) until {@link #reset()}. {@link Serializable}: every copy is the
 * same barrier.
 *
 * <p>CPython's design: the threading barrier's state machine (filling, draining, resetting,
 * broken) kept in shared memory, guarded by a multiprocessing {@link Condition}.
 *
 * <p>Memory consistency effects: actions in each party prior to {@code await()}, and the action,
 * <i>happen-before</i> actions following the return of {@code await()} in every party of that
 * round, for data in shared memory.
 */
public final class Barrier implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final long FILLING = 0;
    private static final long DRAINING = 1;
    private static final long RESETTING = -1;
    private static final long BROKEN = -2;
    private static final int STATE = 0;
    private static final int COUNT = 8;

    private final int parties;
    private final SerializableRunnable action;
    private final Duration defaultTimeout;
    private final Condition condition;
    private final transient Segment segment;

    /**
     * A barrier for {@code parties} callers, with no action and no default timeout.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        this(parties, null, null);
    }

    /**
     * A barrier whose {@code action} (may be null) runs once per round.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties, SerializableRunnable action) {
        this(parties, action, null);
    }

    /**
     * A barrier with an action (may be null) and a default timeout for {@link #await()}
     * ({@code null}: none).
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1 or the timeout negative
     */
    public Barrier(int parties, SerializableRunnable action, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, got " + parties);
        }
        if (timeout != null) {
            Timeouts.toNanos(timeout);
        }
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = timeout;
        this.condition = new Condition(new Lock());
        this.segment = Segment.create(16);
    }

    /**
     * Waits until all parties have called {@code await}, or for at most the default timeout.
     *
     * @return the arrival index, from 0 (first) to {@code parties() - 1} (last)
     * @throws BrokenBarrierError if the barrier is broken, breaks while waiting, or times out
     * @throws InterruptedException if interrupted while waiting for its round to fill; the
     *     barrier is then broken
     */
    public int await() throws InterruptedException {
        return doAwait(defaultTimeout == null ? -1L : Timeouts.toNanos(defaultTimeout));
    }

    /**
     * As {@link #await()}, waiting at most {@code timeout} (which replaces the default).
     *
     * @return the arrival index
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws BrokenBarrierError if the barrier is broken, breaks, or the timeout elapses
     * @throws InterruptedException if interrupted while waiting for its round to fill
     */
    public int await(Duration timeout) throws InterruptedException {
        return doAwait(Timeouts.toNanos(timeout));
    }

    private long state() {
        return segment.get(STATE);
    }

    private void state(long s) {
        segment.set(STATE, s);
    }

    private int doAwait(long nanos) throws InterruptedException {
        boolean interrupted = false;
        for (;;) {
            try {
                condition.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();  // seen by the wait below, which breaks the barrier
        }
        try {
            while (state() == DRAINING || state() == RESETTING) {
                condition.await();
            }
            if (state() == BROKEN) {
                throw new BrokenBarrierError("barrier is broken");
            }
            int index = (int) segment.get(COUNT);
            segment.set(COUNT, index + 1L);
            try {
                if (index + 1 == parties) {
                    releaseRound();
                } else {
                    awaitRelease(nanos);
                }
                return index;
            } finally {
                segment.set(COUNT, segment.get(COUNT) - 1);
                if (segment.get(COUNT) == 0 && (state() == DRAINING || state() == RESETTING)) {
                    state(FILLING);
                    condition.signalAll();
                }
            }
        } finally {
            condition.release();
        }
    }

    private void releaseRound() {
        try {
            if (action != null) {
                action.run();
            }
            state(DRAINING);
            condition.signalAll();
        } catch (RuntimeException | Error e) {
            breakBarrier();
            throw e;
        }
    }

    private void awaitRelease(long nanos) throws InterruptedException {
        try {
            boolean released = nanos < 0 ? condition.awaitFor(() -> state() != FILLING)
                    : condition.awaitFor(() -> state() != FILLING, Duration.ofNanos(nanos));
            if (!released) {
                breakBarrier();
                throw new BrokenBarrierError("barrier timed out after " + Duration.ofNanos(nanos) + " with "
                        + segment.get(COUNT) + " of " + parties + " parties");
            }
        } catch (InterruptedException e) {
            if (state() == FILLING) {
                breakBarrier();
                throw e;
            }
            Thread.currentThread().interrupt();  // the round's outcome stands; keep the interrupt
        }
        if (state() == BROKEN || state() == RESETTING) {
            throw new BrokenBarrierError(state() == RESETTING ? "barrier was reset" : "barrier is broken");
        }
    }

    private void breakBarrier() {
        state(BROKEN);
        condition.signalAll();
    }

    /**
     * Returns the barrier to its initial state; parties waiting now get
     * {@link BrokenBarrierError}; a broken barrier becomes usable again.
     *
     * @throws InterruptedException if interrupted while taking the barrier's lock
     */
    public void reset() throws InterruptedException {
        condition.acquire();
        try {
            if (segment.get(COUNT) > 0) {
                if (state() == FILLING || state() == BROKEN) {
                    state(RESETTING);
                }
            } else {
                state(FILLING);
            }
            condition.signalAll();
        } finally {
            condition.release();
        }
    }

    /**
     * Breaks the barrier: parties waiting now, and later callers, get {@link BrokenBarrierError}
     * until {@link #reset()}.
     *
     * @throws InterruptedException if interrupted while taking the barrier's lock
     */
    public void abort() throws InterruptedException {
        condition.acquire();
        try {
            breakBarrier();
        } finally {
            condition.release();
        }
    }

    /** The number of parties needed to pass the barrier. */
    public int parties() {
        return parties;
    }

    /** Python's {@code n_waiting}: parties waiting in the current round (a snapshot). */
    public int nWaiting() {
        return state() == FILLING ? (int) segment.get(COUNT) : 0;
    }

    /** Whether the barrier is broken (a snapshot). */
    public boolean broken() {
        return state() == BROKEN;
    }

    @Override
    public String toString() {
        return "<multiprocessing.Barrier " + nWaiting() + "/" + parties + (broken() ? " broken" : "") + ">";
    }

    @Serial
    private Object writeReplace() {
        return new Form(this, segment.handle());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Barrier travels as its Form");
    }

    /** The barrier in transit: its constants, its condition, and its shared state's handle. */
    private static final class Form implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int parties;
        private final SerializableRunnable action;
        private final Duration defaultTimeout;
        private final Condition condition;
        private final Segment.Handle state;

        Form(Barrier b, Segment.Handle state) {
            this.parties = b.parties;
            this.action = b.action;
            this.defaultTimeout = b.defaultTimeout;
            this.condition = b.condition;
            this.state = state;
        }

        @Serial
        private Object readResolve() {
            return new Barrier(parties, action, defaultTimeout, condition, Segment.open(state));
        }
    }

    private Barrier(int parties, SerializableRunnable action, Duration timeout, Condition condition, Segment segment) {
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = timeout;
        this.condition = condition;
        this.segment = segment;
    }
}
