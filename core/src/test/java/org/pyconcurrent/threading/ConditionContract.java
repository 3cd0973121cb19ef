package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a condition variable does: CPython's {@code ConditionTests}, whatever its lock. Holds for
 * {@link Condition} over its default {@link RLock}, over a {@link Lock} and over an {@code RLock},
 * and for multiprocessing's {@code Condition}. The condition's lock behaviour is checked separately
 * (a condition is an {@link Acquirable}: run {@link LockContract} or {@link RLockContract} on it).
 *
 * <p>Every test holds the lock only once per thread, so it does not matter whether the lock is
 * reentrant. Extend it, implement {@link #newCondition()} and adapt the type to
 * {@link ConditionLike}.
 */
public abstract class ConditionContract extends ThreadedTest {

    /** The condition API the contract uses (Python's wait/wait_for/notify/notify_all renamed). */
    public interface ConditionLike extends Acquirable {
        void await() throws InterruptedException;

        boolean await(Duration timeout) throws InterruptedException;

        boolean awaitFor(BooleanSupplier predicate) throws InterruptedException;

        boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException;

        void signal();

        void signal(int n);

        void signalAll();
    }

    /** A new condition with its lock unlocked. */
    protected abstract ConditionLike newCondition();

    /** Whether another thread could acquire the condition's lock right now. */
    private boolean otherThreadCanAcquire(ConditionLike cond) throws InterruptedException {
        return threads.call(() -> {
            if (cond.acquire(false)) {
                cond.release();
                return true;
            }
            return false;
        }).join();
    }

    private static List<Executable> everyMethod(ConditionLike cond) {
        return List.of(
                cond::await,
                () -> cond.await(PATIENCE),
                () -> cond.await(Duration.ZERO),
                () -> cond.awaitFor(() -> false),
                () -> cond.awaitFor(() -> true),
                () -> cond.awaitFor(() -> false, PATIENCE),
                () -> cond.awaitFor(() -> true, Duration.ZERO),
                cond::signal,
                () -> cond.signal(0),
                () -> cond.signal(3),
                cond::signalAll);
    }

    @Test
    public void everyMethodNeedsTheLock() throws Exception {
        // CPython's test_unacquired_wait and test_unacquired_notify.
        ConditionLike cond = newCondition();
        for (Executable method : everyMethod(cond)) {
            IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, method);
            assertNotNull(e.getMessage());
        }
        assertTrue(otherThreadCanAcquire(cond), "a refused call left the lock taken");
    }

    @Test
    public void everyMethodNeedsTheLockHeldByThisThread() throws Exception {
        ConditionLike cond = newCondition();
        CountDownLatch acquired = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = threads.run(() -> {
            cond.acquire();
            try {
                acquired.countDown();
                release.await();
            } finally {
                cond.release();
            }
        });
        try {
            assertTrue(acquired.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            for (Executable method : everyMethod(cond)) {
                assertThrows(IllegalMonitorStateException.class, method);
            }
        } finally {
            release.countDown();
        }
        holder.join();
    }

    @Test
    public void acquireAndRelease() throws Exception {
        // CPython's test_acquire.
        ConditionLike cond = newCondition();
        cond.acquire();
        assertFalse(otherThreadCanAcquire(cond));
        cond.release();
        assertTrue(cond.acquire(false));
        cond.release();
        try (Held held = cond.with()) {
            cond.signalAll(); // holding through with() counts
        }
        assertTrue(otherThreadCanAcquire(cond));
    }

    /** Waiters that count themselves in, under the lock, before awaiting. */
    private final class Waiters {
        final ConditionLike cond;
        final int[] ready = {0};
        final AtomicInteger woken = new AtomicInteger();
        final List<TestThreads.Task<Void>> tasks = new ArrayList<>();

        Waiters(ConditionLike cond, int n, boolean timed) throws InterruptedException {
            this.cond = cond;
            for (int i = 0; i < n; i++) {
                tasks.add(threads.run(() -> {
                    cond.acquire();
                    try {
                        ready[0]++;
                        if (timed) {
                            assertTrue(cond.await(PATIENCE), "a signalled timed await returned false");
                        } else {
                            cond.await();
                        }
                        woken.incrementAndGet();
                    } finally {
                        cond.release();
                    }
                }));
            }
            // A waiter counts itself and awaits without letting go of the lock in between: once we
            // hold the lock and see all n counted, all n are waiting on the condition.
            awaitUntil(n + " waiters in await", () -> readyUnderLock() == n);
        }

        private int readyUnderLock() {
            try {
                cond.acquire();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            try {
                return ready[0];
            } finally {
                cond.release();
            }
        }

        void expectWoken(int expected, String after) throws InterruptedException {
            awaitUntil(expected + " waiters woken after " + after, () -> woken.get() >= expected);
            settle();
            assertEquals(expected, woken.get(), after + " woke the wrong number of waiters");
        }
    }

    private static void locked(ConditionLike cond, Runnable action) throws InterruptedException {
        cond.acquire();
        try {
            action.run();
        } finally {
            cond.release();
        }
    }

    @ParameterizedTest(name = "timed waiters: {0}")
    @ValueSource(booleans = {false, true})
    public void signalWakesExactlyN(boolean timed) throws Exception {
        // CPython's _check_notify: notify(), notify(n), notify_all().
        ConditionLike cond = newCondition();
        Waiters w = new Waiters(cond, 6, timed);
        settle();
        assertEquals(0, w.woken.get(), "a waiter returned without a signal");

        locked(cond, () -> cond.signal(0));
        w.expectWoken(0, "signal(0)");
        locked(cond, cond::signal);
        w.expectWoken(1, "signal()");
        locked(cond, () -> cond.signal(2));
        w.expectWoken(3, "signal(2)");
        locked(cond, () -> cond.signal(1));
        w.expectWoken(4, "signal(1)");
        locked(cond, cond::signalAll);
        TestThreads.joinAll(w.tasks);
        assertEquals(6, w.woken.get());
    }

    @Test
    public void signalMoreThanWaitingWakesAll() throws Exception {
        ConditionLike cond = newCondition();
        Waiters w = new Waiters(cond, 3, false);
        locked(cond, () -> cond.signal(10));
        TestThreads.joinAll(w.tasks);
        assertEquals(3, w.woken.get());
        // A signal with nobody waiting is not remembered.
        locked(cond, () -> cond.signal(5));
        cond.acquire();
        try {
            assertFalse(cond.await(Duration.ofMillis(20)), "an earlier signal was remembered");
        } finally {
            cond.release();
        }
    }

    @Test
    public void wokenWaiterReturnsOnlyOnceSignallerReleases() throws Exception {
        ConditionLike cond = newCondition();
        Waiters w = new Waiters(cond, 1, false);
        cond.acquire();
        try {
            cond.signal();
            settle();
            assertEquals(0, w.woken.get(), "a waiter returned from await without the lock");
        } finally {
            cond.release();
        }
        TestThreads.joinAll(w.tasks);
        assertEquals(1, w.woken.get());
    }

    @Test
    public void awaitReleasesTheLockWhileWaiting() throws Exception {
        ConditionLike cond = newCondition();
        Waiters w = new Waiters(cond, 2, false);
        // We got in while both wait: proved by Waiters; also with a timed acquire from another thread.
        assertTrue(otherThreadCanAcquire(cond), "await did not release the lock");
        locked(cond, cond::signalAll);
        TestThreads.joinAll(w.tasks);
    }

    @Test
    public void awaitTimesOutWithLockHeldAgain() throws Exception {
        // CPython's test_timeout.
        ConditionLike cond = newCondition();
        cond.acquire();
        try {
            assertFalse(cond.await(Duration.ZERO));
            long start = System.nanoTime();
            assertFalse(cond.await(SHORT), "await(timeout) returned true without a signal");
            assertWaitedAtLeast(SHORT, start);
            assertFalse(otherThreadCanAcquire(cond), "the lock was not re-acquired after a timeout");
        } finally {
            cond.release();
        }
        List<TestThreads.Task<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(threads.call(() -> {
                cond.acquire();
                try {
                    long t0 = System.nanoTime();
                    boolean result = cond.await(SHORT);
                    assertWaitedAtLeast(SHORT, t0);
                    return result;
                } finally {
                    cond.release();
                }
            }));
        }
        assertEquals(List.of(false, false, false), TestThreads.joinAll(waiters));
    }

    @Test
    public void timedAwaitSignalledReturnsTrue() throws Exception {
        ConditionLike cond = newCondition();
        Waiters w = new Waiters(cond, 2, true);
        locked(cond, cond::signalAll);
        TestThreads.joinAll(w.tasks); // each asserted true
        assertEquals(2, w.woken.get());
    }

    @Test
    public void awaitWithMaximalTimeoutWaitsForSignal() throws Exception {
        ConditionLike cond = newCondition();
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            cond.acquire();
            try {
                return cond.await(Duration.ofSeconds(Long.MAX_VALUE));
            } finally {
                cond.release();
            }
        });
        waiter.awaitParked();
        settle();
        assertTrue(waiter.isAlive(), "await with the maximal timeout returned early");
        awaitUntil("the lock to be free", () -> {
            try {
                if (cond.acquire(false)) {
                    try {
                        cond.signal();
                    } finally {
                        cond.release();
                    }
                    return true;
                }
                return false;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(waiter.join());
    }

    @Test
    public void awaitForWaitsUntilPredicateHolds() throws Exception {
        // CPython's test_waitfor: the state goes 0..4, one signal per step.
        ConditionLike cond = newCondition();
        int[] state = {0};
        TestThreads.Task<Integer> waiter = threads.call(() -> {
            cond.acquire();
            try {
                assertTrue(cond.awaitFor(() -> state[0] == 4));
                return state[0];
            } finally {
                cond.release();
            }
        });
        for (int i = 0; i < 4; i++) {
            Thread.sleep(10);
            locked(cond, () -> {
                state[0]++;
                cond.signal();
            });
        }
        assertEquals(4, waiter.join());
    }

    @Test
    public void awaitForWithTimeoutTimesOut() throws Exception {
        // CPython's test_waitfor_timeout.
        ConditionLike cond = newCondition();
        AtomicInteger evaluations = new AtomicInteger();
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            cond.acquire();
            try {
                long t0 = System.nanoTime();
                boolean result = cond.awaitFor(() -> {
                    evaluations.incrementAndGet();
                    return false;
                }, SHORT);
                assertWaitedAtLeast(SHORT, t0);
                return result;
            } finally {
                cond.release();
            }
        });
        // Signals make it re-check the predicate; it still times out.
        for (int i = 0; i < 3; i++) {
            Thread.sleep(10);
            locked(cond, cond::signalAll);
        }
        assertFalse(waiter.join(), "awaitFor returned true although the predicate never held");
        assertTrue(evaluations.get() >= 1);
        assertTrue(otherThreadCanAcquire(cond));
    }

    @Test
    public void awaitForWithTimeoutReturnsTrueOncePredicateHolds() throws Exception {
        ConditionLike cond = newCondition();
        boolean[] ready = {false};
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            cond.acquire();
            try {
                return cond.awaitFor(() -> ready[0], PATIENCE);
            } finally {
                cond.release();
            }
        });
        waiter.awaitParked();
        locked(cond, cond::signal); // a wake-up with the predicate still false
        Thread.sleep(10);
        assertTrue(waiter.isAlive(), "awaitFor returned while the predicate was false");
        locked(cond, () -> {
            ready[0] = true;
            cond.signal();
        });
        assertTrue(waiter.join());
    }

    @Test
    public void awaitForChecksPredicateFirstWithLockHeld() throws Exception {
        ConditionLike cond = newCondition();
        List<Boolean> othersCouldAcquire = new ArrayList<>();
        cond.acquire();
        try {
            assertTrue(cond.awaitFor(() -> {
                try {
                    othersCouldAcquire.add(otherThreadCanAcquire(cond));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return true;
            }));
            assertTrue(cond.awaitFor(() -> true, Duration.ZERO), "a true predicate must not need time");
            assertFalse(cond.awaitFor(() -> false, Duration.ZERO));
        } finally {
            cond.release();
        }
        assertEquals(List.of(false), othersCouldAcquire, "predicate evaluated once, with the lock held");
    }

    // ---- interrupts -------------------------------------------------------------------------------

    private static void awaitBy(String form, ConditionLike cond) throws InterruptedException {
        switch (form) {
            case "await" -> cond.await();
            case "await(Duration)" -> cond.await(PATIENCE);
            case "awaitFor" -> cond.awaitFor(() -> false);
            case "awaitFor(Duration)" -> cond.awaitFor(() -> false, PATIENCE);
            default -> throw new AssertionError(form);
        }
    }

    /**
     * A thread awaits on {@code cond} and is interrupted (before the call, or while parked); it must
     * get InterruptedException with the lock held again. Returns after checking that.
     */
    private void checkInterrupt(String form, boolean before) throws Exception {
        ConditionLike cond = newCondition();
        CountDownLatch caught = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            cond.acquire();
            try {
                if (before) {
                    Thread.currentThread().interrupt();
                }
                awaitBy(form, cond);
                return false;
            } catch (InterruptedException e) {
                caught.countDown();
                proceed.await();
                return true;
            } finally {
                cond.release(); // throws if await did not re-acquire
            }
        });
        try {
            if (!before) {
                waiter.awaitParked();
                waiter.interrupt();
            }
            assertTrue(caught.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "no InterruptedException");
            assertFalse(cond.acquire(false), "the lock was not held again after the interrupt");
        } finally {
            proceed.countDown();
        }
        assertTrue(waiter.join());
        assertTrue(otherThreadCanAcquire(cond));
    }

    @ParameterizedTest
    @ValueSource(strings = {"await", "await(Duration)", "awaitFor", "awaitFor(Duration)"})
    public void interruptWhileWaitingThrowsWithLockHeldAgain(String form) throws Exception {
        checkInterrupt(form, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"await", "await(Duration)", "awaitFor", "awaitFor(Duration)"})
    public void alreadyInterruptedThreadThrowsAtOnceWithLockHeld(String form) throws Exception {
        checkInterrupt(form, true);
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    public void badArgumentsAreRejected() throws Exception {
        ConditionLike cond = newCondition();
        Duration negative = Duration.ofMillis(-3);
        cond.acquire();
        try {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.await(negative)),
                    negative.toString());
            assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.awaitFor(() -> true, negative)),
                    negative.toString());
            assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.signal(-1)), "-1");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.signal(Integer.MIN_VALUE)),
                    String.valueOf(Integer.MIN_VALUE));
            assertThrows(NullPointerException.class, () -> cond.await(null));
            assertThrows(NullPointerException.class, () -> cond.awaitFor(null));
            assertThrows(NullPointerException.class, () -> cond.awaitFor(null, PATIENCE));
            assertThrows(NullPointerException.class, () -> cond.awaitFor(() -> true, null));
            assertFalse(otherThreadCanAcquire(cond), "a rejected call released the lock");
        } finally {
            cond.release();
        }
        assertTrue(otherThreadCanAcquire(cond));
    }

    // ---- use ------------------------------------------------------------------------------------

    @Test
    public void boundedBufferLosesNoWakeUp() throws Exception {
        // Two producers and two consumers through a buffer of two slots, one condition, signalAll.
        ConditionLike cond = newCondition();
        ArrayDeque<Integer> buffer = new ArrayDeque<>();
        int perProducer = 2_000;
        long[] consumedSum = {0};
        int[] consumedCount = {0};
        List<TestThreads.Task<Void>> all = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            all.add(threads.run(() -> {
                for (int i = 1; i <= perProducer; i++) {
                    try (Held held = cond.with()) {
                        assertTrue(cond.awaitFor(() -> buffer.size() < 2, PATIENCE), "producer starved");
                        buffer.add(i);
                        cond.signalAll();
                    }
                }
            }));
        }
        for (int c = 0; c < 2; c++) {
            all.add(threads.run(() -> {
                for (int i = 0; i < perProducer; i++) {
                    try (Held held = cond.with()) {
                        while (buffer.isEmpty()) {
                            assertTrue(cond.await(PATIENCE), "consumer starved");
                        }
                        consumedSum[0] += buffer.remove();
                        consumedCount[0]++;
                        cond.signalAll();
                    }
                }
            }));
        }
        TestThreads.joinAll(all);
        try (Held held = cond.with()) {
            assertEquals(2 * perProducer, consumedCount[0]);
            assertEquals(2L * perProducer * (perProducer + 1) / 2, consumedSum[0]);
            assertTrue(buffer.isEmpty());
        }
    }
}
