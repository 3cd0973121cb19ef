package org.pyconcurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.queue.QueueChecks.startBlocked;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;

/**
 * What a priority queue adds to the {@link QueueContract}: natural order and comparators, ties in
 * insertion order (a guarantee CPython's heap does not give, documented by {@link PriorityQueue}),
 * None with a null-aware comparator, and the items a natural order refuses. The inherited contract
 * runs on queues ordered by {@link ItemOrder#NONE_LAST}.
 */
public abstract class PriorityQueueContract extends QueueContract {

    /**
     * A new, empty priority queue.
     *
     * @param maxsize its bound; 0 or less means unbounded
     * @param comparator its order; null for the items' natural order
     */
    protected abstract <E> TestQueue<E> newPriorityQueue(int maxsize, Comparator<? super E> comparator);

    @Override
    protected final TestQueue<Integer> newQueue(int maxsize) {
        return newPriorityQueue(maxsize, ItemOrder.NONE_LAST);
    }

    /** Python's {@code (priority, data)} tuple, comparable by priority only. */
    record Job(int priority, String name) implements Comparable<Job> {
        @Override
        public int compareTo(Job other) {
            return Integer.compare(priority, other.priority);
        }
    }

    /** The same without a natural order. */
    record Plain(int priority, String name) {
    }

    /** An item that is not {@link Comparable}. */
    static final class NotComparable {
        @Override
        public String toString() {
            return "a NotComparable";
        }
    }

    /** What the failing comparator of {@link #comparatorFailureLeavesTheQueueUnchanged()} throws. */
    static final class RankingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RankingFailure(String message) {
            super(message);
        }
    }

    private static <E> List<E> getAll(TestQueue<E> q) {
        List<E> items = new ArrayList<>();
        for (int n = q.qsize(); n > 0; n--) {
            items.add(q.getNowait());
        }
        return items;
    }

    // ---- order ----------------------------------------------------------------------------------

    @Test
    public void naturalOrder() throws Exception {
        TestQueue<Integer> q = newPriorityQueue(0, null);
        q.put(111);
        q.put(333);
        q.put(222);
        assertEquals(List.of(111, 222, 333), getAll(q));
        TestQueue<String> words = newPriorityQueue(3, null);
        words.put("pear");
        words.put("apple");
        words.put("fig");
        assertEquals(List.of("apple", "fig", "pear"), getAll(words));
    }

    @Test
    public void equalPrioritiesComeOutInInsertionOrder() throws Exception {
        for (int maxsize : new int[] {0, 6}) {
            TestQueue<Job> q = newPriorityQueue(maxsize, null);
            q.put(new Job(2, "a"));
            q.put(new Job(1, "b"));
            q.put(new Job(2, "c"));
            q.put(new Job(1, "d"));
            q.put(new Job(3, "e"));
            q.put(new Job(1, "f"));
            List<String> names = getAll(q).stream().map(Job::name).toList();
            assertEquals(List.of("b", "d", "f", "a", "c", "e"), names, "maxsize " + maxsize);
        }
    }

    @Test
    public void manyTiesStayInInsertionOrderAcrossGets() throws Exception {
        TestQueue<Job> q = newPriorityQueue(0, null);
        List<Job> model = new ArrayList<>();
        List<Job> got = new ArrayList<>();
        List<Job> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Job job = new Job(i % 7, "job" + i);
            q.put(job);
            int at = model.size();
            while (at > 0 && model.get(at - 1).priority() > job.priority()) {
                at--;
            }
            model.add(at, job);
            if (i % 3 == 2) {
                got.add(q.get());
                expected.add(model.remove(0));
            }
        }
        got.addAll(getAll(q));
        expected.addAll(model);
        assertEquals(expected, got);
    }

    @Test
    public void comparatorOrderWithStableTies() throws Exception {
        TestQueue<Plain> q = newPriorityQueue(0, Comparator.comparingInt(Plain::priority));
        q.put(new Plain(5, "a"));
        q.put(new Plain(1, "b"));
        q.put(new Plain(5, "c"));
        q.put(new Plain(1, "d"));
        assertEquals(List.of("b", "d", "a", "c"), getAll(q).stream().map(Plain::name).toList());
        TestQueue<Plain> reversed = newPriorityQueue(4, Comparator.comparingInt(Plain::priority).reversed());
        reversed.put(new Plain(5, "a"));
        reversed.put(new Plain(1, "b"));
        reversed.put(new Plain(5, "c"));
        reversed.put(new Plain(1, "d"));
        assertEquals(List.of("a", "c", "b", "d"), getAll(reversed).stream().map(Plain::name).toList());
    }

    @Test
    public void nullAwareComparatorPlacesNone() throws Exception {
        // "With a comparator, null is passed to it like any item (use Comparator.nullsLast to put a
        // None sentinel last)."
        TestQueue<Integer> last = newPriorityQueue(0, Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
        TestQueue<Integer> first = newPriorityQueue(0, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()));
        for (TestQueue<Integer> q : List.of(last, first)) {
            q.put(3);
            q.put(null);
            q.put(1);
            q.put(null);
            q.put(2);
            assertEquals(5, q.qsize());
            assertEquals(5, q.unfinishedTasks());
        }
        assertEquals(ItemOrder.PRIORITY.expected(3, null, 1, null, 2), getAll(last));
        assertEquals(Arrays.asList(1, 2, 3, null, null), ItemOrder.PRIORITY.expected(3, null, 1, null, 2));
        assertEquals(Arrays.asList(null, null, 1, 2, 3), getAll(first));
    }

    // ---- refused items --------------------------------------------------------------------------

    @Test
    public void naturalOrderRefusesNone() throws Exception {
        // The Javadoc: NullPointerException at put; Python raises TypeError when it compares.
        TestQueue<Integer> q = newPriorityQueue(2, null);
        assertThrows(NullPointerException.class, () -> q.put(null), "refused even on an empty queue");
        q.put(1);
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertThrows(NullPointerException.class, () -> q.put(null, true));
        assertThrows(NullPointerException.class, () -> q.put(null, false));
        assertThrows(NullPointerException.class, () -> q.put(null, PATIENCE));
        assertThrows(NullPointerException.class, () -> q.putNowait(null));
        assertEquals(1, q.qsize(), "a refused None changed the queue");
        assertEquals(1, q.unfinishedTasks(), "a refused None counted a task");
        // Refused at once on a full queue, not after waiting for room.
        q.put(2);
        threads.run(() -> assertThrows(NullPointerException.class, () -> q.put(null))).join();
        assertEquals(List.of(1, 2), getAll(q));
    }

    @Test
    public void naturalOrderRefusesNonComparableItemsNamingTheClass() throws Exception {
        TestQueue<Object> q = newPriorityQueue(2, null);
        ClassCastException e = assertThrows(ClassCastException.class, () -> q.put(new NotComparable()));
        assertMentions(e, NotComparable.class.getName());
        q.put(1);
        assertMentions(assertThrows(ClassCastException.class, () -> q.putNowait(new Object())), "java.lang.Object");
        assertThrows(ClassCastException.class, () -> q.put(new NotComparable(), PATIENCE));
        assertThrows(ClassCastException.class, () -> q.put(new NotComparable(), false));
        assertEquals(1, q.qsize(), "a refused item changed the queue");
        assertEquals(1, q.unfinishedTasks(), "a refused item counted a task");
        BlockingQueue<Object> view = q.asBlockingQueue();
        assertThrows(ClassCastException.class, () -> view.offer(new NotComparable()));
        assertEquals(1, q.qsize());
        q.put(2);
        threads.run(() -> assertThrows(ClassCastException.class, () -> q.put(new NotComparable()))).join();
        assertEquals(List.<Object>of(1, 2), getAll(q));
    }

    @Test
    public void incomparableItemIsRefusedWithoutDamage() throws Exception {
        // Integer and String are each Comparable but not with each other: the comparison at put
        // fails (Python: TypeError). The queue must stay as it was: same size, same tasks, its
        // room not lost.
        TestQueue<Object> q = newPriorityQueue(2, null);
        q.put(1);
        assertThrows(ClassCastException.class, () -> q.put("one"));
        assertEquals(1, q.qsize(), "qsize() counts the refused item");
        assertEquals(1, q.unfinishedTasks(), "unfinishedTasks() counts the refused item");
        q.putNowait(2);
        assertTrue(q.full());
        assertEquals(List.<Object>of(1, 2), getAll(q));
        assertThrows(Empty.class, q::getNowait);
    }

    @Test
    public void comparatorFailureLeavesTheQueueUnchanged() throws Exception {
        // Like CPython's FailingQueueTest: a put whose ordering step raises leaves the queue
        // undamaged.
        int poison = 666;
        Comparator<Integer> failing = (a, b) -> {
            if (a == poison || b == poison) {
                throw new RankingFailure("cannot rank " + poison);
            }
            return Integer.compare(a, b);
        };
        TestQueue<Integer> q = newPriorityQueue(3, failing);
        q.put(2);
        q.put(1);
        assertThrows(RankingFailure.class, () -> q.put(poison));
        assertEquals(2, q.qsize(), "qsize() counts the item the comparator refused");
        assertEquals(2, q.unfinishedTasks(), "unfinishedTasks() counts the item the comparator refused");
        q.putNowait(3);
        assertTrue(q.full());
        assertEquals(List.of(1, 2, 3), getAll(q));
        assertThrows(Empty.class, q::getNowait);
        TestThreads.Task<Integer> getter = startBlocked(threads, () -> q.get());
        q.put(4);
        assertEquals(4, getter.join());
        for (int i = 0; i < 4; i++) {
            q.taskDone();
        }
        threads.run(q::join).join();
        assertEquals(0, q.unfinishedTasks());
    }

    // ---- a get held up while it takes an item ---------------------------------------------------

    @Test
    public void getterOfAShutDownQueueIsNotStrandedByATakeStillInProgress() throws Exception {
        // A get that finds a shut-down queue empty while another get is still taking the last
        // item must end with ShutDown once that take completes. To hold a take in progress, the
        // comparator blocks for one consumer thread: stores call the comparator while they
        // remove an item (a binary heap to sift, a skip list to clean its index).
        AtomicReference<Thread> slowThread = new AtomicReference<>();
        CountDownLatch slowCompare = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Comparator<Integer> heldUp = (a, b) -> {
            if (Thread.currentThread() == slowThread.get() && slowCompare.getCount() > 0) {
                slowCompare.countDown();
                try {
                    release.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Integer.compare(a, b);
        };
        TestQueue<Integer> q = newPriorityQueue(0, heldUp);
        int n = 64;
        for (int i = 0; i < n; i++) {
            q.put(i);
        }
        q.shutdown(false);
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        TestThreads.Task<Void> slow = threads.run(() -> {
            slowThread.set(Thread.currentThread());
            getUntilShutDown(q, got);
        });
        assertTrue(slowCompare.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS),
                "the comparator was not called by a get");
        // Another consumer takes everything else it can without waiting; then a third one looks.
        TestThreads.Task<Void> drainer = threads.run(() -> {
            for (;;) {
                try {
                    got.add(q.getNowait());
                } catch (Empty | ShutDown e) {
                    return;
                }
            }
        });
        awaitBlockedOrEnded(drainer);
        TestThreads.Task<Void> late = threads.run(() -> getUntilShutDown(q, got));
        awaitBlockedOrEnded(late);
        release.countDown();
        slow.join();
        drainer.join();
        late.thread().join(PATIENCE);
        assertFalse(late.isAlive(), () -> "a get() of a shut-down queue stayed blocked after the take in progress "
                + "completed (qsize()=" + q.qsize() + ", isShutdown()=" + q.isShutdown() + ")");
        late.join();
        assertEquals(QueueChecks.range(n), QueueChecks.sorted(got));
        assertTrue(q.empty());
    }

    private static void getUntilShutDown(TestQueue<Integer> q, Collection<Integer> got) throws InterruptedException {
        for (;;) {
            try {
                got.add(q.get());
            } catch (ShutDown e) {
                return;
            }
        }
    }

    /** Waits (at most about a second) until the task's thread is blocked or has ended. */
    private static void awaitBlockedOrEnded(TestThreads.Task<?> task) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() - deadline < 0) {
            Thread.State state = task.thread().getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.sleep(1);
        }
    }
}
