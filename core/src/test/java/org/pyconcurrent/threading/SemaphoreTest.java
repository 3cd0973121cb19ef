package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Semaphore}: the {@link SemaphoreContract}, the {@link BaseLockContract} for a semaphore of
 * value 1, overflow and {@code toString}.
 */
class SemaphoreTest extends SemaphoreContract {

    static SemaphoreLike adapt(Semaphore sem) {
        return new SemaphoreLike() {
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
                return sem.value();
            }
        };
    }

    @Override
    protected SemaphoreLike newSemaphore() {
        return adapt(new Semaphore());
    }

    @Override
    protected SemaphoreLike newSemaphore(int value) {
        return adapt(new Semaphore(value));
    }

    /** A semaphore of value 1 is a lock. */
    @Nested
    class AsLock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return new Semaphore(1);
        }
    }

    @Test
    void releasePastIntMaxIsRefusedAndNamesTheValues() {
        Semaphore sem = new Semaphore(Integer.MAX_VALUE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sem::release);
        BaseLockContract.assertMentions(e, String.valueOf(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, sem.value());
        Semaphore half = new Semaphore(Integer.MAX_VALUE - 1);
        e = assertThrows(IllegalArgumentException.class, () -> half.release(2));
        BaseLockContract.assertMentions(e, String.valueOf(Integer.MAX_VALUE - 1));
        assertEquals(Integer.MAX_VALUE - 1, half.value());
        half.release(1);
        assertEquals(Integer.MAX_VALUE, half.value());
    }

    @Test
    void negativeValueMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-5));
        BaseLockContract.assertMentions(e, "-5");
    }

    @Test
    void toStringShowsValue() throws Exception {
        Semaphore sem = new Semaphore(3);
        assertEquals("<Semaphore value=3>", sem.toString());
        sem.acquire();
        assertEquals("<Semaphore value=2>", sem.toString());
    }
}
