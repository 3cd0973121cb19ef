package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.pyconcurrent.threading.Acquirable;
import org.pyconcurrent.threading.BarrierContract;
import org.pyconcurrent.threading.BaseLockContract;
import org.pyconcurrent.threading.BaseSemaphoreContract;
import org.pyconcurrent.threading.BoundedSemaphoreContract;
import org.pyconcurrent.threading.ConditionContract;
import org.pyconcurrent.threading.EventContract;
import org.pyconcurrent.threading.Held;
import org.pyconcurrent.threading.LockContract;
import org.pyconcurrent.threading.RLockContract;
import org.pyconcurrent.threading.SemaphoreContract;

/**
 * The threading contracts over the multiprocessing primitives, between threads of this one JVM:
 * threads of one process must see exactly {@code org.pyconcurrent.threading}'s semantics. What
 * happens across processes is {@link SharedAcrossProcessesTest}'s.
 */
class SharedContractTest {

    // ---------------------------------------------------------------- adapters

    static BaseSemaphoreContract.SemaphoreLike adapt(Semaphore sem) {
        return new BaseSemaphoreContract.SemaphoreLike() {
            @Override
            public void acquire() throws InterruptedException {
                sem.acquire();
            }

            @Override
            public boolean acquire(boolean blocking) throws InterruptedException {
                return sem.acquire(blocking);
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return sem.acquire(timeout);
            }

            @Override
            public boolean acquire(boolean blocking, Duration timeout) throws InterruptedException {
                return sem.acquire(blocking, timeout);
            }

            @Override
            public Held with() throws InterruptedException {
                return sem.with();
            }

            @Override
            public void release() {
                sem.release();
            }

            @Override
            public void release(int n) {
                sem.release(n);
            }

            @Override
            public int value() {
                return sem.getValue();
            }
        };
    }

    static EventContract.EventLike adapt(Event event) {
        return new EventContract.EventLike() {
            @Override
            public void set() {
                event.set();
            }

            @Override
            public void clear() {
                event.clear();
            }

            @Override
            public boolean isSet() {
                return event.isSet();
            }

            @Override
            public void await() throws InterruptedException {
                event.await();
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return event.await(timeout);
            }
        };
    }

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

    /**
     * multiprocessing's {@code abort()} and {@code reset()} take the barrier's lock interruptibly;
     * the contract never interrupts them, so an interrupt there is a test failure.
     */
    static BarrierContract.BarrierLike adapt(Barrier barrier) {
        return new BarrierContract.BarrierLike() {
            @Override
            public int await() throws InterruptedException {
                return barrier.await();
            }

            @Override
            public int await(Duration timeout) throws InterruptedException {
                return barrier.await(timeout);
            }

            @Override
            public int parties() {
                return barrier.parties();
            }

            @Override
            public int nWaiting() {
                return barrier.nWaiting();
            }

            @Override
            public boolean broken() {
                return barrier.broken();
            }

            @Override
            public void abort() {
                try {
                    barrier.abort();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("abort() interrupted", e);
                }
            }

            @Override
            public void reset() {
                try {
                    barrier.reset();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("reset() interrupted", e);
                }
            }
        };
    }

    // ---------------------------------------------------------------- locks

    @Nested
    class LockIsALock extends LockContract {
        @Override
        protected Acquirable newLock() {
            return new Lock();
        }
    }

    @Nested
    class RLockIsAnRLock extends RLockContract {
        @Override
        protected Acquirable newLock() {
            return new RLock();
        }
    }

    // ---------------------------------------------------------------- semaphores

    @Nested
    class SemaphoreIsASemaphore extends SemaphoreContract {
        @Override
        protected SemaphoreLike newSemaphore() {
            return adapt(new Semaphore());
        }

        @Override
        protected SemaphoreLike newSemaphore(int value) {
            return adapt(new Semaphore(value));
        }
    }

    @Nested
    class BoundedSemaphoreIsABoundedSemaphore extends BoundedSemaphoreContract {
        @Override
        protected SemaphoreLike newSemaphore() {
            return adapt(new BoundedSemaphore());
        }

        @Override
        protected SemaphoreLike newSemaphore(int value) {
            return adapt(new BoundedSemaphore(value));
        }
    }

    /** A semaphore of value 1 is a lock. */
    @Nested
    class SemaphoreOfOneIsALock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return new Semaphore(1);
        }
    }

    @Nested
    class BoundedSemaphoreOfOneIsALock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return new BoundedSemaphore(1);
        }
    }

    // ---------------------------------------------------------------- event

    @Nested
    class EventIsAnEvent extends EventContract {
        @Override
        protected EventLike newEvent() {
            return adapt(new Event());
        }
    }

    // ---------------------------------------------------------------- condition

    @Nested
    class ConditionOverDefaultRLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition());
        }
    }

    @Nested
    class ConditionOverLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition(new Lock()));
        }
    }

    @Nested
    class ConditionOverRLock extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(new Condition(new RLock()));
        }
    }

    /** {@code with cond:} and {@code cond.acquire()} are the default RLock's. */
    @Nested
    class ConditionAsDefaultRLock extends RLockContract {
        @Override
        protected Acquirable newLock() {
            return new Condition();
        }
    }

    @Nested
    class ConditionAsLock extends LockContract {
        @Override
        protected Acquirable newLock() {
            return new Condition(new Lock());
        }
    }

    // ---------------------------------------------------------------- barrier

    @Nested
    class BarrierIsABarrier extends BarrierContract {
        @Override
        protected BarrierLike newBarrier(int parties, Runnable action, Duration timeout) {
            return adapt(new Barrier(parties, action == null ? null : action::run, timeout));
        }
    }
}
