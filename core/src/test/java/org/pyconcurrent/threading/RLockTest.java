package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link RLock}: the {@link RLockContract} plus {@code holdCount()} (CPython's
 * test_recursion_count), {@code isOwned()} (test__is_owned), {@code locked()} and messages.
 */
class RLockTest extends RLockContract {

    @Override
    protected Acquirable newLock() {
        return new RLock();
    }

    @Test
    void holdCountCountsRecursion() throws Exception {
        RLock lock = new RLock();
        assertEquals(0, lock.holdCount());
        lock.acquire();
        assertEquals(1, lock.holdCount());
        lock.acquire();
        assertEquals(2, lock.holdCount());
        assertEquals(0, threads.call(lock::holdCount).join(), "holdCount is per thread");
        lock.release();
        assertEquals(1, lock.holdCount());
        lock.release();
        assertEquals(0, lock.holdCount());
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertEquals(0, lock.holdCount());
    }

    @Test
    void isOwnedOnlyByTheOwner() throws Exception {
        RLock lock = new RLock();
        assertFalse(lock.isOwned());
        lock.acquire();
        assertTrue(lock.isOwned());
        assertFalse(threads.call(lock::isOwned).join());
        lock.acquire();
        lock.release();
        assertTrue(lock.isOwned());
        lock.release();
        assertFalse(lock.isOwned());
    }

    @Test
    void lockedIsGlobal() throws Exception {
        RLock lock = new RLock();
        assertFalse(lock.locked());
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = holdInOtherThread(lock, release);
        try {
            assertTrue(lock.locked());
            assertFalse(lock.isOwned());
        } finally {
            release.countDown();
        }
        holder.join();
        assertFalse(lock.locked());
    }

    @Test
    void releaseOfUnlockedLockNamesStateAndThread() {
        RLock lock = new RLock();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertMentions(e, "not locked");
        assertMentions(e, Thread.currentThread().getName());
    }

    @Test
    void releaseByNonOwnerNamesOwner() throws Exception {
        RLock lock = new RLock();
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = holdInOtherThread(lock, release);
        try {
            IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::release);
            assertMentions(e, holder.thread().getName());
            assertMentions(e, Thread.currentThread().getName());
            assertTrue(lock.locked());
        } finally {
            release.countDown();
        }
        holder.join();
    }

    @Test
    void interruptedWaiterHoldsNothing() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        TestThreads.Task<Integer> waiter = threads.call(() -> {
            try {
                lock.acquire();
                return -1;
            } catch (InterruptedException e) {
                return lock.holdCount();
            }
        });
        try {
            waiter.awaitParked();
            waiter.interrupt();
            assertEquals(0, waiter.join());
        } finally {
            lock.release();
        }
        assertFalse(lock.locked());
    }

    @Test
    void toStringNamesOwner() throws Exception {
        RLock lock = new RLock();
        assertEquals("<RLock unlocked>", lock.toString());
        lock.acquire();
        assertTrue(lock.toString().contains(Thread.currentThread().getName()), lock.toString());
        lock.release();
    }
}
