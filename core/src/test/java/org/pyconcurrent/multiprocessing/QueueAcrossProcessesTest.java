package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;

/**
 * multiprocessing's queues between real processes (child JVMs): the seeds' writer / reader
 * program, producers that exit right after their last put, joining a producer before the queue
 * is drained, bounds, timeouts, {@code JoinableQueue} workers, many producers, {@code qsize} and
 * unserializable items in a child. Children report back through a second queue. Throughput is
 * not measured here.
 *
 * <p>Every child started is killed if still running (SIGKILL), joined and closed in
 * {@link #cleanUp()}, so a failing test leaves no JVM behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueAcrossProcessesTest {
    /** How long anything that should happen soon may take (children are JVMs: generous). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process p : started) {
            try {
                if (p.pid() == null) {
                    continue;
                }
                if (p.isAlive()) {
                    p.kill();
                }
                p.join(PATIENCE);
                p.close();
            } catch (IllegalStateException closedAlready) {
                // closed by the test
            }
        }
    }

    /** What a child runs; may throw anything (a checked exception ends it with exit code 1). */
    @FunctionalInterface
    interface ChildBody extends Serializable {
        void run() throws Exception;
    }

    /** Starts a child running {@code body}, tracked for {@link #cleanUp()}. */
    private Process start(ChildBody body) {
        Process p = new Process(wrap(body));
        started.add(p);
        p.start();
        return p;
    }

    private static SerializableRunnable wrap(ChildBody body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void joinOrFail(Process p) throws InterruptedException {
        assertTrue(p.join(PATIENCE), () -> p + " did not exit within " + PATIENCE);
    }

    /** Joins {@code p} and checks that it exited with {@code code}. */
    private static void assertExits(int code, Process p) throws InterruptedException {
        joinOrFail(p);
        assertEquals(code, p.exitcode(), () -> p + " exit code");
    }

    /** The next {@code n} items of {@code q}, each waited for at most {@link #PATIENCE}. */
    private static <E> List<E> take(Queue<E> q, int n) throws InterruptedException {
        List<E> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                items.add(q.get(PATIENCE));
            } catch (Empty e) {
                throw new AssertionError("only " + i + " of " + n + " items arrived within " + PATIENCE
                        + "; the first ones: " + items.subList(0, Math.min(10, items.size())), e);
            }
        }
        return items;
    }

    /** Asserts that nothing more arrives (after the producers' exit, and a little longer). */
    private static void assertNothingMore(Queue<?> q) throws InterruptedException {
        assertThrows(Empty.class, () -> q.get(Duration.ofMillis(200)), "an item too many arrived");
        assertEquals(0, q.qsize());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the seed's program --------------------------------------------------------------------

    /**
     * Seed 000's writer / reader: the parent makes the queue; a writer child puts 'A', 'B', 'C'
     * with a sleep after each; a reader child gets in an endless loop; the parent joins the writer
     * and terminates the reader. The reader reports each item through a second queue (a
     * SimpleQueue); the parent waits for the three reports before it terminates the reader.
     * Then a new child must still reach this process's queues. Runs last: should terminating a
     * child break this process's host, only this test shows it, not every test after it.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void seedWriterAndReader() throws Exception {
        Queue<String> q = new Queue<>();
        SimpleQueue<String> report = new SimpleQueue<>();
        Process pw = start(() -> {
            for (String value : List.of("A", "B", "C")) {
                q.put(value);
                Thread.sleep(50);
            }
        });
        Process pr = start(() -> {
            while (true) {
                String value = q.get(); // Python: q.get(True)
                report.put(value);
            }
        });
        assertExits(0, pw);
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (got.size() < 3 && System.nanoTime() < deadline) {
            if (!report.empty()) {
                got.add(report.get());
            } else {
                Thread.sleep(5);
            }
        }
        assertEquals(List.of("A", "B", "C"), got, "the reader got every item, in order");
        assertTrue(pr.isAlive(), "the reader loops forever");
        pr.terminate();
        assertExits(-15, pr);
        assertTrue(report.empty(), "the reader reported an item nobody put");
        assertEquals(0, q.qsize());
        // Terminating a child leaves this process's queues usable: a new child reaches them.
        Queue<String> fresh = new Queue<>();
        Process after = start(() -> fresh.put("D"));
        assertExits(0, after);
        assertEquals("D", fresh.get(PATIENCE), "a child started after the terminate cannot reach the queue");
    }

    // ---- nothing lost -----------------------------------------------------------------------------

    @Test
    void oneHundredThousandIntegersFromAChildArriveInOrder() throws Exception {
        Queue<Integer> q = new Queue<>();
        int n = 100_000;
        Process p = start(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
            q.put(null); // the None sentinel
        });
        int count = 0;
        for (Integer v = q.get(PATIENCE); v != null; v = q.get(PATIENCE)) {
            if (v != count) {
                assertEquals(count, v, "item " + count);
            }
            count++;
        }
        assertEquals(n, count);
        assertExits(0, p);
        assertNothingMore(q);
    }

    /** 0, 1, ..., n - 1. */
    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    void aProducerThatReturnsRightAfterItsLastPutLosesNothing() throws Exception {
        Queue<Integer> q = new Queue<>();
        Process p = start(() -> {
            for (int i = 0; i < 1_000; i++) {
                q.put(i);
            }
        });
        assertExits(0, p);
        assertEquals(range(1_000), take(q, 1_000));
        assertNothingMore(q);
    }

    @Test
    void aProducerThatCallsSystemExitRightAfterItsLastPutLosesNothing() throws Exception {
        Queue<Integer> q = new Queue<>();
        Process p = start(() -> {
            for (int i = 0; i < 1_000; i++) {
                q.put(i);
            }
            System.exit(0);
        });
        assertExits(0, p);
        assertEquals(range(1_000), take(q, 1_000));
        assertNothingMore(q);
    }

    @Test
    void joiningAProducerBeforeDrainingTheQueueDoesNotDeadlock() throws Exception {
        // CPython's documented pitfall ("joining processes that use queues"): there a child waits
        // at exit until its feeder thread has flushed everything into the pipe. Here it must not.
        Queue<String> q = new Queue<>();
        int n = 10_000;
        Process p = start(() -> {
            String payload = "x".repeat(100);
            for (int i = 0; i < n; i++) {
                q.put(i + payload);
            }
        });
        assertTrue(p.join(PATIENCE), "joining the producer before draining the queue deadlocked");
        assertEquals(0, p.exitcode());
        List<String> got = take(q, n);
        for (int i = 0; i < n; i++) {
            assertTrue(got.get(i).startsWith(i + "x"), () -> "out of order: " + got.subList(0, 5));
        }
        assertNothingMore(q);
    }

    @Test
    void manyProducersOneConsumerEveryItemExactlyOnce() throws Exception {
        Queue<Integer> q = new Queue<>();
        int producers = 3;
        int each = 2_000;
        List<Process> ps = new ArrayList<>();
        for (int k = 0; k < producers; k++) {
            int base = k * each;
            ps.add(start(() -> {
                for (int i = 0; i < each; i++) {
                    q.put(base + i);
                }
            }));
        }
        int[] times = new int[producers * each];
        int[] last = {-1, -1, -1};
        for (int item : take(q, producers * each)) {
            times[item]++;
            int k = item / each;
            assertTrue(item > last[k], "producer " + k + "'s items out of order: " + item + " after " + last[k]);
            last[k] = item;
        }
        for (int i = 0; i < times.length; i++) {
            assertEquals(1, times[i], "item " + i);
        }
        for (Process p : ps) {
            assertExits(0, p);
        }
        assertNothingMore(q);
    }

    // ---- bounds and timeouts ----------------------------------------------------------------------

    @Test
    void aChildsPutIntoAFullQueueBlocksUntilTheParentGets() throws Exception {
        Queue<Integer> q = new Queue<>(2);
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            q.put(1);
            q.put(2);
            report.put("two in; full=" + q.full() + " qsize=" + q.qsize());
            try {
                q.putNowait(3);
                report.put("putNowait: no Full");
            } catch (Full expected) {
                report.put("putNowait: Full");
            }
            try {
                q.put(3, false);
                report.put("put(false): no Full");
            } catch (Full expected) {
                report.put("put(false): Full");
            }
            long t0 = System.nanoTime();
            try {
                q.put(3, Duration.ofMillis(200));
                report.put("put(200 ms): no Full");
            } catch (Full expected) {
                report.put("put(200 ms): Full after at least 200 ms: " + (System.nanoTime() - t0 >= 195_000_000L));
            }
            report.put("blocking");
            q.put(3); // waits for the parent's get
            report.put("put 3");
            q.put(4, Duration.ofSeconds(30)); // waits for the parent's next get
            report.put("put 4");
        });
        assertEquals(List.of("two in; full=true qsize=2", "putNowait: Full", "put(false): Full",
                "put(200 ms): Full after at least 200 ms: true", "blocking"), take(report, 5));
        Thread.sleep(300);
        assertTrue(report.empty(), () -> "the child's put into a full queue returned: " + report.getNowait());
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        assertTrue(p.isAlive());
        assertEquals(1, q.get());
        assertEquals("put 3", take(report, 1).get(0), "the parent's get let the child's put in");
        Thread.sleep(300);
        assertTrue(report.empty(), "the child's timed put into a full queue returned");
        assertEquals(2, q.get());
        assertEquals("put 4", take(report, 1).get(0));
        assertExits(0, p);
        assertEquals(List.of(3, 4), take(q, 2));
        assertNothingMore(q);
    }

    @Test
    void aChildsGetOnAnEmptyQueueRaisesEmptyAfterItsTimeout() throws Exception {
        Queue<Integer> q = new Queue<>();
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            try {
                q.getNowait();
                report.put("getNowait: no Empty");
            } catch (Empty expected) {
                report.put("getNowait: Empty");
            }
            try {
                q.get(false);
                report.put("get(false): no Empty");
            } catch (Empty expected) {
                report.put("get(false): Empty");
            }
            long t0 = System.nanoTime();
            try {
                q.get(Duration.ofMillis(200));
                report.put("get(200 ms): no Empty");
            } catch (Empty expected) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                report.put("get(200 ms): Empty after at least 200 ms: " + (ms >= 195));
            }
            System.exit(q.qsize() == 0 ? 7 : 8);
        });
        assertEquals(List.of("getNowait: Empty", "get(false): Empty", "get(200 ms): Empty after at least 200 ms: true"),
                take(report, 3));
        assertExits(7, p);
    }

    @Test
    void aChildsBlockingGetIsWokenByTheParentsPutAndAnInterruptedOneTakesNothing() throws Exception {
        Queue<Integer> q = new Queue<>();
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            // A thread blocked in get() is interrupted: InterruptedException, and no item taken.
            AtomicReference<String> outcome = new AtomicReference<>("nothing");
            Thread getter = new Thread(() -> {
                try {
                    outcome.set("got " + q.get());
                } catch (InterruptedException e) {
                    outcome.set("interrupted");
                }
            });
            getter.start();
            Thread.sleep(300);
            getter.interrupt();
            getter.join(30_000);
            report.put(outcome.get());
            report.put("ready"); // the parent puts only now
            report.put("got " + q.get(Duration.ofSeconds(30)));
            report.put("qsize " + q.qsize());
        });
        assertEquals(List.of("interrupted", "ready"), take(report, 2));
        Thread.sleep(200); // the child's get is waiting
        q.put(42);
        assertEquals(List.of("got 42", "qsize 0"), take(report, 2), "the interrupted get left the item");
        assertExits(0, p);
        assertNothingMore(q);
    }

    @Test
    void aChildsBlockedPutThatIsInterruptedPutsNothing() throws Exception {
        Queue<Integer> q = new Queue<>(1);
        Queue<String> report = new Queue<>();
        q.put(1);
        Process p = start(() -> {
            AtomicReference<String> outcome = new AtomicReference<>("nothing");
            Thread putter = new Thread(() -> {
                try {
                    q.put(2);
                    outcome.set("put");
                } catch (InterruptedException e) {
                    outcome.set("interrupted");
                }
            });
            putter.start();
            Thread.sleep(300);
            putter.interrupt();
            putter.join(30_000);
            report.put(outcome.get() + ", qsize " + q.qsize());
        });
        assertEquals("interrupted, qsize 1", report.get(PATIENCE));
        assertExits(0, p);
        assertEquals(1, q.getNowait());
        assertNothingMore(q);
    }

    // ---- JoinableQueue ---------------------------------------------------------------------------

    @Test
    void aChildsJoinReturnsOnceTheParentHasMarkedEveryTaskDone() throws Exception {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        Queue<String> report = new Queue<>();
        q.put(1);
        q.put(2);
        Process p = start(() -> {
            report.put("joining");
            q.join();
            report.put("joined");
        });
        assertEquals("joining", report.get(PATIENCE));
        q.get();
        q.taskDone();
        assertThrows(Empty.class, () -> report.get(Duration.ofMillis(300)), "join() returned with a task unfinished");
        q.get();
        q.taskDone();
        assertEquals("joined", report.get(PATIENCE));
        assertExits(0, p);
    }

    @Test
    void joinableQueueWithTwoWorkerChildren() throws Exception {
        // CPython's test_queue_join with processes: workers get 0..99, report each, task_done; the
        // parent's join() returns once all are done, and by then every report has arrived.
        JoinableQueue<Integer> q = new JoinableQueue<>();
        Queue<Integer> results = new Queue<>();
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(start(() -> {
                for (;;) {
                    int x = q.get();
                    if (x < 0) {
                        q.taskDone();
                        return;
                    }
                    results.put(x);
                    q.taskDone();
                }
            }));
        }
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        q.join();
        int sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += results.getNowait(); // no waiting: what a worker did before task_done is visible
        }
        assertEquals(4950, sum, "join() did not wait until all tasks were done");
        assertTrue(results.empty());
        for (int w = 0; w < 2; w++) {
            q.put(-1); // tell the workers to stop
        }
        q.join(); // joining twice works
        for (Process w : workers) {
            assertExits(0, w);
        }
        assertEquals(0, MultiprocessingQueueContractTest.holder(q).unfinishedTasks());
        assertTrue(q.empty());
    }

    @Test
    void taskDoneTooManyTimesInAChildIsRefused() throws Exception {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        Queue<String> report = new Queue<>();
        q.put(1);
        Process p = start(() -> {
            q.get();
            q.taskDone();
            try {
                q.taskDone();
                report.put("no error");
            } catch (IllegalArgumentException e) {
                report.put("IllegalArgumentException: " + e.getMessage());
            }
        });
        assertEquals("IllegalArgumentException: taskDone() called too many times", take(report, 1).get(0));
        assertExits(0, p);
        q.join();
    }

    // ---- qsize, unserializable items ---------------------------------------------------------------

    @Test
    void qsizeInAChildCountsWhatItPut() throws Exception {
        Queue<Integer> unbounded = new Queue<>();
        Queue<Integer> bounded = new Queue<>(10);
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            report.put("before: " + unbounded.qsize() + " " + unbounded.empty() + " " + bounded.qsize());
            for (int i = 0; i < 7; i++) {
                unbounded.put(i);
            }
            for (int i = 0; i < 3; i++) {
                bounded.put(i);
            }
            report.put("after: " + unbounded.qsize() + " " + unbounded.empty() + " " + unbounded.full() + " "
                    + bounded.qsize() + " " + bounded.full() + " " + bounded.maxsize());
            unbounded.get();
            report.put("after a get: " + unbounded.qsize());
        });
        assertEquals(List.of("before: 0 true 0", "after: 7 false false 3 false 10", "after a get: 6"),
                take(report, 3));
        assertExits(0, p);
        assertEquals(6, unbounded.qsize());
        assertEquals(3, bounded.qsize());
    }

    /** Not Serializable. */
    static final class Unpicklable {
    }

    @Test
    void anUnserializableItemPutInAChildFailsThereAndSendsNothing() throws Exception {
        Queue<Object> q = new Queue<>();
        Queue<Object> bounded = new Queue<>(5);
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            for (Queue<Object> target : List.of(bounded, q)) {
                try {
                    target.put(new Unpicklable());
                    report.put("no error");
                } catch (IllegalArgumentException e) {
                    report.put("IllegalArgumentException naming the class: "
                            + e.getMessage().contains(Unpicklable.class.getName()));
                }
            }
            q.put("after");
            q.put(new Unpicklable()); // uncaught: the child fails
        });
        assertEquals(List.of("IllegalArgumentException naming the class: true",
                "IllegalArgumentException naming the class: true"), take(report, 2));
        assertExits(1, p);
        assertEquals("after", q.get(PATIENCE), "only what could be serialized arrived");
        assertNothingMore(q);
        assertNothingMore(bounded);
    }

    @Test
    void aQueueMadeInAChildServesTheParent() throws Exception {
        // A queue travels inside an item too; then its holder is the child, and the parent
        // reaches it through the child's host.
        Queue<Queue<String>> back = new Queue<>();
        Queue<String> go = new Queue<>();
        Queue<String> report = new Queue<>();
        Process p = start(() -> {
            Queue<String> mine = new Queue<>(2);
            mine.put("from the child");
            back.put(mine);
            go.get();
            report.put(mine.qsize() + " " + mine.getNowait() + " " + mine.getNowait() + " " + mine.empty());
        });
        Queue<String> theirs = back.get(PATIENCE);
        assertEquals(2, theirs.maxsize());
        assertEquals("from the child", theirs.get(PATIENCE));
        theirs.put("from the parent");
        theirs.put("second", PATIENCE);
        assertTrue(theirs.full());
        assertEquals(2, theirs.qsize());
        assertThrows(Full.class, () -> theirs.putNowait("third"));
        long start = System.nanoTime();
        assertThrows(Full.class, () -> theirs.put("third", Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= 195_000_000L, "a timed put on the child's full queue waited");
        go.put("go");
        assertEquals("2 from the parent second true", report.get(PATIENCE));
        assertExits(0, p);
    }

    @Test
    void aNoneSentinelCrossesProcesses() throws Exception {
        Queue<String> q = new Queue<>();
        Process p = start(() -> {
            q.put("first");
            q.put(null);
            q.put("last");
        });
        assertEquals("first", q.get(PATIENCE));
        assertNull(q.get(PATIENCE));
        assertEquals("last", q.get(PATIENCE));
        assertExits(0, p);
        assertFalse(q.full());
        assertNothingMore(q);
    }

    @Test
    void aWriterKilledMidStreamCorruptsNothingAndOthersGoOn() throws Exception {
        Queue<String> q = new Queue<>();
        Process doomed = start(() -> {
            String big = "x".repeat(50_000);  // large items: the kill likely lands mid-message
            for (int i = 0; ; i++) {
                q.put(i + ":" + big);
            }
        });
        String first = q.get(PATIENCE);
        assertTrue(first.startsWith("0:"), "the writer writes");
        doomed.kill();
        joinOrFail(doomed);
        int received = 1;
        for (;;) {  // whatever the writer sent whole arrives whole, in order; then nothing
            String item;
            try {
                item = q.get(Duration.ofMillis(500));
            } catch (Empty drained) {
                break;
            }
            assertTrue(item.startsWith(received + ":") && item.length() == String.valueOf(received).length() + 50_001,
                    "item " + received + " arrived whole");
            received++;
        }
        Process next = start(() -> q.put("after the kill"));
        assertEquals("after the kill", q.get(PATIENCE), "another writer's items still arrive");
        assertExits(0, next);
    }
}
