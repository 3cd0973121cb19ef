package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Timer}: Python's {@code threading.Timer} (fires once after the interval unless cancelled)
 * and the parts of {@code threading.Thread} it keeps (start once, join, isAlive, name, daemon).
 */
class TimerTest extends ThreadedTest {
    private final List<Timer> timers = new ArrayList<>();

    private Timer timer(Duration interval, Runnable function) {
        Timer t = new Timer(interval, function);
        synchronized (timers) {
            timers.add(t);
        }
        return t;
    }

    @AfterEach
    void stopTimers() throws InterruptedException {
        List<Timer> leftRunning = new ArrayList<>();
        synchronized (timers) {
            for (Timer t : timers) {
                t.cancel();
                if (t.isAlive() && !t.join(PATIENCE)) {
                    leftRunning.add(t);
                }
            }
        }
        assertTrue(leftRunning.isEmpty(), "timers that did not end: " + leftRunning);
    }

    @Test
    void firesOnceAfterTheInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        long[] firedAt = new long[1];
        Duration interval = Duration.ofMillis(150);
        Timer t = timer(interval, () -> {
            firedAt[0] = System.nanoTime();
            runs.incrementAndGet();
        });
        assertFalse(t.isAlive());
        assertFalse(t.fired());
        long start = System.nanoTime();
        t.start();
        assertTrue(t.join(PATIENCE), "the timer did not fire");
        assertEquals(1, runs.get());
        assertTrue(t.fired());
        assertFalse(t.isAlive());
        long waited = firedAt[0] - start;
        assertTrue(waited >= interval.minus(TestThreads.TIMING_SLACK).toNanos(),
                "fired after " + Duration.ofNanos(waited) + ", before its interval " + interval);
    }

    @Test
    void doesNotFireBeforeTheInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ofSeconds(30), runs::incrementAndGet);
        t.start();
        assertTrue(t.isAlive());
        assertFalse(t.join(SHORT), "join(Duration) returned true while the timer waits");
        assertEquals(0, runs.get());
        assertFalse(t.fired());
        t.cancel();
        assertTrue(t.join(PATIENCE), "cancel did not end the timer's thread");
        assertEquals(0, runs.get());
    }

    @Test
    void zeroIntervalFiresAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ZERO, runs::incrementAndGet);
        t.start();
        t.join();
        assertEquals(1, runs.get());
        assertTrue(t.fired());
    }

    @Test
    void cancelWhileWaitingMeansNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ofMillis(200), runs::incrementAndGet);
        t.start();
        t.cancel();
        t.join();
        assertFalse(t.isAlive());
        Thread.sleep(300); // past the interval
        assertEquals(0, runs.get(), "a cancelled timer ran its function");
        assertFalse(t.fired());
    }

    @Test
    void cancelBeforeStartMeansNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ZERO, runs::incrementAndGet);
        t.cancel();
        t.start();
        assertTrue(t.join(PATIENCE));
        assertEquals(0, runs.get(), "a timer cancelled before start ran its function");
        assertFalse(t.fired());
    }

    @Test
    void cancelAfterFiringHasNoEffect() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ofMillis(10), runs::incrementAndGet);
        t.start();
        t.join();
        t.cancel();
        t.cancel();
        assertEquals(1, runs.get());
        assertTrue(t.fired(), "cancel after firing changed fired()");
    }

    @Test
    void cancelWhileFunctionRunsDoesNotStopIt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        Timer t = timer(Duration.ZERO, () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            completed.incrementAndGet();
        });
        t.start();
        assertTrue(running.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        t.cancel();
        assertTrue(t.fired());
        assertTrue(t.isAlive());
        finish.countDown();
        t.join();
        assertEquals(1, completed.get());
    }

    @Test
    void cancelRacingTheIntervalRunsAtMostOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            runs.set(0);
            Timer t = timer(Duration.ofMillis(i % 3), runs::incrementAndGet);
            t.start();
            Thread.sleep(i % 2);
            t.cancel();
            t.join();
            assertEquals(t.fired() ? 1 : 0, runs.get(), "fired() disagrees with what ran, round " + i);
        }
    }

    @Test
    void interruptingTheTimersThreadCancelsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Timer t = timer(Duration.ofSeconds(30), runs::incrementAndGet);
        t.setName("timer-to-interrupt-" + System.nanoTime());
        t.start();
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(candidate -> candidate.getName().equals(t.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no thread named " + t.getName()));
        thread.interrupt();
        assertTrue(t.join(PATIENCE), "an interrupted timer kept waiting");
        assertEquals(0, runs.get());
        assertFalse(t.fired());
        t.cancel(); // no effect now
        assertFalse(t.fired());
    }

    @Test
    void startTwiceIsRefused() throws Exception {
        Timer t = timer(Duration.ofSeconds(30), () -> { });
        t.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, t::start);
        assertMentions(e, t.getName());
        t.cancel();
        t.join();
        assertThrows(IllegalStateException.class, t::start, "restarted after it ended");
    }

    @Test
    void joinBeforeStartIsRefused() {
        Timer t = timer(Duration.ZERO, () -> { });
        assertMentions(assertThrows(IllegalStateException.class, t::join), t.getName());
        assertMentions(assertThrows(IllegalStateException.class, () -> t.join(PATIENCE)), t.getName());
        assertFalse(t.isAlive());
    }

    @Test
    void joinWithTimeout() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        Timer t = timer(Duration.ZERO, () -> {
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertFalse(t.join(Duration.ZERO));
        long start = System.nanoTime();
        assertFalse(t.join(SHORT));
        TestThreads.assertWaitedAtLeast(SHORT, start);
        finish.countDown();
        assertTrue(t.join(PATIENCE));
        assertTrue(t.join(Duration.ZERO));
        t.join(); // again: returns at once
    }

    @Test
    void joinBadArguments() throws Exception {
        Timer t = timer(Duration.ZERO, () -> { });
        Duration negative = Duration.ofMillis(-1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> t.join(negative)), negative.toString());
        t.start();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> t.join(negative)), negative.toString());
        assertThrows(NullPointerException.class, () -> t.join(null));
        t.join();
    }

    @Test
    void joinIsInterruptible() throws Exception {
        Timer t = timer(Duration.ofSeconds(30), () -> { });
        t.start();
        TestThreads.Task<Void> joiner = threads.run(t::join);
        joiner.awaitParked();
        joiner.interrupt();
        joiner.joinThrows(InterruptedException.class);
        assertTrue(t.isAlive(), "interrupting a joiner stopped the timer");
        t.cancel();
        t.join();
    }

    @Test
    void constructorRejectsBadArguments() {
        Duration negative = Duration.ofSeconds(-2);
        Throwable e = assertThrows(IllegalArgumentException.class, () -> new Timer(negative, () -> { }));
        assertMentions(e, negative.toString());
        assertMentions(e, "interval");
        assertMentions(assertThrows(NullPointerException.class, () -> new Timer(null, () -> { })), "interval");
        assertThrows(NullPointerException.class, () -> new Timer(Duration.ZERO, null));
    }

    @Test
    void joiningFromTheTimersOwnThreadIsAnError() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Timer[] self = new Timer[1];
        Timer t = timer(Duration.ZERO, () -> {
            try {
                self[0].join();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        self[0] = t;
        t.start();
        assertTrue(t.join(PATIENCE), "the timer joined itself and hung");
        assertTrue(thrown.get() instanceof IllegalStateException, () -> "got " + thrown.get());
        assertMentions(thrown.get(), "own thread");
    }

    @Test
    void daemonIsInheritedFromTheCreatingThread() throws Exception {
        AtomicReference<Timer> fromDaemon = new AtomicReference<>();
        AtomicReference<Timer> fromNonDaemon = new AtomicReference<>();
        threads.run(() -> fromDaemon.set(new Timer(Duration.ZERO, () -> { }))).join();
        threads.runNonDaemon(() -> fromNonDaemon.set(new Timer(Duration.ZERO, () -> { }))).join();
        assertTrue(fromDaemon.get().isDaemon(), "created by a daemon thread");
        assertFalse(fromNonDaemon.get().isDaemon(), "created by a non-daemon thread");

        // And the timer's thread really has that flag.
        AtomicReference<Boolean> ranAsDaemon = new AtomicReference<>();
        Timer t = timer(Duration.ZERO, () -> ranAsDaemon.set(Thread.currentThread().isDaemon()));
        boolean expected = !t.isDaemon();
        t.setDaemon(expected);
        assertEquals(expected, t.isDaemon());
        t.start();
        t.join();
        assertEquals(expected, ranAsDaemon.get());
    }

    @Test
    void nameIsTheThreadName() throws Exception {
        Timer a = timer(Duration.ZERO, () -> { });
        Timer b = timer(Duration.ZERO, () -> { });
        assertTrue(a.getName().startsWith("Timer-"), a.getName());
        assertNotEquals(a.getName(), b.getName());
        AtomicReference<String> ranIn = new AtomicReference<>();
        Timer t = timer(Duration.ZERO, () -> ranIn.set(Thread.currentThread().getName()));
        t.setName("my-timer");
        assertEquals("my-timer", t.getName());
        t.start();
        t.join();
        assertEquals("my-timer", ranIn.get());
        assertThrows(NullPointerException.class, () -> a.setName(null));
    }

    @Test
    void settersAfterStartAreRefused() throws Exception {
        Timer t = timer(Duration.ofSeconds(30), () -> { });
        t.start();
        assertMentions(assertThrows(IllegalStateException.class, () -> t.setDaemon(true)), t.getName());
        assertMentions(assertThrows(IllegalStateException.class, () -> t.setName("x")), t.getName());
        assertMentions(assertThrows(IllegalStateException.class, () -> t.setName("x")), "name");
        t.cancel();
        t.join();
        assertThrows(IllegalStateException.class, () -> t.setDaemon(false));
    }

    @Test
    void isAliveFollowsTheThread() throws Exception {
        Timer t = timer(Duration.ofSeconds(30), () -> { });
        assertFalse(t.isAlive());
        t.start();
        assertTrue(t.isAlive());
        settle();
        assertTrue(t.isAlive());
        t.cancel();
        t.join();
        assertFalse(t.isAlive());
    }

    @Test
    void exceptionGoesToTheUncaughtExceptionHandler() throws Exception {
        RuntimeException boom = new RuntimeException("boom");
        AtomicReference<Throwable> handled = new AtomicReference<>();
        Timer t = timer(Duration.ZERO, () -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> handled.set(e));
            throw boom;
        });
        t.start();
        t.join();
        assertSame(boom, handled.get(), "the function's exception was swallowed");
        assertTrue(t.fired());
    }

    @Test
    void functionSeesWritesBeforeStartAndJoinSeesItsWrites() throws Exception {
        int[] box = {0};
        box[0] = 1;
        Timer t = timer(Duration.ZERO, () -> box[0] = box[0] * 10 + 2);
        t.start();
        t.join();
        assertEquals(12, box[0]);
    }
}
