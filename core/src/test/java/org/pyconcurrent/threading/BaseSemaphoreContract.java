package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitAllParked;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every counting semaphore does: CPython's {@code BaseSemaphoreTests}. Holds for
 * {@link Semaphore}, {@link BoundedSemaphore} and their multiprocessing counterparts. No test here
 * releases more permits than it took, so a bounded semaphore passes too.
 *
 * <p>Extend it and implement the factories; adapt the type under test to {@link SemaphoreLike}.
 */
public abstract class BaseSemaphoreContract extends ThreadedTest {

    /** The semaphore API the contract uses: Python's, with {@code _value} as {@code value()}. */
    public interface SemaphoreLike extends Acquirable {
        /** Python's {@code release(n)}. */
        void release(int n);

        /** The number of free permits. */
        int value();
    }

    /** A new semaphore with Python's default value, 1. */
    protected abstract SemaphoreLike newSemaphore();

    /**
     * A new semaphore with {@code value} permits.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    protected abstract SemaphoreLike newSemaphore(int value);

    @Test
    public void constructorRejectsNegativeValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newSemaphore(-1));
        assertMentions(e, "-1");
        e = assertThrows(IllegalArgumentException.class, () -> newSemaphore(Integer.MIN_VALUE));
        assertMentions(e, String.valueOf(Integer.MIN_VALUE));
        assertEquals(0, newSemaphore(0).value());
    }

    @Test
    public void defaultValueIsOne() throws Exception {
        SemaphoreLike sem = newSemaphore();
        assertEquals(1, sem.value());
        assertTrue(sem.acquire(false));
        assertFalse(sem.acquire(false));
        sem.release();
        assertEquals(1, sem.value());
    }

    @Test
    public void acquireAndReleaseCount() throws Exception {
        SemaphoreLike sem = newSemaphore(3);
        sem.acquire();
        assertEquals(2, sem.value());
        assertTrue(sem.acquire(true));
        assertEquals(1, sem.value());
        assertTrue(sem.acquire(PATIENCE));
        assertEquals(0, sem.value());
        sem.release();
        assertEquals(1, sem.value());
        sem.release(2);
        assertEquals(3, sem.value());
    }

    @Test
    public void tryAcquire() throws Exception {
        SemaphoreLike sem = newSemaphore(2);
        assertTrue(sem.acquire(false));
        assertTrue(sem.acquire(false));
        assertFalse(sem.acquire(false), "took a third permit of two");
        assertFalse(sem.acquire(false, null));
        assertEquals(0, sem.value());
        sem.release(2);
        assertEquals(2, sem.value());
    }

    @Test
    public void tryAcquireContended() throws Exception {
        SemaphoreLike sem = newSemaphore(4);
        for (int i = 0; i < 4; i++) {
            sem.acquire();
        }
        assertFalse(threads.call(() -> sem.acquire(false)).join());
        assertEquals(0, sem.value());
        sem.release(4);
    }

    @Test
    public void acquireTimeout() throws Exception {
        // CPython's test_acquire_timeout.
        SemaphoreLike sem = newSemaphore(2);
        assertTrue(sem.acquire(Duration.ZERO));
        assertTrue(sem.acquire(Duration.ofMillis(5)));
        assertFalse(sem.acquire(Duration.ZERO));
        long start = System.nanoTime();
        assertFalse(sem.acquire(SHORT), "timed acquire of an empty semaphore succeeded");
        assertWaitedAtLeast(SHORT, start);
        assertEquals(0, sem.value(), "a timed-out acquire changed the value");
        sem.release();
        assertTrue(sem.acquire(Duration.ZERO));
        sem.release(2);
        assertEquals(2, sem.value());
    }

    @Test
    public void acquireContendedWakesOneWaiterPerPermit() throws Exception {
        // CPython's test_acquire_contended and test_multirelease: each released permit lets exactly
        // one waiter through; release(n) lets n through.
        SemaphoreLike sem = newSemaphore(7);
        for (int i = 0; i < 7; i++) {
            sem.acquire();
        }
        int n = 10;
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        List<TestThreads.Task<Void>> waiters = threads.runMany(n, i -> {
            sem.acquire();
            passed.incrementAndGet();
            finish.await();
            sem.release();
        });
        try {
            awaitAllParked(waiters);
            settle();
            assertEquals(0, passed.get(), "a waiter passed an empty semaphore");

            sem.release();
            awaitUntil("one waiter passes", () -> passed.get() == 1);
            settle();
            assertEquals(1, passed.get(), "release() let more than one waiter through");
            assertEquals(0, sem.value());

            sem.release(2);
            awaitUntil("two more waiters pass", () -> passed.get() == 3);
            settle();
            assertEquals(3, passed.get(), "release(2) let more than two waiters through");

            sem.release(4);
            awaitUntil("four more waiters pass", () -> passed.get() == 7);
            settle();
            assertEquals(7, passed.get(), "release(4) let more than four waiters through");
            assertEquals(0, sem.value());
        } finally {
            finish.countDown();
        }
        // The seven that passed give their permits back; the last three take three of them.
        TestThreads.joinAll(waiters);
        assertEquals(n, passed.get());
        assertEquals(7, sem.value());
    }

    @Test
    public void neverMoreHoldersThanPermits() throws Exception {
        SemaphoreLike sem = newSemaphore(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TestThreads.joinAll(threads.runMany(8, i -> {
            for (int k = 0; k < 2_000; k++) {
                sem.acquire();
                try {
                    int now = inside.incrementAndGet();
                    most.accumulateAndGet(now, Math::max);
                    if ((k & 3) == 0) {
                        Thread.yield();
                    }
                    inside.decrementAndGet();
                } finally {
                    sem.release();
                }
            }
        }));
        assertTrue(most.get() <= 3, "up to " + most.get() + " threads held a semaphore of 3");
        assertEquals(3, sem.value());
    }

    @Test
    public void withTakesAndGivesBackOnePermit() throws Exception {
        SemaphoreLike sem = newSemaphore(2);
        try (Held outer = sem.with()) {
            assertEquals(1, sem.value());
            try (Held inner = sem.with()) {
                assertEquals(0, sem.value());
                assertFalse(threads.call(() -> sem.acquire(false)).join());
            }
            assertEquals(1, sem.value());
        }
        assertEquals(2, sem.value());
        Held held = sem.with();
        held.close();
        held.close();
        assertEquals(2, sem.value(), "closing a Held twice released twice");
    }

    @Test
    public void releaseNRejectsNonPositive() {
        SemaphoreLike sem = newSemaphore(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sem.release(0));
        assertMentions(e, "0");
        e = assertThrows(IllegalArgumentException.class, () -> sem.release(-1));
        assertMentions(e, "-1");
        e = assertThrows(IllegalArgumentException.class, () -> sem.release(Integer.MIN_VALUE));
        assertMentions(e, String.valueOf(Integer.MIN_VALUE));
        assertEquals(1, sem.value(), "a rejected release changed the value");
    }

    @Test
    public void negativeAndNullTimeoutsAreRejected() {
        SemaphoreLike sem = newSemaphore(1);
        Duration negative = Duration.ofNanos(-1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> sem.acquire(negative)), negative.toString());
        assertMentions(assertThrows(IllegalArgumentException.class, () -> sem.acquire(false, Duration.ofSeconds(3))),
                "PT3S");
        assertThrows(NullPointerException.class, () -> sem.acquire((Duration) null));
        assertEquals(1, sem.value());
    }

    @Test
    public void interruptedWaiterTakesNoPermit() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        sem.acquire();
        TestThreads.Task<Void> waiter = threads.run(sem::acquire);
        TestThreads.Task<Boolean> timedWaiter = threads.call(() -> sem.acquire(PATIENCE));
        waiter.awaitParked();
        timedWaiter.awaitParked();
        waiter.interrupt();
        timedWaiter.interrupt();
        waiter.joinThrows(InterruptedException.class);
        timedWaiter.joinThrows(InterruptedException.class);
        assertEquals(0, sem.value());
        sem.release();
        assertEquals(1, sem.value(), "an interrupted waiter consumed the permit");
        // and the permit still reaches a later waiter
        assertTrue(threads.call(() -> {
            boolean got = sem.acquire(PATIENCE);
            sem.release();
            return got;
        }).join());
    }

    @Test
    public void alreadyInterruptedThreadThrowsAtOnce() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            sem.acquire();
        }).joinThrows(InterruptedException.class);
        assertEquals(1, sem.value(), "the interrupted acquire took a permit");
    }

    @Test
    public void permitReleasedInOtherThreadReachesWaiter() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        sem.acquire();
        CountDownLatch done = new CountDownLatch(1);
        TestThreads.Task<Void> waiter = threads.run(() -> {
            sem.acquire();
            done.countDown();
        });
        waiter.awaitParked();
        threads.run(sem::release).join();
        assertTrue(done.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        waiter.join();
        assertEquals(0, sem.value());
        sem.release();
    }
}
