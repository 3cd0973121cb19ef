package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link Lock}: the {@link LockContract} plus {@code locked()}, messages and {@code toString}. */
class LockTest extends LockContract {

    @Override
    protected Acquirable newLock() {
        return new Lock();
    }

    @Test
    void lockedReflectsState() throws Exception {
        Lock lock = new Lock();
        assertFalse(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        assertTrue(threads.call(lock::locked).join(), "locked() is a global state, not per thread");
        lock.release();
        assertFalse(lock.locked());
        assertTrue(lock.acquire(false));
        assertTrue(lock.locked());
        threads.run(lock::release).join();
        assertFalse(lock.locked());
    }

    @Test
    void lockedWhileOtherThreadHolds() throws Exception {
        Lock lock = new Lock();
        CountDownLatch release = new CountDownLatch(1);
        TestThreads.Task<Void> holder = holdInOtherThread(lock, release);
        try {
            assertTrue(lock.locked());
        } finally {
            release.countDown();
        }
        holder.join();
        assertFalse(lock.locked());
    }

    @Test
    void releaseUnlockedMessage() {
        Lock lock = new Lock();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, lock::release);
        assertMentions(e, "unlocked");
        assertFalse(lock.locked(), "a failed release changed the state");
    }

    @Test
    void timedOutAcquireLeavesStateUnchanged() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        assertFalse(threads.call(() -> lock.acquire(TestThreads.SHORT)).join());
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void toStringShowsState() throws Exception {
        Lock lock = new Lock();
        assertEquals("<Lock unlocked>", lock.toString());
        lock.acquire();
        assertEquals("<Lock locked>", lock.toString());
        lock.release();
    }
}
