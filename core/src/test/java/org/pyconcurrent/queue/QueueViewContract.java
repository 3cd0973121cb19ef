package org.pyconcurrent.queue;

import static java.util.concurrent.TimeUnit.HOURS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.queue.QueueChecks.assertWaitedAtMost;
import static org.pyconcurrent.queue.QueueChecks.startBlocked;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;

/**
 * The {@link SimpleQueueViewContract} plus what the view of a full {@code queue.Queue} does:
 * bounds as {@code offer} / {@code add} / {@code remainingCapacity}, items put through it counted
 * as tasks, and shutdown ({@code ShutDown} on insert and on {@code take} of an empty queue, null
 * from {@code poll} without waiting).
 */
public abstract class QueueViewContract extends SimpleQueueViewContract {

    /**
     * A new, empty queue whose {@link TestSimpleQueue#asBlockingQueue()} works.
     *
     * @param maxsize its bound; 0 or less means unbounded
     */
    protected abstract TestQueue<Integer> newQueue(int maxsize);

    @Override
    protected final TestSimpleQueue<Integer> newUnboundedQueue() {
        return newQueue(0);
    }

    @Test
    public void boundedOfferAddAndRemainingCapacity() throws Exception {
        TestQueue<Integer> q = newQueue(2);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        assertEquals(2, v.remainingCapacity());
        assertTrue(v.offer(1));
        assertEquals(1, v.remainingCapacity());
        assertTrue(v.add(2));
        assertEquals(0, v.remainingCapacity());
        assertFalse(v.offer(3), "offer() on a full queue");
        assertThrows(IllegalStateException.class, () -> v.add(3));
        assertFalse(v.offer(3, 0, SECONDS));
        assertFalse(v.offer(3, -1, SECONDS));
        long start = System.nanoTime();
        assertFalse(v.offer(3, SHORT.toMillis(), MILLISECONDS));
        assertWaitedAtLeast(SHORT, start);
        assertWaitedAtMost(SHORT.plus(PATIENCE), start);
        assertEquals(2, v.size());
        assertTrue(q.full());
        assertEquals(2, q.unfinishedTasks(), "a refused offer counted a task");
        v.poll();
        assertEquals(1, v.remainingCapacity());
    }

    @Test
    public void putBlocksUntilTake() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        v.put(1);
        TestThreads.Task<Void> putter = startBlocked(threads, () -> v.put(2));
        assertEquals(1, v.take());
        putter.join();
        assertEquals(2, v.poll());
        v.put(3);
        TestThreads.Task<Boolean> offerer = startBlocked(threads, () -> v.offer(4, PATIENCE.toMillis(), MILLISECONDS));
        assertEquals(3, v.poll());
        assertTrue(offerer.join());
        assertEquals(4, v.poll());
        assertTrue(v.isEmpty());
    }

    @Test
    public void interruptedPutThrowsAndPutsNothing() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        v.put(1);
        TestThreads.Task<Void> putter = startBlocked(threads, () -> v.put(2));
        TestThreads.Task<Boolean> offerer = startBlocked(threads, () -> v.offer(3, PATIENCE.toMillis(), MILLISECONDS));
        putter.interrupt();
        offerer.interrupt();
        putter.joinThrows(InterruptedException.class);
        offerer.joinThrows(InterruptedException.class);
        assertEquals(1, v.size());
        assertEquals(1, q.unfinishedTasks());
        assertEquals(1, v.poll());
    }

    @Test
    public void itemsPutThroughTheViewAreTasks() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        v.offer(1);
        v.add(2);
        v.put(3);
        v.offer(4, 1, SECONDS);
        v.offer(5);
        assertEquals(5, q.unfinishedTasks());
        v.take();
        v.poll();
        v.poll(1, SECONDS);
        v.remove();
        v.drainTo(new ArrayList<>());
        assertTrue(q.empty());
        assertEquals(5, q.unfinishedTasks(), "taking through the view marked tasks done");
        TestThreads.Task<Void> joiner = startBlocked(threads, q::join);
        for (int i = 0; i < 5; i++) {
            q.taskDone();
        }
        joiner.join();
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    public void shutDownQueue() throws Exception {
        TestQueue<Integer> q = newQueue(3);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        q.put(1);
        q.put(2);
        q.shutdown(false);
        assertThrows(ShutDown.class, () -> v.offer(3));
        assertThrows(ShutDown.class, () -> v.add(3));
        assertThrows(ShutDown.class, () -> v.put(3));
        assertThrows(ShutDown.class, () -> v.offer(3, 1, SECONDS));
        assertEquals(2, v.size());
        assertEquals(2, q.unfinishedTasks());
        List<Integer> expected = q.order().expected(1, 2);
        assertEquals(expected.get(0), v.peek());
        assertEquals(expected.get(0), v.poll());
        assertEquals(expected.get(1), v.take());
        assertNull(v.peek());
        assertNull(v.poll());
        // In a thread: none of these may wait on a queue that is shut down and empty.
        threads.run(() -> {
            assertNull(v.poll(1, HOURS));
            assertThrows(ShutDown.class, v::take);
            assertEquals(0, v.drainTo(new ArrayList<>()));
            v.clear();
            assertFalse(v.iterator().hasNext());
        }).join();
        assertEquals(0, v.size());
    }

    @Test
    public void drainToAfterShutdownTakesTheRest() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        q.put(1);
        q.put(2);
        q.put(3);
        q.shutdown();
        List<Integer> sink = new ArrayList<>();
        assertEquals(3, v.drainTo(sink));
        assertEquals(q.order().expected(1, 2, 3), sink);
        threads.run(() -> assertThrows(ShutDown.class, v::take)).join();
    }

    @Test
    public void blockedTakeAndPollAreWokenByShutdown() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        TestThreads.Task<Integer> taker = startBlocked(threads, v::take);
        TestThreads.Task<Integer> poller = startBlocked(threads, () -> v.poll(1, HOURS));
        q.shutdown();
        taker.joinThrows(ShutDown.class);
        assertNull(poller.join());
    }

    @Test
    public void blockedPutAndOfferAreWokenByShutdown() throws Exception {
        TestQueue<Integer> q = newQueue(1);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        v.put(1);
        TestThreads.Task<Void> putter = startBlocked(threads, () -> v.put(2));
        TestThreads.Task<Boolean> offerer = startBlocked(threads, () -> v.offer(3, 1, HOURS));
        q.shutdown();
        putter.joinThrows(ShutDown.class);
        offerer.joinThrows(ShutDown.class);
        assertEquals(1, v.size());
        assertEquals(1, q.unfinishedTasks());
    }

    @Test
    public void immediateShutdownEmptiesTheView() throws Exception {
        TestQueue<Integer> q = newQueue(0);
        BlockingQueue<Integer> v = q.asBlockingQueue();
        v.put(1);
        v.put(2);
        q.shutdown(true);
        assertEquals(0, v.size());
        assertTrue(v.isEmpty());
        assertNull(v.poll());
        assertEquals(0, q.unfinishedTasks());
        threads.run(() -> assertThrows(ShutDown.class, v::take)).join();
    }
}
