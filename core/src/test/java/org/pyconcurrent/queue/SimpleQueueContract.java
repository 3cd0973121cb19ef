package org.pyconcurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.queue.QueueChecks.assertWaitedAtMost;
import static org.pyconcurrent.queue.QueueChecks.range;
import static org.pyconcurrent.queue.QueueChecks.sorted;
import static org.pyconcurrent.queue.QueueChecks.startBlocked;
import static org.pyconcurrent.queue.QueueChecks.takeAll;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitAllParked;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * What every queue does, {@code SimpleQueue} included: CPython's {@code BaseSimpleQueueTest} and
 * the unbounded half of {@code BaseQueueTestMixin}, in the style of JCTools' QueueSanityTest. The
 * queue's kind (FIFO, LIFO, priority) comes from {@link TestSimpleQueue#order()}; every check of an
 * order goes through that model. Items are Integers, and {@code null} is Python's {@code None}.
 *
 * <p>Extend it and implement {@link #newSimpleQueue()}; {@link QueueContract} extends it for the
 * queues with bounds, tasks and shutdown.
 */
public abstract class SimpleQueueContract extends ThreadedTest {

    /** A new, empty, unbounded queue. */
    protected abstract TestSimpleQueue<Integer> newSimpleQueue();

    // ---- order and size -------------------------------------------------------------------------

    @Test
    public void basicOrder() throws Exception {
        // CPython's basic_queue_test: put 111, 333, 222; the target order depends on the class.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
        q.put(111);
        q.put(333);
        q.put(222);
        assertEquals(3, q.qsize());
        assertFalse(q.empty());
        List<Integer> target = switch (q.order()) {
            case FIFO -> List.of(111, 333, 222);
            case LIFO -> List.of(222, 333, 111);
            case PRIORITY -> List.of(111, 222, 333);
        };
        assertEquals(target, List.of(q.get(), q.get(), q.get()), "Didn't seem to queue the correct data!");
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    @Test
    public void orderOfManyItemsWithDuplicates() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        Random random = new Random(42);
        for (int round = 0; round < 2; round++) {
            List<Integer> puts = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Integer item = random.nextInt(100);
                puts.add(item);
                if (i % 2 == 0) {
                    q.put(item);
                } else {
                    q.putNowait(item);
                }
                assertEquals(i + 1, q.qsize());
            }
            assertEquals(q.order().expected(puts), takeAll(q), "round " + round);
            assertTrue(q.empty());
        }
    }

    @Test
    public void interleavedPutsAndGetsFollowTheModel() throws Exception {
        // A single-threaded sanity run against a list model: qsize, empty and every item exact.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        List<Integer> model = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 3_000; step++) {
            int op = random.nextInt(10);
            if (op < 6) {
                Integer item = random.nextInt(20) == 0 ? null : random.nextInt(50);
                q.order().insert(model, item);
                if (op < 3) {
                    q.put(item);
                } else {
                    q.putNowait(item);
                }
            } else if (model.isEmpty()) {
                assertThrows(Empty.class, q::getNowait, "step " + step);
            } else {
                Integer expected = model.remove(0);
                Integer got = switch (op) {
                    case 6 -> q.get();
                    case 7 -> q.getNowait();
                    case 8 -> q.get(false);
                    default -> q.get(Duration.ZERO);
                };
                assertEquals(expected, got, "step " + step);
            }
            assertEquals(model.size(), q.qsize(), "qsize at step " + step);
            assertEquals(model.isEmpty(), q.empty(), "empty() at step " + step);
        }
        assertEquals(model, takeAll(q));
    }

    @Test
    public void everyGetFormReturnsTheNextItem() throws Exception {
        // CPython's SimpleQueue test_basic.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        q.put(1);
        assertFalse(q.empty());
        assertEquals(1, q.qsize());
        q.put(2);
        q.putNowait(3);
        q.put(4);
        assertEquals(4, q.qsize());
        List<Integer> expected = q.order().expected(1, 2, 3, 4);
        assertEquals(expected.get(0), q.get());
        assertEquals(3, q.qsize());
        assertEquals(expected.get(1), q.getNowait());
        assertEquals(2, q.qsize());
        assertEquals(expected.get(2), q.get(false));
        assertEquals(1, q.qsize());
        assertEquals(expected.get(3), q.get(PATIENCE));
        assertTrue(q.empty());
        q.put(5);
        assertEquals(5, q.get(true));
        q.put(6);
        assertEquals(6, q.get(Duration.ZERO));
        q.put(7);
        assertEquals(7, q.get(Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    // ---- Empty ----------------------------------------------------------------------------------

    @Test
    public void emptyQueueRaisesEmpty() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        Empty e = assertThrows(Empty.class, q::getNowait);
        assertInstanceOf(NoSuchElementException.class, e);
        assertThrows(Empty.class, () -> q.get(false));
        assertThrows(Empty.class, () -> q.get(Duration.ZERO));
        assertThrows(Empty.class, () -> q.get(Duration.ofNanos(1)));
        q.put(1);
        assertEquals(1, q.getNowait());
        assertThrows(Empty.class, q::getNowait, "empty again after its only item was taken");
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    @Test
    public void nonBlockingAndZeroTimeoutGetsDoNotWait() throws Exception {
        // In a thread, so that a get that waits fails the test (after PATIENCE) instead of hanging it.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        threads.run(() -> {
            assertThrows(Empty.class, q::getNowait);
            assertThrows(Empty.class, () -> q.get(false));
            assertThrows(Empty.class, () -> q.get(Duration.ZERO));
        }).join();
        assertTrue(q.empty());
    }

    @Test
    public void timedGetOnEmptyQueueWaitsItsTimeout() throws Exception {
        // CPython: get(timeout=0.01) raises Empty; here also: not before the timeout has elapsed.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        long start = System.nanoTime();
        assertThrows(Empty.class, () -> q.get(SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertWaitedAtMost(SHORT.plus(PATIENCE), start);
        List<TestThreads.Task<Void>> getters = threads.runMany(3, i -> {
            long t0 = System.nanoTime();
            assertThrows(Empty.class, () -> q.get(SHORT));
            assertWaitedAtLeast(SHORT, t0);
        });
        TestThreads.joinAll(getters);
        assertTrue(q.empty());
    }

    @Test
    public void negativeTimeoutIsRejected() throws Exception {
        // CPython's test_negative_timeout_raises_exception: ValueError, even with an item there.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        Duration negative = Duration.ofMillis(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.get(negative));
        assertMentions(e, negative.toString());
        q.put(7);
        Duration minus100s = Duration.ofSeconds(-100);
        e = assertThrows(IllegalArgumentException.class, () -> q.get(minus100s));
        assertMentions(e, minus100s.toString());
        assertThrows(NullPointerException.class, () -> q.get((Duration) null));
        assertEquals(1, q.qsize(), "a rejected get changed the queue");
        assertEquals(7, q.getNowait());
    }

    // ---- None -----------------------------------------------------------------------------------

    @Test
    public void noneIsAnItem() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        q.put(null);
        assertEquals(1, q.qsize());
        assertFalse(q.empty());
        assertNull(q.get());
        assertTrue(q.empty());
        q.putNowait(null);
        assertNull(q.getNowait());
        q.put(null);
        assertNull(q.get(false));
        q.put(null);
        assertNull(q.get(PATIENCE), "a None item came out as a timeout");
        q.put(null);
        assertNull(q.get(Duration.ZERO), "a None item came out as a timeout");
        q.put(null);
        assertNull(q.get(true));
        assertThrows(Empty.class, q::getNowait);
        // Among other items, in the kind's order (a priority queue here ranks None last).
        q.put(3);
        q.put(null);
        q.put(1);
        q.put(null);
        q.put(2);
        assertEquals(5, q.qsize());
        assertEquals(q.order().expected(3, null, 1, null, 2), takeAll(q));
        assertTrue(q.empty());
    }

    @Test
    public void noneAsStopSentinel() throws Exception {
        // CPython's SimpleQueue test_order: one producer feeds 0..99 then None, one consumer gets
        // until None. FIFO: exactly 0..99 in order. (A LIFO queue may hand the sentinel out early:
        // then the rest is still in the queue.)
        TestSimpleQueue<Integer> q = newSimpleQueue();
        TestThreads.Task<Void> producer = threads.run(() -> {
            for (int i = 0; i < 100; i++) {
                q.put(i);
            }
            q.put(null);
        });
        TestThreads.Task<List<Integer>> consumer = threads.call(() -> {
            List<Integer> got = new ArrayList<>();
            for (;;) {
                Integer item = q.get();
                if (item == null) {
                    return got;
                }
                got.add(item);
            }
        });
        producer.join();
        List<Integer> got = consumer.join();
        if (q.order() == ItemOrder.FIFO) {
            assertEquals(range(100), got);
        }
        if (q.order() == ItemOrder.PRIORITY) {
            // None ranks after every number, and every number was put before it.
            assertEquals(range(100), sorted(got));
        }
        if (q.order() != ItemOrder.LIFO) {
            assertTrue(q.empty(), "items left after the sentinel");
        }
        List<Integer> all = new ArrayList<>(got);
        all.addAll(takeAll(q));
        assertEquals(range(100), sorted(all));
    }

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    public void blockingGetIsWokenByPut() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        TestThreads.Task<Integer> getter = startBlocked(threads, () -> q.get());
        q.put(42);
        assertEquals(42, getter.join());
        getter = startBlocked(threads, () -> q.get(true));
        q.putNowait(43);
        assertEquals(43, getter.join());
        assertTrue(q.empty());
    }

    @Test
    public void timedGetReceivesAnItemBeforeItsTimeout() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        TestThreads.Task<Integer> getter = startBlocked(threads, () -> q.get(PATIENCE));
        q.put(7);
        assertEquals(7, getter.join());
        getter = startBlocked(threads, () -> q.get(Duration.ofSeconds(Long.MAX_VALUE)));
        q.put(8);
        assertEquals(8, getter.join());
        getter = startBlocked(threads, () -> q.get(PATIENCE));
        q.put(null);
        assertNull(getter.join(), "a None item came out as something else");
        assertTrue(q.empty());
    }

    @Test
    public void eachPutWakesOneGetter() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        List<TestThreads.Task<Integer>> getters = List.of(
                threads.call(() -> q.get()), threads.call(() -> q.get(true)), threads.call(() -> q.get(PATIENCE)));
        awaitAllParked(getters);
        q.put(1);
        awaitUntil("one getter returns", () -> getters.stream().filter(TestThreads.Task::isAlive).count() == 2);
        settle();
        assertEquals(2, getters.stream().filter(TestThreads.Task::isAlive).count(), "one put woke two getters");
        q.put(2);
        q.put(3);
        assertEquals(List.of(1, 2, 3), sorted(TestThreads.joinAll(getters)));
        assertTrue(q.empty());
    }

    @Test
    public void burstOfPutsWakesEveryWaitingGetter() throws Exception {
        // Puts made in a row while getters wait: each item must reach a getter, even when the puts
        // come faster than the woken getters can run.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        for (int round = 0; round < 5; round++) {
            List<TestThreads.Task<Integer>> getters = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                getters.add(i % 2 == 0 ? threads.call(() -> q.get()) : threads.call(() -> q.get(PATIENCE)));
            }
            awaitAllParked(getters);
            for (int i = 0; i < 8; i++) {
                q.putNowait(round * 10 + i);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                expected.add(round * 10 + i);
            }
            assertEquals(expected, sorted(TestThreads.joinAll(getters)), "round " + round);
            assertTrue(q.empty());
        }
    }

    @Test
    public void interruptRacingWithPutLosesNoItem() throws Exception {
        // Two getters wait; one is interrupted just as an item arrives. Either the interrupted one
        // got the item, or the other one gets it: the wake-up is not spent on a thread that leaves.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        for (int round = 0; round < 40; round++) {
            TestThreads.Task<Integer> a = threads.call(() -> getOr(q, -1));
            TestThreads.Task<Integer> b = threads.call(() -> getOr(q, -1));
            a.awaitParked();
            b.awaitParked();
            a.interrupt();
            q.put(round);
            int fromA = a.join();
            if (fromA == round) {
                q.put(1_000);
                assertEquals(1_000, b.join(), "round " + round);
            } else {
                assertEquals(-1, fromA, "round " + round);
                assertEquals(round, b.join(), "round " + round + ": the item did not reach the other getter");
            }
            assertTrue(q.empty(), "round " + round);
        }
    }

    /** {@code q.get()}, or {@code interrupted} if it threw InterruptedException. */
    static Integer getOr(TestSimpleQueue<Integer> q, Integer interrupted) {
        try {
            return q.get();
        } catch (InterruptedException e) {
            return interrupted;
        }
    }

    @Test
    public void interruptedGetThrowsAndTakesNothing() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        List<TestThreads.Task<Integer>> getters = List.of(
                startBlocked(threads, () -> q.get()),
                startBlocked(threads, () -> q.get(true)),
                startBlocked(threads, () -> q.get(PATIENCE)));
        for (TestThreads.Task<Integer> getter : getters) {
            getter.interrupt();
        }
        for (TestThreads.Task<Integer> getter : getters) {
            getter.joinThrows(InterruptedException.class);
        }
        assertTrue(q.empty());
        q.put(5);
        assertEquals(1, q.qsize());
        assertEquals(5, q.getNowait());
        // The interrupted getters left nothing behind: a new getter is woken by the next put.
        TestThreads.Task<Integer> later = startBlocked(threads, () -> q.get());
        q.put(6);
        assertEquals(6, later.join());
        assertTrue(q.empty());
    }

    @Test
    public void alreadyInterruptedGetOnEmptyQueueThrows() throws Exception {
        TestSimpleQueue<Integer> q = newSimpleQueue();
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.get();
        }).joinThrows(InterruptedException.class);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.get(true);
        }).joinThrows(InterruptedException.class);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.get(PATIENCE);
        }).joinThrows(InterruptedException.class);
        assertTrue(q.empty());
    }

    @Test
    public void callsThatNeedNotWaitIgnoreTheInterruptStatus() throws Exception {
        // Queue's Javadoc: "a call that need not wait does not look at the interrupt status". Each
        // call runs with the status set; the status must still be set afterwards.
        TestSimpleQueue<Integer> q = newSimpleQueue();
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "put() on an unbounded queue", () -> q.put(1));
            interruptedCall(p, "putNowait() on an unbounded queue", () -> q.putNowait(2));
            takeAll(q);
            q.put(10);
            interruptedCall(p, "get() with an item there", () -> assertEquals(10, q.get()));
            q.put(11);
            interruptedCall(p, "get(true) with an item there", () -> assertEquals(11, q.get(true)));
            q.put(12);
            interruptedCall(p, "get(timeout) with an item there", () -> assertEquals(12, q.get(PATIENCE)));
            q.put(13);
            interruptedCall(p, "getNowait() with an item there", () -> assertEquals(13, q.getNowait()));
            q.put(14);
            interruptedCall(p, "get(false) with an item there", () -> assertEquals(14, q.get(false)));
            takeAll(q);
            interruptedCall(p, "getNowait() on an empty queue", () -> assertThrows(Empty.class, q::getNowait));
            interruptedCall(p, "get(false) on an empty queue", () -> assertThrows(Empty.class, () -> q.get(false)));
            interruptedCall(p, "get(Duration.ZERO) on an empty queue",
                    () -> assertThrows(Empty.class, () -> q.get(Duration.ZERO)));
            return p;
        }).join();
        assertEquals(List.of(), problems);
    }

    /**
     * Runs {@code call} with the interrupt status set, recording in {@code problems} what it threw
     * and whether it cleared the status; leaves the status clear.
     */
    static void interruptedCall(List<String> problems, String what, TestThreads.VoidBody call) {
        Thread.currentThread().interrupt();
        try {
            call.run();
            if (!Thread.interrupted()) {
                problems.add(what + " cleared the interrupt status");
            }
        } catch (Throwable t) {
            boolean stillSet = Thread.interrupted();
            problems.add(what + " threw " + t + (stillSet ? "" : " (and cleared the interrupt status)"));
        }
    }

    // ---- many threads ---------------------------------------------------------------------------

    @Test
    public void manyProducersAndConsumers() throws Exception {
        // CPython's test_many_threads / _nonblock / _timeout, mixed: every item arrives exactly once.
        exchange(newSimpleQueue(), 4, 4, 2_000);
    }

    /**
     * Runs {@code producers} threads putting {@code perProducer} distinct items each and
     * {@code consumers} threads getting them, each with another form of put and get (blocking,
     * non-blocking retried on Full / Empty, timed retried); checks that every item was received
     * exactly once and the queue is empty. On a {@link TestQueue} the consumers call
     * {@code taskDone()} for each item, and the queue must never hold more than its maxsize.
     */
    protected void exchange(TestSimpleQueue<Integer> q, int producers, int consumers, int perProducer)
            throws InterruptedException {
        int total = producers * perProducer;
        TestQueue<Integer> full = q instanceof TestQueue<Integer> tq ? tq : null;
        int maxsize = full != null ? full.maxsize() : 0;
        AtomicIntegerArray received = new AtomicIntegerArray(total);
        AtomicInteger tickets = new AtomicInteger(total);
        AtomicInteger overfull = new AtomicInteger();
        List<TestThreads.Task<Void>> tasks = new ArrayList<>();
        tasks.addAll(threads.runMany(producers, p -> {
            for (int i = 0; i < perProducer; i++) {
                Integer item = p * perProducer + i;
                put(q, full, item, (p + i) % 4);
            }
        }));
        tasks.addAll(threads.runMany(consumers, c -> {
            int n = 0;
            while (tickets.getAndDecrement() > 0) {
                Integer item = get(q, (c + n++) % 4);
                received.incrementAndGet(item);
                if (maxsize > 0 && q.qsize() > maxsize) {
                    overfull.incrementAndGet();
                }
                if (full != null) {
                    full.taskDone();
                }
            }
        }));
        TestThreads.joinAll(tasks);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (received.get(i) != 1) {
                wrong.add(i + " received " + received.get(i) + " times");
            }
        }
        assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong,
                wrong.size() + " items lost or duplicated");
        assertEquals(0, overfull.get(), "qsize() exceeded maxsize");
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
        assertThrows(Empty.class, q::getNowait);
    }

    /**
     * Puts {@code item} by one of four forms: {@code put}, {@code put(true)}, timed put retried on
     * Full, {@code putNowait} retried on Full ({@code put} / {@code putNowait} for a simple queue).
     */
    static void put(TestSimpleQueue<Integer> q, TestQueue<Integer> full, Integer item, int mode)
            throws InterruptedException {
        if (full == null) {
            if (mode % 2 == 0) {
                q.put(item);
            } else {
                q.putNowait(item);
            }
            return;
        }
        switch (mode) {
            case 0 -> full.put(item);
            case 1 -> full.put(item, true);
            case 2 -> {
                for (;;) {
                    try {
                        full.put(item, Duration.ofMillis(1));
                        return;
                    } catch (Full retry) {
                        // again
                    }
                }
            }
            default -> {
                for (;;) {
                    try {
                        full.putNowait(item);
                        return;
                    } catch (Full retry) {
                        Thread.yield();
                    }
                }
            }
        }
    }

    /**
     * Gets an item by one of four forms: {@code get}, {@code get(true)}, timed get retried on
     * Empty, {@code getNowait} retried on Empty.
     */
    static Integer get(TestSimpleQueue<Integer> q, int mode) throws InterruptedException {
        switch (mode) {
            case 0:
                return q.get();
            case 1:
                return q.get(true);
            case 2:
                for (;;) {
                    try {
                        return q.get(Duration.ofMillis(1));
                    } catch (Empty retry) {
                        // again
                    }
                }
            default:
                for (;;) {
                    try {
                        return q.getNowait();
                    } catch (Empty retry) {
                        Thread.yield();
                    }
                }
        }
    }
}
