package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.futures.FuturesTestSupport.PATIENCE;
import static org.pyconcurrent.futures.FuturesTestSupport.SHORT;
import static org.pyconcurrent.futures.FuturesTestSupport.assertMentions;
import static org.pyconcurrent.futures.FuturesTestSupport.cancelled;
import static org.pyconcurrent.futures.FuturesTestSupport.cancelledAndNotified;
import static org.pyconcurrent.futures.FuturesTestSupport.failed;
import static org.pyconcurrent.futures.FuturesTestSupport.pass;
import static org.pyconcurrent.futures.FuturesTestSupport.pending;
import static org.pyconcurrent.futures.FuturesTestSupport.running;
import static org.pyconcurrent.futures.FuturesTestSupport.successful;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link Futures#asCompleted}: Python's {@code concurrent.futures.as_completed} as CPython's
 * {@code test_concurrent_futures/test_as_completed.py} checks it: each future once, those already
 * done first, then in completion order; the timeout and its message; plus the one-shot iterator,
 * interrupts and rejected arguments.
 */
class AsCompletedTest extends ThreadedTest {
    private final FuturesTestSupport support = new FuturesTestSupport();

    @AfterEach
    void shutDownExecutors() throws InterruptedException {
        support.close();
    }

    private static <F> List<F> drain(Iterable<F> it) {
        List<F> out = new ArrayList<>();
        for (F f : it) {
            out.add(f);
        }
        return out;
    }

    @Test
    void yieldsInCompletionOrder() {
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        Future<Integer> c = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(a, b, c));
        b.setResult(2);
        c.setException(new FutureTest.Boom("c"));
        a.cancel();
        assertEquals(List.of(b, c, a), drain(it));
    }

    @Test
    void yieldsEachAsItCompletesWhileIterating() throws Exception {
        // CPython test_no_timeout, one future at a time.
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        Future<Integer> c = pending();
        LinkedBlockingQueue<Future<Integer>> yielded = new LinkedBlockingQueue<>();
        TestThreads.Task<Void> consumer = threads.run(() -> {
            for (Future<Integer> f : Futures.asCompleted(List.of(a, b, c))) {
                yielded.add(f);
            }
        });
        consumer.awaitParked();
        assertTrue(yielded.isEmpty());
        for (Future<Integer> f : List.of(c, a, b)) {
            f.setResult(0);
            assertSame(f, yielded.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            if (f != b) {
                consumer.awaitParked();
                assertTrue(yielded.isEmpty(), "yielded a future that is not done");
            }
        }
        consumer.join();
    }

    @Test
    void alreadyDoneFuturesComeFirst() {
        Future<Integer> p1 = pending();
        Future<Integer> ok = successful(1);
        Future<Integer> p2 = pending();
        Future<Integer> cancelled = cancelled();
        Future<Integer> bad = failed(new FutureTest.Boom("x"));
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(p1, ok, p2, cancelled, bad));
        p2.setResult(2);
        p1.setResult(1);
        assertEquals(List.of(ok, cancelled, bad, p2, p1), drain(it));
    }

    @Test
    void duplicatesAreYieldedOnce() {
        // CPython test_duplicate_futures.
        Future<Integer> f = successful(1);
        Future<Integer> p = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(f, p, f, p, f));
        p.setResult(2);
        assertEquals(List.of(f, p), drain(it));
    }

    @Test
    void timeoutAfterTheDoneFuturesNamesTheUnfinishedCount() {
        // CPython test_future_times_out and test_correct_timeout_exception_msg.
        Future<Integer> cancelledAndNotified = cancelledAndNotified();
        Future<Integer> pending = pending();
        Future<Integer> running = running();
        Future<Integer> ok = successful(1);
        AsCompleted<Future<Integer>> it =
                Futures.asCompleted(List.of(cancelledAndNotified, pending, running, ok), Duration.ZERO);
        List<Future<Integer>> got = new ArrayList<>();
        TimeoutError e = assertThrows(TimeoutError.class, () -> {
            for (Future<Integer> f : it) {
                got.add(f);
            }
        });
        assertEquals(List.of(cancelledAndNotified, ok), got);
        assertMentions(e, "2 (of 4) futures unfinished");
    }

    @Test
    void timeoutWaitsForItsDuration() {
        Future<Integer> ok = successful(1);
        Future<Integer> pending = pending();
        Future<Integer> other = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(ok, pending, other), SHORT);
        long start = System.nanoTime();
        assertSame(ok, it.next());
        TimeoutError e = assertThrows(TimeoutError.class, it::next);
        TestThreads.assertWaitedAtLeast(SHORT, start);
        assertMentions(e, "2 (of 3) futures unfinished");
        // Still timed out: asking again does not wait and counts the same.
        e = assertThrows(TimeoutError.class, it::hasNext);
        assertMentions(e, "2 (of 3) futures unfinished");
    }

    @Test
    void futuresThatFinishBeforeTheTimeoutAreYielded() throws Exception {
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(a, b), PATIENCE);
        TestThreads.Task<Future<Integer>> consumer = threads.call(it::next);
        consumer.awaitParked();
        b.setResult(2);
        assertSame(b, consumer.join());
        a.setResult(1);
        assertSame(a, it.next());
        assertFalse(it.hasNext());
    }

    @Test
    void timeoutCountsFromTheCall() throws Exception {
        // Documented (and Python's documented behaviour): "counted from this call", not from the first next().
        Future<Integer> p = pending();
        Duration timeout = Duration.ofSeconds(1);
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(p), timeout);
        Thread.sleep(timeout.toMillis() + 200);
        long start = System.nanoTime();
        assertThrows(TimeoutError.class, it::next);
        long waited = System.nanoTime() - start;
        assertTrue(waited < TimeUnit.MILLISECONDS.toNanos(800),
                "next() waited " + Duration.ofNanos(waited) + " though the timeout had passed");
    }

    @Test
    void iteratorIsOneShot() {
        Future<Integer> f = successful(1);
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(f));
        Iterator<Future<Integer>> first = it.iterator();
        assertSame(it, first);
        IllegalStateException e = assertThrows(IllegalStateException.class, it::iterator);
        assertMentions(e, "once");
        assertSame(f, first.next());
    }

    @Test
    void exhaustedIterator() {
        Future<Integer> f = successful(1);
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(f));
        assertTrue(it.hasNext());
        assertTrue(it.hasNext(), "a second hasNext consumed the future");
        assertSame(f, it.next());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        AsCompleted<Future<Integer>> empty = Futures.asCompleted(List.<Future<Integer>>of());
        assertFalse(empty.hasNext());
        assertThrows(NoSuchElementException.class, empty::next);
        assertFalse(Futures.asCompleted(List.<Future<Integer>>of(), Duration.ZERO).hasNext());
    }

    @Test
    void worksWithExecutorFuturesInTheOrderTheyFinish() throws Exception {
        int n = 5;
        ThreadPoolExecutor executor = support.executor(n);
        List<CountDownLatch> gates = new ArrayList<>();
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CountDownLatch gate = support.gate();
            gates.add(gate);
            int k = i;
            fs.add(executor.submit(() -> {
                pass(gate);
                return k;
            }));
        }
        Iterator<Future<Integer>> it = Futures.asCompleted(fs, PATIENCE);
        for (int k : new int[] {3, 1, 4, 0, 2}) {
            gates.get(k).countDown();
            Future<Integer> next = it.next();
            assertSame(fs.get(k), next);
            assertEquals(k, next.result(Duration.ZERO));
        }
        assertFalse(it.hasNext());
    }

    @Test
    void interruptedConsumerGetsCompletionExceptionAndKeepsItsFlag() throws Exception {
        Future<Integer> p = pending();
        for (AsCompleted<Future<Integer>> it : List.of(Futures.asCompleted(List.of(p)),
                Futures.asCompleted(List.of(p), PATIENCE))) {
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            TestThreads.Task<Void> consumer = threads.run(() -> {
                try {
                    it.next();
                } finally {
                    flagAfter.set(Thread.interrupted());
                }
            });
            consumer.awaitParked();
            consumer.interrupt();
            CompletionException e = consumer.joinThrows(CompletionException.class);
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt flag was not set again");
        }
    }

    @Test
    void negativeTimeoutIsRejected() {
        Duration negative = Duration.ofMillis(-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Futures.asCompleted(List.of(successful(1)), negative));
        assertMentions(e, negative.toString());
    }

    @Test
    void nullsAreRejected() {
        Future<Integer> f = successful(1);
        assertThrows(NullPointerException.class, () -> Futures.asCompleted(null));
        assertThrows(NullPointerException.class, () -> Futures.asCompleted(null, PATIENCE));
        assertThrows(NullPointerException.class, () -> Futures.asCompleted(Arrays.asList(f, null)));
        assertThrows(NullPointerException.class, () -> Futures.asCompleted(Arrays.asList(f, null), PATIENCE));
        assertThrows(NullPointerException.class, () -> Futures.asCompleted(List.of(f), null));
    }

    @Test
    void closeStopsListeningAndLaterFuturesStillComplete() throws Exception {
        Future<Integer> ok = successful(1);
        Future<Integer> p = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(ok, p));
        assertSame(ok, it.next());
        it.close();
        it.close();
        AtomicReference<Boolean> callbackRan = new AtomicReference<>();
        p.addDoneCallback(x -> callbackRan.set(Boolean.TRUE));
        p.setResult(2);
        assertEquals(Boolean.TRUE, callbackRan.get());
        assertEquals(2, p.result());
    }

    @Test
    void closeEndsTheIteration() {
        // As a closed Python generator raises StopIteration, and as MapIterator.close() does.
        Future<Integer> ok = successful(1);
        Future<Integer> p = pending();
        AsCompleted<Future<Integer>> it = Futures.asCompleted(List.of(ok, p), SHORT);
        assertSame(ok, it.next());
        it.close();
        p.setResult(2);
        assertFalse(it.hasNext(), "hasNext() after close()");
        assertThrows(NoSuchElementException.class, it::next);

        Future<Integer> q = pending();
        AsCompleted<Future<Integer>> untimed = Futures.asCompleted(List.of(q));
        untimed.close();
        assertFalse(untimed.hasNext(), "hasNext() after close() of an untimed iteration");
        q.setResult(1);
        assertFalse(untimed.hasNext());
    }
}
