package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedSemaphore}: the {@link BoundedSemaphoreContract}, the {@link BaseLockContract} for a
 * bounded semaphore of value 1, and the messages of refused releases.
 */
class BoundedSemaphoreTest extends BoundedSemaphoreContract {

    @Override
    protected SemaphoreLike newSemaphore() {
        return SemaphoreTest.adapt(new BoundedSemaphore());
    }

    @Override
    protected SemaphoreLike newSemaphore(int value) {
        return SemaphoreTest.adapt(new BoundedSemaphore(value));
    }

    /** A bounded semaphore of value 1 is a lock. */
    @Nested
    class AsLock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return new BoundedSemaphore(1);
        }
    }

    @Test
    void isASemaphore() {
        assertInstanceOf(Semaphore.class, new BoundedSemaphore(2));
    }

    @Test
    void overReleaseMessageNamesValueAndBound() throws Exception {
        BoundedSemaphore sem = new BoundedSemaphore(4);
        sem.acquire();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sem.release(2));
        BaseLockContract.assertMentions(e, "released too many times");
        BaseLockContract.assertMentions(e, "3"); // the value
        BaseLockContract.assertMentions(e, "4"); // the bound
        assertEquals(3, sem.value());
        sem.release();
        e = assertThrows(IllegalArgumentException.class, sem::release);
        BaseLockContract.assertMentions(e, "4");
        assertEquals(4, sem.value());
    }

    @Test
    void negativeValueMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-3));
        BaseLockContract.assertMentions(e, "-3");
    }

    @Test
    void toStringShowsClassAndValue() {
        assertEquals("<BoundedSemaphore value=2>", new BoundedSemaphore(2).toString());
    }
}
