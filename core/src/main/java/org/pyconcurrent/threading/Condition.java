package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Condition}: a condition variable bound to a {@link Lock} or an
 * {@link RLock} (an RLock when none is given, as in Python).
 *
 * <p>Python's {@code wait}, {@code wait_for}, {@code notify} and {@code notify_all} are named
 * {@link #await()}, {@link #awaitFor(BooleanSupplier)}, {@link #signal()} and
 * {@link #signalAll()} here: a method named {@code wait} or {@code notify} would silently call the
 * final methods of {@link Object}.
 *
 * <p>Every one of them needs the calling thread to hold the lock and throws
 * {@link IllegalMonitorStateException} otherwise (Python: RuntimeError "cannot wait on
 * un-acquired lock"). {@code await} releases the lock (every recursion level of an RLock),
 * blocks until signalled, then re-acquires it before returning, also when it times out or is
 * interrupted. As in Python and java.util.concurrent, a waiter may also wake without a signal;
 * {@link #awaitFor(BooleanSupplier)} loops for you.
 *
 * <p>The condition itself is {@link Acquirable}: acquiring or releasing it acquires or releases its
 * lock, so {@code try (var held = cond.with()) { ... }} is Python's {@code with cond:}.
 *
 * <p>It is the {@link java.util.concurrent.locks.Condition} of the underlying synchronizer; waiters
 * park and the condition is safe to use from virtual threads.
 *
 * <p>Memory consistency effects: those of its lock. Actions before a thread releases the lock
 * (including the release inside {@code await}) <i>happen-before</i> actions after another thread
 * acquires it (including the re-acquire at the end of {@code await}).
 */
public final class Condition implements Acquirable {
    private final Acquirable lock;
    private final java.util.concurrent.locks.Condition condition;
    private final BooleanSupplier ownedByCurrentThread;
    private final BooleanSupplier hasWaiters;

    /** Creates a condition with a new {@link RLock} of its own (Python's default). */
    public Condition() {
        this(new RLock());
    }

    /**
     * Creates a condition bound to {@code lock}. For a plain {@link Lock}, "holding" it means being
     * the thread that acquired it last.
     */
    public Condition(Lock lock) {
        Objects.requireNonNull(lock, "lock");
        var jucCondition = lock.newJucCondition();
        this.lock = lock;
        this.condition = jucCondition;
        this.ownedByCurrentThread = lock::isHeldByCurrentThread;
        this.hasWaiters = () -> lock.hasWaiters(jucCondition);
    }

    /** Creates a condition bound to {@code lock}. */
    public Condition(RLock lock) {
        Objects.requireNonNull(lock, "lock");
        var jucCondition = lock.newJucCondition();
        this.lock = lock;
        this.condition = jucCondition;
        this.ownedByCurrentThread = lock::isOwned;
        this.hasWaiters = () -> lock.hasWaiters(jucCondition);
    }

    /** Acquires the underlying lock. */
    @Override
    public void acquire() throws InterruptedException {
        lock.acquire();
    }

    /** Acquires the underlying lock, or with {@code blocking} false only tries. */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        return lock.acquire(blocking);
    }

    /** Acquires the underlying lock, waiting at most {@code timeout}. */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        return lock.acquire(timeout);
    }

    /** Releases the underlying lock, with its rules. */
    @Override
    public void release() {
        lock.release();
    }

    /**
     * Releases the lock, waits until signalled (or a spurious wake-up), and re-acquires the lock.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public void await() throws InterruptedException {
        requireOwned("await");
        condition.await();
    }

    /**
     * As {@link #await()}, for at most {@code timeout}.
     *
     * @return {@code false} if the timeout elapsed, {@code true} otherwise (Python's return value)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        requireOwned("await");
        return condition.await(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Python's {@code wait_for(predicate)}: waits until {@code predicate} is true. The predicate is
     * evaluated with the lock held, first before any waiting.
     *
     * @return {@code true}, the last value of the predicate
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean awaitFor(BooleanSupplier predicate) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        requireOwned("awaitFor");
        while (!predicate.getAsBoolean()) {
            condition.await();
        }
        return true;
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}: waits until {@code predicate} is true or the
     * timeout elapses, whichever comes first.
     *
     * @return the last value of the predicate: {@code false} means the timeout elapsed first
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting; the lock is held again by then
     */
    public boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        long nanos = Timeouts.toNanos(timeout);
        requireOwned("awaitFor");
        long deadline = System.nanoTime() + nanos;
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            condition.awaitNanos(remaining);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Python's {@code notify()}: wakes one waiting thread, if any. The woken thread returns from
     * {@code await} only once it re-acquires the lock, so after the caller releases it.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal() {
        try {
            condition.signal();
        } catch (IllegalMonitorStateException notHeld) {
            throw notOwned("signal");
        }
    }

    /**
     * Python's {@code notify(n)}: wakes exactly {@code n} waiting threads, or all of them if fewer
     * wait. {@code signal(0)} does nothing.
     *
     * @throws IllegalArgumentException if {@code n} is negative (Python ignores it; here it names
     *     the mistake)
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        requireOwned("signal");
        for (int i = 0; i < n && hasWaiters.getAsBoolean(); i++) {
            condition.signal();
        }
    }

    /**
     * Python's {@code notify_all()}: wakes every waiting thread.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signalAll() {
        try {
            condition.signalAll();
        } catch (IllegalMonitorStateException notHeld) {
            throw notOwned("signalAll");
        }
    }

    private void requireOwned(String operation) {
        if (!ownedByCurrentThread.getAsBoolean()) {
            throw notOwned(operation);
        }
    }

    // signal() and signalAll() let the j.u.c. condition make the ownership check (it throws
    // before changing anything) and only dress up its message: one check on the fast path.
    private IllegalMonitorStateException notOwned(String operation) {
        return new IllegalMonitorStateException("cannot " + operation + " on un-acquired lock "
                + lock + " (thread " + Thread.currentThread().getName() + " does not hold it)");
    }

    @Override
    public String toString() {
        return "<Condition(" + lock + ")>";
    }
}
