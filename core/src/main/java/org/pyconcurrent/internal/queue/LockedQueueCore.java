package org.pyconcurrent.internal.queue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.queue.ShutDown;

/**
 * CPython's {@code queue.Queue}, line for line: one lock, a sequential {@link Store}, and three
 * conditions on the lock, {@code notEmpty}, {@code notFull} and {@code allTasksDone}. Every call
 * takes the lock, so every state change is trivially atomic; a change that lets one waiter go on
 * signals one waiter, shutdown and the last {@code taskDone()} signal all.
 *
 * <p>Waits are {@code await}/{@code awaitNanos} loops that test their condition again after each
 * wake-up; a timed wait that ran out tests once more before it gives up, so a signal that raced
 * with the timeout is not lost. AQS hands a signal that raced with an interrupt to the waiter,
 * which then returns normally with its interrupt status set.
 *
 * <p>The lock is taken with {@code lock()}, not {@code lockInterruptibly()}: it is only ever held
 * for a few instructions, and a call that need not wait must succeed whatever the interrupt
 * status (as {@code ArrayBlockingQueue.offer} does). A call that waits throws
 * {@link InterruptedException} from the condition's {@code await}.
 */
public final class LockedQueueCore implements QueueCore {
    private final Store store;
    private final int maxsize;
    private final boolean tracksTasks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition allTasksDone = lock.newCondition();
    /** Guarded by lock. */
    private long unfinished;
    /** Written under lock; volatile so that {@link #isShutdown()} needs no lock. */
    private volatile boolean shutdown;

    /**
     * @param store the sequential store that fixes the order
     * @param maxsize the bound, or 0 for none
     * @param tracksTasks false for SimpleQueue, which has no taskDone/join
     */
    public LockedQueueCore(Store store, int maxsize, boolean tracksTasks) {
        this.store = store;
        this.maxsize = maxsize;
        this.tracksTasks = tracksTasks;
    }

    private boolean full() {
        return maxsize > 0 && store.size() >= maxsize;
    }

    @Override
    public boolean offer(Object item, long nanos) throws InterruptedException {
        lock.lock();
        try {
            for (;;) {
                if (shutdown) {
                    throw new ShutDown("put() on a queue that is shut down");
                }
                if (!full()) {
                    break;
                }
                if (nanos == FOREVER) {
                    notFull.await();
                } else if (nanos > 0) {
                    nanos = notFull.awaitNanos(nanos);
                } else {
                    return false;
                }
            }
            store.offer(item);
            if (tracksTasks) {
                unfinished++;
            }
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object poll(long nanos) throws InterruptedException {
        lock.lock();
        try {
            for (;;) {
                Object item = store.poll();
                if (item != null) {
                    notFull.signal();
                    return item;
                }
                if (shutdown) {
                    throw new ShutDown("get() on a queue that is shut down and empty");
                }
                if (nanos == FOREVER) {
                    notEmpty.await();
                } else if (nanos > 0) {
                    nanos = notEmpty.awaitNanos(nanos);
                } else {
                    return null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object peek() {
        lock.lock();
        try {
            return store.peek();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return store.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public Iterator<Object> iterator() {
        lock.lock();
        try {
            // A snapshot: the store itself may only be touched under the lock.
            List<Object> copy = new ArrayList<>(store.size());
            store.iterator().forEachRemaining(copy::add);
            return ReadOnlyIterator.of(copy.iterator());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished <= 0) {
                throw new IllegalArgumentException("taskDone() called too many times");
            }
            if (--unfinished == 0) {
                allTasksDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void join() throws InterruptedException {
        lock.lock();
        try {
            while (unfinished != 0) {
                allTasksDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long unfinishedTasks() {
        lock.lock();
        try {
            return unfinished;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown(boolean immediate) {
        lock.lock();
        try {
            shutdown = true;
            if (immediate) {
                while (store.poll() != null) {
                    if (unfinished > 0) {
                        unfinished--;
                    }
                }
                allTasksDone.signalAll();
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }
}
