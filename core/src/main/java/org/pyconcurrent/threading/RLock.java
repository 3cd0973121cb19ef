package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.RLock}: a reentrant lock with an owner and a recursion count.
 *
 * <p>The thread that acquired it may acquire it again without blocking; each {@code acquire()}
 * needs its own {@code release()}, and the lock is free once the count is back to zero. Releasing
 * it from a thread that does not own it, or more times than it was acquired, throws
 * {@link IllegalMonitorStateException} (Python: RuntimeError "cannot release un-acquired lock").
 *
 * <p>It is a non-fair {@link ReentrantLock} underneath, with Python's method names; waiting
 * threads park, and it is safe to use from virtual threads. {@link Condition#Condition()} uses an
 * RLock, as in Python; {@link Condition#await()} releases every recursion level and restores them.
 *
 * <p>Memory consistency effects: as for {@link ReentrantLock}; actions before the release that
 * frees the lock <i>happen-before</i> actions after the next successful acquire in any thread.
 */
public final class RLock implements Acquirable {
    private final Sync sync = new Sync();

    /** Creates an unlocked reentrant lock. */
    public RLock() {
    }

    /**
     * Acquires the lock, blocking while another thread owns it; if the calling thread owns it
     * already, the recursion count goes up by one at once.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    @Override
    public void acquire() throws InterruptedException {
        sync.lockInterruptibly();
    }

    /** With {@code blocking} false, acquires only if free or already owned by this thread. */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        if (blocking) {
            sync.lockInterruptibly();
            return true;
        }
        return sync.tryLock();
    }

    /**
     * Waits at most {@code timeout}; a zero timeout only tries once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        if (nanos == 0) {
            return sync.tryLock();
        }
        return sync.tryLock(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Releases one recursion level; the lock is free when the count reaches zero.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    @Override
    public void release() {
        try {
            sync.unlock();
        } catch (IllegalMonitorStateException notOwner) {
            // ReentrantLock checks ownership before changing anything; its exception has no message.
            Thread owner = sync.owner();
            throw new IllegalMonitorStateException("cannot release un-acquired RLock: "
                    + (owner == null ? "it is not locked" : "it is owned by " + owner.getName())
                    + ", not by " + Thread.currentThread().getName());
        }
    }

    /** Whether any thread owns the lock right now (a snapshot). */
    public boolean locked() {
        return sync.isLocked();
    }

    /** Whether the calling thread owns the lock (Python's private {@code _is_owned()}). */
    public boolean isOwned() {
        return sync.isHeldByCurrentThread();
    }

    /** The calling thread's recursion count: 0 unless it owns the lock. */
    public int holdCount() {
        return sync.getHoldCount();
    }

    java.util.concurrent.locks.Condition newJucCondition() {
        return sync.newCondition();
    }

    boolean hasWaiters(java.util.concurrent.locks.Condition condition) {
        return sync.hasWaiters(condition);
    }

    @Override
    public String toString() {
        Thread owner = sync.owner();
        return owner == null ? "<RLock unlocked>"
                : "<RLock locked by " + owner.getName() + ">";
    }

    /** Exposes the owner for messages. */
    private static final class Sync extends ReentrantLock {
        Thread owner() {
            return getOwner();
        }
    }
}
