package org.pyconcurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;

/**
 * What {@code queue.Queue} and its subclasses do: CPython 3.13's {@code BaseQueueTestMixin} (order,
 * bounds, Full / Empty, blocking and timeouts, {@code task_done} / {@code join}, {@code shutdown}),
 * plus everything of {@link SimpleQueueContract} on an unbounded queue. Holds for {@link Queue},
 * {@link LifoQueue} and {@link PriorityQueue} on both backends, and is meant for multiprocessing's
 * {@code JoinableQueue} too: extend it and implement {@link #newQueue(int)}.
 */
public abstract class QueueContract extends SimpleQueueContract {
    /** CPython's QUEUE_SIZE. */
    static final int QUEUE_SIZE = 5;
    /** What a getter thread of the shutdown tests returns when its get raised ShutDown. */
    private static final int SHUT_DOWN = -1;

    /**
     * A new, empty queue of Integers ({@code null} allowed, as Python's None).
     *
     * @param maxsize its bound; 0 or less means unbounded
     */
    protected abstract TestQueue<Integer> newQueue(int maxsize);

    @Override
    protected final TestSimpleQueue<Integer> newSimpleQueue() {
        return newQueue(0);
    }

    // ---- CPython's basic_queue_test -------------------------------------------------------------

    @Test
    public void basic() throws Exception {
        // Done twice to make sure it works with the same instance reused.
        TestQueue<Integer> q = newQueue(QUEUE_SIZE);
        basicQueueTest(q);
        basicQueueTest(q);
    }

    private void basicQueueTest(TestQueue<Integer> q) throws Exception {
        assertEquals(0, q.qsize(), "Call this function with an empty queue");
        assertTrue(q.empty());
        assertFalse(q.full());
        q.put(111);
        q.put(333);
        q.put(222);
        assertEquals(q.order().expected(111, 333, 222), List.of(q.get(), q.get(), q.get()),
                "Didn't seem to queue the correct data!");
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i);
            assertFalse(q.empty(), "Queue should not be empty");
        }
        assertFalse(q.full(), "Queue should not be full");
        int last = 2 * QUEUE_SIZE;
        int full = 3 * 2 * QUEUE_SIZE;
        q.put(last);
        assertTrue(q.full(), "Queue should be full");
        assertFalse(q.empty());
        assertEquals(QUEUE_SIZE, q.qsize());
        assertThrows(Full.class, () -> q.put(full, false), "Didn't appear to block with a full queue");
        assertThrows(Full.class, () -> q.put(full, Duration.ofMillis(10)),
                "Didn't appear to time-out with a full queue");
        // A blocking put, untimed and with a long timeout, each released by a get.
        TestThreads.Task<Void> putter = startBlocked(threads, () -> q.put(full));
        q.get();
        putter.join();
        putter = startBlocked(threads, () -> q.put(full, PATIENCE));
        q.get();
        putter.join();
        assertTrue(q.full());
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        assertTrue(q.empty(), "Queue should be empty");
        assertThrows(Empty.class, () -> q.get(false), "Didn't appear to block with an empty queue");
        assertThrows(Empty.class, () -> q.get(Duration.ofMillis(10)), "Didn't appear to time-out with an empty queue");
        // A blocking get, untimed and with a long timeout, each released by a put.
        TestThreads.Task<Integer> getter = startBlocked(threads, () -> q.get());
        q.put(-1);
        assertEquals(-1, getter.join());
        getter = startBlocked(threads, () -> q.get(PATIENCE));
        q.put(-2);
        assertEquals(-2, getter.join());
        assertTrue(q.empty());
    }

    // ---- maxsize, full --------------------------------------------------------------------------

    @Test
    public void qsizeFullAndMaxsizeAreExact() throws Exception {
        TestQueue<Integer> q = newQueue(3);
        assertEquals(3, q.maxsize());
        for (int i = 0; i < 3; i++) {
            assertFalse(q.full());
            q.put(i);
            assertEquals(i + 1, q.qsize());
        }
        assertTrue(q.full());
        assertFalse(q.empty());
        q.get();
        assertFalse(q.full());
        assertEquals(2, q.qsize());
        q.putNowait(9);
        assertTrue(q.full());
        assertEquals(3, q.maxsize());
    }

    @Test
    public void maxsizeOne() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        assertEquals(1, q.maxsize());
        q.put(1);
        assertTrue(q.full());
        assertThrows(Full.class, () -> q.putNowait(2));
        assertEquals(1, q.get());
        assertFalse(q.full());
        q.putNowait(3);
        assertTrue(q.full());
        assertEquals(3, q.getNowait());
        assertTrue(q.empty());
    }

    @Test
    public void producerAndConsumerAlternateThroughMaxsizeOne() throws Exception {
        // With room for one item, every kind hands the items out in the order they were put.
        TestQueue<Integer> q = newQueue(1);
        int n = 2_000;
        TestThreads.Task<Void> producer = threads.run(() -> {
            for (int i = 0; i < n; i++) {
                switch (i % 3) {
                    case 0 -> q.put(i);
                    case 1 -> q.put(i, true);
                    default -> q.put(i, PATIENCE);
                }
            }
        });
        List<Integer> got = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            got.add(i % 2 == 0 ? q.get() : q.get(PATIENCE));
        }
        producer.join();
        assertEquals(range(n), got);
        assertTrue(q.empty());
    }

    @Test
    public void zeroOrNegativeMaxsizeMeansUnbounded() throws Exception {
        // Python: "If maxsize is less than or equal to zero, the queue size is infinite." Here,
        // maxsize() is documented as "the bound given at construction, or 0 if unbounded" (CPython
        // would report -1 and -100 as given).
        for (int maxsize : new int[] {0, -1, -100, Integer.MIN_VALUE}) {
            TestQueue<Integer> q = newQueue(maxsize);
            assertEquals(0, q.maxsize(), "maxsize() of a queue built with maxsize " + maxsize);
            for (int i = 0; i < 1_000; i++) {
                q.putNowait(i);
                assertFalse(q.full());
            }
            q.put(1_000, false);
            q.put(1_001, Duration.ZERO);
            assertEquals(1_002, q.qsize());
            assertFalse(q.full());
            assertEquals(range(1_002), sorted(takeAll(q)));
        }
    }

    // ---- Full -----------------------------------------------------------------------------------

    @Test
    public void fullQueueRaisesFullNamingItsMaxsize() throws Exception {
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        Full e = assertThrows(Full.class, () -> q.putNowait(3));
        assertInstanceOf(IllegalStateException.class, e);
        assertMentions(e, "maxsize=2");
        assertMentions(assertThrows(Full.class, () -> q.put(3, false)), "maxsize=2");
        assertMentions(assertThrows(Full.class, () -> q.put(3, Duration.ZERO)), "maxsize=2");
        long start = System.nanoTime();
        e = assertThrows(Full.class, () -> q.put(3, SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertWaitedAtMost(SHORT.plus(PATIENCE), start);
        assertMentions(e, "maxsize=2");
        // Nothing changed.
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        assertEquals(2, q.unfinishedTasks(), "a refused put counted a task");
        assertEquals(q.order().expected(1, 2), takeAll(q));
    }

    @Test
    public void nonBlockingAndZeroTimeoutPutsDoNotWait() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        q.put(1);
        threads.run(() -> {
            assertThrows(Full.class, () -> q.putNowait(2));
            assertThrows(Full.class, () -> q.put(2, false));
            assertThrows(Full.class, () -> q.put(2, Duration.ZERO));
        }).join();
        assertEquals(1, q.qsize());
    }

    @Test
    public void timedPutsOnFullQueueAllTimeOut() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        q.put(1);
        List<TestThreads.Task<Void>> putters = threads.runMany(3, i -> {
            long t0 = System.nanoTime();
            assertThrows(Full.class, () -> q.put(10 + i, SHORT));
            assertWaitedAtLeast(SHORT, t0);
        });
        TestThreads.joinAll(putters);
        assertEquals(1, q.qsize());
        assertEquals(1, q.unfinishedTasks());
        assertEquals(1, q.get());
    }

    @Test
    public void negativePutTimeoutIsRejected() throws Exception {
        // CPython's test_negative_timeout_raises_exception: ValueError.
        TestQueue<Integer> q = newQueue(2);
        Duration negative = Duration.ofMillis(-1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> q.put(1, negative)), negative.toString());
        q.put(1);
        q.put(2);
        Duration minus100s = Duration.ofSeconds(-100);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> q.put(3, minus100s)), minus100s.toString());
        assertThrows(NullPointerException.class, () -> q.put(3, (Duration) null));
        assertEquals(2, q.qsize(), "a rejected put changed the queue");
        assertEquals(2, q.unfinishedTasks(), "a rejected put counted a task");
    }

    @Test
    public void negativePutTimeoutIsRejectedEvenWhenUnbounded() throws Exception {
        // The Javadoc: "negative is an IllegalArgumentException". (CPython checks the timeout of a
        // put only when the queue is bounded: Queue().put(1, timeout=-1) succeeds there.)
        TestQueue<Integer> q = newQueue(0);
        Duration negative = Duration.ofMillis(-1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> q.put(1, negative)), negative.toString());
        assertTrue(q.empty());
        assertEquals(0, q.unfinishedTasks());
    }

    // ---- blocking put ---------------------------------------------------------------------------

    @Test
    public void blockingPutIsWokenByGet() throws Exception {
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        TestThreads.Task<Void> putter = startBlocked(threads, () -> q.put(3));
        assertEquals(2, q.qsize());
        assertEquals(2, q.unfinishedTasks(), "a waiting put counted its task");
        List<Integer> model = q.order().expected(1, 2);
        assertEquals(model.remove(0), q.get());
        putter.join();
        q.order().insert(model, 3);
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        assertEquals(3, q.unfinishedTasks());
        assertEquals(model, takeAll(q));
        // put(item, true) and timed puts are woken the same way.
        q.put(4);
        q.put(5);
        putter = startBlocked(threads, () -> q.put(6, true));
        q.get();
        putter.join();
        putter = startBlocked(threads, () -> q.put(7, PATIENCE));
        q.get();
        putter.join();
        putter = startBlocked(threads, () -> q.put(8, Duration.ofSeconds(Long.MAX_VALUE)));
        q.get();
        putter.join();
        assertEquals(2, q.qsize());
        assertEquals(8, q.unfinishedTasks());
    }

    @Test
    public void eachGetWakesOnePutter() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        q.put(0);
        List<TestThreads.Task<Void>> putters = List.of(
                threads.run(() -> q.put(10)),
                threads.run(() -> q.put(11, true)),
                threads.run(() -> q.put(12, PATIENCE)));
        awaitAllParked(putters);
        List<Integer> got = new ArrayList<>();
        got.add(q.get());
        awaitUntil("one putter returns", () -> putters.stream().filter(TestThreads.Task::isAlive).count() == 2);
        settle();
        assertEquals(2, putters.stream().filter(TestThreads.Task::isAlive).count(), "one get woke two putters");
        assertEquals(1, q.qsize());
        got.add(q.get());
        got.add(q.get());
        TestThreads.joinAll(putters);
        got.add(q.get());
        assertEquals(List.of(0, 10, 11, 12), sorted(got));
        assertTrue(q.empty());
    }

    @Test
    public void burstOfGetsWakesEveryWaitingPutter() throws Exception {
        // Gets made in a row while putters wait for room: each freed slot must reach a putter.
        TestQueue<Integer> q = newQueue(4);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 4; i++) {
                q.put(-1);
            }
            List<TestThreads.Task<Void>> putters = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Integer item = round * 10 + i;
                putters.add(i % 2 == 0 ? threads.run(() -> q.put(item)) : threads.run(() -> q.put(item, PATIENCE)));
            }
            awaitAllParked(putters);
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(q.getNowait());
            }
            awaitUntil("four putters get in", () -> putters.stream().filter(TestThreads.Task::isAlive).count() == 4);
            assertEquals(4, q.qsize());
            for (int i = 0; i < 8; i++) {
                got.add(q.get(PATIENCE));
            }
            TestThreads.joinAll(putters);
            List<Integer> expected = new ArrayList<>(List.of(-1, -1, -1, -1));
            for (int i = 0; i < 8; i++) {
                expected.add(round * 10 + i);
            }
            assertEquals(sorted(expected), sorted(got), "round " + round);
            assertTrue(q.empty());
        }
    }

    @Test
    public void interruptRacingWithGetLosesNoSlot() throws Exception {
        // Two putters wait for room; one is interrupted just as a slot frees up. Either the
        // interrupted one put its item, or the other one gets in.
        TestQueue<Integer> q = newQueue(1);
        for (int round = 0; round < 40; round++) {
            q.put(-5);
            TestThreads.Task<Boolean> a = threads.call(() -> putOrInterrupted(q, 1));
            TestThreads.Task<Boolean> b = threads.call(() -> putOrInterrupted(q, 2));
            a.awaitParked();
            b.awaitParked();
            a.interrupt();
            assertEquals(-5, q.get());
            boolean aPut = a.join();
            if (aPut) {
                assertEquals(1, q.get(PATIENCE), "round " + round);
            }
            assertTrue(b.join(), "round " + round);
            assertEquals(2, q.get(PATIENCE), "round " + round + ": the other putter did not get in");
            assertTrue(q.empty(), "round " + round);
        }
    }

    /** Puts {@code item}; false if the put was interrupted. */
    private static boolean putOrInterrupted(TestQueue<Integer> q, Integer item) {
        try {
            q.put(item);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Test
    public void interruptedPutThrowsAndPutsNothing() throws Exception {
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        List<TestThreads.Task<Void>> putters = List.of(
                startBlocked(threads, () -> q.put(3)),
                startBlocked(threads, () -> q.put(4, true)),
                startBlocked(threads, () -> q.put(5, PATIENCE)));
        for (TestThreads.Task<Void> putter : putters) {
            putter.interrupt();
        }
        for (TestThreads.Task<Void> putter : putters) {
            putter.joinThrows(InterruptedException.class);
        }
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        assertEquals(2, q.unfinishedTasks(), "an interrupted put counted a task");
        assertEquals(q.order().expected(1, 2), takeAll(q));
        // The interrupted putters left nothing behind: a new one is woken by the next get.
        q.put(1);
        q.put(2);
        TestThreads.Task<Void> later = startBlocked(threads, () -> q.put(6));
        q.get();
        later.join();
        assertEquals(2, q.qsize());
    }

    @Test
    public void alreadyInterruptedPutOnFullQueueThrows() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        q.put(1);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.put(2);
        }).joinThrows(InterruptedException.class);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.put(2, true);
        }).joinThrows(InterruptedException.class);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.put(2, PATIENCE);
        }).joinThrows(InterruptedException.class);
        assertEquals(1, q.qsize());
        assertEquals(1, q.unfinishedTasks());
        assertEquals(1, q.get());
    }

    @Test
    public void boundedCallsThatNeedNotWaitIgnoreTheInterruptStatus() throws Exception {
        // Queue's Javadoc: "a call that need not wait does not look at the interrupt status".
        TestQueue<Integer> q = newQueue(3);
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "put() on a queue with room", () -> q.put(1));
            interruptedCall(p, "put(true) on a queue with room", () -> q.put(2, true));
            takeAll(q);
            q.put(1);
            q.put(2);
            interruptedCall(p, "put(timeout) on a queue with room", () -> q.put(3, PATIENCE));
            takeAll(q);
            q.put(1);
            q.put(2);
            q.put(3);
            interruptedCall(p, "putNowait() on a full queue", () -> assertThrows(Full.class, () -> q.putNowait(4)));
            interruptedCall(p, "put(false) on a full queue", () -> assertThrows(Full.class, () -> q.put(4, false)));
            interruptedCall(p, "put(Duration.ZERO) on a full queue",
                    () -> assertThrows(Full.class, () -> q.put(4, Duration.ZERO)));
            takeAll(q);
            interruptedCall(p, "taskDone()", q::taskDone);
            q.shutdown();
            interruptedCall(p, "put() on a shut-down queue", () -> assertThrows(ShutDown.class, () -> q.put(5)));
            interruptedCall(p, "get() on a shut-down, empty queue", () -> assertThrows(ShutDown.class, q::get));
            return p;
        }).join();
        assertEquals(List.of(), problems);
    }

    // ---- taskDone / join ------------------------------------------------------------------------

    @Test
    public void taskDoneTooManyTimes() throws Exception {
        // CPython's test_queue_task_done: ValueError.
        TestQueue<Integer> q = newQueue(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, q::taskDone);
        assertEquals("taskDone() called too many times", e.getMessage());
        assertEquals(0, q.unfinishedTasks());
        q.put(1);
        q.put(2);
        assertEquals(2, q.unfinishedTasks());
        q.get();
        assertEquals(2, q.unfinishedTasks(), "get() marked a task done");
        q.taskDone();
        assertEquals(1, q.unfinishedTasks());
        // Python counts puts, not gets: the second task may be marked done before its get.
        q.taskDone();
        assertEquals(0, q.unfinishedTasks());
        e = assertThrows(IllegalArgumentException.class, q::taskDone);
        assertEquals("taskDone() called too many times", e.getMessage());
        assertEquals(0, q.unfinishedTasks());
        assertEquals(1, q.qsize(), "a refused taskDone() changed the queue");
    }

    @Test
    public void unfinishedTasksCountsEverySuccessfulPut() throws Exception {
        TestQueue<Integer> q = newQueue(6);
        q.put(1);
        q.put(2, true);
        q.put(3, false);
        q.put(4, PATIENCE);
        q.putNowait(5);
        q.put(null);
        assertEquals(6, q.unfinishedTasks());
        assertThrows(Full.class, () -> q.putNowait(7));
        assertThrows(Full.class, () -> q.put(7, Duration.ZERO));
        assertEquals(6, q.unfinishedTasks(), "a refused put counted a task");
        takeAll(q);
        assertEquals(6, q.unfinishedTasks(), "gets marked tasks done");
        for (int i = 5; i >= 0; i--) {
            q.taskDone();
            assertEquals(i, q.unfinishedTasks());
        }
    }

    @Test
    public void joinReturnsAtOnceWhenNothingIsUnfinished() throws Exception {
        // Each join() in a thread: one that waits fails the test after PATIENCE instead of hanging.
        TestQueue<Integer> q = newQueue(0);
        threads.run(q::join).join();
        threads.run(q::join).join(); // again
        q.put(1);
        q.get();
        q.taskDone();
        threads.run(q::join).join();
        threads.run(q::join).join(); // again
    }

    @Test
    public void joinWaitsUntilEveryTaskIsDone() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(2);
        q.put(3);
        List<TestThreads.Task<Void>> joiners = List.of(startBlocked(threads, q::join), startBlocked(threads, q::join));
        takeAll(q);
        settle();
        assertTrue(joiners.stream().allMatch(TestThreads.Task::isAlive),
                "join() returned when every item was taken but none done");
        q.taskDone();
        q.taskDone();
        settle();
        assertTrue(joiners.stream().allMatch(TestThreads.Task::isAlive), "join() returned with one task unfinished");
        assertEquals(1, q.unfinishedTasks());
        q.taskDone();
        TestThreads.joinAll(joiners);
        assertEquals(0, q.unfinishedTasks());
        threads.run(q::join).join(); // callable again
    }

    @Test
    public void interruptedJoinThrows() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        TestThreads.Task<Void> joiner = startBlocked(threads, q::join);
        joiner.interrupt();
        joiner.joinThrows(InterruptedException.class);
        assertEquals(1, q.unfinishedTasks());
        q.get();
        q.taskDone();
        threads.run(q::join).join();
    }

    @Test
    public void joinThatNeedNotWaitIgnoresTheInterruptStatus() throws Exception {
        // join() "returns at once if none is unfinished"; it throws InterruptedException only "if
        // interrupted while waiting" (as Event.await does while the flag is up).
        TestQueue<Integer> q = newQueue(0);
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "join() of a queue never used", q::join);
            q.put(1);
            q.get();
            q.taskDone();
            interruptedCall(p, "join() after every task is done", q::join);
            return p;
        }).join();
        assertEquals(List.of(), problems);
    }

    @Test
    public void queueJoinWithWorkers() throws Exception {
        // CPython's test_queue_join: two workers get 0..99, add them up and call task_done; join()
        // returns only when all are processed. Done twice on the same queue; unbounded and bounded.
        for (int maxsize : new int[] {0, 3}) {
            TestQueue<Integer> q = newQueue(maxsize);
            queueJoinTest(q);
            queueJoinTest(q);
            assertThrows(IllegalArgumentException.class, q::taskDone, "Did not detect task count going negative");
        }
    }

    private void queueJoinTest(TestQueue<Integer> q) throws Exception {
        AtomicInteger cum = new AtomicInteger();
        List<TestThreads.Task<Void>> workers = threads.runMany(2, i -> {
            for (;;) {
                int x = q.get();
                if (x < 0) {
                    q.taskDone();
                    return;
                }
                cum.addAndGet(x);
                q.taskDone();
            }
        });
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        q.join();
        assertEquals(4950, cum.get(), "q.join() did not block until all tasks were done");
        for (int i = 0; i < 2; i++) {
            q.put(-1); // instruct the threads to close
        }
        q.join(); // verify that you can join twice
        TestThreads.joinAll(workers);
        assertEquals(0, q.unfinishedTasks());
    }

    // ---- many threads ---------------------------------------------------------------------------

    @Test
    public void manyProducersAndConsumersThroughSmallBounds() throws Exception {
        for (int maxsize : new int[] {1, 3}) {
            TestQueue<Integer> q = newQueue(maxsize);
            exchange(q, 4, 4, 1_000);
            assertEquals(0, q.unfinishedTasks(), "maxsize " + maxsize);
            threads.run(q::join).join();
        }
    }

    @Test
    public void manyProducersAndConsumersUnboundedWithTasks() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        exchange(q, 4, 4, 2_000);
        assertEquals(0, q.unfinishedTasks());
        threads.run(q::join).join();
    }

    // ---- shutdown -------------------------------------------------------------------------------

    @Test
    public void shutdownEmpty() throws Exception {
        // CPython's test_shutdown_empty.
        TestQueue<Integer> q = newQueue(0);
        assertFalse(q.isShutdown());
        q.shutdown();
        assertTrue(q.isShutdown());
        ShutDown e = assertThrows(ShutDown.class, () -> q.put(1));
        assertInstanceOf(IllegalStateException.class, e);
        threads.run(() -> assertThrows(ShutDown.class, q::get)).join();
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    public void shutdownNonEmpty() throws Exception {
        // CPython's test_shutdown_nonempty.
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.shutdown();
        assertEquals(1, q.qsize());
        assertEquals(1, q.get());
        threads.run(() -> assertThrows(ShutDown.class, q::get)).join();
    }

    @Test
    public void shutdownImmediate() throws Exception {
        // CPython's test_shutdown_immediate.
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(null);
        q.shutdown(true);
        assertTrue(q.isShutdown());
        assertEquals(0, q.qsize());
        assertTrue(q.empty());
        threads.run(() -> assertThrows(ShutDown.class, q::get)).join();
    }

    @Test
    public void shutdownTransitions() throws Exception {
        // CPython's test_shutdown_allowed_transitions: from alive via shutdown to immediate; twice
        // is harmless; shutdown(false) then shutdown(true) becomes immediate.
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(2);
        q.put(3);
        assertFalse(q.isShutdown());
        q.shutdown();
        assertTrue(q.isShutdown());
        q.shutdown();
        assertTrue(q.isShutdown());
        assertEquals(3, q.qsize(), "a second shutdown() dropped items");
        assertEquals(q.order().expected(1, 2, 3).get(0), q.get());
        q.shutdown(false);
        assertEquals(2, q.qsize());
        q.shutdown(true);
        assertTrue(q.isShutdown());
        assertEquals(0, q.qsize(), "shutdown(true) after shutdown() did not empty the queue");
        assertEquals(1, q.unfinishedTasks(), "the drained items are done; the one taken is not");
        threads.run(() -> assertThrows(ShutDown.class, q::get)).join();
        q.shutdown(false);
        q.shutdown(true);
        assertTrue(q.isShutdown());
        assertThrows(ShutDown.class, () -> q.put(4));
        assertEquals(1, q.unfinishedTasks());
    }

    @Test
    public void allMethodsInOneThreadAfterShutdown() throws Exception {
        // CPython's test_shutdown_all_methods_in_one_thread. The puts run on a full queue: ShutDown
        // wins over Full and over waiting; the gets after the last item raise ShutDown, not Empty.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.putNowait(2);
        q.shutdown(false);
        threads.run(() -> {
            assertThrows(ShutDown.class, () -> q.put(3));
            assertThrows(ShutDown.class, () -> q.put(3, true));
            assertThrows(ShutDown.class, () -> q.put(3, false));
            assertThrows(ShutDown.class, () -> q.put(3, PATIENCE));
            assertThrows(ShutDown.class, () -> q.put(3, Duration.ZERO));
            assertThrows(ShutDown.class, () -> q.putNowait(3));
        }).join();
        assertEquals(2, q.qsize());
        assertEquals(2, q.unfinishedTasks());
        Set<Integer> got = new HashSet<>();
        got.add(q.get());
        q.taskDone();
        got.add(q.get());
        q.taskDone();
        assertEquals(Set.of(1, 2), got);
        threads.run(q::join).join();
        threads.run(() -> {
            assertThrows(ShutDown.class, q::get);
            assertThrows(ShutDown.class, () -> q.get(true));
            assertThrows(ShutDown.class, q::getNowait);
            assertThrows(ShutDown.class, () -> q.get(false));
            assertThrows(ShutDown.class, () -> q.get(Duration.ofSeconds(1)));
            assertThrows(ShutDown.class, () -> q.get(Duration.ZERO));
        }).join();
    }

    @Test
    public void allMethodsInOneThreadAfterImmediateShutdown() throws Exception {
        // CPython's test_shutdown_immediate_all_methods_in_one_thread.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.putNowait(2);
        q.shutdown(true);
        assertEquals(0, q.qsize());
        threads.run(() -> {
            assertThrows(ShutDown.class, () -> q.put(3));
            assertThrows(ShutDown.class, () -> q.putNowait(3));
            assertThrows(ShutDown.class, () -> q.put(3, PATIENCE));
            assertThrows(ShutDown.class, q::get);
            assertThrows(ShutDown.class, q::getNowait);
            assertThrows(ShutDown.class, () -> q.get(PATIENCE));
        }).join();
        assertEquals(0, q.unfinishedTasks(), "shutdown(true) did not mark the drained items done");
        assertThrows(IllegalArgumentException.class, q::taskDone);
        threads.run(q::join).join();
    }

    @Test
    public void putAfterShutdownFailsAtOnceEvenWithRoom() throws Exception {
        for (int maxsize : new int[] {0, 5}) {
            TestQueue<Integer> q = newQueue(maxsize);
            q.put(1);
            q.shutdown();
            threads.run(() -> {
                assertThrows(ShutDown.class, () -> q.put(2));
                assertThrows(ShutDown.class, () -> q.put(2, true));
                assertThrows(ShutDown.class, () -> q.put(2, false));
                assertThrows(ShutDown.class, () -> q.put(2, PATIENCE));
                assertThrows(ShutDown.class, () -> q.putNowait(2));
                assertThrows(ShutDown.class, () -> q.put(null));
            }).join();
            assertEquals(1, q.qsize(), "maxsize " + maxsize);
            assertEquals(1, q.unfinishedTasks(), "a refused put counted a task, maxsize " + maxsize);
            assertEquals(1, q.get());
        }
    }

    @Test
    public void blockedPuttersAreWokenByShutdown() throws Exception {
        blockedPuttersAreWokenByShutdown(false);
    }

    @Test
    public void blockedPuttersAreWokenByImmediateShutdown() throws Exception {
        blockedPuttersAreWokenByShutdown(true);
    }

    private void blockedPuttersAreWokenByShutdown(boolean immediate) throws Exception {
        // CPython's test_shutdown_put / test_shutdown_immediate_put, with the putters already waiting.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        List<TestThreads.Task<Void>> putters = List.of(
                startBlocked(threads, () -> q.put(3)),
                startBlocked(threads, () -> q.put(4, true)),
                startBlocked(threads, () -> q.put(5, PATIENCE)),
                startBlocked(threads, () -> q.put(6, Duration.ofSeconds(Long.MAX_VALUE))));
        q.shutdown(immediate);
        for (TestThreads.Task<Void> putter : putters) {
            putter.joinThrows(ShutDown.class);
        }
        if (immediate) {
            assertEquals(0, q.qsize());
            assertEquals(0, q.unfinishedTasks());
        } else {
            assertEquals(2, q.qsize());
            assertEquals(2, q.unfinishedTasks());
            assertEquals(q.order().expected(1, 2), takeAll(q));
        }
        threads.run(() -> assertThrows(ShutDown.class, q::get)).join();
    }

    @Test
    public void blockedGettersAreWokenByShutdown() throws Exception {
        blockedGettersAreWokenByShutdown(false);
    }

    @Test
    public void blockedGettersAreWokenByImmediateShutdown() throws Exception {
        blockedGettersAreWokenByShutdown(true);
    }

    private void blockedGettersAreWokenByShutdown(boolean immediate) throws Exception {
        // CPython's test_shutdown_pending_get: ShutDown, not Empty, for untimed and timed gets.
        TestQueue<Integer> q = newQueue(0);
        List<TestThreads.Task<Integer>> getters = List.of(
                startBlocked(threads, () -> q.get()),
                startBlocked(threads, () -> q.get(true)),
                startBlocked(threads, () -> q.get(PATIENCE)),
                startBlocked(threads, () -> q.get(Duration.ofSeconds(Long.MAX_VALUE))));
        q.shutdown(immediate);
        for (TestThreads.Task<Integer> getter : getters) {
            getter.joinThrows(ShutDown.class);
        }
        assertTrue(q.empty());
    }

    /** A getter that returns the item, or {@link #SHUT_DOWN} when its get raised ShutDown. */
    private TestThreads.Task<Integer> getOrShutDown(TestQueue<Integer> q) {
        return threads.call(() -> {
            try {
                return q.get();
            } catch (ShutDown e) {
                return SHUT_DOWN;
            }
        });
    }

    @Test
    public void threeGettersOfTwoItemsAfterShutdown() throws Exception {
        // CPython's test_shutdown_get: a full queue of 2, shutdown(immediate=False), 3 getters: two
        // get the items, one gets ShutDown.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        q.shutdown(false);
        List<TestThreads.Task<Integer>> getters = List.of(getOrShutDown(q), getOrShutDown(q), getOrShutDown(q));
        assertEquals(List.of(SHUT_DOWN, 1, 2), sorted(TestThreads.joinAll(getters)));
    }

    @Test
    public void threeGettersOfTwoItemsAfterImmediateShutdown() throws Exception {
        // CPython's test_shutdown_immediate_get: every getter gets ShutDown.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        q.shutdown(true);
        List<TestThreads.Task<Integer>> getters = List.of(getOrShutDown(q), getOrShutDown(q), getOrShutDown(q));
        assertEquals(List.of(SHUT_DOWN, SHUT_DOWN, SHUT_DOWN), TestThreads.joinAll(getters));
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    public void getterLeftWaitingAfterOthersTookTheItemsIsWokenByShutdown() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        List<TestThreads.Task<Integer>> getters = List.of(getOrShutDown(q), getOrShutDown(q), getOrShutDown(q));
        awaitAllParked(getters);
        q.put(1);
        q.put(2);
        awaitUntil("two getters return", () -> getters.stream().filter(TestThreads.Task::isAlive).count() == 1);
        settle();
        assertEquals(1, getters.stream().filter(TestThreads.Task::isAlive).count());
        q.shutdown(false);
        assertEquals(List.of(SHUT_DOWN, 1, 2), sorted(TestThreads.joinAll(getters)));
    }

    @Test
    public void gettersDrainingAShutDownQueueAllEnd() throws Exception {
        // Several getters empty a queue that is shut down: each gets items until one of its gets
        // raises ShutDown, however its look at the queue interleaves with the get that takes the
        // last item. The interleaving that matters is rare, hence many rounds (bounded in time);
        // long-lived threads meet at a barrier for each round.
        int getters = 4;
        int items = 2;
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        AtomicReference<TestQueue<Integer>> current = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(getters + 1);
        Semaphore finished = new Semaphore(0);
        List<TestThreads.Task<Void>> workers = threads.runMany(getters, g -> {
            for (;;) {
                start.await();
                TestQueue<Integer> q = current.get();
                if (q == null) {
                    return;
                }
                try {
                    for (;;) {
                        q.get();
                    }
                } catch (ShutDown expected) {
                    finished.release();
                }
            }
        });
        int round = 0;
        for (; round < 20_000 && System.nanoTime() - deadline < 0; round++) {
            TestQueue<Integer> q = newQueue(0);
            for (int i = 0; i < items; i++) {
                q.put(i);
            }
            q.shutdown(false);
            current.set(q);
            start.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished.tryAcquire(getters, PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
                int blocked = getters - finished.availablePermits();
                fail("round " + round + ": " + blocked + " getter(s) still blocked in get() on a queue that is shut "
                        + "down and empty (qsize()=" + q.qsize() + "): no ShutDown after " + PATIENCE);
            }
        }
        current.set(null);
        start.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
        TestThreads.joinAll(workers);
        assertTrue(round > 0);
    }

    @Test
    public void immediateShutdownMarksDrainedItemsDone() throws Exception {
        // CPython 3.13: shutdown(immediate=True) "calls task_done() for each remaining item", so a
        // join() waiting only for those returns (test_shutdown_immediate_join).
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(2);
        q.put(3);
        List<TestThreads.Task<Void>> joiners = List.of(startBlocked(threads, q::join), startBlocked(threads, q::join));
        q.shutdown(true);
        TestThreads.joinAll(joiners);
        assertEquals(0, q.unfinishedTasks());
        assertThrows(IllegalArgumentException.class, q::taskDone);
    }

    @Test
    public void immediateShutdownStillWaitsForItemsAlreadyTaken() throws Exception {
        // The item a consumer got before the shutdown stays unfinished until its taskDone().
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(2);
        q.put(3);
        q.get();
        TestThreads.Task<Void> joiner = startBlocked(threads, q::join);
        q.shutdown(true);
        assertEquals(0, q.qsize());
        assertEquals(1, q.unfinishedTasks());
        settle();
        assertTrue(joiner.isAlive(), "join() returned while a taken item was not done");
        q.taskDone();
        joiner.join();
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    public void shutdownWithoutImmediateDoesNotReleaseJoin() throws Exception {
        // CPython's test_shutdown_join: the items left must still be got and marked done.
        TestQueue<Integer> q = newQueue(0);
        q.put(1);
        q.put(2);
        TestThreads.Task<Void> joiner = startBlocked(threads, q::join);
        q.shutdown(false);
        settle();
        assertTrue(joiner.isAlive(), "shutdown(false) released join() with items unfinished");
        assertEquals(2, q.unfinishedTasks());
        q.get();
        q.taskDone();
        settle();
        assertTrue(joiner.isAlive(), "join() returned with one task unfinished");
        q.get();
        q.taskDone();
        joiner.join();
    }

    @Test
    public void shutdownPutJoin() throws Exception {
        shutdownPutJoin(false);
    }

    @Test
    public void immediateShutdownPutJoin() throws Exception {
        shutdownPutJoin(true);
    }

    private void shutdownPutJoin(boolean immediate) throws Exception {
        // CPython's test_shutdown_put_join / test_shutdown_immediate_put_join.
        TestQueue<Integer> q = newQueue(2);
        q.put(1); // not full
        TestThreads.Task<Void> joiner = startBlocked(threads, q::join);
        assertEquals(1, q.unfinishedTasks());
        q.shutdown(immediate);
        threads.run(() -> q.put(2)).joinThrows(ShutDown.class);
        if (immediate) {
            assertThrows(ShutDown.class, q::getNowait);
        } else {
            assertEquals(1, q.get());
            q.taskDone();
        }
        joiner.join();
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    public void shutdownGetTaskDoneJoin() throws Exception {
        // CPython's test_shutdown_get_task_done_join: getters that run after shutdown(False) still
        // get the items, and the joiners return once both are done.
        TestQueue<Integer> q = newQueue(2);
        q.put(1);
        q.put(2);
        assertEquals(q.unfinishedTasks(), q.qsize());
        List<TestThreads.Task<Void>> joiners = List.of(startBlocked(threads, q::join), startBlocked(threads, q::join));
        q.shutdown(false);
        List<TestThreads.Task<Integer>> getters = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            getters.add(threads.call(() -> {
                Integer item = q.get();
                q.taskDone();
                return item;
            }));
        }
        assertEquals(List.of(1, 2), sorted(TestThreads.joinAll(getters)));
        TestThreads.joinAll(joiners);
    }

    @Test
    public void shutdownWhileProducersAndConsumersRun() throws Exception {
        for (int maxsize : new int[] {0, 3}) {
            shutdownWhileBusy(maxsize, false);
        }
    }

    @Test
    public void immediateShutdownWhileProducersAndConsumersRun() throws Exception {
        for (int maxsize : new int[] {0, 3}) {
            shutdownWhileBusy(maxsize, true);
        }
    }

    /**
     * CPython's {@code _shutdown_all_methods_in_many_threads}: writers put until ShutDown (one of
     * them shuts the queue down after 2000 puts in all), readers get and mark done until ShutDown,
     * joiners wait. Nothing is received twice or invented; after a plain shutdown every item put is
     * received; after an immediate one the queue is empty; in both, every task ends done.
     */
    private void shutdownWhileBusy(int maxsize, boolean immediate) throws Exception {
        TestQueue<Integer> q = newQueue(maxsize);
        int writers = 4;
        int readers = 4;
        ConcurrentLinkedQueue<Integer> put = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        AtomicInteger puts = new AtomicInteger();
        List<TestThreads.Task<Void>> tasks = new ArrayList<>();
        tasks.addAll(threads.runMany(writers, w -> {
            for (int i = 0;; i++) {
                Integer item = w * 100_000_000 + i;
                try {
                    SimpleQueueContract.put(q, q, item, i % 4);
                } catch (ShutDown expected) {
                    return;
                }
                put.add(item);
                if (puts.incrementAndGet() == 2_000) {
                    q.shutdown(immediate);
                }
            }
        }));
        tasks.addAll(threads.runMany(readers, r -> {
            for (int n = 0;; n++) {
                Integer item;
                try {
                    item = SimpleQueueContract.get(q, (r + n) % 4);
                } catch (ShutDown expected) {
                    return;
                }
                got.add(item);
                q.taskDone();
            }
        }));
        tasks.addAll(threads.runMany(2, j -> q.join()));
        TestThreads.joinAll(tasks);
        String where = "maxsize " + maxsize + ", immediate " + immediate;
        assertTrue(q.isShutdown(), where);
        List<Integer> received = sorted(got);
        assertEquals(received.size(), new HashSet<>(received).size(), "an item was received twice, " + where);
        assertTrue(new HashSet<>(put).containsAll(received), "an item was received that nobody put, " + where);
        if (!immediate) {
            assertEquals(sorted(put), received, "items lost, " + where);
        }
        assertTrue(q.empty(), where);
        assertEquals(0, q.qsize(), where);
        assertEquals(0, q.unfinishedTasks(), where);
        threads.run(q::join).join();
    }
}
