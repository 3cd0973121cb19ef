package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bounded semaphore: CPython's {@code BoundedSemaphoreTests}. A release that would take the value
 * past the initial one is an error (Python: ValueError) and changes nothing. Holds for
 * {@link BoundedSemaphore} and multiprocessing's {@code BoundedSemaphore}.
 */
public abstract class BoundedSemaphoreContract extends BaseSemaphoreContract {

    @Test
    public void releaseUnacquiredThrows() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sem::release);
        assertNotNull(e.getMessage());
        assertEquals(1, sem.value(), "a refused release changed the value");
        sem.acquire();
        sem.release();
        assertThrows(IllegalArgumentException.class, sem::release);
        assertEquals(1, sem.value());
    }

    @Test
    public void defaultSemaphoreIsBoundedAtOne() {
        SemaphoreLike sem = newSemaphore();
        assertThrows(IllegalArgumentException.class, sem::release);
        assertEquals(1, sem.value());
    }

    @Test
    public void zeroBoundRefusesEveryRelease() {
        SemaphoreLike sem = newSemaphore(0);
        assertThrows(IllegalArgumentException.class, sem::release);
        assertThrows(IllegalArgumentException.class, () -> sem.release(1));
        assertEquals(0, sem.value());
    }

    @Test
    public void releaseNPastBoundReleasesNothing() throws Exception {
        SemaphoreLike sem = newSemaphore(3);
        sem.acquire();
        sem.acquire();
        assertEquals(1, sem.value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sem.release(3));
        assertNotNull(e.getMessage());
        assertEquals(1, sem.value(), "an over-release released part of its permits");
        sem.release(2);
        assertEquals(3, sem.value());
        assertThrows(IllegalArgumentException.class, () -> sem.release(Integer.MAX_VALUE));
        assertEquals(3, sem.value());
    }

    @Test
    public void racingOverReleasesCannotAllGetThrough() throws Exception {
        int bound = 5;
        SemaphoreLike sem = newSemaphore(bound);
        for (int i = 0; i < bound; i++) {
            sem.acquire();
        }
        int n = 12;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<TestThreads.Task<Void>> releasers = threads.runMany(n, i -> {
            go.await();
            try {
                sem.release();
                ok.incrementAndGet();
            } catch (IllegalArgumentException e) {
                refused.incrementAndGet();
            }
        });
        go.countDown();
        TestThreads.joinAll(releasers);
        assertEquals(bound, ok.get(), "releases that succeeded");
        assertEquals(n - bound, refused.get(), "releases that were refused");
        assertEquals(bound, sem.value());
    }

    @Test
    public void waiterWokenByReleaseWithinBound() throws Exception {
        SemaphoreLike sem = newSemaphore(1);
        sem.acquire();
        TestThreads.Task<Void> waiter = threads.run(() -> {
            sem.acquire();
            sem.release();
        });
        waiter.awaitParked();
        sem.release();
        waiter.join();
        assertEquals(1, sem.value());
        assertTrue(sem.acquire(false));
        sem.release();
    }
}
