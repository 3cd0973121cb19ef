package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A reentrant lock with an owner: CPython's {@code RLockTests}. The owner may acquire it again
 * (each acquire needs its own release), only the owner may release it, and releasing more often
 * than acquired is an error. Holds for {@link RLock}, a {@link Condition} over an {@code RLock}
 * (the default), and multiprocessing's {@code RLock}.
 */
public abstract class RLockContract extends BaseLockContract {

    @Test
    public void reacquireBySameThread() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        assertTrue(lock.acquire(true));
        assertTrue(lock.acquire(false), "the owner could not re-acquire without blocking");
        assertTrue(lock.acquire(Duration.ZERO));
        assertTrue(lock.acquire(Duration.ofMillis(1)));
        assertTrue(lock.acquire(true, null));
        // Six levels: the lock stays held until the sixth release.
        for (int i = 0; i < 5; i++) {
            lock.release();
            assertFalse(otherThreadCanAcquire(lock), "lock free after " + (i + 1) + " of 6 releases");
        }
        lock.release();
        assertTrue(otherThreadCanAcquire(lock), "lock still held after 6 of 6 releases");
    }

    @Test
    public void withNests() throws Exception {
        Acquirable lock = newLock();
        try (Held outer = lock.with()) {
            try (Held inner = lock.with()) {
                assertFalse(otherThreadCanAcquire(lock));
            }
            assertFalse(otherThreadCanAcquire(lock), "the inner with() freed the lock");
        }
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void waiterGetsLockOnlyAfterEveryLevelIsReleased() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        lock.acquire();
        TestThreads.Task<Void> waiter = threads.run(() -> {
            lock.acquire();
            lock.release();
        });
        try {
            waiter.awaitParked();
            lock.release();
            settle();
            assertTrue(waiter.isAlive(), "waiter got the lock while one level was still held");
        } finally {
            lock.release();
        }
        waiter.join();
    }

    @Test
    public void releaseUnacquiredThrows() throws Exception {
        Acquirable lock = newLock();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertNotNull(e.getMessage());
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void tooManyReleasesThrow() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.release();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertTrue(otherThreadCanAcquire(lock), "a failed release broke the lock");
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void differentThreadMayNotRelease() throws Exception {
        // CPython's test_different_thread: RuntimeError in the other thread; the owner keeps it.
        Acquirable lock = newLock();
        lock.acquire();
        try {
            IllegalMonitorStateException e = threads.call(() -> assertThrows(IllegalMonitorStateException.class,
                    lock::release)).join();
            assertNotNull(e.getMessage());
            assertFalse(otherThreadCanAcquire(lock), "a non-owner's release freed the lock");
        } finally {
            lock.release();
        }
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void ownerInOtherThreadKeepsItAgainstMyRelease() throws Exception {
        Acquirable lock = newLock();
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = holdInOtherThread(lock, release);
        try {
            assertThrows(IllegalMonitorStateException.class, lock::release);
            assertFalse(lock.acquire(false));
        } finally {
            release.countDown();
        }
        holder.join();
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void recursionSurvivesContention() throws Exception {
        Acquirable lock = newLock();
        Counter counter = new Counter();
        runTogether(4, false, i -> {
            for (int k = 0; k < 2_000; k++) {
                lock.acquire();
                try {
                    lock.acquire();
                    try {
                        counter.increment(k);
                    } finally {
                        lock.release();
                    }
                    counter.increment(k);
                } finally {
                    lock.release();
                }
            }
        });
        try (Held held = lock.with()) {
            counter.assertCount(4 * 2_000 * 2);
        }
    }
}
