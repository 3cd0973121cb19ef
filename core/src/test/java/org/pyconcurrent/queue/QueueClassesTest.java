package org.pyconcurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the contracts cannot say about the classes themselves: constructors and their defaults,
 * the chosen backend, {@code toString}, and bounds at the extremes.
 */
class QueueClassesTest {

    @Test
    void nullBackendIsRejected() {
        assertThrows(NullPointerException.class, () -> new Queue<Integer>(1, null));
        assertThrows(NullPointerException.class, () -> new LifoQueue<Integer>(1, null));
        assertThrows(NullPointerException.class, () -> new PriorityQueue<Integer>(1, null, null));
        assertThrows(NullPointerException.class, () -> new PriorityQueue<Integer>(1, Comparator.naturalOrder(), null));
        assertThrows(NullPointerException.class, () -> new SimpleQueue<Integer>(null));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void backendIsTheOneChosen(Backend backend) {
        assertSame(backend, new Queue<Integer>(0, backend).backend());
        assertSame(backend, new Queue<Integer>(3, backend).backend());
        assertSame(backend, new LifoQueue<Integer>(3, backend).backend());
        assertSame(backend, new PriorityQueue<Integer>(3, null, backend).backend());
        assertSame(backend, new SimpleQueue<Integer>(backend).backend());
    }

    @Test
    void defaultsAreUnboundedOnTheFastestBackend() throws Exception {
        List<Queue<Integer>> unbounded = List.of(new Queue<>(), new LifoQueue<>(), new PriorityQueue<>());
        for (Queue<Integer> q : unbounded) {
            assertEquals(0, q.maxsize(), q.toString());
            assertSame(Backend.fastestFor(q.getClass(), 0), q.backend(), q.toString());
            for (int i = 0; i < 100; i++) {
                q.putNowait(i);
            }
            assertFalse(q.full());
        }
        List<Queue<Integer>> bounded = List.of(new Queue<>(4), new LifoQueue<>(4), new PriorityQueue<>(4),
                new PriorityQueue<>(4, Comparator.reverseOrder()));
        for (Queue<Integer> q : bounded) {
            assertEquals(4, q.maxsize(), q.toString());
            assertSame(Backend.fastestFor(q.getClass(), 4), q.backend(), q.toString());
        }
        assertSame(Backend.fastestFor(SimpleQueue.class, 0), new SimpleQueue<Integer>().backend());
    }

    @Test
    void theFastestBackendIsTheMeasuredOne() {
        assertSame(Backend.LOCK_FREE, Backend.fastestFor(Queue.class, 1024));
        assertSame(Backend.LOCK_FREE, Backend.fastestFor(Queue.class, 65_536));
        assertSame(Backend.LOCKED, Backend.fastestFor(Queue.class, 65_537));
        assertSame(Backend.LOCKED, Backend.fastestFor(Queue.class, 0));
        assertSame(Backend.LOCKED, Backend.fastestFor(Queue.class, -1));
        assertSame(Backend.LOCK_FREE, Backend.fastestFor(PriorityQueue.class, 0));
        assertSame(Backend.LOCKED, Backend.fastestFor(LifoQueue.class, 8));
        assertSame(Backend.LOCKED, Backend.fastestFor(SimpleQueue.class, 0));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Backend.fastestFor(java.util.ArrayDeque.class, 0));
        assertTrue(bad.getMessage().contains("java.util.ArrayDeque"), bad.getMessage());
    }

    @Test
    void priorityQueueConstructorsTakeTheirOrder() throws Exception {
        PriorityQueue<Integer> reversed = new PriorityQueue<>(0, Comparator.reverseOrder());
        Comparator<Number> byDouble = Comparator.comparingDouble(Number::doubleValue);
        PriorityQueue<Integer> superType = new PriorityQueue<>(0, byDouble, Backend.LOCKED);
        for (int item : new int[] {2, 3, 1}) {
            reversed.put(item);
            superType.put(item);
        }
        assertEquals(List.of(3, 2, 1), List.of(reversed.get(), reversed.get(), reversed.get()));
        assertEquals(List.of(1, 2, 3), List.of(superType.get(), superType.get(), superType.get()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void toStringShowsMaxsizeAndQsize(Backend backend) throws Exception {
        Queue<Integer> q = new Queue<>(10, backend);
        q.put(1);
        q.put(2);
        q.put(3);
        assertEquals("Queue(maxsize=10, qsize=3)", q.toString());
        LifoQueue<Integer> lifo = new LifoQueue<>(0, backend);
        lifo.put(1);
        assertEquals("LifoQueue(maxsize=0, qsize=1)", lifo.toString());
        assertEquals("PriorityQueue(maxsize=2, qsize=0)", new PriorityQueue<Integer>(2, null, backend).toString());
        SimpleQueue<Integer> simple = new SimpleQueue<>(backend);
        simple.put(1);
        simple.put(null);
        assertEquals("SimpleQueue(qsize=2)", simple.toString());
        // maxsize() is documented as "the bound given at construction, or 0 if unbounded".
        assertEquals("Queue(maxsize=0, qsize=0)", new Queue<Integer>(-1, backend).toString());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void viewToStringListsTheItems(Backend backend) throws Exception {
        Queue<Integer> q = new Queue<>(5, backend);
        q.put(1);
        q.put(null);
        q.put(3);
        assertEquals("[1, null, 3]", q.asBlockingQueue().toString());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hugeMaxsizeIsJustABound(Backend backend) throws Exception {
        // Python: Queue(maxsize=2**31 - 1) is a queue bounded at that size. A bound is not an
        // allocation: it must not be refused for being large.
        for (int maxsize : new int[] {Integer.MAX_VALUE, (1 << 30) + 1}) {
            List<Queue<Integer>> queues = new ArrayList<>();
            for (QueueKind kind : QueueKind.values()) {
                try {
                    queues.add(kind.create(maxsize, backend));
                } catch (RuntimeException e) {
                    throw new AssertionError(kind + "(maxsize=" + maxsize + ") on " + backend + " threw " + e, e);
                }
            }
            for (Queue<Integer> q : queues) {
                assertEquals(maxsize, q.maxsize(), q.toString());
                for (int i = 0; i < 1_000; i++) {
                    q.putNowait(i);
                }
                assertFalse(q.full());
                assertEquals(1_000, q.qsize());
                assertEquals(1_000, q.asBlockingQueue().size());
                assertTrue(q.asBlockingQueue().remainingCapacity() >= maxsize - 1_000);
            }
        }
    }

    /** The three kinds of bounded queue. */
    private enum QueueKind {
        FIFO, LIFO, PRIORITY;

        Queue<Integer> create(int maxsize, Backend backend) {
            return switch (this) {
                case FIFO -> new Queue<>(maxsize, backend);
                case LIFO -> new LifoQueue<>(maxsize, backend);
                case PRIORITY -> new PriorityQueue<>(maxsize, null, backend);
            };
        }
    }
}
