package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Condition}: the {@link ConditionContract} over its default RLock, over a {@link Lock} and
 * over an {@link RLock}; the condition as the lock it wraps ({@link RLockContract},
 * {@link LockContract}); and what is specific to an RLock underneath (every recursion level is
 * released by await and restored after it).
 */
class ConditionTest extends ThreadedTest {

    static ConditionContract.ConditionLike adapt(Condition cond) {
        return new ConditionContract.ConditionLike() {
            @Override
            public void acquire() throws InterruptedException {
                cond.acquire();
            }

            @Override
            public boolean acquire(boolean blocking) throws InterruptedException {
                return cond.acquire(blocking);
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return cond.acquire(timeout);
            }

            @Override
            public boolean acquire(boolean blocking, Duration timeout) throws InterruptedException {
                return cond.acquire(blocking, timeout);
            }

            @Override
            public Held with() throws InterruptedException {
                return cond.with();
            }

            @Override
            public void release() {
                cond.release();
            }

            @Override
            public void await() throws InterruptedException {
                cond.await();
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return cond.await(timeout);
            }

            @Override
            public boolean awaitFor(BooleanSupplier predicate) throws InterruptedException {
                return cond.awaitFor(predicate);
            }

            @Override
            public boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
                return cond.awaitFor(predicate, timeout);
            }

            @Override
            public void signal() {
                cond.signal();
            }

            @Override
            public void signal(int n) {
                cond.signal(n);
            }

            @Override
            public void signalAll() {
                cond.signalAll();
            }
        };
    }

    @Nested
    class OverDefaultRLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition());
        }
    }

    @Nested
    class OverLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition(new Lock()));
        }
    }

    @Nested
    class OverRLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition(new RLock()));
        }
    }

    /** {@code with cond:} and {@code cond.acquire()} are the default RLock's. */
    @Nested
    class AsDefaultRLock extends RLockContract {
        @Override
        protected Acquirable newLock() {
            return new Condition();
        }
    }

    @Nested
    class AsLock extends LockContract {
        @Override
        protected Acquirable newLock() {
            return new Condition(new Lock());
        }
    }

    // ---- the condition and its lock -----------------------------------------------------------

    @Test
    void acquiringTheConditionAcquiresItsLock() throws Exception {
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        cond.acquire();
        assertTrue(lock.locked());
        cond.release();
        assertFalse(lock.locked());
        lock.acquire(); // holding the lock directly counts for the condition
        cond.signalAll();
        assertFalse(cond.await(Duration.ZERO));
        assertTrue(lock.locked(), "await(ZERO) did not re-acquire the lock");
        lock.release();

        RLock rlock = new RLock();
        Condition rcond = new Condition(rlock);
        try (Held held = rcond.with()) {
            assertTrue(rlock.isOwned());
            assertEquals(1, rlock.holdCount());
        }
        assertFalse(rlock.locked());
    }

    @Test
    void twoConditionsOnOneLockAreIndependent() throws Exception {
        RLock lock = new RLock();
        Condition notEmpty = new Condition(lock);
        Condition notFull = new Condition(lock);
        int[] woke = {0};
        CountDownLatch waiting = new CountDownLatch(1);
        TestThreads.Task<Boolean> waiter = threads.call(() -> {
            lock.acquire();
            try {
                waiting.countDown();
                boolean signalled = notEmpty.await(PATIENCE);
                woke[0]++;
                return signalled;
            } finally {
                lock.release();
            }
        });
        assertTrue(waiting.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        waiter.awaitParked();
        lock.acquire();
        try {
            notFull.signalAll();
        } finally {
            lock.release();
        }
        settle();
        assertTrue(waiter.isAlive(), "a signal on another condition of the same lock woke the waiter");
        lock.acquire();
        try {
            notEmpty.signal();
        } finally {
            lock.release();
        }
        assertTrue(waiter.join());
    }

    // ---- RLock underneath: await releases every level and restores them ------------------------

    @ParameterizedTest
    @ValueSource(strings = {"await", "await(Duration)", "awaitFor", "awaitFor(Duration)"})
    void awaitReleasesEveryRecursionLevelAndRestoresThem(String form) throws Exception {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        boolean[] go = {false};
        CountDownLatch waiting = new CountDownLatch(1);
        TestThreads.Task<int[]> waiter = threads.call(() -> {
            lock.acquire();
            lock.acquire();
            cond.acquire();
            try {
                waiting.countDown();
                switch (form) {
                    case "await" -> cond.await();
                    case "await(Duration)" -> assertTrue(cond.await(PATIENCE));
                    case "awaitFor" -> cond.awaitFor(() -> go[0]);
                    default -> assertTrue(cond.awaitFor(() -> go[0], PATIENCE));
                }
                return new int[] {lock.holdCount(), lock.isOwned() ? 1 : 0};
            } finally {
                cond.release();
                lock.release();
                lock.release();
            }
        });
        assertTrue(waiting.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        waiter.awaitParked();
        // All three levels were released: we can take the lock.
        assertTrue(lock.acquire(PATIENCE), "await did not release every recursion level");
        try {
            assertEquals(1, lock.holdCount());
            go[0] = true;
            cond.signal();
        } finally {
            lock.release();
        }
        int[] after = waiter.join();
        assertEquals(3, after[0], "holdCount after await");
        assertEquals(1, after[1], "ownership after await");
        assertFalse(lock.locked(), "three releases after await did not free the lock");
    }

    @Test
    void timedOutAwaitRestoresHoldCount() throws Exception {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        lock.acquire();
        lock.acquire();
        try {
            assertFalse(cond.await(SHORT));
            assertEquals(2, lock.holdCount());
            assertFalse(cond.awaitFor(() -> false, Duration.ofMillis(10)));
            assertEquals(2, lock.holdCount());
        } finally {
            lock.release();
            lock.release();
        }
        assertFalse(lock.locked());
    }

    @Test
    void interruptedAwaitRestoresHoldCount() throws Exception {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        TestThreads.Task<Integer> waiter = threads.call(() -> {
            lock.acquire();
            lock.acquire();
            try {
                cond.await();
                return -1;
            } catch (InterruptedException e) {
                return lock.holdCount();
            } finally {
                lock.release();
                lock.release();
            }
        });
        waiter.awaitParked();
        waiter.interrupt();
        assertEquals(2, waiter.join());
        assertFalse(lock.locked());
    }

    // ---- messages and bad input --------------------------------------------------------------

    @Test
    void unacquiredMessageNamesOperationAndThread() {
        Condition cond = new Condition();
        String me = Thread.currentThread().getName();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, cond::await);
        assertMentions(e, "await");
        assertMentions(e, "un-acquired");
        assertMentions(e, me);
        e = assertThrows(IllegalMonitorStateException.class, () -> cond.awaitFor(() -> true));
        assertMentions(e, "awaitFor");
        e = assertThrows(IllegalMonitorStateException.class, cond::signal);
        assertMentions(e, "signal");
        assertMentions(e, me);
        e = assertThrows(IllegalMonitorStateException.class, cond::signalAll);
        assertMentions(e, "signalAll");
    }

    @Test
    void conditionOverLockHeldByAnotherThreadRefuses() throws Exception {
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        lock.acquire();
        try {
            threads.run(() -> {
                assertThrows(IllegalMonitorStateException.class, cond::signal);
                assertThrows(IllegalMonitorStateException.class, () -> cond.await(Duration.ZERO));
            }).join();
        } finally {
            lock.release();
        }
    }

    @Test
    void nullLockIsRejected() {
        assertThrows(NullPointerException.class, () -> new Condition((Lock) null));
        assertThrows(NullPointerException.class, () -> new Condition((RLock) null));
    }

    @Test
    void signalNegativeMessage() throws Exception {
        Condition cond = new Condition();
        // Rejected whether or not the lock is held.
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.signal(-7)), "-7");
        try (Held held = cond.with()) {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> cond.signal(-7)), "-7");
        }
    }

    @Test
    void toStringShowsLock() {
        assertEquals("<Condition(<Lock unlocked>)>", new Condition(new Lock()).toString());
    }
}
