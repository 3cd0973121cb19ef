package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pyconcurrent.multiprocessing.PoolTasks.range;
import static org.pyconcurrent.multiprocessing.PoolTasks.squares;
import static org.pyconcurrent.multiprocessing.PoolTasks.throwingAt;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.function.Tuple;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.function.Tuple3;
import org.pyconcurrent.multiprocessing.PoolTasks.SayWhenChecked;
import org.pyconcurrent.multiprocessing.PoolTasks.SayWhenError;
import org.pyconcurrent.multiprocessing.PoolTasks.SayWhenFatal;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * What every {@link WorkerPool} does: CPython's {@code _TestPool} (and {@code _TestPoolWorkerErrors}'s
 * callbacks) of {@code Lib/test/_test_multiprocessing.py}, plus every bad input, written against the
 * interface only. Holds for {@link ThreadPool} and is meant for the process {@code Pool} too: extend
 * it and implement the two {@code newPool} factories.
 *
 * <p>So that the same tests can send their tasks to worker processes, every task is a method
 * reference to a static method of {@link PoolTasks}, or a lambda that calls one and captures only
 * numbers and strings; a task never touches a latch or any other state of the test. What blocks
 * sleeps ({@link PoolTasks#sleepLong}) and is ended by {@code terminate()} after the test.
 * Callbacks run in this JVM and may capture anything. Thread-specific checks (thread names,
 * latches inside tasks) belong in the concrete tests.
 *
 * <p>Every pool a test makes through {@link #pool(int)} is terminated and joined after it.
 */
public abstract class WorkerPoolContract extends ThreadedTest {
    /** How long terminate() and join() may take with many tasks pending. */
    static final Duration PROMPT = Duration.ofSeconds(5);

    private final List<WorkerPool> pools = new ArrayList<>();

    /**
     * A new pool of {@code processes} workers.
     *
     * @throws IllegalArgumentException if {@code processes} is less than 1
     */
    protected abstract WorkerPool newPool(int processes);

    /** A new pool whose workers each run {@code initializer} before their first task. */
    protected abstract WorkerPool newPool(int processes, SerializableRunnable initializer);

    /** A new pool, terminated and joined after the test. */
    protected final WorkerPool pool(int processes) {
        return track(newPool(processes));
    }

    /** A new pool with an initializer, terminated and joined after the test. */
    protected final WorkerPool pool(int processes, SerializableRunnable initializer) {
        return track(newPool(processes, initializer));
    }

    /** Has {@code pool} terminated and joined after the test. */
    protected final <P extends WorkerPool> P track(P pool) {
        pools.add(pool);
        return pool;
    }

    @AfterEach
    public void terminatePools() throws InterruptedException {
        for (WorkerPool p : pools) {
            p.terminate();
        }
        for (WorkerPool p : pools) {
            p.join();
        }
        pools.clear();
    }

    // ---- the short overloads ----------------------------------------------------------------------

    @Test
    public void shortMapAsyncAndStarmapFormsMatchTheFullOnes() throws Exception {
        WorkerPool p = pool(2);
        assertEquals(PoolTasks.squares(50), p.<Integer, Integer>mapAsync(PoolTasks::sqr, PoolTasks.range(50), 7).get());
        assertThrows(IllegalArgumentException.class, () -> p.mapAsync(PoolTasks::sqr, PoolTasks.range(3), 0));
        List<List<Integer>> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        p.<Integer, Integer>mapAsync(PoolTasks::sqr, PoolTasks.range(5), got::add, failed::add).get();
        assertEquals(List.of(PoolTasks.squares(5)), got);
        assertEquals(List.of(), failed);
        List<Tuple2<Integer, Integer>> pairs = List.of(Tuple.of(1, 2), Tuple.of(3, 4));
        List<Tuple3<Integer, Integer, Integer>> triples = List.of(Tuple.of(1, 2, 3), Tuple.of(2, 3, 4));
        assertEquals(List.of(2, 12), p.starmapAsync(PoolTasks::mul, pairs).get());
        assertEquals(List.of(6, 24), p.starmapAsync(PoolTasks::mul3, triples).get());
        assertEquals(List.of(6, 24), p.starmap(PoolTasks::mul3, triples, 1));
        assertThrows(IllegalArgumentException.class, () -> p.starmap(PoolTasks::mul3, triples, 0));
    }

    @Test
    public void toCompletableFutureMirrorsTheResult() throws Exception {
        WorkerPool p = pool(2);
        assertEquals(25, p.<Integer>applyAsync(() -> PoolTasks.sqr(5)).toCompletableFuture()
                .get(PoolTasks.LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Integer> failing =
                p.<Integer>applyAsync(() -> PoolTasks.raise("boom")).toCompletableFuture();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> failing.get(PoolTasks.LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("boom", e.getCause().getMessage());
    }

    // ---- apply ----------------------------------------------------------------------------------

    @Test
    public void applyReturnsTheValue() throws Exception {
        // CPython's test_apply.
        WorkerPool p = pool(2);
        assertEquals(25, p.<Integer>apply(() -> PoolTasks.sqr(5)));
        assertEquals(9, p.<Integer>apply(() -> PoolTasks.sqrSlowly(3, 10)));
        assertEquals("int 7", p.<String>apply(() -> PoolTasks.describe(7)));
        assertNull(p.apply(() -> PoolTasks.noneForOdd(3)), "None is a result like any other");
    }

    @Test
    public void applyRethrowsAnUncheckedExceptionAsItIs() throws Exception {
        // CPython's test_wrapped_exception: the task's own exception type reaches the caller.
        WorkerPool p = pool(2);
        SayWhenError e = assertThrows(SayWhenError.class, () -> p.apply(() -> PoolTasks.raise("key error")));
        assertEquals("key error", e.getMessage());
        SayWhenFatal error = assertThrows(SayWhenFatal.class, () -> p.apply(() -> PoolTasks.raiseFatal("fatal")));
        assertEquals("fatal", error.getMessage());
        assertEquals(16, p.<Integer>apply(() -> PoolTasks.sqr(4)), "a failed task broke the pool");
    }

    @Test
    public void applyWrapsACheckedExceptionInCompletionException() throws Exception {
        WorkerPool p = pool(2);
        CompletionException e = assertThrows(CompletionException.class,
                () -> p.apply(() -> PoolTasks.raiseChecked("checked")));
        SayWhenChecked cause = assertInstanceOf(SayWhenChecked.class, e.getCause());
        assertEquals("checked", cause.getMessage());
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.raiseChecked("async checked"));
        e = assertThrows(CompletionException.class, r::get);
        assertEquals("async checked", assertInstanceOf(SayWhenChecked.class, e.getCause()).getMessage());
        e = assertThrows(CompletionException.class, () -> r.get(PATIENCE));
        assertInstanceOf(SayWhenChecked.class, e.getCause());
    }

    @Test
    public void applyAsyncGetReturnsTheValue() throws Exception {
        // CPython's test_async.
        WorkerPool p = pool(2);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(7, 100));
        assertEquals(49, r.get());
        assertTrue(r.ready());
        assertTrue(r.successful());
        assertEquals(49, r.get(), "get() again returns the same value");
        assertEquals(49, r.get(Duration.ZERO), "a ready result needs no time");
        assertEquals(49, r.get(PATIENCE));
        assertTrue(r.await(Duration.ZERO));
        r.await();
    }

    @Test
    public void getWithTimeoutOfASlowTaskThrowsTimeoutError() throws Exception {
        // CPython's test_async_timeout.
        WorkerPool p = pool(2);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sleepLong(6));
        long start = System.nanoTime();
        TimeoutError e = assertThrows(TimeoutError.class, () -> r.get(SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertTrue(System.nanoTime() - start < PATIENCE.toNanos(), "get(timeout) overslept");
        assertInstanceOf(ProcessError.class, e, "multiprocessing.TimeoutError is a ProcessError");
        assertThrows(TimeoutError.class, () -> r.get(Duration.ZERO));
        assertThrows(TimeoutError.class, () -> r.get(Duration.ofNanos(1)));
        assertFalse(r.ready());
        assertEquals(4, p.<Integer>apply(() -> PoolTasks.sqr(2)), "the other worker is still free");
    }

    @Test
    public void negativeOrNullTimeoutsAreRejected() throws Exception {
        WorkerPool p = pool(1);
        AsyncResult<Integer> pending = p.applyAsync(() -> PoolTasks.sleepLong(1));
        Duration negative = Duration.ofMillis(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pending.get(negative));
        assertMentions(e, negative.toString());
        assertThrows(IllegalArgumentException.class, () -> pending.await(negative));
        assertThrows(IllegalArgumentException.class, () -> pending.get(Duration.ofSeconds(-100)));
        assertThrows(NullPointerException.class, () -> pending.get(null));
        assertThrows(NullPointerException.class, () -> pending.await(null));

        WorkerPool q = pool(1);
        AsyncResult<Integer> done = q.applyAsync(() -> PoolTasks.sqr(3));
        assertEquals(9, done.get());
        assertThrows(IllegalArgumentException.class, () -> done.get(negative), "even when ready");
        assertThrows(IllegalArgumentException.class, () -> done.await(negative), "even when ready");
        assertFalse(pending.ready());
    }

    @Test
    public void awaitReturnsFalseThenTrue() throws Exception {
        WorkerPool p = pool(1);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(3, 1000));
        assertFalse(r.await(Duration.ZERO));
        long start = System.nanoTime();
        assertFalse(r.await(SHORT), "ready before the task could end");
        assertWaitedAtLeast(SHORT, start);
        assertFalse(r.ready());
        assertTrue(r.await(PATIENCE));
        assertTrue(r.ready());
        assertTrue(r.await(Duration.ZERO));
        assertEquals(9, r.get(Duration.ZERO));
    }

    @Test
    public void untimedAwaitWaitsForTheResult() throws Exception {
        WorkerPool p = pool(1);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(5, 200));
        long start = System.nanoTime();
        r.await();
        assertTrue(r.ready());
        assertWaitedAtLeast(Duration.ofMillis(150), start);
        AsyncResult<Integer> failed = p.applyAsync(() -> PoolTasks.raise("fails"));
        failed.await();  // wait() does not raise the task's exception
        assertTrue(failed.ready());
    }

    @Test
    public void successfulBeforeReadyThrowsThenTells() throws Exception {
        // CPython's test_successful: ValueError before ready, then True / False.
        WorkerPool p = pool(2);
        AsyncResult<Integer> ok = p.applyAsync(() -> PoolTasks.sqrSlowly(2, 500));
        AsyncResult<Integer> bad = p.applyAsync(() -> PoolTasks.sqrSlowly(2, 500) + PoolTasks.raise("late"));
        IllegalStateException e = assertThrows(IllegalStateException.class, ok::successful);
        assertMentions(e, "not ready");
        assertThrows(IllegalStateException.class, bad::successful);
        ok.await();
        bad.await();
        assertTrue(ok.successful());
        assertFalse(bad.successful());
        assertThrows(SayWhenError.class, bad::get);
        assertFalse(bad.successful(), "get() does not change the outcome");
    }

    @Test
    public void interruptedWaitsThrow() throws Exception {
        WorkerPool p = pool(1);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sleepLong(1));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, r::get);
        assertFalse(Thread.currentThread().isInterrupted(), "InterruptedException clears the flag");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> r.get(PATIENCE));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> r.await(PATIENCE));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, r::await);
        assertFalse(Thread.interrupted());

        IMapIterator<Integer> it = p.imap(PoolTasks::sleepLong, List.of(1));
        Thread.currentThread().interrupt();
        CompletionException e = assertThrows(CompletionException.class, it::next);
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted(), "the iterator sets the interrupt flag again");
        Thread.currentThread().interrupt();
        e = assertThrows(CompletionException.class, it::hasNext);
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted(), "the iterator sets the interrupt flag again");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> it.next(PATIENCE));
        assertFalse(Thread.interrupted());
    }

    @Test
    public void aThreadBlockedOnAResultCanBeInterrupted() throws Exception {
        WorkerPool p = pool(1);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sleepLong(1));
        TestThreads.Task<Void> getter = threads.run(() -> r.get());
        getter.awaitParked();
        getter.interrupt();
        getter.joinThrows(InterruptedException.class);
        IMapIterator<Integer> it = p.imap(PoolTasks::sleepLong, List.of(1));
        TestThreads.Task<Boolean> iterating = threads.call(() -> {
            CompletionException e = assertThrows(CompletionException.class, it::next);
            assertInstanceOf(InterruptedException.class, e.getCause());
            return Thread.currentThread().isInterrupted();
        });
        iterating.awaitParked();
        iterating.interrupt();
        assertTrue(iterating.join(), "the iterator sets the interrupt flag again");
    }

    // ---- callbacks ------------------------------------------------------------------------------

    @Test
    public void callbackReceivesTheResultBeforeGetReturns() throws Exception {
        WorkerPool p = pool(2);
        for (int i = 0; i < 20; i++) {
            int x = i;
            AtomicReference<Integer> got = new AtomicReference<>();
            AtomicInteger errors = new AtomicInteger();
            AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(x, 5), got::set,
                    e -> errors.incrementAndGet());
            assertEquals(x * x, r.get());
            assertEquals(x * x, got.get(), "get() returned before the callback had run");
            assertEquals(0, errors.get());
        }
        // One-callback form.
        AtomicReference<Integer> got = new AtomicReference<>();
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(12), got::set);
        assertEquals(144, r.get());
        assertEquals(144, got.get());
    }

    @Test
    public void resultIsReadyOnlyOnceTheCallbackHasRun() throws Exception {
        WorkerPool p = pool(1);
        AtomicBoolean callbackDone = new AtomicBoolean();
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(3), v -> {
            sleepQuietly(300);
            callbackDone.set(true);
        });
        awaitUntil("the result is ready", r::ready);
        assertTrue(callbackDone.get(), "ready() before the callback had finished");
        AtomicBoolean errorCallbackDone = new AtomicBoolean();
        AsyncResult<Integer> bad = p.applyAsync(() -> PoolTasks.raise("x"), null, e -> {
            sleepQuietly(300);
            errorCallbackDone.set(true);
        });
        bad.await();
        assertTrue(errorCallbackDone.get(), "await() returned before the error callback had finished");
    }

    @Test
    public void errorCallbackReceivesTheException() throws Exception {
        // CPython's test_async_error_callback.
        WorkerPool p = pool(2);
        AtomicReference<Throwable> scratchpad = new AtomicReference<>();
        AtomicInteger callbacks = new AtomicInteger();
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.raise("key error"), v -> callbacks.incrementAndGet(),
                scratchpad::set);
        SayWhenError e = assertThrows(SayWhenError.class, r::get);
        assertEquals("key error", e.getMessage());
        SayWhenError seen = assertInstanceOf(SayWhenError.class, scratchpad.get(),
                "get() raised before the error callback had run");
        assertEquals("key error", seen.getMessage());
        assertEquals(0, callbacks.get());

        // A checked exception reaches the error callback as the task threw it.
        AsyncResult<Integer> checked = p.applyAsync(() -> PoolTasks.raiseChecked("checked"), null, scratchpad::set);
        assertThrows(CompletionException.class, checked::get);
        assertEquals("checked", assertInstanceOf(SayWhenChecked.class, scratchpad.get()).getMessage());
    }

    @Test
    public void exactlyOneCallbackRunsExactlyOnce() throws Exception {
        WorkerPool p = pool(4);
        int n = 200;
        AtomicIntegerArray callbacks = new AtomicIntegerArray(n);
        AtomicIntegerArray errorCallbacks = new AtomicIntegerArray(n);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            results.add(p.applyAsync(() -> PoolTasks.sqrUnless(x, x % 3 == 0 ? x : -1),
                    v -> callbacks.incrementAndGet(x), e -> errorCallbacks.incrementAndGet(x)));
        }
        for (AsyncResult<Integer> r : results) {
            r.await();
        }
        settle();  // a second, late callback would show now
        for (int i = 0; i < n; i++) {
            boolean fails = i % 3 == 0;
            assertEquals(fails ? 0 : 1, callbacks.get(i), "callbacks of task " + i);
            assertEquals(fails ? 1 : 0, errorCallbacks.get(i), "error callbacks of task " + i);
            assertEquals(!fails, results.get(i).successful());
        }
    }

    @Test
    public void callbacksRunInOneThreadOfThisJvmThatIsNotTheCaller() throws Exception {
        WorkerPool p = pool(2);
        Set<Thread> callbackThreads = Collections.synchronizedSet(new HashSet<>());
        Consumer<Object> record = v -> callbackThreads.add(Thread.currentThread());
        p.applyAsync(() -> PoolTasks.sqr(2), record).get();
        assertThrows(SayWhenError.class, p.applyAsync(() -> PoolTasks.raise("x"), null, record)::get);
        p.mapAsync(PoolTasks::sqr, range(10), 0, record, null).get();
        assertThrows(SayWhenError.class,
                p.mapAsync((Integer x) -> PoolTasks.sqrUnless(x, 3), range(10), 1, null, record)::get);
        p.mapAsync(PoolTasks::sqr, List.<Integer>of(), 0, record, null).get();
        p.starmapAsync(PoolTasks::mul, List.of(Tuple.of(1, 2)), 0, record, null).get();
        p.starmapAsync(PoolTasks::mul3, List.of(Tuple.of(1, 2, 3)), 0, record, null).get();
        assertEquals(1, callbackThreads.size(), () -> "callbacks ran in " + callbackThreads);
        assertFalse(callbackThreads.contains(Thread.currentThread()), "a callback ran in the submitting thread");
    }

    @Test
    public void throwingCallbacksDoNotBreakThePool() throws Exception {
        // CPython's result handler would die; here the exception is logged and the pool goes on.
        WorkerPool p = pool(2);
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(3), v -> {
            throw new IllegalStateException("callback fails (expected in this test)");
        });
        assertEquals(9, r.get());
        assertTrue(r.successful(), "a failing callback changed the result");
        AsyncResult<Integer> bad = p.applyAsync(() -> PoolTasks.raise("task fails"), null, e -> {
            throw new IllegalStateException("error callback fails (expected in this test)");
        });
        assertEquals("task fails", assertThrows(SayWhenError.class, bad::get).getMessage());
        AsyncResult<List<Integer>> m = p.mapAsync(PoolTasks::sqr, range(5), 1, v -> {
            throw new AssertionError("map callback fails (expected in this test)");
        }, null);
        assertEquals(squares(5), m.get());
        // Callbacks still run afterwards, and tasks too.
        AtomicReference<Integer> got = new AtomicReference<>();
        assertEquals(16, p.applyAsync(() -> PoolTasks.sqr(4), got::set).get());
        assertEquals(16, got.get());
        assertEquals(squares(50), p.map(PoolTasks::sqr, range(50)));
    }

    @Test
    public void aCallbackMaySubmitMoreWork() throws Exception {
        WorkerPool p = pool(2);
        AtomicReference<AsyncResult<Integer>> inner = new AtomicReference<>();
        AtomicReference<Integer> innerValue = new AtomicReference<>();
        AsyncResult<Integer> outer = p.applyAsync(() -> PoolTasks.sqr(3),
                v -> inner.set(p.applyAsync(() -> PoolTasks.sqr(v), innerValue::set)));
        assertEquals(9, outer.get());
        assertNotNull(inner.get(), "get() returned before the callback had run");
        assertEquals(81, inner.get().get());
        assertEquals(81, innerValue.get());
    }

    @Test
    public void nullCallbacksAreAllowed() throws Exception {
        WorkerPool p = pool(1);
        assertEquals(4, p.applyAsync(() -> PoolTasks.sqr(2), null).get());
        assertEquals(4, p.applyAsync(() -> PoolTasks.sqr(2), null, null).get());
        assertThrows(SayWhenError.class, p.applyAsync(() -> PoolTasks.raise("x"), null, null)::get);
        AtomicInteger errors = new AtomicInteger();
        assertEquals(4, p.applyAsync(() -> PoolTasks.sqr(2), null, e -> errors.incrementAndGet()).get());
        AtomicInteger callbacks = new AtomicInteger();
        assertThrows(SayWhenError.class,
                p.applyAsync(() -> PoolTasks.raise("x"), v -> callbacks.incrementAndGet(), null)::get);
        settle();
        assertEquals(0, errors.get());
        assertEquals(0, callbacks.get());
    }

    // ---- map ------------------------------------------------------------------------------------

    @Test
    public void mapMatchesPlainResults() throws Exception {
        // CPython's test_map.
        WorkerPool p = pool(4);
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)));
        assertEquals(squares(100), p.map(PoolTasks::sqr, range(100), 20));
        for (int chunksize : new int[] {1, 3, 7, 99, 100, 101, 1000}) {
            assertEquals(squares(100), p.map(PoolTasks::sqr, range(100), chunksize), "chunksize " + chunksize);
        }
        assertEquals(squares(1000), p.map(PoolTasks::sqr, range(1000)));
        assertEquals(squares(1), p.map(PoolTasks::sqr, range(1)));
        assertEquals(squares(10), p.mapAsync(PoolTasks::sqr, range(10)).get(), "CPython's test_map_async");
        assertEquals(squares(10), p.mapAsync(PoolTasks::sqr, range(10), 3, null, null).get());
    }

    @Test
    public void mapTakesAnyIterableAndNoneItems() throws Exception {
        WorkerPool p = pool(2);
        Iterable<Integer> lazy = () -> range(30).iterator();
        assertEquals(squares(30), p.map(PoolTasks::sqr, lazy));
        assertEquals(squares(30), p.map(PoolTasks::sqr, new TreeSet<>(range(30)), 4));
        assertEquals(List.of("int 1", "None", "int 3"), p.map(PoolTasks::describe, Arrays.asList(1, null, 3)));
        assertEquals(Arrays.asList(0, null, 2, null, 4), p.map(PoolTasks::noneForOdd, range(5)));
    }

    @Test
    public void mapOfNothingIsEmpty() throws Exception {
        // CPython's test_empty_iterable and test_map_chunksize.
        WorkerPool p = pool(2);
        assertEquals(List.of(), p.map(PoolTasks::sqr, List.<Integer>of()));
        assertEquals(List.of(), p.map(PoolTasks::sqr, List.<Integer>of(), 1));
        assertEquals(List.of(), p.mapAsync(PoolTasks::sqr, List.<Integer>of()).get(PATIENCE));
        assertEquals(List.of(), p.mapAsync(PoolTasks::sqr, List.<Integer>of(), 1, null, null).get(PATIENCE));
        assertFalse(p.imap(PoolTasks::sqr, List.<Integer>of()).hasNext());
        assertFalse(p.imap(PoolTasks::sqr, List.<Integer>of(), 5).hasNext());
        assertFalse(p.imapUnordered(PoolTasks::sqr, List.<Integer>of()).hasNext());
        assertThrows(NoSuchElementException.class, p.imapUnordered(PoolTasks::sqr, List.<Integer>of(), 5)::next);
        assertEquals(List.of(), p.starmap(PoolTasks::mul, List.<Tuple2<Integer, Integer>>of()));
        assertEquals(List.of(), p.starmap(PoolTasks::mul3, List.<Tuple3<Integer, Integer, Integer>>of()));
    }

    @Test
    public void chunksizeBelowOneIsRejected() throws Exception {
        WorkerPool p = pool(2);
        List<Integer> xs = range(10);
        List<Tuple2<Integer, Integer>> pairs = List.of(Tuple.of(1, 2));
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.map(PoolTasks::sqr, xs, bad));
            assertMentions(e, Integer.toString(bad));
            assertThrows(IllegalArgumentException.class, () -> p.imap(PoolTasks::sqr, xs, bad));
            assertThrows(IllegalArgumentException.class, () -> p.imapUnordered(PoolTasks::sqr, xs, bad));
            assertThrows(IllegalArgumentException.class, () -> p.starmap(PoolTasks::mul, pairs, bad));
        }
        // The async forms take 0 for Python's default; only negative sizes are wrong there.
        for (int bad : new int[] {-1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.mapAsync(PoolTasks::sqr, xs, bad, null, null));
            assertMentions(e, Integer.toString(bad));
            assertThrows(IllegalArgumentException.class, () -> p.starmapAsync(PoolTasks::mul, pairs, bad, null, null));
            assertThrows(IllegalArgumentException.class,
                    () -> p.starmapAsync(PoolTasks::mul3, List.of(Tuple.of(1, 2, 3)), bad, null, null));
        }
        assertEquals(squares(10), p.mapAsync(PoolTasks::sqr, xs, 0, null, null).get());
        assertEquals(List.of(2), p.starmapAsync(PoolTasks::mul, pairs, 0, null, null).get());
        assertEquals(squares(10), p.map(PoolTasks::sqr, xs), "a rejected call broke the pool");
    }

    @Test
    public void aChunksizeLargerThanTheInputMakesOneChunk() throws Exception {
        WorkerPool p = pool(2);
        int big = 1_000_000;
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10), big));
        assertEquals(squares(10), p.mapAsync(PoolTasks::sqr, range(10), big, null, null).get());
        assertEquals(squares(10), drain(p.imap(PoolTasks::sqr, range(10), big)));
        assertEquals(squares(10), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(10), big))));
        assertEquals(List.of(2, 12), p.starmap(PoolTasks::mul, List.of(Tuple.of(1, 2), Tuple.of(3, 4)), big));
    }

    @Test
    public void theLargestChunksizeWorksForMap() throws Exception {
        WorkerPool p = pool(2);
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10), Integer.MAX_VALUE));
        assertEquals(squares(3), p.map(PoolTasks::sqr, range(3), Integer.MAX_VALUE));
        assertEquals(squares(200), p.map(PoolTasks::sqr, range(200), Integer.MAX_VALUE - 100));
        assertEquals(squares(10), p.mapAsync(PoolTasks::sqr, range(10), Integer.MAX_VALUE, null, null).get());
        assertEquals(List.of(2, 12),
                p.starmap(PoolTasks::mul, List.of(Tuple.of(1, 2), Tuple.of(3, 4)), Integer.MAX_VALUE));
    }

    @Test
    public void theLargestChunksizeWorksForImap() throws Exception {
        WorkerPool p = pool(2);
        assertTimeoutPreemptively(PATIENCE, () -> {
            assertEquals(squares(10), drain(p.imap(PoolTasks::sqr, range(10), Integer.MAX_VALUE)));
            assertEquals(squares(10), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(10), Integer.MAX_VALUE))));
            assertEquals(squares(10), drain(p.imap(PoolTasks::sqr, range(10))), "the pool is still usable");
            p.close();
            p.join();
        }, "the imap or the pool hung");
    }

    @Test
    public void nullArgumentsAreRejected() throws Exception {
        WorkerPool p = pool(1);
        List<Integer> xs = range(3);
        assertThrows(NullPointerException.class, () -> p.apply(null));
        assertThrows(NullPointerException.class, () -> p.applyAsync(null));
        assertThrows(NullPointerException.class, () -> p.applyAsync(null, v -> { }));
        assertThrows(NullPointerException.class, () -> p.applyAsync(null, v -> { }, e -> { }));
        assertThrows(NullPointerException.class, () -> p.map(null, xs));
        assertThrows(NullPointerException.class, () -> p.map(PoolTasks::sqr, null));
        assertThrows(NullPointerException.class, () -> p.map(PoolTasks::sqr, null, 1));
        assertThrows(NullPointerException.class, () -> p.mapAsync(null, xs));
        assertThrows(NullPointerException.class, () -> p.mapAsync(PoolTasks::sqr, null));
        assertThrows(NullPointerException.class, () -> p.mapAsync(PoolTasks::sqr, null, 0, null, null));
        assertThrows(NullPointerException.class, () -> p.imap(null, xs));
        assertThrows(NullPointerException.class, () -> p.imap(PoolTasks::sqr, null));
        assertThrows(NullPointerException.class, () -> p.imap(PoolTasks::sqr, null, 2));
        assertThrows(NullPointerException.class, () -> p.imapUnordered(null, xs));
        assertThrows(NullPointerException.class, () -> p.imapUnordered(PoolTasks::sqr, null));
        assertThrows(NullPointerException.class, () -> p.starmap(null, List.of(Tuple.of(1, 2))));
        assertThrows(NullPointerException.class, () -> p.starmap(PoolTasks::mul, null));
        assertThrows(NullPointerException.class, () -> p.starmap(PoolTasks::mul3, null));
        assertThrows(NullPointerException.class, () -> p.starmapAsync(PoolTasks::mul, null, 0, null, null));
        assertThrows(NullPointerException.class, () -> p.starmapAsync(PoolTasks::mul3, null, 0, null, null));
        assertEquals(squares(3), p.map(PoolTasks::sqr, xs), "a rejected call broke the pool");
    }

    @Test
    public void mapRethrowsTheTaskException() throws Exception {
        WorkerPool p = pool(3);
        for (int chunksize : new int[] {1, 3, 100}) {
            SayWhenError e = assertThrows(SayWhenError.class,
                    () -> p.map((Integer x) -> PoolTasks.sqrUnless(x, 5), range(20), chunksize));
            assertEquals("said when at 5", e.getMessage());
        }
        assertThrows(SayWhenError.class, () -> p.map((Integer x) -> PoolTasks.sqrUnless(x, 0), range(20)));
        CompletionException e = assertThrows(CompletionException.class,
                () -> p.map((Integer x) -> PoolTasks.sqrUnlessChecked(x, 7), range(20)));
        assertEquals("said when at 7", assertInstanceOf(SayWhenChecked.class, e.getCause()).getMessage());
        assertThrows(NullPointerException.class, () -> p.map(PoolTasks::sqr, Arrays.asList(1, null)),
                "the task's NullPointerException, unboxing None");
        assertEquals(squares(20), p.map(PoolTasks::sqr, range(20)));
    }

    @Test
    public void mapReadsAThrowingIterableInTheCaller() throws Exception {
        // CPython's test_map_handle_iterable_exception.
        WorkerPool p = pool(2);
        assertThrows(SayWhenError.class, () -> p.map(PoolTasks::sqr, throwingAt(1, 0), 1));
        assertThrows(SayWhenError.class, () -> p.map(PoolTasks::sqr, throwingAt(1, 0), 1), "again");
        assertThrows(SayWhenError.class, () -> p.map(PoolTasks::sqr, throwingAt(10, 3), 1));
        assertThrows(SayWhenError.class, () -> p.map(PoolTasks::sqr, throwingAt(10, 3), 2));
        assertThrows(SayWhenError.class, () -> p.map(PoolTasks::sqr, throwingAt(10, 7)));
        assertThrows(SayWhenError.class, () -> p.mapAsync(PoolTasks::sqr, throwingAt(10, 7)),
                "map_async reads its input in the caller");
        assertThrows(SayWhenError.class,
                () -> p.starmapAsync(PoolTasks::mul, throwingPairs(), 0, null, null));
        assertEquals(squares(10), p.map(PoolTasks::sqr, throwingAt(10, -1)), "a throwing input broke the pool");
    }

    @Test
    public void mapAsyncCallbackReceivesTheWholeList() throws Exception {
        // CPython's test_map_async_callbacks: int('1') then int('a').
        WorkerPool p = pool(2);
        ConcurrentLinkedQueue<Object> callArgs = new ConcurrentLinkedQueue<>();
        p.mapAsync(Integer::valueOf, List.of("1"), 0, callArgs::add, callArgs::add).await();
        assertEquals(List.of(List.of(1)), new ArrayList<>(callArgs));
        p.mapAsync(Integer::valueOf, List.of("a"), 0, callArgs::add, callArgs::add).await();
        assertEquals(2, callArgs.size());
        assertInstanceOf(NumberFormatException.class, new ArrayList<>(callArgs).get(1));

        AtomicReference<List<Integer>> got = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        AsyncResult<List<Integer>> r = p.mapAsync(PoolTasks::sqr, range(100), 7, v -> {
            calls.incrementAndGet();
            got.set(v);
        }, null);
        assertEquals(squares(100), r.get());
        assertEquals(squares(100), got.get(), "get() returned before the callback had run");
        settle();
        assertEquals(1, calls.get());
    }

    @Test
    public void mapAsyncWithFailingItemsCallsTheErrorCallbackOnce() throws Exception {
        WorkerPool p = pool(4);
        for (int chunksize : new int[] {0, 1, 3}) {
            AtomicInteger callbacks = new AtomicInteger();
            AtomicInteger errorCallbacks = new AtomicInteger();
            AtomicReference<Throwable> error = new AtomicReference<>();
            // Every multiple of 5 fails: many chunks fail, one error callback.
            AsyncResult<List<Integer>> r = p.mapAsync((Integer x) -> PoolTasks.sqrUnless(x, x - x % 5), range(50),
                    chunksize, v -> callbacks.incrementAndGet(), e -> {
                        errorCallbacks.incrementAndGet();
                        error.set(e);
                    });
            SayWhenError e = assertThrows(SayWhenError.class, r::get);
            assertMentions(e, "said when at");
            assertFalse(r.successful());
            settle();  // the other failing chunks arrive later
            assertEquals(0, callbacks.get(), "chunksize " + chunksize);
            assertEquals(1, errorCallbacks.get(), "chunksize " + chunksize);
            assertInstanceOf(SayWhenError.class, error.get());
        }
    }

    @Test
    public void emptyMapAsyncCallsTheCallbackWithAnEmptyList() throws Exception {
        WorkerPool p = pool(1);
        AtomicReference<List<Integer>> got = new AtomicReference<>();
        AtomicInteger errors = new AtomicInteger();
        AsyncResult<List<Integer>> r = p.mapAsync(PoolTasks::sqr, List.<Integer>of(), 0, got::set,
                e -> errors.incrementAndGet());
        assertEquals(List.of(), r.get(PATIENCE));
        assertEquals(List.of(), got.get(), "the callback got no empty list");
        assertTrue(r.successful());
        AtomicReference<List<Integer>> starGot = new AtomicReference<>();
        assertEquals(List.of(), p.starmapAsync(PoolTasks::mul, List.<Tuple2<Integer, Integer>>of(), 3, starGot::set,
                null).get(PATIENCE));
        assertEquals(List.of(), starGot.get());
        assertEquals(0, errors.get());
    }

    @Test
    public void failingMapAsyncDoesNotHoldUpCloseAndJoin() throws Exception {
        // CPython's test_map_no_failfast.
        WorkerPool p = pool(2);
        AsyncResult<List<Integer>> r = p.mapAsync((Integer x) -> PoolTasks.sqrUnless(x, 1), range(100), 1,
                null, null);
        long start = System.nanoTime();
        p.close();
        p.join();
        assertTrue(System.nanoTime() - start < PROMPT.toNanos(), "join() took too long");
        assertTrue(r.ready());
        assertThrows(SayWhenError.class, r::get);
    }

    // ---- imap -----------------------------------------------------------------------------------

    @Test
    public void imapKeepsTheOrder() throws Exception {
        // CPython's test_imap.
        WorkerPool p = pool(4);
        List<Integer> all = new ArrayList<>();
        for (Integer v : p.imap(PoolTasks::sqr, range(10))) {
            all.add(v);
        }
        assertEquals(squares(10), all);

        IMapIterator<Integer> it = p.imap(PoolTasks::sqr, range(10));
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, it.next());
        }
        assertThrows(NoSuchElementException.class, it::next);
        assertFalse(it.hasNext());

        it = p.imap(PoolTasks::sqr, range(1000), 100);
        for (int i = 0; i < 1000; i++) {
            assertTrue(it.hasNext());
            assertEquals(i * i, it.next());
        }
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(NoSuchElementException.class, it::next, "and again");

        it = p.imap(PoolTasks::sqr, range(1000));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * i, it.next(PATIENCE));
        }
        assertThrows(NoSuchElementException.class, () -> p.imap(PoolTasks::sqr, range(0)).next(PATIENCE));

        // Slow early items, fast later ones: still in order.
        it = p.imap((Integer x) -> PoolTasks.sqrSlowly(x, x < 3 ? 200 : 0), range(50), 1);
        assertEquals(squares(50), drain(it));
        it = p.imap((Integer x) -> PoolTasks.sqrSlowly(x, x < 10 ? 100 : 0), range(50), 7);
        assertEquals(squares(50), drain(it));
    }

    @Test
    public void imapUnorderedYieldsEveryResultOnce() throws Exception {
        // CPython's test_imap_unordered.
        WorkerPool p = pool(4);
        assertEquals(squares(1000), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(1000)))));
        assertEquals(squares(1000), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(1000), 53))));
        assertEquals(squares(1000), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(1000), 100))));
        // Early items slow: they come last, yet all come.
        IMapIterator<Integer> it = p.imapUnordered((Integer x) -> PoolTasks.sqrSlowly(x, x == 0 ? 300 : 0),
                range(20));
        List<Integer> got = drain(it);
        assertEquals(squares(20), sorted(got));
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    public void imapOfAThrowingIterableYieldsTheResultsBeforeThenThrows() throws Exception {
        // CPython's test_imap_handle_iterable_exception. Where CPython drops the items read in
        // the chunk that the input broke off, this port hands out every result before the failure.
        WorkerPool p = pool(3);
        for (int chunksize : new int[] {1, 3}) {
            IMapIterator<Integer> it = p.imap(PoolTasks::sqr, throwingAt(20, 7), chunksize);
            for (int i = 0; i < 7; i++) {
                assertEquals(i * i, it.next(), "chunksize " + chunksize);
            }
            SayWhenError e = assertThrows(SayWhenError.class, it::next, "chunksize " + chunksize);
            assertEquals("Somebody said when", e.getMessage());
            assertFalse(it.hasNext(), "the input ended at the failure");
            assertThrows(NoSuchElementException.class, it::next);
        }
        // At the very first item, twice (reentrant).
        for (int round = 0; round < 2; round++) {
            IMapIterator<Integer> it = p.imap(PoolTasks::sqr, throwingAt(1, 0), 1);
            assertThrows(SayWhenError.class, it::next);
            assertFalse(it.hasNext());
        }
        // A chunk boundary right at the failure.
        IMapIterator<Integer> it = p.imap(PoolTasks::sqr, throwingAt(20, 6), 3);
        for (int i = 0; i < 6; i++) {
            assertEquals(i * i, it.next());
        }
        assertThrows(SayWhenError.class, it::next);
        assertFalse(it.hasNext());
        assertEquals(squares(10), drain(p.imap(PoolTasks::sqr, range(10))), "a throwing input broke the pool");
    }

    @Test
    public void imapUnorderedOfAThrowingIterableYieldsTheResultsBeforeAndTheException() throws Exception {
        // CPython's test_imap_unordered_handle_iterable_exception.
        WorkerPool p = pool(3);
        for (int chunksize : new int[] {1, 3}) {
            IMapIterator<Integer> it = p.imapUnordered(PoolTasks::sqr, throwingAt(20, 7), chunksize);
            List<Integer> got = new ArrayList<>();
            int failures = 0;
            while (it.hasNext()) {
                try {
                    got.add(it.next());
                } catch (SayWhenError expected) {
                    failures++;
                }
            }
            assertEquals(1, failures, "chunksize " + chunksize);
            assertEquals(squares(7), sorted(got), "chunksize " + chunksize);
            assertThrows(NoSuchElementException.class, it::next);
        }
    }

    @Test
    public void imapRethrowsATaskFailureAtItsPositionAndGoesOn() throws Exception {
        WorkerPool p = pool(3);
        // Unchunked: only the failing position is lost.
        IMapIterator<Integer> it = p.imap((Integer x) -> PoolTasks.sqrUnless(x, 4), range(10));
        for (int i = 0; i < 4; i++) {
            assertEquals(i * i, it.next());
        }
        assertEquals("said when at 4", assertThrows(SayWhenError.class, it::next).getMessage());
        for (int i = 5; i < 10; i++) {
            assertEquals(i * i, it.next());
        }
        assertFalse(it.hasNext());
        // Chunked: the chunk [3, 4, 5] fails as a whole, at its position.
        it = p.imap((Integer x) -> PoolTasks.sqrUnless(x, 4), range(10), 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(i * i, it.next());
        }
        assertThrows(SayWhenError.class, it::next);
        for (int i = 6; i < 10; i++) {
            assertEquals(i * i, it.next());
        }
        assertFalse(it.hasNext());
        // A checked exception, inside a CompletionException.
        it = p.imap((Integer x) -> PoolTasks.sqrUnlessChecked(x, 0), range(2));
        CompletionException e = assertThrows(CompletionException.class, it::next);
        assertInstanceOf(SayWhenChecked.class, e.getCause());
        assertEquals(1, it.next());
        // An error, as it is.
        it = p.imap((Integer x) -> x == 0 ? PoolTasks.raiseFatal("fatal") : PoolTasks.sqr(x), range(2));
        assertEquals("fatal", assertThrows(SayWhenFatal.class, it::next).getMessage());
        assertEquals(1, it.next());
        // Unordered: every other result, and the exception once.
        IMapIterator<Integer> unordered = p.imapUnordered((Integer x) -> PoolTasks.sqrUnless(x, 4), range(10));
        List<Integer> got = new ArrayList<>();
        int failures = 0;
        while (unordered.hasNext()) {
            try {
                got.add(unordered.next());
            } catch (SayWhenError expected) {
                failures++;
            }
        }
        assertEquals(1, failures);
        List<Integer> expected = squares(10);
        expected.remove(Integer.valueOf(16));
        assertEquals(expected, sorted(got));
    }

    @Test
    public void imapHandsOutNone() throws Exception {
        WorkerPool p = pool(2);
        assertEquals(Arrays.asList(0, null, 2, null, 4, null), drain(p.imap(PoolTasks::noneForOdd, range(6))));
        assertEquals(Arrays.asList(0, null, 2, null, 4, null), drain(p.imap(PoolTasks::noneForOdd, range(6), 4)));
        List<Integer> unordered = drain(p.imapUnordered(PoolTasks::noneForOdd, range(6)));
        assertEquals(Arrays.asList(0, 2, 4, null, null, null), sorted(unordered));
        IMapIterator<Integer> it = p.imap(PoolTasks::noneForOdd, List.of(1));
        assertNull(it.next(PATIENCE));
        assertThrows(NoSuchElementException.class, () -> it.next(PATIENCE));
        assertEquals(List.of("None", "int 2"), drain(p.imap(PoolTasks::describe, Arrays.asList(null, 2))));
    }

    @Test
    public void imapNextWithTimeoutThrowsTimeoutErrorForASlowTask() throws Exception {
        WorkerPool p = pool(2);
        IMapIterator<Integer> it = p.imap(PoolTasks::sleepLong, List.of(1, 2));
        IMapIterator<Integer> unordered = p.imapUnordered(PoolTasks::sleepLong, List.of(1));
        for (IMapIterator<Integer> i : List.of(it, unordered)) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(PATIENCE, () -> assertThrows(TimeoutError.class, () -> i.next(SHORT)),
                    "next(timeout) waited past its timeout");
            assertWaitedAtLeast(SHORT, start);
        }
    }

    @Test
    public void imapNextWithTimeoutRejectsBadTimeoutsAndEndsWithNoSuchElement() throws Exception {
        WorkerPool p = pool(2);
        IMapIterator<Integer> it = p.imap(PoolTasks::sleepLong, List.of(1, 2));
        assertThrows(TimeoutError.class, () -> it.next(Duration.ZERO), "no result yet");
        assertInstanceOf(ProcessError.class, assertThrows(TimeoutError.class, () -> it.next(Duration.ZERO)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> it.next(Duration.ofMillis(-1)));
        assertMentions(e, Duration.ofMillis(-1).toString());
        assertThrows(NullPointerException.class, () -> it.next(null));
        IMapIterator<Integer> unordered = p.imapUnordered(PoolTasks::sleepLong, List.of(1));
        assertThrows(TimeoutError.class, () -> unordered.next(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> unordered.next(Duration.ofSeconds(-1)));

        // A result that arrives within the timeout is returned; at the end, NoSuchElementException.
        WorkerPool q = pool(1);
        IMapIterator<Integer> quick = q.imap((Integer x) -> PoolTasks.sqrSlowly(x, 100), List.of(3));
        assertEquals(9, quick.next(PATIENCE));
        assertThrows(NoSuchElementException.class, () -> quick.next(Duration.ZERO));
        assertThrows(NoSuchElementException.class, () -> quick.next(SHORT));
        assertThrows(IllegalArgumentException.class, () -> quick.next(Duration.ofMillis(-1)), "even at the end");
    }

    @Test
    public void imapResultsCanBeIteratedOnce() throws Exception {
        WorkerPool p = pool(2);
        IMapIterator<Integer> it = p.imap(PoolTasks::sqr, range(3));
        assertSame(it, it.iterator());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::iterator);
        assertMentions(e, "once");
        assertEquals(squares(3), drain(it), "the failed iterator() call consumed nothing");

        IMapIterator<Integer> unordered = p.imapUnordered(PoolTasks::sqr, range(3), 2);
        List<Integer> got = new ArrayList<>();
        for (Integer v : unordered) {
            got.add(v);
        }
        assertEquals(squares(3), sorted(got));
        assertThrows(IllegalStateException.class, unordered::iterator, "a second for-each loop");
    }

    @Test
    public void imapReadsItsInputLazilyAndConcurrentImapsKeepTheirOwnResults() throws Exception {
        WorkerPool p = pool(4);
        IMapIterator<Integer> a = p.imap(PoolTasks::sqr, range(500), 10);
        IMapIterator<Integer> b = p.imap((Integer x) -> PoolTasks.sqr(x + 1000), range(500), 1);
        IMapIterator<Integer> c = p.imapUnordered((Integer x) -> PoolTasks.sqr(x + 2000), range(500), 7);
        assertEquals(squares(1000, 1500), drain(b));
        assertEquals(squares(2000, 2500), sorted(drain(c)));
        assertEquals(squares(500), drain(a));
    }

    @Test
    public void hugeTimeoutsWaitLikeNoTimeout() throws Exception {
        WorkerPool p = pool(2);
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        assertEquals(9, p.applyAsync(() -> PoolTasks.sqrSlowly(3, 50)).get(forever));
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(4, 50));
        assertTrue(r.await(forever));
        assertEquals(16, r.get(forever));
        IMapIterator<Integer> it = p.imap((Integer x) -> PoolTasks.sqrSlowly(x, 50), range(2));
        assertEquals(0, it.next(forever));
        assertEquals(1, it.next(forever));
        assertThrows(NoSuchElementException.class, () -> it.next(forever));
    }

    @Test
    public void severalThreadsCanShareOneImap() throws Exception {
        // Each result goes to exactly one of the consumers.
        WorkerPool p = pool(4);
        for (boolean ordered : new boolean[] {true, false}) {
            IMapIterator<Integer> it = ordered ? p.imap(PoolTasks::sqr, range(1000), 3)
                    : p.imapUnordered(PoolTasks::sqr, range(1000), 3);
            ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
            List<TestThreads.Task<Void>> consumers = threads.runMany(4, t -> {
                for (;;) {
                    try {
                        got.add(it.next(PATIENCE));
                    } catch (NoSuchElementException end) {
                        return;
                    }
                }
            });
            TestThreads.joinAll(consumers);
            assertEquals(squares(1000), sorted(new ArrayList<>(got)), ordered ? "imap" : "imapUnordered");
        }
    }

    // ---- starmap --------------------------------------------------------------------------------

    @Test
    public void starmapAppliesPairsAndTriples() throws Exception {
        // CPython's test_starmap.
        WorkerPool p = pool(4);
        List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
        List<Tuple3<Integer, Integer, Integer>> triples = new ArrayList<>();
        List<Integer> products = new ArrayList<>();
        List<Integer> triple = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pairs.add(Tuple.of(i, 100 - i));
            products.add(i * (100 - i));
            triples.add(Tuple.of(i, i + 1, 2));
            triple.add(i * (i + 1) * 2);
        }
        assertEquals(products.subList(0, 10), p.starmap(PoolTasks::mul, pairs.subList(0, 10)));
        assertEquals(products, p.starmap(PoolTasks::mul, pairs, 20));
        assertEquals(products, p.starmap(PoolTasks::mul, pairs, 1));
        assertEquals(products, p.starmap(PoolTasks::mul, pairs, 1000));
        assertEquals(triple, p.starmap(PoolTasks::mul3, triples));
        assertEquals(List.of("None, int 2"), p.starmap(
                (Integer a, Integer b) -> PoolTasks.describe(a) + ", " + PoolTasks.describe(b),
                List.of(Tuple.of((Integer) null, 2))), "None arguments");
        assertThrows(SayWhenError.class,
                () -> p.starmap((Integer a, Integer b) -> PoolTasks.sqrUnless(a * b, 6), List.of(Tuple.of(2, 3))));
        CompletionException e = assertThrows(CompletionException.class,
                () -> p.starmap((Integer a, Integer b, Integer c) -> PoolTasks.sqrUnlessChecked(a, 1),
                        List.of(Tuple.of(1, 2, 3))));
        assertInstanceOf(SayWhenChecked.class, e.getCause());
    }

    @Test
    public void starmapAsyncCallsBackWithTheWholeList() throws Exception {
        // CPython's test_starmap_async.
        WorkerPool p = pool(3);
        List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(Tuple.of(i, i + 1));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(i * (i + 1));
        }
        for (int chunksize : new int[] {0, 1, 3, 20}) {
            AtomicReference<List<Integer>> got = new AtomicReference<>();
            AtomicInteger errors = new AtomicInteger();
            AsyncResult<List<Integer>> r = p.starmapAsync(PoolTasks::mul, pairs, chunksize, got::set,
                    e -> errors.incrementAndGet());
            assertEquals(expected, r.get());
            assertEquals(expected, got.get(), "chunksize " + chunksize);
            assertEquals(0, errors.get());
        }
        AtomicReference<List<Integer>> got3 = new AtomicReference<>();
        assertEquals(List.of(6, 24), p.starmapAsync(PoolTasks::mul3, List.of(Tuple.of(1, 2, 3), Tuple.of(2, 3, 4)),
                1, got3::set, null).get());
        assertEquals(List.of(6, 24), got3.get());

        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicInteger callbacks = new AtomicInteger();
        AsyncResult<List<Integer>> bad = p.starmapAsync((Integer a, Integer b) -> PoolTasks.sqrUnless(a, 3), pairs,
                2, v -> callbacks.incrementAndGet(), error::set);
        assertThrows(SayWhenError.class, bad::get);
        assertInstanceOf(SayWhenError.class, error.get());
        AsyncResult<List<Integer>> bad3 = p.starmapAsync(
                (Integer a, Integer b, Integer c) -> PoolTasks.sqrUnless(c, 4),
                List.of(Tuple.of(1, 2, 3), Tuple.of(1, 2, 4)), 0, v -> callbacks.incrementAndGet(), error::set);
        assertThrows(SayWhenError.class, bad3::get);
        settle();
        assertEquals(0, callbacks.get());
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Test
    public void processesBelowOneAreRejected() throws Exception {
        // CPython's test_make_pool.
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(newPool(bad)));
            assertMentions(e, Integer.toString(bad));
            assertThrows(IllegalArgumentException.class, () -> track(newPool(bad, PoolTasks::markInitialized)));
        }
        WorkerPool p = pool(3);
        assertEquals(3, p.processes());
        assertEquals(1, pool(1).processes());
    }

    @Test
    public void initializerRunsBeforeTheTasks() throws Exception {
        // CPython's test_pool_initializer (_TestInitializers).
        PoolTasks.resetInitMark();
        WorkerPool p = pool(2, PoolTasks::markInitialized);
        assertEquals("initialized", p.<String>apply(PoolTasks::initMark));
        assertEquals(List.of("initialized", "initialized", "initialized"),
                p.map((Integer x) -> PoolTasks.initMark(), range(3), 1));
    }

    @Test
    public void submittingToAClosedPoolFails() throws Exception {
        WorkerPool p = pool(2);
        assertEquals(4, p.<Integer>apply(() -> PoolTasks.sqr(2)));
        p.close();
        assertEveryFormRefuses(p);
        p.join();
        assertEveryFormRefuses(p);
    }

    @Test
    public void submittingToATerminatedPoolFails() throws Exception {
        WorkerPool p = pool(2);
        p.terminate();
        assertEveryFormRefuses(p);
        p.join();
        assertEveryFormRefuses(p);
        WorkerPool q = pool(1);
        q.close();
        q.terminate();
        assertEveryFormRefuses(q);
    }

    private static void assertEveryFormRefuses(WorkerPool p) {
        for (Map.Entry<String, Executable> form : submissions(p).entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, form.getValue(), form.getKey());
            assertEquals("Pool not running", e.getMessage(), form.getKey());
        }
    }

    /** Every way to hand a pool work, by name. */
    private static Map<String, Executable> submissions(WorkerPool p) {
        List<Integer> xs = range(3);
        List<Tuple2<Integer, Integer>> pairs = List.of(Tuple.of(1, 2));
        List<Tuple3<Integer, Integer, Integer>> triples = List.of(Tuple.of(1, 2, 3));
        Map<String, Executable> forms = new LinkedHashMap<>();
        forms.put("apply", () -> p.apply(() -> PoolTasks.sqr(2)));
        forms.put("applyAsync", () -> p.applyAsync(() -> PoolTasks.sqr(2)));
        forms.put("applyAsync(callback)", () -> p.applyAsync(() -> PoolTasks.sqr(2), v -> { }));
        forms.put("applyAsync(callback, errorCallback)", () -> p.applyAsync(() -> PoolTasks.sqr(2), v -> { }, e -> { }));
        forms.put("map", () -> p.map(PoolTasks::sqr, xs));
        forms.put("map(chunksize)", () -> p.map(PoolTasks::sqr, xs, 2));
        forms.put("mapAsync", () -> p.mapAsync(PoolTasks::sqr, xs));
        forms.put("mapAsync(chunksize, callbacks)", () -> p.mapAsync(PoolTasks::sqr, xs, 1, v -> { }, e -> { }));
        forms.put("mapAsync of nothing", () -> p.mapAsync(PoolTasks::sqr, List.<Integer>of()));
        forms.put("imap", () -> p.imap(PoolTasks::sqr, xs));
        forms.put("imap(chunksize)", () -> p.imap(PoolTasks::sqr, xs, 2));
        forms.put("imapUnordered", () -> p.imapUnordered(PoolTasks::sqr, xs));
        forms.put("imapUnordered(chunksize)", () -> p.imapUnordered(PoolTasks::sqr, xs, 2));
        forms.put("starmap", () -> p.starmap(PoolTasks::mul, pairs));
        forms.put("starmap(chunksize)", () -> p.starmap(PoolTasks::mul, pairs, 1));
        forms.put("starmap of triples", () -> p.starmap(PoolTasks::mul3, triples));
        forms.put("starmapAsync", () -> p.starmapAsync(PoolTasks::mul, pairs, 0, null, null));
        forms.put("starmapAsync of triples", () -> p.starmapAsync(PoolTasks::mul3, triples, 0, null, null));
        return forms;
    }

    @Test
    public void joinBeforeCloseFails() throws Exception {
        WorkerPool p = pool(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, p::join);
        assertMentions(e, "running");
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)), "join() broke a running pool");
        p.close();
        p.join();
    }

    @Test
    public void closeThenJoinRunsTheQueuedTasks() throws Exception {
        WorkerPool p = pool(2);
        int n = 20;
        AtomicInteger callbacks = new AtomicInteger();
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            results.add(p.applyAsync(() -> PoolTasks.sqrSlowly(x, 20), v -> callbacks.incrementAndGet()));
        }
        AsyncResult<List<Integer>> mapped = p.mapAsync((Integer x) -> PoolTasks.sqrSlowly(x, 5), range(20), 1,
                null, null);
        IMapIterator<Integer> it = p.imap((Integer x) -> PoolTasks.sqrSlowly(x, 5), range(20));
        IMapIterator<Integer> unordered = p.imapUnordered((Integer x) -> PoolTasks.sqrSlowly(x, 5), range(20), 3);
        p.close();
        assertFalse(results.get(n - 1).ready(), "the test needs tasks still queued at close()");
        p.close();  // again: nothing happens
        p.join();
        for (int i = 0; i < n; i++) {
            AsyncResult<Integer> r = results.get(i);
            assertTrue(r.ready(), "join() returned before task " + i + " was done");
            assertEquals(i * i, r.get(Duration.ZERO));
        }
        assertEquals(n, callbacks.get(), "join() returned before every callback had run");
        assertTrue(mapped.ready());
        assertEquals(squares(20), mapped.get(Duration.ZERO));
        List<Integer> imapped = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            imapped.add(it.next(Duration.ZERO));
        }
        assertEquals(squares(20), imapped);
        assertFalse(it.hasNext());
        assertEquals(squares(20), sorted(drain(unordered)));
        p.join();  // again: returns at once
    }

    @Test
    public void closeLetsAnImapStillBeingFedFinish() throws Exception {
        WorkerPool p = pool(3);
        IMapIterator<Integer> it = p.imap((Integer x) -> PoolTasks.sqrSlowly(x, 1), range(300), 2);
        p.close();
        p.join();
        assertEquals(squares(300), drain(it));
    }

    @Test
    public void terminateFailsTheUnfinishedTasksPromptly() throws Exception {
        // CPython's test_terminate, with the results checked: here they fail instead of hanging.
        WorkerPool p = pool(2);
        int n = 1000;
        AtomicIntegerArray callbacks = new AtomicIntegerArray(n);
        AtomicIntegerArray errorCallbacks = new AtomicIntegerArray(n);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            // spin() ignores interrupts, as a task in a killed process or a busy thread would.
            results.add(p.applyAsync(() -> PoolTasks.spin(20) + x, v -> callbacks.incrementAndGet(x), e -> {
                errorCallbacks.incrementAndGet(x);
                errors.add(e);
            }));
        }
        AtomicInteger mapErrors = new AtomicInteger();
        AtomicInteger mapCallbacks = new AtomicInteger();
        AsyncResult<List<Integer>> mapped = p.mapAsync(PoolTasks::spin, Collections.nCopies(n, 20), 1,
                v -> mapCallbacks.incrementAndGet(), e -> mapErrors.incrementAndGet());
        Thread.sleep(SHORT);  // give some tasks a chance to start
        long start = System.nanoTime();
        p.terminate();
        long terminated = System.nanoTime() - start;
        assertTrue(terminated < PROMPT.toNanos(), () -> "terminate() took " + Duration.ofNanos(terminated));
        // terminate() has returned: every result is final, and its callback has run.
        int failed = 0;
        for (int i = 0; i < n; i++) {
            AsyncResult<Integer> r = results.get(i);
            assertTrue(r.ready(), "result " + i + " still pending after terminate()");
            if (r.successful()) {
                assertEquals(20 + i, r.get(Duration.ZERO));
                assertEquals(1, callbacks.get(i));
                assertEquals(0, errorCallbacks.get(i));
            } else {
                failed++;
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.get(Duration.ZERO));
                assertMentions(e, "terminated");
                assertEquals(0, callbacks.get(i));
                assertEquals(1, errorCallbacks.get(i), "error callbacks of result " + i);
            }
        }
        assertTrue(failed > n / 2, "only " + failed + " of " + n + " tasks failed");
        for (Throwable e : errors) {
            assertInstanceOf(IllegalStateException.class, e);
        }
        assertTrue(mapped.ready());
        assertThrows(IllegalStateException.class, mapped::get);
        assertEquals(1, mapErrors.get());
        assertEquals(0, mapCallbacks.get());

        start = System.nanoTime();
        p.join();
        long joined = System.nanoTime() - start;
        assertTrue(joined < PROMPT.toNanos(), () -> "join() took " + Duration.ofNanos(joined));
        settle();  // a task terminate() failed may still end; it must not call back again
        for (int i = 0; i < n; i++) {
            assertEquals(1, callbacks.get(i) + errorCallbacks.get(i), "callbacks of result " + i);
        }
        assertEquals(1, mapErrors.get() + mapCallbacks.get());
        p.terminate();  // again: nothing happens
    }

    @Test
    public void terminateWithSleepingTasksReturnsPromptly() throws Exception {
        // CPython's test_terminate: map_async(time.sleep, [LONG] * 10000, chunksize=1).
        WorkerPool p = pool(3);
        // Running tasks (each worker's first) as well as queued ones.
        List<AsyncResult<Integer>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(p.applyAsync(() -> PoolTasks.sleepLong(1)));
        }
        AtomicInteger errorCallbacks = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        AsyncResult<List<Integer>> r = p.mapAsync(PoolTasks::sleepLong, range(10_000), 1, null, e -> {
            errorCallbacks.incrementAndGet();
            error.set(e);
        });
        Thread.sleep(SHORT);
        long start = System.nanoTime();
        p.terminate();
        p.join();
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < PROMPT.toNanos(), () -> "terminate() and join() took " + Duration.ofNanos(elapsed));
        assertTrue(r.ready());
        assertFalse(r.successful());
        assertMentions(assertThrows(IllegalStateException.class, r::get), "terminated");
        assertEquals(1, errorCallbacks.get());
        assertInstanceOf(IllegalStateException.class, error.get());
        for (AsyncResult<Integer> a : running) {
            assertTrue(a.ready());
            assertThrows(IllegalStateException.class, a::get);
        }
    }

    @Test
    public void terminateEndsAnImap() throws Exception {
        WorkerPool p = pool(2);
        IMapIterator<Integer> it = p.imap(PoolTasks::spin, Collections.nCopies(300, 10));
        IMapIterator<Integer> unordered = p.imapUnordered(PoolTasks::spin, Collections.nCopies(300, 10), 2);
        assertEquals(10, it.next(PATIENCE));
        p.terminate();
        for (IMapIterator<Integer> i : List.of(it, unordered)) {
            int values = 0;
            int failures = 0;
            for (;;) {
                try {
                    assertEquals(10, i.next(PATIENCE));
                    values++;
                } catch (IllegalStateException e) {
                    assertMentions(e, "terminated");
                    failures++;
                } catch (NoSuchElementException end) {
                    break;
                }
            }
            assertTrue(failures > 0, "no failure after terminate()");
            assertTrue(values + failures <= 300, values + " values and " + failures + " failures");
        }
    }

    @Test
    public void tryWithResourcesClosesThePool() throws Exception {
        // CPython's test_context; Java's try-with-resources calls close(), not terminate().
        WorkerPool p;
        AsyncResult<List<Integer>> r;
        AsyncResult<Integer> slow;
        try (WorkerPool q = pool(2)) {
            p = q;
            r = q.mapAsync((Integer x) -> PoolTasks.sqrSlowly(x, 20), range(10), 1, null, null);
            slow = q.applyAsync(() -> PoolTasks.sqrSlowly(5, 300));
        }
        assertEquals(squares(10), r.get(), "leaving the block did not let queued tasks finish");
        assertEquals(25, slow.get());
        p.join();
        assertEveryFormRefuses(p);
    }

    @Test
    public void closeAndTerminateMayBeRepeatedInAnyOrder() throws Exception {
        WorkerPool a = pool(1);
        a.close();
        a.close();
        a.terminate();
        a.terminate();
        a.close();
        a.join();
        a.join();
        WorkerPool b = pool(1);
        b.terminate();
        b.close();
        b.join();
        assertEveryFormRefuses(a);
        assertEveryFormRefuses(b);
    }

    @Test
    public void manyThreadsCanShareAPool() throws Exception {
        WorkerPool p = pool(4);
        List<TestThreads.Task<Void>> submitters = threads.runMany(8, t -> {
            for (int i = 0; i < 50; i++) {
                int x = t * 1000 + i;
                assertEquals(x * x, p.<Integer>apply(() -> PoolTasks.sqr(x)));
            }
            assertEquals(squares(t * 100, t * 100 + 50),
                    p.map((Integer x) -> PoolTasks.sqr(x + t * 100), range(50), 3));
            assertEquals(squares(t * 100, t * 100 + 50),
                    drain(p.imap((Integer x) -> PoolTasks.sqr(x + t * 100), range(50))));
        });
        TestThreads.joinAll(submitters);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every remaining result of {@code it}, in the order it hands them out. */
    static <R> List<R> drain(IMapIterator<R> it) throws InterruptedException {
        List<R> all = new ArrayList<>();
        for (;;) {
            try {
                all.add(it.next(PATIENCE));
            } catch (NoSuchElementException end) {
                return all;
            }
        }
    }

    /** The items sorted, None last. */
    static List<Integer> sorted(List<Integer> items) {
        List<Integer> copy = new ArrayList<>(items);
        copy.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return copy;
    }

    /** (0, 0), (1, 1), then the input raises. */
    private static Iterable<Tuple2<Integer, Integer>> throwingPairs() {
        return () -> pairsOf(throwingAt(5, 2).iterator());
    }

    private static Iterator<Tuple2<Integer, Integer>> pairsOf(Iterator<Integer> xs) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return xs.hasNext();
            }

            @Override
            public Tuple2<Integer, Integer> next() {
                Integer x = xs.next();
                return Tuple.of(x, x);
            }
        };
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
