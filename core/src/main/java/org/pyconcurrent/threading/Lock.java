package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Lock}: a primitive, non-reentrant mutual-exclusion lock.
 *
 * <p>As in CPython, the lock is not owned: any thread may {@link #release()} it, not only the one
 * that acquired it (a hand-off that {@link java.util.concurrent.locks.ReentrantLock} forbids).
 * Acquiring it twice from one thread blocks that thread, as in Python. Releasing an unlocked lock
 * throws {@link IllegalMonitorStateException} (Python: RuntimeError "release unlocked lock").
 *
 * <p>The lock is not fair: a thread that arrives while the lock is free may take it before threads
 * already waiting (CPython makes no fairness promise either). It is built on
 * {@link AbstractQueuedSynchronizer}: waiting threads park rather than spin, and the lock is safe
 * to use from virtual threads.
 *
 * <p>A {@link Condition} may be built on it: {@code new Condition(lock)}. For the condition, the
 * thread that last acquired the lock is the one holding it.
 *
 * <p>Memory consistency effects: actions prior to {@code release()} in one thread
 * <i>happen-before</i> actions after the acquire that next succeeds, in any thread.
 */
public final class Lock implements Acquirable {
    private final Sync sync = new Sync();

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Blocks until the lock is acquired.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    @Override
    public void acquire() throws InterruptedException {
        sync.acquireInterruptibly(1);
    }

    /**
     * With {@code blocking} true, blocks until acquired and returns {@code true}; otherwise takes
     * the lock only if it is free at once.
     */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        if (blocking) {
            sync.acquireInterruptibly(1);
            return true;
        }
        return sync.tryAcquire(1);
    }

    /**
     * Waits at most {@code timeout} for the lock; a zero timeout only tries once.
     *
     * @return {@code true} if acquired, {@code false} if the timeout elapsed
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        if (nanos == 0) {
            return sync.tryAcquire(1);
        }
        return sync.tryAcquireNanos(1, nanos);
    }

    /**
     * Releases the lock; any thread may call it. One waiting thread, if any, then gets a chance to
     * acquire it.
     *
     * @throws IllegalMonitorStateException if the lock is not locked
     */
    @Override
    public void release() {
        sync.release(1);
    }

    /** Python's {@code locked()}: whether some thread holds the lock right now (a snapshot). */
    public boolean locked() {
        return sync.isLocked();
    }

    /** A new j.u.c. condition bound to this lock, for {@link Condition}. */
    java.util.concurrent.locks.Condition newJucCondition() {
        return sync.newCondition();
    }

    /** Whether threads wait on {@code condition}, which must come from {@link #newJucCondition()}. */
    boolean hasWaiters(java.util.concurrent.locks.Condition condition) {
        return sync.hasWaiters((AbstractQueuedSynchronizer.ConditionObject) condition);
    }

    /** Whether the current thread is the one that acquired the lock last and has not released it. */
    boolean isHeldByCurrentThread() {
        return sync.isHeldExclusively();
    }

    @Override
    public String toString() {
        return "<Lock " + (locked() ? "locked" : "unlocked") + ">";
    }

    /** State 0 is unlocked, 1 locked. The owner is recorded only for conditions. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            // Test, then test-and-set: a thread spinning in AQS's acquire loop reads the word, and
            // only a free lock costs the holder its cache line.
            if (getState() == 0 && compareAndSetState(0, 1)) {
                setExclusiveOwnerThread(Thread.currentThread());
                return true;
            }
            return false;
        }

        @Override
        protected boolean tryRelease(int ignored) {
            // Clear the owner first: once the state is 0 another thread may acquire and record itself.
            setExclusiveOwnerThread(null);
            if (!compareAndSetState(1, 0)) {
                throw new IllegalMonitorStateException("release unlocked lock");
            }
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getState() == 1 && getExclusiveOwnerThread() == Thread.currentThread();
        }

        boolean isLocked() {
            return getState() != 0;
        }

        ConditionObject newCondition() {
            return new ConditionObject();
        }
    }
}
