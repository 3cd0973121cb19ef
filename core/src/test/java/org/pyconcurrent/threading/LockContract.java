package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A primitive, non-reentrant lock without an owner: CPython's {@code LockTests}. It may be released
 * by a thread other than the one that acquired it, acquiring it twice from one thread blocks, and
 * releasing it while unlocked is an error. Holds for {@link Lock}, a {@link Condition} over a
 * {@code Lock}, and multiprocessing's {@code Lock}.
 */
public abstract class LockContract extends BaseLockContract {

    @Test
    public void reacquireFromSameThreadBlocksUntilReleasedElsewhere() throws Exception {
        // CPython's test_reacquire: the second acquire blocks; a release by another thread ends it.
        Acquirable lock = newLock();
        AtomicInteger phase = new AtomicInteger();
        TestThreads.Task<Void> task = threads.run(() -> {
            lock.acquire();
            phase.incrementAndGet();
            lock.acquire();
            phase.incrementAndGet();
            lock.release();
        });
        TestThreads.awaitUntil("the first acquire", () -> phase.get() == 1);
        task.awaitParked();
        settle();
        assertEquals(1, phase.get(), "a thread acquired a lock it already holds");
        lock.release(); // a different thread releases
        task.join();
        assertEquals(2, phase.get());
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void sameThreadNonBlockingAndTimedReacquireFail() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        try {
            assertFalse(lock.acquire(false), "a non-reentrant lock was acquired twice");
            assertFalse(lock.acquire(Duration.ZERO));
            long start = System.nanoTime();
            assertFalse(lock.acquire(SHORT));
            assertWaitedAtLeast(SHORT, start);
        } finally {
            lock.release();
        }
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void differentThreadMayRelease() throws Exception {
        // CPython's test_different_thread.
        Acquirable lock = newLock();
        lock.acquire();
        threads.run(lock::release).join();
        assertTrue(lock.acquire(false), "lock still held after another thread released it");
        lock.release();
    }

    @Test
    public void handOffBetweenThreads() throws Exception {
        // Acquired in one thread, released in another, repeatedly: a binary-semaphore hand-off.
        Acquirable lock = newLock();
        int rounds = 200;
        java.util.concurrent.Semaphore taken = new java.util.concurrent.Semaphore(0);
        TestThreads.Task<Void> releaser = threads.run(() -> {
            for (int i = 0; i < rounds; i++) {
                taken.acquire();
                lock.release();
            }
        });
        for (int i = 0; i < rounds; i++) {
            lock.acquire(); // after the first round, blocks until the releaser lets go
            taken.release();
        }
        releaser.join();
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void releaseUnlockedThrows() throws Exception {
        Acquirable lock = newLock();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertNotNull(e.getMessage());
        lock.acquire();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release, "released twice after one acquire");
        assertTrue(otherThreadCanAcquire(lock), "a failed release broke the lock");
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void releaseUnlockedFromOtherThreadThrows() throws Exception {
        Acquirable lock = newLock();
        threads.run(() -> assertThrows(IllegalMonitorStateException.class, lock::release)).join();
    }
}
