package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.futures.FuturesTestSupport.SHORT;
import static org.pyconcurrent.futures.FuturesTestSupport.assertMentions;
import static org.pyconcurrent.futures.FuturesTestSupport.cancelled;
import static org.pyconcurrent.futures.FuturesTestSupport.cancelledAndNotified;
import static org.pyconcurrent.futures.FuturesTestSupport.failed;
import static org.pyconcurrent.futures.FuturesTestSupport.pending;
import static org.pyconcurrent.futures.FuturesTestSupport.running;
import static org.pyconcurrent.futures.FuturesTestSupport.successful;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.StandardError;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link Future}: Python's {@code concurrent.futures.Future} as CPython's
 * {@code test_concurrent_futures/test_future.py} checks it (states, cancel, the setters, result and
 * exception with and without a timeout, done-callbacks, repr), plus its {@link
 * java.util.concurrent.Future} side ({@code get}, {@code state}, {@code resultNow}), the
 * {@link CompletableFuture} adapter, interrupts and rejected arguments.
 */
class FutureTest extends ThreadedTest {

    /** An unchecked exception type of the tests' own, so that nothing else can throw it. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    /** An error type of the tests' own. */
    static final class BoomError extends Error {
        private static final long serialVersionUID = 1L;

        BoomError(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- state queries

    @Test
    void pendingFuture() {
        Future<Integer> f = pending();
        assertFalse(f.cancelled());
        assertFalse(f.running());
        assertFalse(f.done());
        assertFalse(f.isCancelled());
        assertFalse(f.isDone());
        assertEquals(java.util.concurrent.Future.State.RUNNING, f.state());
    }

    @Test
    void runningFuture() {
        Future<Integer> f = running();
        assertFalse(f.cancelled());
        assertTrue(f.running());
        assertFalse(f.done());
        assertFalse(f.isDone());
    }

    @Test
    void cancelledFuture() {
        for (Future<Integer> f : List.of(FuturesTestSupport.<Integer>cancelled(),
                FuturesTestSupport.<Integer>cancelledAndNotified())) {
            assertTrue(f.cancelled());
            assertFalse(f.running());
            assertTrue(f.done());
            assertTrue(f.isCancelled());
            assertTrue(f.isDone());
            assertEquals(java.util.concurrent.Future.State.CANCELLED, f.state());
        }
    }

    @Test
    void successfulFuture() throws Exception {
        Future<Integer> f = successful(42);
        assertFalse(f.cancelled());
        assertFalse(f.running());
        assertTrue(f.done());
        assertEquals(42, f.result());
        assertNull(f.exception());
        assertEquals(java.util.concurrent.Future.State.SUCCESS, f.state());
    }

    @Test
    void failedFuture() throws Exception {
        Boom boom = new Boom("failed");
        Future<Integer> f = failed(boom);
        assertFalse(f.cancelled());
        assertFalse(f.running());
        assertTrue(f.done());
        assertSame(boom, f.exception());
        assertEquals(java.util.concurrent.Future.State.FAILED, f.state());
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelSucceedsOnlyWhilePending() {
        // CPython test_cancel.
        Future<Integer> f = pending();
        assertTrue(f.cancel());
        assertTrue(f.cancelled());
        assertTrue(f.cancel(), "cancelling a cancelled future again is true");
        assertTrue(cancelledAndNotified().cancel());

        Future<Integer> run = running();
        assertFalse(run.cancel());
        assertFalse(run.cancelled());
        assertTrue(run.running());

        Future<Integer> ok = successful(1);
        assertFalse(ok.cancel());
        assertFalse(ok.cancelled());

        Future<Integer> bad = failed(new Boom("x"));
        assertFalse(bad.cancel());
        assertFalse(bad.cancelled());
    }

    @Test
    void jdkCancelIgnoresMayInterrupt() {
        Future<Integer> f = pending();
        assertTrue(f.cancel(true));
        assertTrue(f.isCancelled());
        Future<Integer> run = running();
        assertFalse(run.cancel(true));
        assertFalse(run.cancel(false));
        assertFalse(run.isCancelled());
    }

    // ---------------------------------------------------------------- setters

    @Test
    void setRunningOrNotifyCancelFromEachState() {
        Future<Integer> f = pending();
        assertTrue(f.setRunningOrNotifyCancel());
        assertTrue(f.running());
        IllegalStateException e = assertThrows(IllegalStateException.class, f::setRunningOrNotifyCancel);
        assertMentions(e, "running");

        Future<Integer> c = cancelled();
        assertFalse(c.setRunningOrNotifyCancel());
        assertTrue(c.cancelled());
        assertTrue(c.done());
        // Python raises RuntimeError("Future in unexpected state") on the second call.
        assertThrows(IllegalStateException.class, c::setRunningOrNotifyCancel);

        assertThrows(IllegalStateException.class, successful(1)::setRunningOrNotifyCancel);
        assertThrows(IllegalStateException.class, failed(new Boom("x"))::setRunningOrNotifyCancel);
    }

    @Test
    void setResultFromPendingOrRunning() throws Exception {
        Future<String> f = pending();
        f.setResult("direct");
        assertEquals("direct", f.result());
        Future<String> r = running();
        r.setResult("ran");
        assertFalse(r.running());
        assertTrue(r.done());
        assertEquals("ran", r.result());
        Future<String> none = pending();
        none.setResult(null);
        assertTrue(none.done());
        assertNull(none.result());
        assertNull(none.exception());
    }

    @Test
    void secondSetResultIsInvalidAndKeepsTheFirst() throws Exception {
        // CPython test_multiple_set_result.
        Future<String> f = pending();
        f.setResult("first");
        InvalidStateError e = assertThrows(InvalidStateError.class, () -> f.setResult("second"));
        assertInstanceOf(IllegalStateException.class, e);
        assertMentions(e, "finished");
        assertThrows(InvalidStateError.class, () -> f.setException(new Boom("late")));
        assertEquals("first", f.result());
        assertNull(f.exception());
    }

    @Test
    void secondSetExceptionIsInvalidAndKeepsTheFirst() throws Exception {
        // CPython test_multiple_set_exception.
        Boom first = new Boom("first");
        Future<String> f = failed(first);
        assertThrows(InvalidStateError.class, () -> f.setException(new Boom("second")));
        assertThrows(InvalidStateError.class, () -> f.setResult("late"));
        assertSame(first, f.exception());
    }

    @Test
    void settersOnCancelledFutureAreInvalid() {
        for (Future<String> f : List.of(FuturesTestSupport.<String>cancelled(),
                FuturesTestSupport.<String>cancelledAndNotified())) {
            InvalidStateError e = assertThrows(InvalidStateError.class, () -> f.setResult("x"));
            assertMentions(e, "cancelled");
            assertThrows(InvalidStateError.class, () -> f.setException(new Boom("x")));
            assertTrue(f.cancelled());
            assertThrows(CancelledError.class, f::result);
        }
    }

    @Test
    void setExceptionRejectsNull() {
        Future<String> f = pending();
        assertThrows(NullPointerException.class, () -> f.setException(null));
        assertFalse(f.done(), "a rejected setException changed the future");
        f.setResult("still settable");
        assertTrue(f.done());
    }

    // ---------------------------------------------------------------- result and exception

    @Test
    void resultOfCancelledFutureIsCancelledError() {
        Future<String> f = cancelled();
        CancelledError e = assertThrows(CancelledError.class, f::result);
        assertInstanceOf(CancellationException.class, e);
        assertMentions(e, "cancelled");
        assertThrows(CancelledError.class, () -> f.result(Duration.ZERO));
        assertThrows(CancelledError.class, f::exception);
        assertThrows(CancelledError.class, () -> f.exception(Duration.ofSeconds(1)));
        assertThrows(CancelledError.class, cancelledAndNotified()::result);
    }

    @Test
    void resultRethrowsTheUncheckedExceptionItself() throws Exception {
        Boom boom = new Boom("unchecked");
        Future<String> f = failed(boom);
        assertSame(boom, assertThrows(Boom.class, f::result));
        assertSame(boom, assertThrows(Boom.class, () -> f.result(Duration.ZERO)));
        assertSame(boom, f.exception());
        assertSame(boom, f.exception(Duration.ZERO));
    }

    @Test
    void resultRethrowsAnErrorItself() throws Exception {
        BoomError error = new BoomError("error");
        Future<String> f = failed(error);
        assertSame(error, assertThrows(BoomError.class, f::result));
        assertSame(error, f.exception());
    }

    @Test
    void resultWrapsACheckedExceptionInCompletionException() throws Exception {
        IOException io = new IOException("checked");
        Future<String> f = failed(io);
        CompletionException e = assertThrows(CompletionException.class, f::result);
        assertSame(io, e.getCause());
        e = assertThrows(CompletionException.class, () -> f.result(Duration.ofSeconds(1)));
        assertSame(io, e.getCause());
        assertSame(io, f.exception(), "exception() returns the checked exception itself");
    }

    @Test
    void timedResultOfPendingFutureTimesOut() throws Exception {
        // CPython test_result_with_timeout / test_exception_with_timeout.
        Future<String> f = pending();
        long start = System.nanoTime();
        TimeoutError e = assertThrows(TimeoutError.class, () -> f.result(SHORT));
        TestThreads.assertWaitedAtLeast(SHORT, start);
        assertMentions(e, SHORT.toString());
        start = System.nanoTime();
        assertThrows(TimeoutError.class, () -> f.exception(SHORT));
        TestThreads.assertWaitedAtLeast(SHORT, start);
        assertThrows(TimeoutError.class, () -> f.result(Duration.ZERO));
        assertThrows(TimeoutError.class, () -> f.exception(Duration.ZERO));
        assertThrows(TimeoutError.class, () -> running().result(Duration.ZERO));
        assertFalse(f.done(), "a timed-out wait changed the future");
    }

    @Test
    void timedOutWaiterDoesNotDisturbLaterCompletion() throws Exception {
        Future<String> f = pending();
        assertThrows(TimeoutError.class, () -> f.result(Duration.ofMillis(20)));
        AtomicInteger calls = new AtomicInteger();
        f.addDoneCallback(x -> calls.incrementAndGet());
        f.setResult("late");
        assertEquals("late", f.result(Duration.ZERO));
        assertEquals(1, calls.get());
    }

    @Test
    void timedResultOfDoneFutureDoesNotWait() throws Exception {
        assertEquals(42, successful(42).result(Duration.ZERO));
        assertNull(successful(42).exception(Duration.ZERO));
        assertEquals(42, successful(42).result(Duration.ofDays(365 * 1000)));
    }

    @Test
    void negativeTimeoutIsRejected() {
        Duration negative = Duration.ofMillis(-1);
        for (Future<String> f : List.of(FuturesTestSupport.<String>pending(), successful("x"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.result(negative));
            assertMentions(e, negative.toString());
            assertThrows(IllegalArgumentException.class, () -> f.exception(negative));
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        Future<String> f = pending();
        assertThrows(NullPointerException.class, () -> f.result(null));
        assertThrows(NullPointerException.class, () -> f.exception(null));
        assertThrows(NullPointerException.class, () -> f.addDoneCallback(null));
        assertThrows(NullPointerException.class, () -> f.get(1, null));
        assertThrows(NullPointerException.class, () -> successful("x").get(1, null));
        assertFalse(f.done());
    }

    @Test
    void resultWaitsForASetResultFromAnotherThread() throws Exception {
        // CPython test_result_with_success.
        Future<String> f = pending();
        TestThreads.Task<String> waiter = threads.call(f::result);
        waiter.awaitParked();
        assertTrue(waiter.isAlive());
        f.setResult("done");
        assertEquals("done", waiter.join());
    }

    @Test
    void timedResultWaitsForASetResultFromAnotherThread() throws Exception {
        Future<String> f = pending();
        TestThreads.Task<String> waiter = threads.call(() -> f.result(FuturesTestSupport.PATIENCE));
        waiter.awaitParked();
        f.setResult("done");
        assertEquals("done", waiter.join());
    }

    @Test
    void resultWakesWithCancelledErrorWhenCancelled() throws Exception {
        // CPython test_result_with_cancel.
        Future<String> f = pending();
        TestThreads.Task<String> waiter = threads.call(f::result);
        waiter.awaitParked();
        assertTrue(f.cancel());
        waiter.joinThrows(CancelledError.class);
    }

    @Test
    void exceptionWaitsForASetException() throws Exception {
        // CPython test_exception_with_success.
        Boom boom = new Boom("later");
        Future<String> f = pending();
        TestThreads.Task<Throwable> waiter = threads.call(f::exception);
        waiter.awaitParked();
        f.setException(boom);
        assertSame(boom, waiter.join());
    }

    @Test
    void everyWaiterIsWoken() throws Exception {
        Future<Integer> f = pending();
        List<TestThreads.Task<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiters.add(i % 2 == 0 ? threads.call(f::result) : threads.call(() -> f.result(FuturesTestSupport.PATIENCE)));
        }
        TestThreads.awaitAllParked(waiters);
        f.setResult(7);
        assertEquals(List.of(7, 7, 7, 7, 7), TestThreads.joinAll(waiters));
    }

    @Test
    void interruptedWaiterGetsInterruptedException() throws Exception {
        Future<String> f = pending();
        TestThreads.Task<String> untimed = threads.call(f::result);
        TestThreads.Task<String> timed = threads.call(() -> f.result(FuturesTestSupport.PATIENCE));
        TestThreads.Task<Throwable> exception = threads.call(f::exception);
        TestThreads.Task<String> get = threads.call(f::get);
        for (TestThreads.Task<?> t : List.of(untimed, timed, exception, get)) {
            t.awaitParked();
            t.interrupt();
            t.joinThrows(InterruptedException.class);
        }
        assertFalse(f.done(), "an interrupted wait changed the future");
        f.setResult("after");
        assertEquals("after", f.result());
    }

    @Test
    void alreadyInterruptedThreadDoesNotWaitOnPendingFuture() throws Exception {
        Future<String> f = pending();
        boolean[] flagAfter = new boolean[1];
        TestThreads.Task<Void> t = threads.run(() -> {
            Thread.currentThread().interrupt();
            try {
                f.result();
            } finally {
                flagAfter[0] = Thread.currentThread().isInterrupted();
            }
        });
        t.joinThrows(InterruptedException.class);
        assertFalse(flagAfter[0], "the InterruptedException left the interrupt flag set");
    }

    // ---------------------------------------------------------------- java.util.concurrent.Future

    @Test
    void getReturnsTheResult() throws Exception {
        assertEquals("v", successful("v").get());
        assertEquals("v", successful("v").get(0, TimeUnit.SECONDS));
        assertEquals("v", successful("v").get(-5, TimeUnit.SECONDS));
    }

    @Test
    void getWrapsEveryFailureInExecutionException() {
        Boom boom = new Boom("x");
        ExecutionException e = assertThrows(ExecutionException.class, failed(boom)::get);
        assertSame(boom, e.getCause());
        IOException io = new IOException("y");
        e = assertThrows(ExecutionException.class, () -> failed(io).get(1, TimeUnit.SECONDS));
        assertSame(io, e.getCause());
        BoomError error = new BoomError("z");
        e = assertThrows(ExecutionException.class, failed(error)::get);
        assertSame(error, e.getCause());
    }

    @Test
    void getOfCancelledFutureThrowsCancellationException() {
        assertThrows(CancellationException.class, cancelled()::get);
        assertThrows(CancellationException.class, () -> cancelled().get(1, TimeUnit.SECONDS));
    }

    @Test
    void timedGetThrowsTheCheckedTimeoutException() throws Exception {
        Future<String> f = pending();
        long start = System.nanoTime();
        assertThrows(TimeoutException.class, () -> f.get(SHORT.toMillis(), TimeUnit.MILLISECONDS));
        TestThreads.assertWaitedAtLeast(SHORT, start);
        assertThrows(TimeoutException.class, () -> f.get(0, TimeUnit.NANOSECONDS));
        assertThrows(TimeoutException.class, () -> f.get(-1, TimeUnit.SECONDS));
    }

    @Test
    void jdkResultNowAndExceptionNow() {
        assertEquals("v", successful("v").resultNow());
        Boom boom = new Boom("x");
        assertSame(boom, failed(boom).exceptionNow());
        assertThrows(IllegalStateException.class, () -> failed(boom).resultNow());
        assertThrows(IllegalStateException.class, () -> pending().resultNow());
        assertThrows(IllegalStateException.class, () -> cancelled().resultNow());
        assertThrows(IllegalStateException.class, () -> successful("v").exceptionNow());
    }

    // ---------------------------------------------------------------- callbacks

    @Test
    void callbackRunsOnSetResult() {
        // CPython test_done_callback_with_result.
        Future<Integer> f = pending();
        AtomicReference<Future<? extends Integer>> seen = new AtomicReference<>();
        AtomicReference<Integer> value = new AtomicReference<>();
        f.addDoneCallback(x -> {
            seen.set(x);
            value.set(x.resultNow());
        });
        assertNull(seen.get(), "the callback ran before the future was done");
        f.setResult(5);
        assertSame(f, seen.get());
        assertEquals(5, value.get());
    }

    @Test
    void callbackRunsOnSetException() {
        // CPython test_done_callback_with_exception.
        Boom boom = new Boom("cb");
        Future<Integer> f = pending();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        f.addDoneCallback(x -> seen.set(x.exceptionNow()));
        f.setException(boom);
        assertSame(boom, seen.get());
    }

    @Test
    void callbackRunsOnCancel() {
        // CPython test_done_callback_with_cancel.
        Future<Integer> f = pending();
        AtomicReference<Boolean> wasCancelled = new AtomicReference<>();
        f.addDoneCallback(x -> wasCancelled.set(x.cancelled()));
        assertTrue(f.cancel());
        assertEquals(Boolean.TRUE, wasCancelled.get());
        AtomicInteger calls = new AtomicInteger();
        f.addDoneCallback(x -> calls.incrementAndGet());
        assertFalse(f.setRunningOrNotifyCancel());
        assertTrue(f.cancel());
        assertEquals(1, calls.get(), "a later cancel or notify ran the callback again");
    }

    @Test
    void callbackOnDoneFutureRunsAtOnceInTheAddingThread() {
        // CPython test_done_callback_already_successful/_failed/_cancelled.
        for (Future<Integer> f : List.of(successful(1), FuturesTestSupport.<Integer>failed(new Boom("x")),
                FuturesTestSupport.<Integer>cancelled(), FuturesTestSupport.<Integer>cancelledAndNotified())) {
            AtomicReference<Thread> ranIn = new AtomicReference<>();
            f.addDoneCallback(x -> ranIn.set(Thread.currentThread()));
            assertSame(Thread.currentThread(), ranIn.get(), "callback on " + f);
        }
    }

    @Test
    void callbackRunsInTheCompletingThread() throws Exception {
        Future<Integer> f = pending();
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        f.addDoneCallback(x -> ranIn.set(Thread.currentThread()));
        TestThreads.Task<Thread> completer = threads.call(() -> {
            f.setResult(1);
            return Thread.currentThread();
        });
        assertSame(completer.join(), ranIn.get());
    }

    @Test
    void callbacksRunOnceEachInRegistrationOrder() {
        Future<Integer> f = pending();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            int n = i;
            f.addDoneCallback(x -> order.add(n));
        }
        f.setResult(0);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertThrows(InvalidStateError.class, () -> f.setResult(1));
        assertFalse(f.cancel());
        assertEquals(expected, order, "callbacks ran again");
    }

    @Test
    void sameCallbackAddedTwiceRunsTwice() {
        Future<Integer> f = pending();
        AtomicInteger calls = new AtomicInteger();
        DoneCallback<Integer> cb = x -> calls.incrementAndGet();
        f.addDoneCallback(cb);
        f.addDoneCallback(cb);
        f.setResult(1);
        assertEquals(2, calls.get());
        f.addDoneCallback(cb);
        assertEquals(3, calls.get());
    }

    @Test
    void throwingCallbackDoesNotStopTheOthers() throws Exception {
        // CPython test_done_callback_raises: logged, the others still run.
        Future<Integer> f = pending();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        f.addDoneCallback(x -> ran.add("first"));
        f.addDoneCallback(x -> {
            ran.add("thrower");
            throw new Boom("callback failed (expected by the test)");
        });
        f.addDoneCallback(x -> {
            ran.add("error thrower");
            throw new BoomError("callback error (expected by the test)");
        });
        f.addDoneCallback(x -> {
            ran.add("checked thrower");
            throw new IOException("callback checked exception (expected by the test)");
        });
        f.addDoneCallback(x -> ran.add("last"));
        f.setResult(3);
        assertEquals(List.of("first", "thrower", "error thrower", "checked thrower", "last"), ran);
        assertEquals(3, f.result());
    }

    @Test
    void throwingCallbackIsLoggedWithItsException() throws Exception {
        // "If the callable raises an Exception subclass, it will be logged and ignored."
        // slf4j-simple (the tests' binding) writes to whatever System.err is at the time.
        Future<Integer> f = pending();
        f.addDoneCallback(x -> {
            throw new Boom("callback failed (logged, expected by the test)");
        });
        String logged = StandardError.capture(() -> f.setResult(5));
        assertTrue(logged.contains("ERROR"), logged);
        assertTrue(logged.contains("exception calling callback for"), logged);
        assertTrue(logged.contains(Boom.class.getName() + ": callback failed (logged, expected by the test)"), logged);
        assertTrue(logged.contains("at "), "the stack trace is logged too: " + logged);

        // A callback added to a future that is already done runs at once, and is logged the same way.
        String loggedAtOnce = StandardError.capture(() -> f.addDoneCallback(x -> {
            throw new BoomError("callback error (logged, expected by the test)");
        }));
        assertTrue(loggedAtOnce.contains(BoomError.class.getName() + ": callback error (logged, expected by the test)"),
                loggedAtOnce);
    }

    @Test
    void throwingCallbackOnDoneFutureDoesNotPropagate() {
        // CPython test_done_callback_raises_already_succeeded.
        Future<Integer> f = successful(1);
        AtomicInteger calls = new AtomicInteger();
        f.addDoneCallback(x -> {
            calls.incrementAndGet();
            throw new Boom("callback failed (expected by the test)");
        });
        assertEquals(1, calls.get());
    }

    @Test
    void callbackMayCallResultWithoutCatching() {
        // DoneCallback.call throws Exception, so result() needs no try; a failed future's exception is logged.
        Future<Integer> ok = pending();
        AtomicReference<Integer> got = new AtomicReference<>();
        ok.addDoneCallback(x -> got.set(x.result()));
        ok.setResult(9);
        assertEquals(9, got.get());
        Future<Integer> bad = pending();
        AtomicInteger after = new AtomicInteger();
        bad.addDoneCallback(x -> got.set(x.result()));
        bad.addDoneCallback(x -> after.incrementAndGet());
        bad.setException(new Boom("result() in a callback rethrows this (expected by the test)"));
        assertEquals(9, got.get());
        assertEquals(1, after.get());
    }

    @Test
    void callbackAddedFromACallbackRunsAtOnce() {
        Future<Integer> f = pending();
        List<String> ran = new ArrayList<>();
        f.addDoneCallback(x -> {
            ran.add("outer");
            x.addDoneCallback(y -> ran.add("inner"));
            ran.add("outer end");
        });
        f.addDoneCallback(x -> ran.add("second"));
        f.setResult(1);
        assertEquals(List.of("outer", "inner", "outer end", "second"), ran);
    }

    @Test
    void callbackSeesTheFutureDoneAndWaitersAlreadyReleased() throws Exception {
        Future<Integer> f = pending();
        AtomicReference<Boolean> doneInCallback = new AtomicReference<>();
        f.addDoneCallback(x -> doneInCallback.set(x.done()));
        f.setResult(1);
        assertEquals(Boolean.TRUE, doneInCallback.get());
    }

    @Test
    void manyCompletersRaceAndExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            Future<Integer> f = pending();
            AtomicInteger callbacks = new AtomicInteger();
            f.addDoneCallback(x -> callbacks.incrementAndGet());
            AtomicInteger winners = new AtomicInteger();
            List<TestThreads.Task<Void>> racers = threads.runMany(4, i -> {
                try {
                    if (i == 3) {
                        if (f.cancel()) {
                            winners.incrementAndGet();
                        }
                    } else {
                        f.setResult(i);
                        winners.incrementAndGet();
                    }
                } catch (InvalidStateError lost) {
                    // another racer completed it
                }
            });
            TestThreads.joinAll(racers);
            assertTrue(f.done());
            assertEquals(1, callbacks.get(), "round " + round);
            assertEquals(1, winners.get(), "round " + round);
        }
    }

    // ---------------------------------------------------------------- toCompletableFuture

    @Test
    void completableFutureCompletesWithTheValue() throws Exception {
        Future<String> f = pending();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertFalse(cf.isDone());
        f.setResult("v");
        assertEquals("v", cf.get(0, TimeUnit.SECONDS));
        assertEquals("w", successful("w").toCompletableFuture().join());
    }

    @Test
    void completableFutureCompletesExceptionally() {
        Boom boom = new Boom("x");
        Future<String> f = pending();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.setException(boom);
        assertTrue(cf.isCompletedExceptionally());
        assertFalse(cf.isCancelled());
        assertSame(boom, cf.exceptionNow());
        assertSame(boom, assertThrows(CompletionException.class, cf::join).getCause());
        IOException io = new IOException("y");
        assertSame(io, failed(io).toCompletableFuture().exceptionNow());
    }

    @Test
    void completableFutureIsCancelledWhenTheFutureIs() {
        Future<String> f = pending();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertTrue(f.cancel());
        assertTrue(cf.isCancelled());
        assertThrows(CancellationException.class, cf::join);
        assertTrue(cancelled().toCompletableFuture().isCancelled());
    }

    @Test
    void cancellingTheCompletableFutureCancelsAPendingFuture() {
        Future<String> f = pending();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertTrue(cf.cancel(true));
        assertTrue(f.cancelled());
        assertTrue(cf.isCancelled());
        assertThrows(CancelledError.class, f::result);
    }

    @Test
    void cancellingTheCompletableFutureOfARunningFutureFails() throws Exception {
        Future<String> f = running();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertFalse(cf.cancel(true));
        assertFalse(cf.isDone());
        assertFalse(f.cancelled());
        f.setResult("ran");
        assertEquals("ran", cf.get(0, TimeUnit.SECONDS));
        Future<String> done = successful("v");
        CompletableFuture<String> doneCf = done.toCompletableFuture();
        assertFalse(doneCf.cancel(false));
        assertEquals("v", doneCf.join());
    }

    @Test
    void completableFutureFromAnotherThread() throws Exception {
        Future<Integer> f = pending();
        CompletableFuture<Integer> cf = f.toCompletableFuture().thenApply(x -> x * 2);
        threads.run(() -> f.setResult(21)).join();
        assertEquals(42, cf.get(FuturesTestSupport.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    // ---------------------------------------------------------------- exception types

    @Test
    void exceptionTypesMatchPythonsAndTheJdks() {
        // CancelledError is what get() throws too; TimeoutError is unchecked, not the JDK's TimeoutException.
        CancelledError cancelled = new CancelledError("c");
        assertInstanceOf(CancellationException.class, cancelled);
        assertEquals("c", cancelled.getMessage());
        TimeoutError timeout = new TimeoutError("t");
        assertInstanceOf(RuntimeException.class, timeout);
        assertFalse(RuntimeException.class.isAssignableFrom(TimeoutException.class));
        assertEquals("t", timeout.getMessage());
        assertInstanceOf(IllegalStateException.class, new InvalidStateError("i"));
        Boom cause = new Boom("init");
        BrokenThreadPool broken = new BrokenThreadPool("b", cause);
        assertInstanceOf(BrokenExecutor.class, broken);
        assertInstanceOf(IllegalStateException.class, broken);
        assertSame(cause, broken.getCause());
        assertEquals("b", broken.getMessage());
        assertNull(new BrokenExecutor("e", null).getCause());
    }

    // ---------------------------------------------------------------- toString

    @Test
    void toStringShowsTheState() {
        // CPython test_repr.
        assertContains(pending().toString(), "state=pending");
        assertContains(running().toString(), "state=running");
        assertContains(cancelled().toString(), "state=cancelled");
        assertContains(cancelledAndNotified().toString(), "state=cancelled");
        assertContains(successful(4).toString(), "state=finished returned Integer");
        assertContains(successful(null).toString(), "state=finished returned None");
        assertContains(failed(new IOException("x")).toString(), "state=finished raised IOException");
        assertTrue(pending().toString().startsWith("Future@"), pending().toString());
    }

    private static void assertContains(String text, String value) {
        assertTrue(text.contains(value), () -> "\"" + text + "\" does not mention " + value);
    }
}
