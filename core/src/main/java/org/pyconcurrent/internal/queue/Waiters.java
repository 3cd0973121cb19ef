package org.pyconcurrent.internal.queue;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The threads of {@link LockFreeQueueCore} waiting for one thing (an item, or a free slot): a
 * condition of the queue's lock, how many threads are in the slow path, and whether a signal is
 * already on its way to one of them.
 *
 * <p>The "signal on its way" flag is what keeps a busy queue from taking its lock on every call:
 * without it, each put made while a getter waits would lock and signal, hundreds of times per
 * wake-up, while the woken getter is trying to get that same lock back. With it, the first put
 * signals and the others see the flag and go on. The woken waiter clears the flag before it
 * looks again; and a waiter that got what it waited for passes a signal on while there is more to
 * take and others wait ({@link #handOn}), so that puts that skipped the signal are not stranded.
 *
 * <p>Why no wake-up is lost: a waker reads {@link #count} and {@link #signalled} after a full
 * fence that follows its progress; a waiter clears {@code signalled} and issues a full fence
 * before it looks for that progress. If the waker saw {@code signalled} set, the waiter that will
 * clear it has not yet looked, and will see the progress. If it saw it clear, it signals under the
 * lock, which every registered waiter holds from registering until it parks: the signal either
 * reaches a parked waiter or finds none parked, and then every registered waiter is awake and
 * about to look again. (A stale {@code true} left by a waiter that was interrupted before its
 * signal arrived is cleared by the next waiter that looks.)
 */
final class Waiters {
    private final ReentrantLock lock;
    private final Condition condition;
    /** Threads in the slow path; changed only under the lock. */
    private volatile int count;
    /** A signal was sent and no woken waiter has looked again since. */
    private volatile boolean signalled;

    Waiters(ReentrantLock lock) {
        this.lock = lock;
        this.condition = lock.newCondition();
    }

    /**
     * Called without the lock by a thread that just made progress, after a full fence: wakes one
     * waiter unless none waits or one is already being woken.
     */
    void wakeOne() {
        if (count != 0 && !signalled) {
            lock.lock();
            try {
                if (count != 0 && !signalled) {
                    signalled = true;
                    condition.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock: the calling thread enters the slow path. */
    void enter() {
        count++;
    }

    /** Under the lock: the calling thread leaves the slow path. */
    void leave() {
        count--;
    }

    /** Under the lock, before each look: from now on, progress must signal again. */
    void aboutToLook() {
        signalled = false;
        VarHandle.fullFence();
    }

    /**
     * Under the lock, after the caller got what it waited for: if there is {@code more} for
     * others and another thread waits, wakes it unless a signal is already on its way.
     */
    void handOn(boolean more) {
        if (more && count > 1 && !signalled) {
            signalled = true;
            condition.signal();
        }
    }

    /**
     * Under the lock: parks the caller for at most {@code nanos} ({@link QueueCore#FOREVER} for no
     * limit).
     *
     * @return the time left (0 once it has run out), or {@code FOREVER} when unlimited
     */
    long park(long nanos) throws InterruptedException {
        if (nanos == QueueCore.FOREVER) {
            condition.await();
            return QueueCore.FOREVER;
        }
        return Math.max(0L, condition.awaitNanos(nanos));
    }

    /** Under the lock: wakes every waiter (shutdown). */
    void wakeAll() {
        condition.signalAll();
    }
}
