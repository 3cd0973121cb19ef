package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.threading.Acquirable;

/**
 * Python's {@code multiprocessing.Condition}: {@link org.pyconcurrent.threading.Condition}'s
 * semantics ({@code await} / {@code awaitFor} / {@code signal} for Python's {@code wait} /
 * {@code wait_for} / {@code notify}) between threads of different processes, over a
 * multiprocessing {@link Lock} or {@link RLock} (an {@code RLock} by default).
 * {@link Serializable}: every copy is the same condition.
 *
 * <p>CPython's own design, on three shared {@link Semaphore}s: sleepers count themselves in,
 * a notifier releases one permit per sleeper it wakes and waits until each has taken it, so
 * {@code signal(n)} wakes at most {@code n} waiters and a waiter whose wait timed out is never
 * counted as woken. {@code signal} therefore blocks (holding the lock) until the woken waiters
 * have left their wait, as in CPython; unlike CPython, where a waiter whose process dies in that
 * window hangs the signaller for good, it waits at most two seconds per waiter, then logs a
 * warning and goes on.
 *
 * <p>Memory consistency effects: as for the lock it is built on.
 */
public final class Condition implements Acquirable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** How long a signaller waits for each woken waiter to leave its wait (see {@link #signal(int)}). */
    private static final Duration WOKEN_PATIENCE = Duration.ofSeconds(2);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Condition.class);

    private final Acquirable lock;
    private final Semaphore sleeping = new Semaphore(0);
    private final Semaphore woken = new Semaphore(0);
    private final Semaphore wakeUp = new Semaphore(0);

    /** A condition over a new {@link RLock}. */
    public Condition() {
        this.lock = new RLock();
    }

    /**
     * A condition over {@code lock}.
     *
     * @param lock the lock, shared with whoever else uses it
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * A condition over {@code lock}.
     *
     * @param lock the reentrant lock, shared with whoever else uses it
     */
    public Condition(RLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.acquire();
    }

    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        return lock.acquire(blocking);
    }

    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        return lock.acquire(timeout);
    }

    @Override
    public void release() {
        lock.release();
    }

    private boolean isMine() {
        return lock instanceof RLock r ? r.isOwned() : ((Lock) lock).isMine();
    }

    /**
     * Python's {@code wait()}: releases the lock, sleeps until signalled, takes the lock back.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public void await() throws InterruptedException {
        awaitNanos(-1L);
    }

    /**
     * Python's {@code wait(timeout)}.
     *
     * @return false if the timeout elapsed, true if signalled
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Timeouts.toNanos(timeout));
    }

    private boolean awaitNanos(long nanos) throws InterruptedException {
        if (!isMine()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        sleeping.release();
        int count;
        if (lock instanceof RLock r) {
            count = r.releaseAll();
        } else {
            lock.release();
            count = 1;
        }
        boolean interrupted = false;
        boolean signalled = false;
        try {
            signalled = nanos < 0 ? wakeUp.acquire(true) : wakeUp.acquire(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            woken.release();
            interrupted |= reacquire(count);
        }
        if (interrupted) {
            throw new InterruptedException();
        }
        return signalled;
    }

    /** Takes the lock back, however often interrupted; returns whether it was. */
    private boolean reacquire(int count) {
        boolean interrupted = false;
        for (;;) {
            try {
                if (lock instanceof RLock r) {
                    r.acquireRestore(count);
                } else {
                    lock.acquire();
                }
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /**
     * Python's {@code wait_for(predicate)}: waits until {@code predicate} is true.
     *
     * @return the predicate's last value (true)
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean awaitFor(BooleanSupplier predicate) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        if (!isMine()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        while (!predicate.getAsBoolean()) {
            await();
        }
        return true;
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}.
     *
     * @return the predicate's last value
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        long nanos = Timeouts.toNanos(timeout);
        if (!isMine()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        long deadline = System.nanoTime() + nanos;
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long left = deadline - System.nanoTime();
            if (left <= 0L) {
                break;
            }
            awaitNanos(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Python's {@code notify()}: wakes one waiter, if any.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal() {
        signal(1);
    }

    /**
     * Python's {@code notify(n)}: wakes at most {@code n} waiters.
     *
     * @param n how many, at least 0
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!isMine()) {
            throw new IllegalMonitorStateException("cannot notify on un-acquired lock");
        }
        boolean interrupted = Thread.interrupted();  // waking is not cancellable; the interrupt stays
        try {
            // waiters that timed out since the last signal: take them off the sleeping count
            while (woken.acquire(false)) {
                sleeping.acquire(false);
            }
            int sleepers = 0;
            while (sleepers < n && sleeping.acquire(false)) {
                wakeUp.release();
                sleepers++;
            }
            if (sleepers > 0) {
                for (int i = 0; i < sleepers; i++) {
                    if (!acquireUninterruptibly(woken, WOKEN_PATIENCE)) {
                        // a woken waiter has not left its wait: its process died in between, or is
                        // stalled; its late release, if any, is counted at the next signal as a
                        // timed-out waiter's, as CPython counts those
                        LOG.warn("{}: {} woken waiter(s) did not leave their wait within {}; going on",
                                this, sleepers - i, WOKEN_PATIENCE);
                        break;
                    }
                }
                // a waiter may have timed out after its permit was released: take the permit back
                while (wakeUp.acquire(false)) {
                    // nothing
                }
            }
        } catch (InterruptedException cannotHappen) {
            throw new IllegalStateException(cannotHappen);  // non-blocking acquires never throw it
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a permit of {@code s} at most {@code patience}, through interrupts (kept set). */
    private static boolean acquireUninterruptibly(Semaphore s, Duration patience) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            for (;;) {
                try {
                    return s.acquire(Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Python's {@code notify_all()}: wakes every waiter.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "<multiprocessing.Condition(" + lock + ", " + Math.max(0, sleeping.getValue() - woken.getValue())
                + " waiting)>";
    }
}
