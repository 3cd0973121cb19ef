package org.pyconcurrent.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.pyconcurrent.threading.TestThreads;

/** Small checks the queue contracts share; threads are started with {@link TestThreads}. */
final class QueueChecks {
    private QueueChecks() {
    }

    /** Takes every item the queue holds now with {@code getNowait()}, in the order it hands them out. */
    static List<Integer> takeAll(TestSimpleQueue<Integer> q) {
        List<Integer> items = new ArrayList<>();
        for (int n = q.qsize(); n > 0; n--) {
            items.add(q.getNowait());
        }
        return items;
    }

    /** The items sorted, None last (a multiset comparison for queues of any order). */
    static List<Integer> sorted(Collection<Integer> items) {
        List<Integer> list = new ArrayList<>(items);
        list.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return list;
    }

    /** 0, 1, ..., n - 1. */
    static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /**
     * Starts {@code body} in a thread and checks that it blocks: it parks, and is still running a
     * moment later.
     */
    static <T> TestThreads.Task<T> startBlocked(TestThreads threads, TestThreads.Body<T> body)
            throws InterruptedException {
        TestThreads.Task<T> task = threads.call(body);
        task.awaitParked();
        TestThreads.settle();
        assertTrue(task.isAlive(), "the call returned instead of blocking");
        return task;
    }

    /** {@link #startBlocked(TestThreads, TestThreads.Body)} for a body without result. */
    static TestThreads.Task<Void> startBlocked(TestThreads threads, TestThreads.VoidBody body)
            throws InterruptedException {
        return startBlocked(threads, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Asserts that a wait that began at {@code startNanos} ended within {@code limit}: a generous
     * bound that only catches a call that waited when it should not have (or far too long).
     */
    static void assertWaitedAtMost(Duration limit, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        assertTrue(elapsed <= limit.toNanos(), () -> "returned after " + Duration.ofNanos(elapsed)
                + ", more than " + limit);
    }
}
