package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pyconcurrent.internal.shared.SharedQueue;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.ItemOrder;
import org.pyconcurrent.queue.QueueContract;
import org.pyconcurrent.queue.SimpleQueueContract;
import org.pyconcurrent.queue.TestQueue;
import org.pyconcurrent.queue.TestSimpleQueue;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * multiprocessing's {@link Queue}, {@link JoinableQueue} and {@link SimpleQueue} in one process
 * (threads only), as CPython's test_multiprocessing and test_queue check them.
 *
 * <p>The queue package's contracts run unchanged where the API matches: {@link Queue} (unbounded)
 * against {@link SimpleQueueContract}; {@link JoinableQueue} (bounded and unbounded) against
 * {@link QueueContract} minus its {@code shutdown} tests (multiprocessing's queues have no
 * {@code shutdown}, in CPython 3.13 neither). The tests of this class cover what the contracts
 * cannot: the bounded plain {@code Queue}, {@code SimpleQueue}'s small API, and what is particular
 * to a queue between processes: items are copies, an unserializable item is refused in the
 * caller, {@code close()} and {@code join_thread()}, and a copy of the handle is the same queue.
 *
 * <p>Across processes: {@link QueueAcrossProcessesTest}.
 */
class MultiprocessingQueueContractTest extends ThreadedTest {

    // ---- the contracts ----------------------------------------------------------------------------

    /** {@link Queue}, unbounded: CPython's {@code BaseSimpleQueueTest} and the unbounded half of test_queue. */
    @Nested
    class UnboundedQueue extends SimpleQueueContract {
        @Override
        protected TestSimpleQueue<Integer> newSimpleQueue() {
            return of(new Queue<>());
        }
    }

    /**
     * {@link JoinableQueue}: bounds, Full / Empty, timeouts, blocking, {@code task_done} / {@code join}.
     * The contract's shutdown tests do not apply: overridden here as disabled.
     */
    @Nested
    class Joinable extends QueueContract {
        private static final String NO_SHUTDOWN = "multiprocessing queues have no shutdown()";

        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return of(new JoinableQueue<>(maxsize));
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN + "; the rest of it is boundedCallsThatNeedNotWaitIgnoreTheInterruptStatus of the outer class")
        public void boundedCallsThatNeedNotWaitIgnoreTheInterruptStatus() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownEmpty() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownNonEmpty() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownImmediate() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownTransitions() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void allMethodsInOneThreadAfterShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void allMethodsInOneThreadAfterImmediateShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void putAfterShutdownFailsAtOnceEvenWithRoom() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void blockedPuttersAreWokenByShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void blockedPuttersAreWokenByImmediateShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void blockedGettersAreWokenByShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void blockedGettersAreWokenByImmediateShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void threeGettersOfTwoItemsAfterShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void threeGettersOfTwoItemsAfterImmediateShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void getterLeftWaitingAfterOthersTookTheItemsIsWokenByShutdown() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void gettersDrainingAShutDownQueueAllEnd() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void immediateShutdownMarksDrainedItemsDone() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void immediateShutdownStillWaitsForItemsAlreadyTaken() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownWithoutImmediateDoesNotReleaseJoin() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownPutJoin() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void immediateShutdownPutJoin() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownGetTaskDoneJoin() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void shutdownWhileProducersAndConsumersRun() {
        }

        @Override
        @Test
        @Disabled(NO_SHUTDOWN)
        public void immediateShutdownWhileProducersAndConsumersRun() {
        }
    }

    /** A plain {@link Queue} as the contracts' {@link TestSimpleQueue} (no tasks: see {@link Tasks}). */
    static <E> TestSimpleQueue<E> of(Queue<E> queue) {
        return new Simple<>(queue);
    }

    /** A {@link JoinableQueue} as the contracts' {@link TestQueue}. */
    static <E> TestQueue<E> of(JoinableQueue<E> queue) {
        return new Tasks<>(queue);
    }

    /** Adapts a {@link Queue} to {@link TestSimpleQueue}. */
    static class Simple<E> implements TestSimpleQueue<E> {
        final Queue<E> queue;

        Simple(Queue<E> queue) {
            this.queue = queue;
        }

        @Override
        public ItemOrder order() {
            return ItemOrder.FIFO;
        }

        @Override
        public void put(E item) throws InterruptedException {
            queue.put(item);
        }

        @Override
        public void putNowait(E item) {
            queue.putNowait(item);
        }

        @Override
        public E get() throws InterruptedException {
            return queue.get();
        }

        @Override
        public E get(boolean block) throws InterruptedException {
            return queue.get(block);
        }

        @Override
        public E get(Duration timeout) throws InterruptedException {
            return queue.get(timeout);
        }

        @Override
        public E getNowait() {
            return queue.getNowait();
        }

        @Override
        public int qsize() {
            return queue.qsize();
        }

        @Override
        public boolean empty() {
            return queue.empty();
        }

        @Override
        public String toString() {
            return queue.toString();
        }
    }

    /**
     * Adapts a {@link JoinableQueue} to {@link TestQueue}. Multiprocessing queues have no
     * {@code shutdown} (the tests that use it are disabled). Python's {@code JoinableQueue} has no
     * public unfinished-task count: {@code unfinishedTasks()} reads the real one, of the in-process
     * queue that holds the items in this (the creating) process.
     */
    static final class Tasks<E> extends Simple<E> implements TestQueue<E> {
        private final JoinableQueue<E> joinable;

        Tasks(JoinableQueue<E> queue) {
            super(queue);
            this.joinable = queue;
        }

        @Override
        public void put(E item, boolean block) throws InterruptedException {
            queue.put(item, block);
        }

        @Override
        public void put(E item, Duration timeout) throws InterruptedException {
            queue.put(item, timeout);
        }

        @Override
        public boolean full() {
            return queue.full();
        }

        @Override
        public int maxsize() {
            return queue.maxsize();
        }

        @Override
        public void taskDone() {
            joinable.taskDone();
        }

        @Override
        public void join() throws InterruptedException {
            joinable.join();
        }

        @Override
        public long unfinishedTasks() {
            return holder(queue).unfinishedTasks();
        }

        @Override
        public void shutdown() {
            throw new UnsupportedOperationException("multiprocessing queues have no shutdown()");
        }

        @Override
        public void shutdown(boolean immediate) {
            throw new UnsupportedOperationException("multiprocessing queues have no shutdown()");
        }

        @Override
        public boolean isShutdown() {
            throw new UnsupportedOperationException("multiprocessing queues have no shutdown()");
        }
    }

    /** The in-process queue of serialized items behind {@code queue}, held by this process. */
    static org.pyconcurrent.queue.Queue<?> holder(Queue<?> queue) {
        SharedQueue shared = queue.shared();
        try {
            Field f = shared.getClass().getDeclaredField("queue");
            f.setAccessible(true);
            return (org.pyconcurrent.queue.Queue<?>) f.get(shared);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the holder's queue of " + shared.getClass(), e);
        }
    }

    // ---- the bounded plain Queue -------------------------------------------------------------------

    @Test
    void maxsizeOfAPlainQueue() {
        assertEquals(0, new Queue<Integer>().maxsize());
        assertEquals(0, new Queue<Integer>(0).maxsize());
        assertEquals(0, new Queue<Integer>(-5).maxsize(), "0 or less: unbounded");
        assertEquals(3, new Queue<Integer>(3).maxsize());
        assertFalse(new Queue<Integer>(-5).full());
    }

    @Test
    void boundedQueueRaisesFullAndATimedPutWaitsItsTimeout() throws Exception {
        Queue<Integer> q = new Queue<>(2);
        assertFalse(q.full());
        q.put(1);
        q.putNowait(2);
        assertTrue(q.full());
        assertEquals(2, q.qsize());
        assertThrows(Full.class, () -> q.putNowait(3));
        assertThrows(Full.class, () -> q.put(3, false));
        assertThrows(Full.class, () -> q.put(3, Duration.ZERO));
        long start = System.nanoTime();
        Full e = assertThrows(Full.class, () -> q.put(3, SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertTrue(e.getMessage().contains("maxsize=2"), e.getMessage());
        assertEquals(2, q.qsize(), "a refused put changed the queue");
        assertEquals(1, q.get());
        assertEquals(2, q.get(false));
        assertTrue(q.empty());
        start = System.nanoTime();
        assertThrows(Empty.class, () -> q.get(SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertThrows(Empty.class, q::getNowait);
        assertThrows(Empty.class, () -> q.get(false));
    }

    @Test
    void blockingPutOfABoundedQueueIsWokenByAGetInAnotherThread() throws Exception {
        Queue<Integer> q = new Queue<>(1);
        q.put(1);
        TestThreads.Task<Void> putter = startBlocked(() -> q.put(2));
        TestThreads.Task<Void> timedPutter = startBlocked(() -> q.put(3, PATIENCE));
        assertEquals(1, q.qsize());
        List<Integer> got = new ArrayList<>();
        got.add(q.get());
        got.add(q.get(PATIENCE));
        got.add(q.get(PATIENCE));
        putter.join();
        timedPutter.join();
        assertEquals(1, got.get(0));
        assertEquals(List.of(1, 2, 3), got.stream().sorted().toList());
        assertTrue(q.empty());
    }

    @Test
    void interruptedPutOfABoundedQueuePutsNothing() throws Exception {
        Queue<Integer> q = new Queue<>(1);
        q.put(1);
        TestThreads.Task<Void> putter = startBlocked(() -> q.put(2));
        putter.interrupt();
        putter.joinThrows(InterruptedException.class);
        assertEquals(1, q.qsize());
        assertEquals(1, q.getNowait());
        assertThrows(Empty.class, q::getNowait);
    }

    @Test
    void boundedCallsThatNeedNotWaitIgnoreTheInterruptStatus() throws Exception {
        // The contract's test of that name, without its shutdown part.
        JoinableQueue<Integer> q = new JoinableQueue<>(3);
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "put() on a queue with room", () -> q.put(1));
            interruptedCall(p, "put(true) on a queue with room", () -> q.put(2, true));
            interruptedCall(p, "put(timeout) on a queue with room", () -> q.put(3, PATIENCE));
            interruptedCall(p, "putNowait() on a full queue", () -> assertThrows(Full.class, () -> q.putNowait(4)));
            interruptedCall(p, "put(false) on a full queue", () -> assertThrows(Full.class, () -> q.put(4, false)));
            interruptedCall(p, "put(Duration.ZERO) on a full queue",
                    () -> assertThrows(Full.class, () -> q.put(4, Duration.ZERO)));
            interruptedCall(p, "qsize()", () -> assertEquals(3, q.qsize()));
            interruptedCall(p, "full()", () -> assertTrue(q.full()));
            interruptedCall(p, "get() with an item there", () -> assertEquals(1, q.get()));
            interruptedCall(p, "taskDone()", q::taskDone);
            return p;
        }).join();
        assertEquals(List.of(), problems);
    }

    /** Runs {@code call} with the interrupt status set; records what it threw or whether it cleared the status. */
    private static void interruptedCall(List<String> problems, String what, TestThreads.VoidBody call) {
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

    @Test
    void negativeTimeoutsAreRejected() throws Exception {
        for (Queue<Integer> q : List.of(new Queue<Integer>(), new Queue<Integer>(2), new JoinableQueue<Integer>())) {
            Duration negative = Duration.ofMillis(-1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.put(1, negative));
            assertTrue(e.getMessage().contains(negative.toString()), e.getMessage());
            q.put(7);
            e = assertThrows(IllegalArgumentException.class, () -> q.get(negative));
            assertTrue(e.getMessage().contains(negative.toString()), e.getMessage());
            assertEquals(1, q.qsize(), "a rejected call changed " + q);
            assertEquals(7, q.getNowait());
        }
    }

    // ---- SimpleQueue ------------------------------------------------------------------------------

    @Test
    void simpleQueueIsFifoWithNoneAsAnItem() throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        assertTrue(q.empty());
        q.put(111);
        q.put(333);
        q.put(null);
        q.put(222);
        assertFalse(q.empty());
        assertEquals(111, q.get());
        assertEquals(333, q.get());
        assertNull(q.get(), "None comes out as null");
        assertEquals(222, q.get());
        assertTrue(q.empty());
        for (int i = 0; i < 1_000; i++) {
            q.put(i);
        }
        for (int i = 0; i < 1_000; i++) {
            assertEquals(i, q.get());
        }
        assertTrue(q.empty());
    }

    @Test
    void simpleQueueNoneAsStopSentinelBetweenThreads() throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        TestThreads.Task<List<Integer>> consumer = threads.call(() -> {
            List<Integer> got = new ArrayList<>();
            for (Integer item = q.get(); item != null; item = q.get()) {
                got.add(item);
            }
            return got;
        });
        TestThreads.Task<Void> producer = threads.run(() -> {
            for (int i = 0; i < 100; i++) {
                q.put(i);
            }
            q.put(null);
        });
        producer.join();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, consumer.join());
        assertTrue(q.empty());
    }

    @Test
    void simpleQueueBlockingGetIsWokenByPut() throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        TestThreads.Task<Integer> getter = startBlocked(q::get);
        q.put(42);
        assertEquals(42, getter.join());
        assertTrue(q.empty());
    }

    @Test
    void simpleQueueInterruptedGetThrowsAndTakesNothing() throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        TestThreads.Task<Integer> getter = startBlocked(q::get);
        getter.interrupt();
        getter.joinThrows(InterruptedException.class);
        threads.run(() -> {
            Thread.currentThread().interrupt();
            q.get();
        }).joinThrows(InterruptedException.class);
        assertTrue(q.empty());
        q.put(5);
        TestThreads.Task<Integer> later = threads.call(q::get);
        assertEquals(5, later.join(), "the interrupted getters left the item to the next one");
        assertTrue(q.empty());
    }

    @Test
    void simpleQueuePutNeverWaitsAndKeepsTheInterruptStatus() throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "put()", () -> q.put(1));
            interruptedCall(p, "empty()", () -> assertFalse(q.empty()));
            interruptedCall(p, "get() with an item there", () -> assertEquals(1, q.get()));
            return p;
        }).join();
        assertEquals(List.of(), problems);
        assertTrue(q.empty());
    }

    // ---- items are copies -------------------------------------------------------------------------

    @Test
    void itemsAreCopiesTakenAtPut() throws Exception {
        // Python pickles at put: changing the object afterwards does not change the item.
        Queue<ArrayList<String>> q = new Queue<>();
        JoinableQueue<ArrayList<String>> jq = new JoinableQueue<>(5);
        SimpleQueue<ArrayList<String>> sq = new SimpleQueue<>();
        ArrayList<String> list = new ArrayList<>(List.of("a", "b"));
        q.put(list);
        jq.put(list, PATIENCE);
        sq.put(list);
        list.add("c");
        list.set(0, "changed");
        for (ArrayList<String> got : List.of(q.get(), jq.getNowait(), sq.get())) {
            assertEquals(List.of("a", "b"), got, "the item is the list as it was at put");
            assertNotSame(list, got);
        }
        // Two gets of two puts of one object are two objects.
        q.put(list);
        q.put(list);
        ArrayList<String> first = q.get();
        ArrayList<String> second = q.get();
        assertEquals(first, second);
        assertNotSame(first, second);
        first.add("only in the first");
        assertEquals(List.of("changed", "b", "c"), second);
    }

    /** A serializable item of a class of the tests. */
    record Point(int x, String label, List<Integer> more) implements Serializable {
    }

    @Test
    void everyKindOfItemComesBackEqual() throws Exception {
        Queue<Object> q = new Queue<>();
        List<Object> items = Arrays.asList(
                0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, 7L,
                0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1.5f, Float.MIN_VALUE,
                (short) -3, (byte) 0x7f, 'x', '\u4e2d', true, false, null,
                "", "A", "\u9c81\u73ed", "emoji \ud83d\ude00", "a lone surrogate \ud800 here",
                "x".repeat(100_000), new Point(1, "p", List.of(1, 2)), List.of(), new int[] {1, 2, 3},
                new byte[0], new java.math.BigInteger("123456789012345678901234567890"));
        for (Object item : items) {
            q.put(item);
        }
        assertEquals(items.size(), q.qsize());
        for (Object item : items) {
            Object got = q.getNowait();
            String what = item == null ? "null" : item.getClass().getSimpleName() + " " + abbreviate(item);
            if (item instanceof int[] a) {
                assertArrayEquals(a, (int[]) got, what);
            } else if (item instanceof byte[] a) {
                assertArrayEquals(a, (byte[]) got, what);
            } else {
                assertEquals(item, got, what);
                if (item != null) {
                    assertSame(item.getClass(), got.getClass(), what);
                }
            }
        }
        assertTrue(q.empty());
    }

    private static String abbreviate(Object item) {
        String s = String.valueOf(item);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    // ---- unserializable items ---------------------------------------------------------------------

    /** Not Serializable. */
    static final class Unpicklable {
        @Override
        public String toString() {
            return "Unpicklable";
        }
    }

    @Test
    void anUnserializableItemIsRefusedInTheCallerNamingItsClass() throws Exception {
        for (Queue<Object> q : List.<Queue<Object>>of(new Queue<>(), new Queue<>(3), new JoinableQueue<>())) {
            q.put("before");
            List<Executable> puts = List.of(
                    () -> q.put(new Unpicklable()),
                    () -> q.put(new Unpicklable(), true),
                    () -> q.put(new Unpicklable(), false),
                    () -> q.put(new Unpicklable(), PATIENCE),
                    () -> q.putNowait(new Unpicklable()),
                    () -> q.put(new ArrayList<>(List.of("ok", new Unpicklable()))));
            for (Executable put : puts) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, put::execute, q.toString());
                assertTrue(e.getMessage().contains(Unpicklable.class.getName()), e.getMessage());
                assertEquals(1, q.qsize(), "nothing was put into " + q);
            }
            assertEquals("before", q.getNowait());
            assertThrows(Empty.class, q::getNowait);
            if (q instanceof JoinableQueue<Object> j) {
                j.taskDone();
                assertThrows(IllegalArgumentException.class, j::taskDone, "a refused put counted a task");
                threads.run(j::join).join();
            }
        }
        // Refused before the bound is looked at: on a full queue too, and without waiting.
        Queue<Object> full = new Queue<>(1);
        full.put(1);
        threads.run(() -> {
            assertThrows(IllegalArgumentException.class, () -> full.put(new Unpicklable()));
            assertThrows(IllegalArgumentException.class, () -> full.putNowait(new Unpicklable()));
        }).join();
        assertEquals(1, full.qsize());

        SimpleQueue<Object> sq = new SimpleQueue<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sq.put(new Unpicklable()));
        assertTrue(e.getMessage().contains(Unpicklable.class.getName()), e.getMessage());
        assertTrue(sq.empty(), "nothing was put into the SimpleQueue");
    }

    // ---- close, join_thread ------------------------------------------------------------------------

    /** Asserts that {@code call} throws an IllegalStateException of its own (not a Full) saying "closed". */
    private static void assertClosed(String what, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::execute, what);
        assertSame(IllegalStateException.class, e.getClass(), what + " threw " + e);
        assertTrue(String.valueOf(e.getMessage()).contains("closed"), what + ": " + e.getMessage());
    }

    @Test
    void aClosedQueueRefusesEveryCall() throws Exception {
        for (Queue<Integer> q : List.of(new Queue<Integer>(), new Queue<Integer>(2), new JoinableQueue<Integer>(),
                new JoinableQueue<Integer>(2))) {
            q.put(1);
            q.close();
            q.close(); // idempotent
            String name = q.toString();
            assertTrue(name.contains("closed"), name);
            assertClosed(name + ".put", () -> q.put(2));
            assertClosed(name + ".put(true)", () -> q.put(2, true));
            assertClosed(name + ".put(false)", () -> q.put(2, false));
            assertClosed(name + ".put(timeout)", () -> q.put(2, PATIENCE));
            assertClosed(name + ".putNowait", () -> q.putNowait(2));
            assertClosed(name + ".get", q::get);
            assertClosed(name + ".get(true)", () -> q.get(true));
            assertClosed(name + ".get(false)", () -> q.get(false));
            assertClosed(name + ".get(timeout)", () -> q.get(PATIENCE));
            assertClosed(name + ".getNowait", q::getNowait);
            assertClosed(name + ".qsize", q::qsize);
            assertClosed(name + ".empty", q::empty);
            assertClosed(name + ".full", q::full);
            if (q instanceof JoinableQueue<Integer> j) {
                assertClosed(name + ".taskDone", j::taskDone);
            }
            assertEquals(1, holder(q).qsize(), "closing lost the item");
        }
        SimpleQueue<Integer> sq = new SimpleQueue<>();
        sq.put(1);
        sq.close();
        sq.close();
        assertClosed("SimpleQueue.put", () -> sq.put(2));
        assertClosed("SimpleQueue.get", sq::get);
        assertClosed("SimpleQueue.empty", sq::empty);
    }

    @Test
    void closingOneHandleLeavesTheQueueToTheOthers() throws Exception {
        // Python: close() means "no more data will be put on this queue by the current process";
        // items put are not lost, and another handle of the same queue works on.
        Queue<String> q = new Queue<>();
        Queue<String> other = copy(q);
        q.put("put before close");
        q.close();
        assertEquals(1, other.qsize());
        assertEquals("put before close", other.get(PATIENCE));
        other.put("after");
        assertEquals("after", other.getNowait());
    }

    @Test
    void joinThreadIsRefusedUntilClosed() throws Exception {
        for (Queue<Integer> q : List.of(new Queue<Integer>(), new Queue<Integer>(1), new JoinableQueue<Integer>())) {
            q.cancelJoinThread(); // allowed at any time, and does nothing here
            IllegalStateException e = assertThrows(IllegalStateException.class, q::joinThread);
            assertTrue(e.getMessage().contains("not closed"), e.getMessage());
            q.put(1);
            q.close();
            threads.run(q::joinThread).join(); // returns at once: nothing is buffered
            q.joinThread();
            q.cancelJoinThread();
        }
    }

    // ---- copies of the handle ------------------------------------------------------------------------

    /** The queue after a trip through Java serialization, as a child gets it. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T queue) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(queue);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aCopyOfTheHandleIsTheSameQueueOfTheSameClass() throws Exception {
        Queue<Integer> q = new Queue<>(2);
        Queue<Integer> qc = copy(q);
        assertSame(Queue.class, qc.getClass());
        assertEquals(2, qc.maxsize());
        q.put(1);
        qc.put(2);
        assertTrue(q.full());
        assertThrows(Full.class, () -> qc.putNowait(3));
        assertEquals(1, qc.get());
        assertEquals(2, q.get());

        JoinableQueue<Integer> jq = new JoinableQueue<>();
        JoinableQueue<Integer> jc = copy(jq);
        jq.put(1);
        assertEquals(1, jc.get());
        TestThreads.Task<Void> joiner = startBlocked(jq::join);
        jc.taskDone();
        joiner.join();

        SimpleQueue<Integer> sq = new SimpleQueue<>();
        SimpleQueue<Integer> sc = copy(sq);
        assertSame(SimpleQueue.class, sc.getClass());
        sc.put(5);
        assertFalse(sq.empty());
        assertEquals(5, sq.get());
        assertTrue(sc.empty());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Starts {@code body} in a thread and checks that it blocks. */
    private <T> TestThreads.Task<T> startBlocked(TestThreads.Body<T> body) throws InterruptedException {
        TestThreads.Task<T> task = threads.call(body);
        task.awaitParked();
        TestThreads.settle();
        assertTrue(task.isAlive(), "the call returned instead of blocking");
        return task;
    }

    private TestThreads.Task<Void> startBlocked(TestThreads.VoidBody body) throws InterruptedException {
        return startBlocked(() -> {
            body.run();
            return null;
        });
    }

    @Test
    void fullAndEmptyAreTheQueuePackagesExceptions() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        assertInstanceOf(IllegalStateException.class, assertThrows(Full.class, () -> q.putNowait(2)));
        q.getNowait();
        assertInstanceOf(java.util.NoSuchElementException.class, assertThrows(Empty.class, q::getNowait));
    }
}
