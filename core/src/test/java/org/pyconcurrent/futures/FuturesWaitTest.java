package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link Futures#wait}: Python's {@code concurrent.futures.wait} as CPython's
 * {@code test_concurrent_futures/test_wait.py} checks it: the three {@link ReturnWhen} modes, futures
 * already done, duplicates, the timeout and its partial split, interrupts and rejected arguments.
 *
 * <p>Unlike CPython's {@code wait}, which counts a cancelled future as done only once an executor
 * has called {@code set_running_or_notify_cancel} on it, a cancelled future here is done as
 * {@link Future#done()} says, and {@link DoneAndNotDone} documents it so.
 */
class FuturesWaitTest extends ThreadedTest {
    private final FuturesTestSupport support = new FuturesTestSupport();

    @AfterEach
    void shutDownExecutors() throws InterruptedException {
        support.close();
    }

    private static Set<Future<?>> set(Future<?>... fs) {
        return Set.of(fs);
    }

    private static Set<Future<?>> asSet(Set<? extends Future<?>> fs) {
        return Set.copyOf(fs);
    }

    /** Waits in another thread, so that the test can complete futures while it waits. */
    private TestThreads.Task<DoneAndNotDone<Future<?>>> waitInBackground(List<Future<?>> fs, ReturnWhen when) {
        return threads.call(() -> Futures.wait(fs, when));
    }

    // ---------------------------------------------------------------- ALL_COMPLETED

    @Test
    void allCompletedWaitsForEveryFuture() throws Exception {
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter = threads.call(() -> Futures.wait(List.<Future<?>>of(a, b)));
        waiter.awaitParked();
        a.setResult(1);
        TestThreads.settle();
        waiter.awaitParked();
        assertTrue(waiter.isAlive(), "wait() returned with a future not done");
        b.setException(new FutureTest.Boom("b"));
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(a, b), asSet(r.done()));
        assertEquals(Set.of(), r.notDone());
    }

    @Test
    void allCompletedExplicitAndWithTimeout() throws Exception {
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        List<Future<?>> fs = List.of(a, b);
        TestThreads.Task<DoneAndNotDone<Future<?>>> explicit = waitInBackground(fs, ReturnWhen.ALL_COMPLETED);
        TestThreads.Task<DoneAndNotDone<Future<?>>> timed = threads.call(() -> Futures.wait(fs, PATIENCE));
        explicit.awaitParked();
        timed.awaitParked();
        b.setResult(2);
        TestThreads.settle();
        assertTrue(explicit.isAlive());
        assertTrue(timed.isAlive());
        a.setResult(1);
        assertEquals(set(a, b), asSet(explicit.join().done()));
        assertEquals(set(a, b), asSet(timed.join().done()));
    }

    @Test
    void allCompletedWithFuturesInEveryDoneState() throws Exception {
        // CPython test_all_completed.
        ThreadPoolExecutor executor = support.executor(2);
        Future<Integer> ok = successful(1);
        Future<Integer> bad = failed(new FutureTest.Boom("x"));
        Future<Integer> cancelledAndNotified = cancelledAndNotified();
        Future<Integer> cancelled = cancelled();
        Future<Integer> f1 = executor.submit(() -> 21 / 2);
        Future<Integer> f2 = executor.submit(() -> 6 * 7);
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(ok, bad, cancelledAndNotified, cancelled, f1, f2),
                ReturnWhen.ALL_COMPLETED);
        assertEquals(Set.of(ok, bad, cancelledAndNotified, cancelled, f1, f2), r.done());
        assertEquals(Set.of(), r.notDone());
        assertEquals(42, f2.result(Duration.ZERO));
    }

    // ---------------------------------------------------------------- FIRST_COMPLETED

    @Test
    void firstCompletedReturnsWhenOneFinishes() throws Exception {
        // CPython test_first_completed.
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter = waitInBackground(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
        waiter.awaitParked();
        b.setResult(2);
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(b), asSet(r.done()));
        assertEquals(set(a), asSet(r.notDone()));
    }

    @Test
    void firstCompletedCountsAFailureAndACancellation() throws Exception {
        Future<Integer> a = pending();
        Future<Integer> b = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter = waitInBackground(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
        waiter.awaitParked();
        a.setException(new FutureTest.Boom("a"));
        assertEquals(set(a), asSet(waiter.join().done()));

        Future<Integer> c = pending();
        waiter = waitInBackground(List.of(b, c), ReturnWhen.FIRST_COMPLETED);
        waiter.awaitParked();
        assertTrue(c.cancel());
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(c), asSet(r.done()));
        assertEquals(set(b), asSet(r.notDone()));
    }

    @Test
    void firstCompletedWithSomeAlreadyDoneReturnsAtOnce() throws Exception {
        // CPython test_first_completed_some_already_completed.
        Future<Integer> done = successful(1);
        Future<Integer> running = running();
        Future<Integer> pending = pending();
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(done, running, pending), ReturnWhen.FIRST_COMPLETED);
        assertEquals(Set.of(done), r.done());
        assertEquals(Set.of(running, pending), r.notDone());
        r = Futures.wait(List.of(pending, cancelled()), ReturnWhen.FIRST_COMPLETED);
        assertEquals(Set.of(pending), r.notDone());
        assertEquals(1, r.done().size());
    }

    // ---------------------------------------------------------------- FIRST_EXCEPTION

    @Test
    void firstExceptionReturnsOnTheFirstFailure() throws Exception {
        // CPython test_first_exception.
        Future<Integer> ok = pending();
        Future<Integer> slow = pending();
        Future<Integer> failing = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter =
                waitInBackground(List.of(ok, slow, failing), ReturnWhen.FIRST_EXCEPTION);
        waiter.awaitParked();
        ok.setResult(1);
        TestThreads.settle();
        waiter.awaitParked();
        assertTrue(waiter.isAlive(), "FIRST_EXCEPTION returned on a result");
        failing.setException(new FutureTest.Boom("fails"));
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(ok, failing), asSet(r.done()));
        assertEquals(set(slow), asSet(r.notDone()));
    }

    @Test
    void firstExceptionWithOneAlreadyFailedReturnsAtOnce() throws Exception {
        // CPython test_first_exception_one_already_failed.
        Future<Integer> bad = failed(new FutureTest.Boom("x"));
        Future<Integer> pending = pending();
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(bad, pending), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(bad), r.done());
        assertEquals(Set.of(pending), r.notDone());
    }

    @Test
    void firstExceptionSomeAlreadyComplete() throws Exception {
        // CPython test_first_exception_some_already_complete, with a real pool.
        ThreadPoolExecutor executor = support.executor(2);
        CountDownLatch gate = support.gate();
        Future<Integer> ok = successful(1);
        Future<Integer> cancelledAndNotified = cancelledAndNotified();
        int zero = 0;
        Future<Integer> divByZero = executor.submit(() -> 21 / zero);
        Future<Integer> slow = executor.submit(() -> {
            pass(gate);
            return 0;
        });
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(ok, cancelledAndNotified, divByZero, slow),
                ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(ok, cancelledAndNotified, divByZero), r.done());
        assertEquals(Set.of(slow), r.notDone());
    }

    @Test
    void cancelledFuturesDoNotCountAsExceptions() throws Exception {
        Future<Integer> alreadyCancelled = cancelled();
        Future<Integer> toCancel = pending();
        Future<Integer> last = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter =
                waitInBackground(List.of(alreadyCancelled, toCancel, last), ReturnWhen.FIRST_EXCEPTION);
        waiter.awaitParked();
        assertTrue(toCancel.cancel());
        TestThreads.settle();
        waiter.awaitParked();
        assertTrue(waiter.isAlive(), "FIRST_EXCEPTION returned on a cancellation");
        last.setResult(3);
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(alreadyCancelled, toCancel, last), asSet(r.done()));
        assertEquals(Set.of(), r.notDone());
    }

    @Test
    void firstExceptionWithoutFailureWaitsForAll() throws Exception {
        Future<Integer> a = successful(1);
        Future<Integer> b = cancelled();
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(a, b), r.done());
        Future<Integer> c = pending();
        r = Futures.wait(List.of(a, b, c), SHORT, ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(a, b), r.done(), "FIRST_EXCEPTION returned early without a failure");
        assertEquals(Set.of(c), r.notDone());
    }

    // ---------------------------------------------------------------- duplicates, timeouts

    @Test
    void duplicatesCountOnce() throws Exception {
        // CPython test_20369.
        Future<Integer> f = successful(1);
        for (ReturnWhen when : ReturnWhen.values()) {
            DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(f, f), when);
            assertEquals(Set.of(f), r.done(), when.name());
            assertEquals(Set.of(), r.notDone(), when.name());
        }
        Future<Integer> p = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter = waitInBackground(List.of(p, p, p), ReturnWhen.ALL_COMPLETED);
        waiter.awaitParked();
        p.setResult(2);
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(p), asSet(r.done()));
        assertEquals(Set.of(), r.notDone());
    }

    @Test
    void timeoutReturnsThePartialSplit() throws Exception {
        // CPython test_timeout.
        Future<Integer> ok = successful(1);
        Future<Integer> bad = failed(new FutureTest.Boom("x"));
        Future<Integer> cancelledAndNotified = cancelledAndNotified();
        Future<Integer> sleeping = pending();
        long start = System.nanoTime();
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(ok, bad, cancelledAndNotified, sleeping), SHORT);
        TestThreads.assertWaitedAtLeast(SHORT, start);
        assertEquals(Set.of(ok, bad, cancelledAndNotified), r.done());
        assertEquals(Set.of(sleeping), r.notDone());
        r = Futures.wait(List.of(ok, sleeping), SHORT, ReturnWhen.FIRST_EXCEPTION);
        assertEquals(Set.of(ok), r.done());
        assertEquals(Set.of(sleeping), r.notDone());
    }

    @Test
    void timeoutSplitSeesFuturesThatFinishWhileWaiting() throws Exception {
        Future<Integer> early = pending();
        Future<Integer> never = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter =
                threads.call(() -> Futures.wait(List.<Future<?>>of(early, never), Duration.ofSeconds(1)));
        waiter.awaitParked();
        early.setResult(1);
        DoneAndNotDone<Future<?>> r = waiter.join();
        assertEquals(set(early), asSet(r.done()));
        assertEquals(set(never), asSet(r.notDone()));
    }

    @Test
    void zeroTimeoutDoesNotWait() throws Exception {
        Future<Integer> ok = successful(1);
        Future<Integer> p = pending();
        for (ReturnWhen when : ReturnWhen.values()) {
            DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(p, ok), Duration.ZERO, when);
            assertEquals(Set.of(ok), r.done(), when.name());
            assertEquals(Set.of(p), r.notDone(), when.name());
        }
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(p), Duration.ZERO);
        assertEquals(Set.of(), r.done());
        assertEquals(Set.of(p), r.notDone());
        r = Futures.wait(List.of(ok), Duration.ZERO);
        assertEquals(Set.of(ok), r.done());
    }

    @Test
    void emptyCollectionReturnsAtOnce() throws Exception {
        for (ReturnWhen when : ReturnWhen.values()) {
            DoneAndNotDone<Future<Integer>> r = Futures.wait(List.<Future<Integer>>of(), when);
            assertEquals(Set.of(), r.done());
            assertEquals(Set.of(), r.notDone());
        }
        assertEquals(Set.of(), Futures.wait(List.<Future<Integer>>of()).done());
        assertEquals(Set.of(), Futures.wait(List.<Future<Integer>>of(), SHORT).notDone());
    }

    @Test
    void resultSetsCannotBeModified() throws Exception {
        Future<Integer> ok = successful(1);
        Future<Integer> p = pending();
        DoneAndNotDone<Future<Integer>> r = Futures.wait(List.of(ok, p), Duration.ZERO);
        assertThrows(UnsupportedOperationException.class, () -> r.done().add(p));
        assertThrows(UnsupportedOperationException.class, () -> r.notDone().clear());
    }

    @Test
    void doneAndNotDoneCopiesItsSets() {
        Future<Integer> a = successful(1);
        Future<Integer> b = pending();
        Set<Future<Integer>> done = new java.util.LinkedHashSet<>(List.of(a));
        Set<Future<Integer>> notDone = new java.util.LinkedHashSet<>(List.of(b));
        DoneAndNotDone<Future<Integer>> r = new DoneAndNotDone<>(done, notDone);
        done.clear();
        notDone.add(a);
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.notDone());
        assertThrows(UnsupportedOperationException.class, () -> r.done().remove(a));
        assertThrows(NullPointerException.class, () -> new DoneAndNotDone<>(null, notDone));
    }

    @Test
    void notDoneKeepsTheInputOrder() throws Exception {
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fs.add(pending());
        }
        DoneAndNotDone<Future<Integer>> r = Futures.wait(fs, Duration.ZERO);
        assertEquals(fs, List.copyOf(r.notDone()));
    }

    @Test
    void doneKeepsTheInputOrder() throws Exception {
        Future<Integer> first = pending();
        Future<Integer> second = pending();
        TestThreads.Task<DoneAndNotDone<Future<?>>> waiter = waitInBackground(List.of(first, second), ReturnWhen.ALL_COMPLETED);
        waiter.awaitParked();
        second.setResult(2);
        first.setResult(1);
        assertEquals(List.of(first, second), List.copyOf(waiter.join().done()));
    }

    @Test
    void worksWithExecutorFutures() throws Exception {
        ThreadPoolExecutor executor = support.executor(4);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            fs.add(executor.submit(() -> n));
        }
        DoneAndNotDone<Future<Integer>> r = Futures.wait(fs, PATIENCE);
        assertEquals(Set.copyOf(fs), r.done());
        assertEquals(Set.of(), r.notDone());
    }

    // ---------------------------------------------------------------- interrupts and bad arguments

    @Test
    void interruptedWaiterGetsInterruptedException() throws Exception {
        Future<Integer> p = pending();
        for (TestThreads.Task<?> waiter : List.of(waitInBackground(List.of(p), ReturnWhen.ALL_COMPLETED),
                threads.call(() -> Futures.wait(List.of(p), PATIENCE, ReturnWhen.FIRST_COMPLETED)))) {
            waiter.awaitParked();
            waiter.interrupt();
            waiter.joinThrows(InterruptedException.class);
        }
        p.setResult(1);
        assertEquals(Set.of(p), Futures.wait(List.of(p)).done());
    }

    @Test
    void negativeTimeoutIsRejected() {
        Future<Integer> p = pending();
        Duration negative = Duration.ofNanos(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Futures.wait(List.of(p), negative));
        assertMentions(e, negative.toString());
        assertThrows(IllegalArgumentException.class,
                () -> Futures.wait(List.of(p), negative, ReturnWhen.FIRST_COMPLETED));
        assertThrows(IllegalArgumentException.class,
                () -> Futures.wait(List.of(successful(1)), negative, ReturnWhen.ALL_COMPLETED));
    }

    @Test
    void nullsAreRejected() {
        Future<Integer> p = successful(1);
        assertThrows(NullPointerException.class, () -> Futures.wait(null));
        assertThrows(NullPointerException.class, () -> Futures.wait(null, ReturnWhen.ALL_COMPLETED));
        assertThrows(NullPointerException.class, () -> Futures.wait(null, PATIENCE));
        assertThrows(NullPointerException.class, () -> Futures.wait(null, PATIENCE, ReturnWhen.ALL_COMPLETED));
        assertThrows(NullPointerException.class, () -> Futures.wait(Arrays.asList(p, null)));
        assertThrows(NullPointerException.class,
                () -> Futures.wait(Arrays.asList(p, null), Duration.ZERO, ReturnWhen.FIRST_COMPLETED));
        assertThrows(NullPointerException.class, () -> Futures.wait(List.of(p), (ReturnWhen) null));
        assertThrows(NullPointerException.class, () -> Futures.wait(List.of(p), (Duration) null));
        assertThrows(NullPointerException.class, () -> Futures.wait(List.of(p), null, ReturnWhen.ALL_COMPLETED));
        assertThrows(NullPointerException.class, () -> Futures.wait(List.of(p), PATIENCE, null));
    }
}
