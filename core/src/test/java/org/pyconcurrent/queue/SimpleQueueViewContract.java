package org.pyconcurrent.queue;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.queue.QueueChecks.assertWaitedAtMost;
import static org.pyconcurrent.queue.QueueChecks.startBlocked;
import static org.pyconcurrent.queue.QueueChecks.takeAll;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * What the {@link java.util.concurrent.BlockingQueue} view of an unbounded queue does (the rules
 * are on {@link Queue#asBlockingQueue()}): the JDK's contract over the same items, null refused,
 * None items coming out as null, removal from the middle unsupported. Holds for every queue class
 * here, {@code SimpleQueue} included; {@link QueueViewContract} adds bounds, tasks and shutdown.
 */
public abstract class SimpleQueueViewContract extends ThreadedTest {

    /** A new, empty, unbounded queue whose {@link TestSimpleQueue#asBlockingQueue()} works. */
    protected abstract TestSimpleQueue<Integer> newUnboundedQueue();

    @Test
    public void offerPollPeekAndSize() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        assertTrue(v.isEmpty());
        assertEquals(0, v.size());
        assertNull(v.peek());
        assertNull(v.poll());
        assertEquals(Integer.MAX_VALUE, v.remainingCapacity());
        assertTrue(v.offer(111));
        assertTrue(v.add(333));
        v.put(222);
        assertTrue(v.offer(444, 1, SECONDS));
        assertEquals(4, v.size());
        assertEquals(4, q.qsize());
        assertFalse(v.isEmpty());
        assertEquals(Integer.MAX_VALUE, v.remainingCapacity());
        List<Integer> expected = q.order().expected(111, 333, 222, 444);
        assertEquals(expected.get(0), v.peek());
        assertEquals(expected.get(0), v.element());
        assertEquals(4, v.size(), "peek() removed the item");
        assertEquals(expected.get(0), v.poll());
        assertEquals(expected.get(1), v.take());
        assertEquals(expected.get(2), v.poll(1, SECONDS));
        assertEquals(expected.get(3), v.remove());
        assertNull(v.poll());
        assertNull(v.peek());
        assertThrows(NoSuchElementException.class, v::remove);
        assertThrows(NoSuchElementException.class, v::element);
        assertTrue(q.empty());
    }

    @Test
    public void refusesNull() throws Exception {
        // The JDK's rule; the Python API's put(null) is None.
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        assertThrows(NullPointerException.class, () -> v.offer(null));
        assertThrows(NullPointerException.class, () -> v.add(null));
        assertThrows(NullPointerException.class, () -> v.put(null));
        assertThrows(NullPointerException.class, () -> v.offer(null, 1, SECONDS));
        assertEquals(0, v.size());
        assertTrue(q.empty());
    }

    @Test
    public void sharesItemsWithThePythonApi() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        q.put(1);
        assertEquals(1, v.size());
        assertEquals(1, v.poll());
        v.offer(2);
        assertEquals(1, q.qsize());
        assertEquals(2, q.get());
        v.put(3);
        assertEquals(3, q.getNowait());
        assertTrue(q.empty());
        assertTrue(v.isEmpty());
    }

    @Test
    public void pollWaitsItsTimeoutOnAnEmptyQueue() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        long start = System.nanoTime();
        assertNull(v.poll(SHORT.toMillis(), MILLISECONDS));
        assertWaitedAtLeast(SHORT, start);
        assertWaitedAtMost(SHORT.plus(PATIENCE), start);
        // The JDK's rule: a timeout that is not positive does not wait.
        threads.run(() -> {
            assertNull(v.poll(0, SECONDS));
            assertNull(v.poll(-5, SECONDS));
            assertNull(v.poll());
        }).join();
    }

    @Test
    public void takeAndTimedPollAreWokenByPut() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        TestThreads.Task<Integer> taker = startBlocked(threads, v::take);
        q.put(1);
        assertEquals(1, taker.join());
        TestThreads.Task<Integer> poller = startBlocked(threads, () -> v.poll(PATIENCE.toMillis(), MILLISECONDS));
        v.offer(2);
        assertEquals(2, poller.join());
        assertTrue(v.isEmpty());
    }

    @Test
    public void interruptedTakeThrowsAndTakesNothing() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        TestThreads.Task<Integer> taker = startBlocked(threads, v::take);
        TestThreads.Task<Integer> poller = startBlocked(threads, () -> v.poll(PATIENCE.toMillis(), MILLISECONDS));
        taker.interrupt();
        poller.interrupt();
        taker.joinThrows(InterruptedException.class);
        poller.joinThrows(InterruptedException.class);
        v.offer(5);
        assertEquals(5, q.getNowait());
    }

    @Test
    public void viewCallsThatNeedNotWaitIgnoreTheInterruptStatus() throws Exception {
        // The JDK's offer(e), poll(), peek(), size(), drainTo and clear never throw
        // InterruptedException; the view must not fail for an interrupted caller either.
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        Integer first = q.order().expected(1, 2).get(0);
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            SimpleQueueContract.interruptedCall(p, "offer(e)", () -> assertTrue(v.offer(1)));
            SimpleQueueContract.interruptedCall(p, "add(e)", () -> assertTrue(v.add(2)));
            SimpleQueueContract.interruptedCall(p, "size()", () -> assertEquals(2, v.size()));
            SimpleQueueContract.interruptedCall(p, "peek()", () -> assertEquals(first, v.peek()));
            SimpleQueueContract.interruptedCall(p, "poll() with an item there", () -> assertTrue(v.poll() != null));
            SimpleQueueContract.interruptedCall(p, "drainTo(c)", () -> assertEquals(1, v.drainTo(new ArrayList<>())));
            SimpleQueueContract.interruptedCall(p, "poll() on an empty queue", () -> assertNull(v.poll()));
            q.put(3);
            SimpleQueueContract.interruptedCall(p, "clear()", v::clear);
            return p;
        }).join();
        assertEquals(List.of(), problems);
        assertTrue(q.empty());
    }

    @Test
    public void drainTo() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        for (int item : new int[] {3, 1, 4, 5, 2}) {
            q.put(item);
        }
        List<Integer> expected = q.order().expected(3, 1, 4, 5, 2);
        List<Integer> sink = new ArrayList<>();
        assertEquals(0, v.drainTo(sink, 0));
        assertEquals(5, v.size());
        assertEquals(2, v.drainTo(sink, 2));
        assertEquals(expected.subList(0, 2), sink);
        assertEquals(3, v.size());
        assertEquals(3, v.drainTo(sink));
        assertEquals(expected, sink);
        assertEquals(0, v.drainTo(sink));
        assertTrue(q.empty());
        // A None item is drained as null.
        q.put(null);
        assertEquals(1, v.drainTo(sink));
        assertEquals(6, sink.size());
        assertNull(sink.get(5));
        // Draining into itself is refused, and removes nothing.
        q.put(7);
        assertThrows(IllegalArgumentException.class, () -> v.drainTo(v));
        assertThrows(IllegalArgumentException.class, () -> v.drainTo(v, 1));
        assertThrows(NullPointerException.class, () -> v.drainTo(null));
        assertEquals(1, v.size());
        assertEquals(7, q.getNowait());
    }

    @Test
    public void clearRemovesNoneItemsToo() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        q.put(1);
        q.put(null);
        q.put(2);
        q.put(null);
        v.clear();
        assertEquals(0, v.size());
        assertTrue(v.isEmpty());
        assertTrue(q.empty());
        assertThrows(Empty.class, q::getNowait);
        v.clear(); // on an empty queue
        assertTrue(q.empty());
    }

    @Test
    public void noneItemsComeOutAsNull() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        q.put(null);
        assertEquals(1, v.size());
        assertNull(v.peek());
        assertTrue(v.contains(null));
        List<Integer> listed = new ArrayList<>();
        v.iterator().forEachRemaining(listed::add);
        assertEquals(Arrays.asList((Integer) null), listed);
        assertNull(v.poll());
        assertEquals(0, v.size());
        q.put(null);
        assertNull(v.take());
        q.put(null);
        assertNull(v.poll(1, SECONDS));
        assertTrue(q.empty());
    }

    @Test
    public void iteratorListsTheItemsInOrderWithoutRemovingThem() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        assertFalse(v.iterator().hasNext());
        q.put(111);
        q.put(333);
        q.put(222);
        List<Integer> expected = q.order().expected(111, 333, 222);
        List<Integer> listed = new ArrayList<>();
        for (Integer item : v) {
            listed.add(item);
        }
        assertEquals(expected, listed);
        assertEquals(3, v.size(), "iterating removed items");
        assertEquals(expected.toString(), v.toString());
        assertArrayEquals(expected.toArray(), v.toArray());
        assertTrue(v.contains(333));
        assertFalse(v.contains(999));
        // Removing from the middle is not supported (it would bypass the size and task accounting).
        Iterator<Integer> it = v.iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertThrows(UnsupportedOperationException.class, () -> v.remove(333));
        assertEquals(3, v.size());
        assertEquals(expected, takeAll(q));
    }

    @Test
    public void iterationDuringConcurrentUseDoesNotFail() throws Exception {
        TestSimpleQueue<Integer> q = newUnboundedQueue();
        BlockingQueue<Integer> v = q.asBlockingQueue();
        int n = 20_000;
        TestThreads.Task<Void> producer = threads.run(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
        });
        TestThreads.Task<Void> consumer = threads.run(() -> {
            for (int i = 0; i < n; i++) {
                q.get();
            }
        });
        int rounds = 0;
        do {
            for (Integer item : v) {
                assertTrue(item != null && item >= 0 && item < n, "iterator returned " + item);
            }
            rounds++;
        } while (consumer.isAlive());
        producer.join();
        consumer.join();
        assertTrue(rounds > 0);
        assertFalse(v.iterator().hasNext());
    }
}
