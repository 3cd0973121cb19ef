package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.futures.FuturesTestSupport.PATIENCE;
import static org.pyconcurrent.futures.FuturesTestSupport.assertMentions;
import static org.pyconcurrent.futures.FuturesTestSupport.pass;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link ThreadPoolExecutor#map} and its {@link MapIterator}: Python's {@code Executor.map} as
 * CPython's {@code test_concurrent_futures/executor.py} checks it (results in input order, an
 * exception at its index, the timeout, cancelling what is left) plus the iterator's own contract.
 */
class ExecutorMapTest extends ThreadedTest {
    private final FuturesTestSupport support = new FuturesTestSupport();

    @AfterEach
    void shutDownExecutors() throws InterruptedException {
        support.close();
    }

    private static <R> List<R> drain(Iterable<R> results) {
        List<R> out = new ArrayList<>();
        for (R r : results) {
            out.add(r);
        }
        return out;
    }

    @Test
    void resultsComeInInputOrder() {
        // CPython test_map.
        ThreadPoolExecutor executor = support.executor(4);
        List<Integer> inputs = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            inputs.add(i);
            expected.add(i * i);
        }
        assertEquals(expected, drain(executor.map(x -> x * x, inputs)));
        assertEquals(expected, drain(executor.map(x -> x * x, inputs, PATIENCE)));
    }

    @Test
    void inputOrderEvenWhenCallsFinishInReverse() throws Exception {
        int n = 5;
        ThreadPoolExecutor executor = support.executor(n);
        List<CountDownLatch> gates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gates.add(support.gate());
        }
        List<Integer> finishOrder = Collections.synchronizedList(new ArrayList<>());
        MapIterator<Integer> results = executor.map(i -> {
            pass(gates.get(i));
            finishOrder.add(i);
            return i * 10;
        }, List.of(0, 1, 2, 3, 4));
        for (int i = n - 1; i >= 0; i--) {
            gates.get(i).countDown();
            int finished = n - i;
            TestThreads.awaitUntil("call " + i + " finished", () -> finishOrder.size() == finished);
        }
        assertEquals(List.of(4, 3, 2, 1, 0), finishOrder);
        assertEquals(List.of(0, 10, 20, 30, 40), drain(results));
    }

    @Test
    void everyCallIsSubmittedAtOnceAndEachResultWaitedForWhenReached() throws Exception {
        ThreadPoolExecutor executor = support.executor(3);
        CountDownLatch allStarted = new CountDownLatch(3);
        List<CountDownLatch> gates = List.of(support.gate(), support.gate(), support.gate());
        MapIterator<String> results = executor.map(i -> {
            allStarted.countDown();
            pass(gates.get(i));
            return "r" + i;
        }, List.of(0, 1, 2));
        // map() returned without waiting, and every call was submitted before any result was asked for.
        pass(allStarted);
        assertTrue(results.hasNext(), "hasNext does not wait for the result");
        TestThreads.Task<String> first = threads.call(results::next);
        first.awaitParked();
        assertTrue(first.isAlive(), "next() returned before its call finished");
        gates.get(2).countDown();  // a later result does not release the first
        TestThreads.settle();
        assertTrue(first.isAlive());
        gates.get(0).countDown();
        assertEquals("r0", first.join());
        gates.get(1).countDown();
        assertEquals("r1", results.next());
        assertEquals("r2", results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void exceptionSurfacesAtItsIndexAfterTheEarlierResults() {
        // CPython test_map_exception: divmod over [2, 3, 0, 5].
        ThreadPoolExecutor executor = support.executor(2);
        MapIterator<Integer> results = executor.map(x -> 30 / x, List.of(2, 3, 0, 5));
        assertEquals(15, results.next());
        assertEquals(10, results.next());
        assertThrows(ArithmeticException.class, results::next);
        assertFalse(results.hasNext(), "the iteration goes on after the exception");
        assertThrows(NoSuchElementException.class, results::next);
    }

    @Test
    void theCallsOwnExceptionObjectIsRethrown() {
        ThreadPoolExecutor executor = support.executor(1);
        FutureTest.Boom boom = new FutureTest.Boom("at index 1");
        MapIterator<Integer> results = executor.map(x -> {
            if (x == 1) {
                throw boom;
            }
            return x;
        }, List.of(0, 1, 2));
        assertEquals(0, results.next());
        assertSame(boom, assertThrows(FutureTest.Boom.class, results::next));
    }

    @Test
    void checkedExceptionComesInACompletionException() {
        ThreadPoolExecutor executor = support.executor(1);
        IOException io = new IOException("checked");
        MapIterator<Integer> results = executor.map(x -> {
            throw io;
        }, List.of(1));
        assertSame(io, assertThrows(CompletionException.class, results::next).getCause());
    }

    @Test
    void exceptionCancelsTheCallsNotStarted() throws Exception {
        // Python's result_iterator cancels the remaining futures when a result raises.
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch consumerDone = support.gate();
        AtomicInteger laterRuns = new AtomicInteger();
        MapIterator<Integer> results = executor.map(x -> {
            if (x == 0) {
                throw new FutureTest.Boom("first call fails");
            }
            if (x == 1) {
                pass(consumerDone);  // holds the only worker until the consumer has seen the failure
                return x;
            }
            laterRuns.incrementAndGet();
            return x;
        }, List.of(0, 1, 2, 3));
        assertThrows(FutureTest.Boom.class, results::next);
        consumerDone.countDown();
        executor.shutdown(true);
        assertEquals(0, laterRuns.get(), "calls queued behind the failure still ran");
    }

    @Test
    void timeoutRaisesTimeoutErrorAfterTheReadyResults() {
        // CPython test_map_timeout: map(sleep, [0, 0, 6], timeout=5) gives two results, then TimeoutError.
        ThreadPoolExecutor executor = support.executor(3);
        CountDownLatch never = support.gate();
        MapIterator<Integer> results = executor.map(x -> {
            if (x == 2) {
                pass(never);
            }
            return x;
        }, List.of(0, 1, 2), Duration.ofSeconds(2));  // ample time for the two quick calls
        List<Integer> got = new ArrayList<>();
        assertThrows(TimeoutError.class, () -> {
            for (Integer r : results) {
                got.add(r);
            }
        });
        assertEquals(List.of(0, 1), got);
        assertFalse(results.hasNext(), "the iteration goes on after the timeout");
    }

    @Test
    void timeoutCancelsTheCallsNotStarted() throws Exception {
        // CPython test_executor_map_current_future_cancel.
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch stop = support.gate();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Future<Object> first = executor.submit(() -> {
            log.add("first started");
            try {
                pass(stop);
            } finally {
                log.add("first stopped");
            }
            return null;
        });
        try (MapIterator<Object> results = executor.map(ident -> {
            log.add(ident + " started");
            return null;
        }, List.of("second", "third"), Duration.ZERO)) {
            assertThrows(TimeoutError.class, results::next);
        } finally {
            stop.countDown();
        }
        first.result(PATIENCE);
        executor.shutdown(true);
        assertEquals(List.of("first started", "first stopped"), log);
    }

    @Test
    void closeEndsTheIterationAndCancelsTheCallsNotStarted() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        AtomicInteger runs = new AtomicInteger();
        MapIterator<Integer> results = executor.map(x -> {
            runs.incrementAndGet();
            if (x == 0) {
                pass(gate);
            }
            return x;
        }, List.of(0, 1, 2));
        TestThreads.awaitUntil("the first call runs", () -> runs.get() == 1);
        results.close();
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);
        gate.countDown();
        executor.shutdown(true);
        assertEquals(1, runs.get(), "calls still ran after close()");
    }

    @Test
    void earlyExitFromTryWithResourcesCancelsTheRest() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        AtomicInteger runs = new AtomicInteger();
        try (MapIterator<Integer> results = executor.map(x -> {
            runs.incrementAndGet();
            if (x == 1) {
                pass(gate);
            }
            return x;
        }, List.of(0, 1, 2, 3))) {
            assertEquals(0, results.next());
        }
        gate.countDown();
        executor.shutdown(true);
        assertTrue(runs.get() <= 2, "calls still ran after close(): " + runs.get());
    }

    @Test
    void interruptedConsumerGetsCompletionExceptionAndKeepsItsFlag() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        MapIterator<Integer> results = executor.map(x -> {
            pass(gate);
            return x;
        }, List.of(1, 2));
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        TestThreads.Task<Void> consumer = threads.run(() -> {
            try {
                results.next();
            } finally {
                flagAfter.set(Thread.interrupted());
            }
        });
        consumer.awaitParked();
        consumer.interrupt();
        CompletionException e = consumer.joinThrows(CompletionException.class);
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt flag was not set again");
        assertFalse(results.hasNext(), "the iteration goes on after the interrupt");
    }

    @Test
    void iteratorIsOneShot() {
        ThreadPoolExecutor executor = support.executor(1);
        MapIterator<Integer> results = executor.map(x -> x, List.of(1, 2));
        Iterator<Integer> it = results.iterator();
        assertSame(results, it);
        IllegalStateException e = assertThrows(IllegalStateException.class, results::iterator);
        assertMentions(e, "once");
        assertEquals(List.of(1, 2), drain(() -> it));
    }

    @Test
    void emptyInput() {
        ThreadPoolExecutor executor = support.executor(1);
        MapIterator<Integer> results = executor.map(x -> x, List.<Integer>of());
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);
        assertFalse(executor.map(x -> x, List.<Integer>of(), Duration.ZERO).hasNext());
    }

    @Test
    void badArgumentsAreRejected() {
        ThreadPoolExecutor executor = support.executor(1);
        AtomicInteger runs = new AtomicInteger();
        assertThrows(NullPointerException.class, () -> executor.map(null, List.of(1)));
        assertThrows(NullPointerException.class, () -> executor.map(x -> runs.incrementAndGet(), null));
        assertThrows(NullPointerException.class, () -> executor.map(x -> runs.incrementAndGet(), List.of(1), null));
        assertThrows(NullPointerException.class, () -> executor.map(null, List.of(1), PATIENCE));
        Duration negative = Duration.ofSeconds(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> executor.map(x -> runs.incrementAndGet(), List.of(1), negative));
        assertMentions(e, negative.toString());
        assertEquals(0, runs.get(), "a rejected map() submitted its calls");
    }

    @Test
    void inputThatFailsMidwayCancelsWhatWasSubmitted() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        AtomicInteger runs = new AtomicInteger();
        Iterable<Integer> failing = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 3) {
                    throw new FutureTest.Boom("input failed (expected by the test)");
                }
                return i++;
            }
        };
        assertThrows(FutureTest.Boom.class, () -> executor.map(x -> {
            runs.incrementAndGet();
            if (x == 0) {
                pass(gate);
            }
            return x;
        }, failing));
        gate.countDown();
        executor.shutdown(true);
        assertTrue(runs.get() <= 1, "calls of a failed map() ran: " + runs.get());
    }

    @Test
    void timeoutCountsFromTheMapCall() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch never = support.gate();
        Duration timeout = Duration.ofSeconds(2);
        Iterable<Integer> slowInput = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                if (i == 1) {
                    try {
                        Thread.sleep(timeout.toMillis() + 500);  // reading the input outlasts the timeout
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
                return i < 1;
            }

            @Override
            public Integer next() {
                return i++;
            }
        };
        MapIterator<Integer> results = executor.map(x -> {
            pass(never);
            return x;
        }, slowInput, timeout);
        long start = System.nanoTime();
        assertThrows(TimeoutError.class, results::next);
        long waited = System.nanoTime() - start;
        assertTrue(waited < TimeUnit.SECONDS.toNanos(1),
                "next() waited " + Duration.ofNanos(waited) + " though the timeout had passed before map() returned");
    }
}
