package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An unbounded semaphore: CPython's {@code SemaphoreTests}. Releasing more than was acquired is
 * allowed and raises the value past the initial one. Holds for {@link Semaphore} and
 * multiprocessing's {@code Semaphore}.
 */
public abstract class SemaphoreContract extends BaseSemaphoreContract {

    @Test
    public void releaseUnacquiredRaisesValue() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        sem.release();
        assertEquals(2, sem.value());
        sem.acquire();
        sem.acquire();
        assertFalse(sem.acquire(false));
        sem.release();
        sem.release();
        sem.release();
        assertEquals(3, sem.value());
    }

    @Test
    public void releaseNPastInitialValue() throws Exception {
        SemaphoreLike sem = newSemaphore(0);
        assertFalse(sem.acquire(false));
        sem.release(5);
        assertEquals(5, sem.value());
        for (int i = 0; i < 5; i++) {
            assertTrue(sem.acquire(false));
        }
        assertFalse(sem.acquire(false));
    }

    @Test
    public void zeroValueSemaphoreBlocksUntilReleased() throws Exception {
        SemaphoreLike sem = newSemaphore(0);
        TestThreads.Task<Void> waiter = threads.run(sem::acquire);
        waiter.awaitParked();
        TestThreads.settle();
        assertTrue(waiter.isAlive());
        sem.release();
        waiter.join();
        assertEquals(0, sem.value());
    }
}
