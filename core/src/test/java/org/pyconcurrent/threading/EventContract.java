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
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an event does: CPython's {@code EventTests}. Holds for {@link Event} and multiprocessing's
 * {@code Event}. Extend it, implement {@link #newEvent()} and adapt the type to {@link EventLike}.
 */
public abstract class EventContract extends ThreadedTest {

    /** The event API the contract uses (Python's {@code wait} is {@code await}). */
    public interface EventLike {
        void set();

        void clear();

        boolean isSet();

        void await() throws InterruptedException;

        boolean await(Duration timeout) throws InterruptedException;
    }

    /** A new event whose flag is down. */
    protected abstract EventLike newEvent();

    /** Starts {@code n} waiters, alternately untimed and with a long timeout; each returns its result. */
    private List<TestThreads.Task<Boolean>> startWaiters(EventLike event, int n) {
        List<TestThreads.Task<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean timed = i % 2 == 1;
            waiters.add(threads.call(() -> {
                if (timed) {
                    return event.await(PATIENCE);
                }
                event.await();
                return true;
            }));
        }
        return waiters;
    }

    @Test
    public void isSet() {
        // CPython's test_is_set.
        EventLike event = newEvent();
        assertFalse(event.isSet());
        event.set();
        assertTrue(event.isSet());
        event.set();
        assertTrue(event.isSet());
        event.clear();
        assertFalse(event.isSet());
        event.clear();
        assertFalse(event.isSet());
    }

    @Test
    public void awaitReturnsAtOnceWhileSet() throws Exception {
        EventLike event = newEvent();
        event.set();
        event.await();
        assertTrue(event.await(Duration.ZERO));
        assertTrue(event.await(PATIENCE));
        assertTrue(threads.call(() -> {
            event.await();
            return event.await(Duration.ZERO);
        }).join());
        assertTrue(event.isSet(), "await changed the flag");
    }

    @Test
    public void awaitTimesOutWhileClear() throws Exception {
        // CPython's test_timeout.
        EventLike event = newEvent();
        assertFalse(event.await(Duration.ZERO));
        long start = System.nanoTime();
        assertFalse(event.await(SHORT), "await returned true on an event never set");
        assertWaitedAtLeast(SHORT, start);
        List<TestThreads.Task<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(threads.call(() -> {
                long t0 = System.nanoTime();
                boolean result = event.await(SHORT);
                assertWaitedAtLeast(SHORT, t0);
                return result;
            }));
        }
        assertEquals(List.of(false, false, false), TestThreads.joinAll(waiters));
        event.set();
        assertTrue(event.await(SHORT));
    }

    @Test
    public void setWakesEveryWaiter() throws Exception {
        // CPython's test_notify / _check_notify.
        EventLike event = newEvent();
        List<TestThreads.Task<Boolean>> waiters = startWaiters(event, 6);
        awaitAllParked(waiters);
        settle();
        for (TestThreads.Task<Boolean> w : waiters) {
            assertTrue(w.isAlive(), "a waiter returned before set()");
        }
        event.set();
        assertEquals(List.of(true, true, true, true, true, true), TestThreads.joinAll(waiters));
        // Once set, waiting does not block; after clear, it does again.
        assertEquals(List.of(true, true), TestThreads.joinAll(startWaiters(event, 2)));
        event.clear();
        assertFalse(event.await(Duration.ofMillis(20)));
    }

    @Test
    public void setThenClearWakesEveryoneWaitingAtThatMoment() throws Exception {
        // CPython's test_set_and_clear: wait() returns True for everyone waiting during set(),
        // even though the flag is already down again when they run.
        EventLike event = newEvent();
        List<TestThreads.Task<Boolean>> waiters = startWaiters(event, 6);
        awaitAllParked(waiters);
        event.set();
        event.clear();
        assertEquals(List.of(true, true, true, true, true, true), TestThreads.joinAll(waiters));
        assertFalse(event.isSet());
        assertFalse(event.await(Duration.ZERO));
    }

    @Test
    public void setThenClearRepeatedly() throws Exception {
        EventLike event = newEvent();
        for (int round = 0; round < 20; round++) {
            List<TestThreads.Task<Boolean>> waiters = startWaiters(event, 3);
            awaitAllParked(waiters);
            event.set();
            event.clear();
            assertEquals(List.of(true, true, true), TestThreads.joinAll(waiters), "round " + round);
        }
    }

    @Test
    public void clearWakesNobody() throws Exception {
        EventLike event = newEvent();
        List<TestThreads.Task<Boolean>> waiters = startWaiters(event, 2);
        awaitAllParked(waiters);
        event.clear();
        settle();
        for (TestThreads.Task<Boolean> w : waiters) {
            assertTrue(w.isAlive(), "clear() woke a waiter");
        }
        event.set();
        assertEquals(List.of(true, true), TestThreads.joinAll(waiters));
    }

    @Test
    public void timedWaiterSetInTime() throws Exception {
        EventLike event = newEvent();
        TestThreads.Task<Boolean> waiter = threads.call(() -> event.await(Duration.ofSeconds(Long.MAX_VALUE)));
        waiter.awaitParked();
        settle();
        assertTrue(waiter.isAlive(), "await with the maximal timeout returned early");
        event.set();
        assertTrue(waiter.join());
    }

    @Test
    public void pingPongLosesNoWakeUp() throws Exception {
        EventLike ping = newEvent();
        EventLike pong = newEvent();
        int rounds = 2_000;
        TestThreads.Task<Void> other = threads.run(() -> {
            for (int i = 0; i < rounds; i++) {
                ping.await();
                ping.clear();
                pong.set();
            }
        });
        for (int i = 0; i < rounds; i++) {
            ping.set();
            assertTrue(pong.await(PATIENCE), "lost wake-up in round " + i);
            pong.clear();
        }
        other.join();
    }

    @Test
    public void setPublishesEarlierWrites() throws Exception {
        EventLike event = newEvent();
        int[] data = new int[1];
        TestThreads.Task<Integer> reader = threads.call(() -> {
            event.await();
            return data[0];
        });
        reader.awaitParked();
        data[0] = 42;
        event.set();
        assertEquals(42, reader.join());
    }

    @Test
    public void interruptWhileWaiting() throws Exception {
        EventLike event = newEvent();
        TestThreads.Task<Void> untimed = threads.run(event::await);
        TestThreads.Task<Boolean> timed = threads.call(() -> event.await(PATIENCE));
        untimed.awaitParked();
        timed.awaitParked();
        untimed.interrupt();
        timed.interrupt();
        untimed.joinThrows(InterruptedException.class);
        timed.joinThrows(InterruptedException.class);
        assertFalse(event.isSet(), "an interrupt changed the flag");
    }

    @Test
    public void alreadyInterruptedThreadThrowsAtOnceWhileClear() throws Exception {
        EventLike event = newEvent();
        threads.run(() -> {
            Thread.currentThread().interrupt();
            event.await();
        }).joinThrows(InterruptedException.class);
        threads.call(() -> {
            Thread.currentThread().interrupt();
            return event.await(PATIENCE);
        }).joinThrows(InterruptedException.class);
    }

    @Test
    public void negativeAndNullTimeoutsAreRejected() {
        EventLike event = newEvent();
        Duration negative = Duration.ofMillis(-250);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> event.await(negative)), negative.toString());
        event.set();
        // also when the flag is up: the argument is wrong whatever the state
        assertMentions(assertThrows(IllegalArgumentException.class, () -> event.await(negative)), negative.toString());
        assertThrows(NullPointerException.class, () -> event.await(null));
    }
}
