package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitAllParked;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every lock-like {@link Acquirable} does, whoever owns it: CPython's {@code BaseLockTests}
 * (Lib/test/lock_tests.py) plus the Java forms (timeouts as {@link Duration}, interrupts,
 * try-with-resources). It holds for {@link Lock}, {@link RLock}, a {@link Condition} (which is its
 * lock), a {@link Semaphore} or {@link BoundedSemaphore} of value 1, and their multiprocessing
 * counterparts.
 *
 * <p>Contention is always created between two threads, never by one thread acquiring twice (that
 * blocks a {@code Lock} but not an {@code RLock}). Written against the public API only: extend it
 * and implement {@link #newLock()}.
 */
public abstract class BaseLockContract extends ThreadedTest {

    /** A new, unlocked lock (or a semaphore of value 1). */
    protected abstract Acquirable newLock();

    /** Whether another thread could acquire {@code lock} right now (it takes it and gives it back). */
    protected final boolean otherThreadCanAcquire(Acquirable lock) throws InterruptedException {
        return threads.call(() -> {
            if (lock.acquire(false)) {
                lock.release();
                return true;
            }
            return false;
        }).join();
    }

    /** A thread that acquires {@code lock} and holds it until {@code release} is counted down. */
    protected final TestThreads.Task<Void> holdInOtherThread(Acquirable lock, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch acquired = new CountDownLatch(1);
        TestThreads.Task<Void> holder = threads.run(() -> {
            lock.acquire();
            try {
                acquired.countDown();
                release.await();
            } finally {
                lock.release();
            }
        });
        assertTrue(acquired.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "holder did not acquire");
        return holder;
    }

    @Test
    public void newLockIsUnlocked() throws Exception {
        Acquirable lock = newLock();
        assertNotNull(lock);
        assertTrue(otherThreadCanAcquire(lock));
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void acquireRelease() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        assertFalse(otherThreadCanAcquire(lock), "held lock was acquired by another thread");
        lock.release();
        assertTrue(otherThreadCanAcquire(lock), "released lock could not be acquired");
        lock.acquire();
        lock.release();
    }

    @Test
    public void acquireTrueBlocksAndReturnsTrue() throws Exception {
        Acquirable lock = newLock();
        assertTrue(lock.acquire(true));
        assertFalse(otherThreadCanAcquire(lock));
        lock.release();
        assertTrue(lock.acquire(true, null));
        assertFalse(otherThreadCanAcquire(lock));
        lock.release();
    }

    @Test
    public void tryAcquire() throws Exception {
        Acquirable lock = newLock();
        assertTrue(lock.acquire(false));
        assertFalse(otherThreadCanAcquire(lock));
        lock.release();
        assertTrue(lock.acquire(false, null));
        lock.release();
    }

    @Test
    public void tryAcquireContended() throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        try {
            assertFalse(threads.call(() -> lock.acquire(false)).join());
            assertFalse(threads.call(() -> lock.acquire(false, null)).join());
            assertFalse(threads.call(() -> lock.acquire(Duration.ZERO)).join());
        } finally {
            lock.release();
        }
    }

    @Test
    public void acquireContended() throws Exception {
        Acquirable lock = newLock();
        int n = 5;
        AtomicInteger got = new AtomicInteger();
        lock.acquire();
        List<TestThreads.Task<Void>> waiters = threads.runMany(n, i -> {
            lock.acquire();
            got.incrementAndGet();
            lock.release();
        });
        try {
            awaitAllParked(waiters);
            settle();
            assertEquals(0, got.get(), "a waiter got through while the lock was held");
        } finally {
            lock.release();
        }
        TestThreads.joinAll(waiters);
        assertEquals(n, got.get());
        assertTrue(otherThreadCanAcquire(lock));
    }

    @Test
    public void withReleasesOnExit() throws Exception {
        Acquirable lock = newLock();
        try (Held held = lock.with()) {
            assertNotNull(held);
            assertFalse(otherThreadCanAcquire(lock), "lock not held inside with()");
        }
        assertTrue(otherThreadCanAcquire(lock), "lock still held after with()");
    }

    @Test
    public void withReleasesOnException() throws Exception {
        Acquirable lock = newLock();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (Held held = lock.with()) {
                throw boom;
            }
        });
        assertEquals(boom, thrown);
        assertTrue(otherThreadCanAcquire(lock), "lock still held after an exception in with()");
    }

    @Test
    public void closingHeldTwiceReleasesOnce() throws Exception {
        Acquirable lock = newLock();
        Held held = lock.with();
        held.close();
        held.close();
        assertTrue(otherThreadCanAcquire(lock));
        // Acquire again: a third close of the old handle must not release this acquisition.
        lock.acquire();
        try {
            held.close();
            assertFalse(otherThreadCanAcquire(lock), "closing a used Held released the lock again");
        } finally {
            lock.release();
        }
    }

    @Test
    public void withInOtherThreadIsExclusive() throws Exception {
        Acquirable lock = newLock();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        TestThreads.Task<Void> holder = threads.run(() -> {
            try (Held held = lock.with()) {
                inside.countDown();
                leave.await();
            }
        });
        assertTrue(inside.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(lock.acquire(false));
        leave.countDown();
        holder.join();
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @Test
    public void timedAcquireOfFreeLockSucceedsAtOnce() throws Exception {
        Acquirable lock = newLock();
        assertTrue(lock.acquire(Duration.ZERO));
        lock.release();
        assertTrue(lock.acquire(PATIENCE));
        lock.release();
        assertTrue(lock.acquire(true, PATIENCE));
        lock.release();
    }

    @Test
    public void timedAcquireTimesOut() throws Exception {
        Acquirable lock = newLock();
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = holdInOtherThread(lock, release);
        try {
            assertFalse(lock.acquire(Duration.ZERO));
            long start = System.nanoTime();
            assertFalse(lock.acquire(SHORT), "timed acquire of a held lock succeeded");
            assertWaitedAtLeast(SHORT, start);
            start = System.nanoTime();
            assertFalse(lock.acquire(true, SHORT));
            assertWaitedAtLeast(SHORT, start);
        } finally {
            release.countDown();
        }
        holder.join();
        // CPython's test_state_after_timeout: a timed-out acquire leaves the lock usable.
        assertTrue(lock.acquire(false));
        lock.release();
        assertTrue(otherThreadCanAcquire(lock));
    }

    @ParameterizedTest
    @ValueSource(longs = {10_000L, Long.MAX_VALUE})
    public void timedAcquireSucceedsWhenReleasedInTime(long seconds) throws Exception {
        // Long.MAX_VALUE seconds: Python's TIMEOUT_MAX role; must not overflow into "no wait".
        Acquirable lock = newLock();
        lock.acquire();
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            boolean got = lock.acquire(Duration.ofSeconds(seconds));
            if (got) {
                lock.release();
            }
            return got;
        });
        try {
            waiter.awaitParked();
            settle();
            assertTrue(waiter.isAlive(), "timed acquire returned while the lock was held");
        } finally {
            lock.release();
        }
        assertTrue(waiter.join());
    }

    /**
     * A counter whose increment is not atomic: safe only under mutual exclusion. {@code plain} also
     * checks that the lock publishes writes; {@code racy} is volatile so that the JIT cannot keep it
     * in a register across a broken lock. Every eighth increment yields between its read and its
     * write, which lets another thread into the critical section if the lock does not keep it out
     * (also between virtual threads sharing one carrier).
     */
    protected static final class Counter {
        private int plain;
        private volatile int racy;

        public void increment(int k) {
            int p = plain;
            int v = racy;
            if ((k & 7) == 0) {
                Thread.yield();
            }
            racy = v + 1;
            plain = p + 1;
        }

        public void assertCount(int expected) {
            assertEquals(expected, racy, "lost updates: the lock did not exclude");
            assertEquals(expected, plain, "lost updates or stale reads of a plain field under the lock");
        }
    }

    /** Runs {@code n} threads (virtual or not) released together by one start signal. */
    protected final void runTogether(int n, boolean virtual, TestThreads.IndexedBody body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<TestThreads.Task<Void>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            TestThreads.VoidBody gated = () -> {
                go.await();
                body.run(index);
            };
            tasks.add(virtual ? threads.runVirtual(gated) : threads.run(gated));
        }
        go.countDown();
        TestThreads.joinAll(tasks);
    }

    @Test
    public void mutualExclusionUnderContention() throws Exception {
        Acquirable lock = newLock();
        Counter counter = new Counter();
        int perThread = 10_000;
        runTogether(4, false, i -> {
            for (int k = 0; k < perThread; k++) {
                lock.acquire();
                try {
                    counter.increment(k);
                } finally {
                    lock.release();
                }
            }
        });
        try (Held held = lock.with()) {
            counter.assertCount(4 * perThread);
        }
    }

    @Test
    public void mutualExclusionWithEveryAcquireForm() throws Exception {
        Acquirable lock = newLock();
        Counter counter = new Counter();
        int perThread = 5_000;
        runTogether(4, false, i -> {
            for (int k = 0; k < perThread; k++) {
                switch (i) {
                    case 0 -> {
                        try (Held held = lock.with()) {
                            counter.increment(k);
                        }
                        continue;
                    }
                    case 1 -> assertTrue(lock.acquire(PATIENCE));
                    case 2 -> {
                        while (!lock.acquire(false)) {
                            Thread.onSpinWait();
                        }
                    }
                    default -> assertTrue(lock.acquire(true));
                }
                try {
                    counter.increment(k);
                } finally {
                    lock.release();
                }
            }
        });
        try (Held held = lock.with()) {
            counter.assertCount(4 * perThread);
        }
    }

    @Test
    public void mutualExclusionOnVirtualThreads() throws Exception {
        Acquirable lock = newLock();
        Counter counter = new Counter();
        int n = 16;
        int perThread = 2_000;
        runTogether(n, true, i -> {
            for (int k = 0; k < perThread; k++) {
                try (Held held = lock.with()) {
                    counter.increment(k);
                }
            }
        });
        try (Held held = lock.with()) {
            counter.assertCount(n * perThread);
        }
    }

    // ---- interrupts ---------------------------------------------------------------------------

    /** Runs one blocking acquire form; returns whether it acquired. */
    private static boolean acquireBy(String form, Acquirable lock) throws InterruptedException {
        switch (form) {
            case "acquire" -> {
                lock.acquire();
                return true;
            }
            case "acquire(true)" -> {
                return lock.acquire(true);
            }
            case "acquire(Duration)" -> {
                return lock.acquire(PATIENCE);
            }
            case "acquire(true, Duration)" -> {
                return lock.acquire(true, PATIENCE);
            }
            case "with" -> {
                lock.with();
                return true;
            }
            default -> throw new AssertionError(form);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acquire", "acquire(true)", "acquire(Duration)", "acquire(true, Duration)", "with"})
    public void interruptWhileBlockedThrowsAndAcquiresNothing(String form) throws Exception {
        Acquirable lock = newLock();
        lock.acquire();
        TestThreads.Task<Boolean> waiter = threads.call(() -> acquireBy(form, lock));
        try {
            waiter.awaitParked();
            waiter.interrupt();
            waiter.joinThrows(InterruptedException.class);
        } finally {
            lock.release();
        }
        // The interrupted waiter holds nothing: the lock is free once we released it, and stays so.
        assertTrue(otherThreadCanAcquire(lock), "interrupted acquire left the lock taken");
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acquire", "acquire(true)", "acquire(Duration)", "acquire(true, Duration)", "with"})
    public void alreadyInterruptedThreadThrowsAtOnce(String form) throws Exception {
        Acquirable lock = newLock();
        TestThreads.Task<Boolean> task = threads.call(() -> {
            Thread.currentThread().interrupt();
            return acquireBy(form, lock);
        });
        task.joinThrows(InterruptedException.class);
        assertTrue(otherThreadCanAcquire(lock), "the interrupted call acquired the lock");
    }

    @Test
    public void nonBlockingAcquireIgnoresAndKeepsInterrupt() throws Exception {
        Acquirable lock = newLock();
        TestThreads.Task<Boolean> task = threads.call(() -> {
            Thread.currentThread().interrupt();
            boolean got = lock.acquire(false);
            boolean stillInterrupted = Thread.currentThread().isInterrupted();
            if (got) {
                lock.release();
            }
            assertTrue(stillInterrupted, "acquire(false) swallowed the interrupt");
            return got;
        });
        assertTrue(task.join(), "acquire(false) of a free lock failed for an interrupted thread");
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    public void negativeTimeoutIsRejected() throws Exception {
        Acquirable lock = newLock();
        Duration negative = Duration.ofMillis(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(negative));
        assertMentions(e, negative.toString());
        e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(true, Duration.ofSeconds(-100)));
        assertMentions(e, Duration.ofSeconds(-100).toString());
        assertTrue(otherThreadCanAcquire(lock), "a rejected acquire changed the lock");
    }

    @Test
    public void nonBlockingAcquireWithTimeoutIsRejected() throws Exception {
        // Python: ValueError "can't specify a timeout for a non-blocking call", even for 0.
        Acquirable lock = newLock();
        Duration timeout = Duration.ofSeconds(7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(false, timeout));
        assertMentions(e, timeout.toString());
        e = assertThrows(IllegalArgumentException.class, () -> lock.acquire(false, Duration.ZERO));
        assertMentions(e, Duration.ZERO.toString());
        assertTrue(otherThreadCanAcquire(lock), "a rejected acquire changed the lock");
    }

    @Test
    public void nullTimeoutIsRejected() throws Exception {
        Acquirable lock = newLock();
        assertThrows(NullPointerException.class, () -> lock.acquire((Duration) null));
        assertTrue(otherThreadCanAcquire(lock));
    }

    /** Asserts that {@code e}'s message mentions {@code value}. */
    public static void assertMentions(Throwable e, String value) {
        String message = e.getMessage();
        assertNotNull(message, () -> e + " has no message");
        assertTrue(message.contains(value), () -> "message \"" + message + "\" does not mention " + value);
    }
}
