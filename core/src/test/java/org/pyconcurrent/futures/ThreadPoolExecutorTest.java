package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.futures.FuturesTestSupport.PATIENCE;
import static org.pyconcurrent.futures.FuturesTestSupport.SHORT;
import static org.pyconcurrent.futures.FuturesTestSupport.assertMentions;
import static org.pyconcurrent.futures.FuturesTestSupport.liveThreadsNamed;
import static org.pyconcurrent.futures.FuturesTestSupport.pass;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link ThreadPoolExecutor}: Python's {@code concurrent.futures.ThreadPoolExecutor} as CPython's
 * {@code test_concurrent_futures} checks it (test_thread_pool, test_shutdown, test_initializer):
 * lazy worker threads up to {@code maxWorkers}, thread names, the initializer and a broken pool,
 * the shutdown forms, and its {@link ExecutorService} side. {@code map} is in
 * {@link ExecutorMapTest}.
 */
class ThreadPoolExecutorTest extends ThreadedTest {
    private final FuturesTestSupport support = new FuturesTestSupport();

    @AfterEach
    void shutDownExecutors() throws InterruptedException {
        support.close();
    }

    // ---------------------------------------------------------------- construction

    @Test
    void nonPositiveMaxWorkersIsRejected() {
        // Python: ValueError("max_workers must be greater than 0").
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreadPoolExecutor(bad));
            assertMentions(e, String.valueOf(bad));
            assertMentions(assertThrows(IllegalArgumentException.class, () -> new ThreadPoolExecutor(bad, "p")),
                    String.valueOf(bad));
            assertMentions(assertThrows(IllegalArgumentException.class, () -> new ThreadPoolExecutor(bad, "p", () -> { })),
                    String.valueOf(bad));
            assertMentions(assertThrows(IllegalArgumentException.class, () -> ThreadPoolExecutor.ofVirtual(bad, null)),
                    String.valueOf(bad));
        }
    }

    @Test
    void defaultMaxWorkersIsPythons() {
        // CPython test_default_workers: min(32, os.cpu_count() + 4).
        ThreadPoolExecutor executor = support.track(new ThreadPoolExecutor());
        assertEquals(Math.min(32, Runtime.getRuntime().availableProcessors() + 4), executor.maxWorkers());
        assertEquals(3, support.executor(3).maxWorkers());
    }

    // ---------------------------------------------------------------- submit

    @Test
    void submitRunsTheCallOnAWorkerAndReturnsItsResult() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        Future<Integer> f = executor.submit(() -> 6 * 7);
        assertEquals(42, f.result(PATIENCE));
        Future<Thread> where = executor.submit(Thread::currentThread);
        assertNotSame(Thread.currentThread(), where.result(PATIENCE));
    }

    @Test
    void submitRunnableForms() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        AtomicInteger runs = new AtomicInteger();
        Future<?> plain = executor.submit((Runnable) runs::incrementAndGet);
        assertNull(plain.result(PATIENCE));
        Future<String> withResult = executor.submit(runs::incrementAndGet, "given");
        assertEquals("given", withResult.result(PATIENCE));
        assertEquals(2, runs.get());
    }

    @Test
    void callsExceptionsReachTheirFutures() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        FutureTest.Boom boom = new FutureTest.Boom("from the call");
        Future<Object> unchecked = executor.submit(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(FutureTest.Boom.class, () -> unchecked.result(PATIENCE)));
        assertSame(boom, unchecked.exception());
        assertSame(boom, assertThrows(ExecutionException.class, unchecked::get).getCause());

        IOException io = new IOException("checked");
        Future<Object> checked = executor.submit(() -> {
            throw io;
        });
        assertSame(io, assertThrows(CompletionException.class, () -> checked.result(PATIENCE)).getCause());
        assertSame(io, checked.exception());

        FutureTest.BoomError error = new FutureTest.BoomError("error");
        Future<Object> err = executor.submit(() -> {
            throw error;
        });
        assertSame(error, assertThrows(FutureTest.BoomError.class, () -> err.result(PATIENCE)));

        // The worker survived all three.
        assertEquals("alive", executor.submit(() -> "alive").result(PATIENCE));
    }

    @Test
    void failingExecuteDoesNotKillTheWorker() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        AtomicReference<String> firstThread = new AtomicReference<>();
        executor.execute(() -> {
            firstThread.set(Thread.currentThread().getName());
            throw new FutureTest.Boom("execute failed (expected by the test)");
        });
        String second = executor.submit(() -> Thread.currentThread().getName()).result(PATIENCE);
        assertEquals(firstThread.get(), second);
    }

    @Test
    void interruptOfOneCallDoesNotReachTheNext() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        executor.submit(() -> Thread.currentThread().interrupt()).result(PATIENCE);
        assertFalse(executor.submit(() -> Thread.currentThread().isInterrupted()).result(PATIENCE));
    }

    @Test
    void callbacksOfASubmittedCallRunInTheWorker() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        Future<String> f = executor.submit(() -> {
            pass(gate);
            return "x";
        });
        AtomicReference<String> ranIn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        f.addDoneCallback(x -> {
            ranIn.set(Thread.currentThread().getName());
            ran.countDown();
        });
        gate.countDown();
        pass(ran);
        assertTrue(ranIn.get().endsWith("_0"), ranIn.get());
    }

    @Test
    void nullArgumentsAreRejected() {
        ThreadPoolExecutor executor = support.executor(1);
        assertThrows(NullPointerException.class, () -> executor.submit((Callable<Object>) null));
        assertThrows(NullPointerException.class, () -> executor.submit((Runnable) null));
        assertThrows(NullPointerException.class, () -> executor.submit(null, "x"));
        assertThrows(NullPointerException.class, () -> executor.execute(null));
        assertThrows(NullPointerException.class, () -> executor.awaitTermination(1, null));
    }

    @Test
    void submitAfterShutdownIsRejected() throws Exception {
        // Python: RuntimeError("cannot schedule new futures after shutdown").
        ThreadPoolExecutor executor = support.executor(1);
        executor.submit(() -> 1).result(PATIENCE);
        executor.shutdown(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.submit(() -> 2));
        assertMentions(e, "shutdown");
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> { }));
        assertThrows(IllegalStateException.class, () -> executor.execute(() -> { }));
        assertThrows(IllegalStateException.class, () -> executor.map(x -> x, List.of(1)));

        ThreadPoolExecutor noWait = support.executor(1);
        noWait.shutdown();
        assertThrows(IllegalStateException.class, () -> noWait.submit(() -> 2));
        ThreadPoolExecutor neverUsed = support.executor(1);
        neverUsed.shutdown(false);
        assertThrows(IllegalStateException.class, () -> neverUsed.submit(() -> 2));
    }

    // ---------------------------------------------------------------- worker threads

    @Test
    void threadsAreStartedLazily() throws Exception {
        ThreadPoolExecutor executor = support.executor(4);
        String prefix = prefixOf(executor);
        assertEquals(List.of(), liveThreadsNamed(prefix), "threads before the first submit");
        CountDownLatch gate = support.gate();
        Future<Object> first = executor.submit(blockOn(gate));
        TestThreads.awaitUntil("the first worker runs", () -> first.running());
        assertEquals(List.of(prefix + "_0"), liveThreadsNamed(prefix));
        Future<Object> second = executor.submit(blockOn(gate));
        TestThreads.awaitUntil("the second worker runs", () -> second.running());
        assertEquals(Set.of(prefix + "_0", prefix + "_1"), new HashSet<>(liveThreadsNamed(prefix)));
        gate.countDown();
        first.result(PATIENCE);
        second.result(PATIENCE);
    }

    @Test
    void idleWorkerIsReused() throws Exception {
        // CPython test_idle_thread_reuse; here each submit waits until the worker is idle again.
        ThreadPoolExecutor executor = support.executor(4);
        Set<Thread> used = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Thread worker = executor.submit(Thread::currentThread).result(PATIENCE);
            used.add(worker);
            TestThreads.awaitParked(worker);
        }
        assertEquals(1, used.size(), "threads used: " + used);
        assertEquals(1, liveThreadsNamed(prefixOf(executor)).size());
    }

    @Test
    void neverMoreThanMaxWorkersAndNamesArePrefixUnderscoreIndex() throws Exception {
        // CPython test_saturation and test_thread_names_assigned.
        int max = 3;
        ThreadPoolExecutor executor = support.executor(max);
        String prefix = prefixOf(executor);
        CountDownLatch allStarted = new CountDownLatch(max);
        CountDownLatch gate = support.gate();
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            futures.add(executor.submit(() -> {
                names.add(Thread.currentThread().getName());
                allStarted.countDown();
                pass(gate);
                return null;
            }));
        }
        pass(allStarted);  // maxWorkers calls run at the same time
        for (int i = 0; i < 15 * max; i++) {
            futures.add(executor.submit(() -> names.add(Thread.currentThread().getName())));
        }
        assertEquals(max, liveThreadsNamed(prefix).size());
        gate.countDown();
        for (Future<?> f : futures) {
            f.result(PATIENCE);
        }
        assertEquals(Set.of(prefix + "_0", prefix + "_1", prefix + "_2"), names);
        assertEquals(max, liveThreadsNamed(prefix).size());
    }

    @Test
    void manyQuickCallsUseAtMostMaxWorkers() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(executor.submit(() -> names.add(Thread.currentThread().getName())));
        }
        for (Future<Boolean> f : futures) {
            f.result(PATIENCE);
        }
        assertTrue(names.size() >= 1 && names.size() <= 2, "threads: " + names);
        String prefix = prefixOf(executor);
        for (String name : names) {
            assertTrue(name.equals(prefix + "_0") || name.equals(prefix + "_1"), name);
        }
    }

    @Test
    void defaultThreadNames() throws Exception {
        // CPython test_thread_names_default: ThreadPoolExecutor-N_index.
        ThreadPoolExecutor a = support.track(new ThreadPoolExecutor(1));
        ThreadPoolExecutor b = support.track(new ThreadPoolExecutor(1, null));
        ThreadPoolExecutor c = support.track(new ThreadPoolExecutor(1, "", null));
        Set<String> prefixes = new HashSet<>();
        for (ThreadPoolExecutor executor : List.of(a, b, c)) {
            String name = executor.submit(() -> Thread.currentThread().getName()).result(PATIENCE);
            assertTrue(name.matches("ThreadPoolExecutor-\\d+_0"), name);
            prefixes.add(name.substring(0, name.length() - 2));
            assertContains(executor.toString(), name.substring(0, name.length() - 2));
        }
        assertEquals(3, prefixes.size(), "executors shared a default prefix: " + prefixes);
    }

    @Test
    void idleWorkerIsNotCountedTwiceAfterAStrayInterrupt() throws Exception {
        // Interrupting an idle worker (a task's stray interrupt) must not make the pool believe it has two idle
        // workers, or the next call waits behind a busy worker though maxWorkers allows another thread.
        ThreadPoolExecutor executor = support.executor(2);
        Thread worker = executor.submit(Thread::currentThread).result(PATIENCE);
        TestThreads.awaitParked(worker);
        worker.interrupt();
        TestThreads.awaitUntil("the worker got the interrupt", () -> !worker.isInterrupted());
        TestThreads.awaitParked(worker);
        CountDownLatch gate = support.gate();
        Future<Object> busy = executor.submit(blockOn(gate));
        TestThreads.awaitUntil("the first call runs", busy::running);
        Future<String> next = executor.submit(() -> Thread.currentThread().getName());
        assertEquals(prefixOf(executor) + "_1", next.result(PATIENCE),
                "the second call did not get a second worker while the first one was busy");
        gate.countDown();
        busy.result(PATIENCE);
    }

    // ---------------------------------------------------------------- initializer

    @Test
    void initializerRunsOncePerWorkerThreadBeforeItsCalls() throws Exception {
        // CPython InitializerMixin.test_initializer.
        Map<String, AtomicInteger> inits = new ConcurrentHashMap<>();
        ThreadLocal<Boolean> initialized = new ThreadLocal<>();
        int max = 3;
        ThreadPoolExecutor executor = support.executor(max, () -> {
            inits.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicInteger()).incrementAndGet();
            initialized.set(Boolean.TRUE);
        });
        assertTrue(inits.isEmpty(), "the initializer ran before any submit");
        CountDownLatch allStarted = new CountDownLatch(max);
        CountDownLatch gate = support.gate();
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            futures.add(executor.submit(() -> {
                allStarted.countDown();
                pass(gate);
                return initialized.get();
            }));
        }
        pass(allStarted);
        for (int i = 0; i < 30; i++) {
            futures.add(executor.submit(initialized::get));
        }
        gate.countDown();
        for (Future<Boolean> f : futures) {
            assertEquals(Boolean.TRUE, f.result(PATIENCE));
        }
        executor.shutdown(true);
        assertEquals(max, inits.size(), "initializer threads: " + inits.keySet());
        inits.forEach((name, count) -> assertEquals(1, count.get(), name));
    }

    @Test
    void failingInitializerBreaksThePool() throws Exception {
        // CPython FailingInitializerMixin.test_initializer.
        CountDownLatch initGate = support.gate();
        FutureTest.Boom cause = new FutureTest.Boom("initializer failed (expected by the test)");
        ThreadPoolExecutor executor = support.executor(1, () -> {
            try {
                pass(initGate);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            throw cause;
        });
        AtomicInteger ran = new AtomicInteger();
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(executor.submit(ran::incrementAndGet));
        }
        initGate.countDown();
        for (Future<Integer> f : queued) {
            BrokenThreadPool broken = assertThrows(BrokenThreadPool.class, () -> f.result(PATIENCE));
            assertInstanceOf(BrokenExecutor.class, broken);
            assertInstanceOf(IllegalStateException.class, broken);
            assertSame(cause, broken.getCause());
            assertMentions(broken, "initializer");
            assertInstanceOf(BrokenThreadPool.class, f.exception());
        }
        assertEquals(0, ran.get(), "a call ran on a broken pool");
        BrokenThreadPool later = assertThrows(BrokenThreadPool.class, () -> executor.submit(ran::incrementAndGet));
        assertSame(cause, later.getCause());
        assertThrows(BrokenThreadPool.class, () -> executor.execute(ran::incrementAndGet));
        assertThrows(BrokenThreadPool.class, () -> executor.map(x -> x, List.of(1, 2)));
        assertContains(executor.toString(), "broken");
        executor.shutdown(true);
        assertTrue(executor.isTerminated());
        // Broken wins over shut down, as in Python.
        assertThrows(BrokenThreadPool.class, () -> executor.submit(ran::incrementAndGet));
        assertEquals(0, ran.get());
    }

    @Test
    void initializerFailingInEveryWorkerBreaksThePool() throws Exception {
        ThreadPoolExecutor executor = support.executor(2, () -> {
            throw new FutureTest.Boom("initializer failed (expected by the test)");
        });
        // The pool breaks only once a worker has run its initializer, so the first submit is accepted.
        Future<Integer> f = executor.submit(() -> 1);
        assertInstanceOf(BrokenThreadPool.class, assertThrows(BrokenExecutor.class, () -> f.result(PATIENCE)));
        TestThreads.awaitUntil("the pool is broken", () -> executor.toString().contains("broken"));
        assertThrows(BrokenThreadPool.class, () -> executor.submit(() -> 1));
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void shutdownWaitWaitsForRunningAndQueuedCalls() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        Future<String> running = executor.submit(() -> {
            pass(gate);
            return "first";
        });
        Future<String> queued = executor.submit(() -> "second");
        TestThreads.awaitUntil("the first call runs", running::running);
        TestThreads.Task<Void> shutter = threads.run(() -> executor.shutdown(true));
        shutter.awaitParked();
        assertTrue(shutter.isAlive(), "shutdown(true) returned while a call was running");
        assertTrue(executor.isShutdown());
        assertFalse(executor.isTerminated());
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> "third"));
        assertFalse(queued.done());
        gate.countDown();
        shutter.join();
        assertTrue(running.done());
        assertTrue(queued.done(), "shutdown(true) returned before the queued call ran");
        assertEquals("first", running.result());
        assertEquals("second", queued.result());
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownWithoutWaitReturnsAtOnceAndQueuedCallsStillRun() throws Exception {
        // CPython test_shutdown_no_wait.
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        Future<String> running = executor.submit(() -> {
            pass(gate);
            return "first";
        });
        Future<String> queued = executor.submit(() -> "second");
        executor.shutdown(false);
        assertTrue(executor.isShutdown());
        assertFalse(executor.isTerminated());
        assertFalse(executor.awaitTermination(0, TimeUnit.MILLISECONDS));
        assertFalse(queued.done());
        gate.countDown();
        assertTrue(executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("first", running.result());
        assertEquals("second", queued.result());
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownWithCancelFuturesCancelsTheQueuedCalls() throws Exception {
        // CPython test_cancel_futures, made deterministic with a gate.
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        AtomicInteger queuedRuns = new AtomicInteger();
        Future<String> running = executor.submit(() -> {
            pass(gate);
            return "first";
        });
        TestThreads.awaitUntil("the first call runs", running::running);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(executor.submit(queuedRuns::incrementAndGet));
        }
        TestThreads.Task<Void> shutter = threads.run(() -> executor.shutdown(true, true));
        DoneAndNotDone<Future<Integer>> r = Futures.wait(queued, PATIENCE);
        assertEquals(Set.of(), r.notDone(), "queued calls not cancelled");
        for (Future<Integer> f : queued) {
            assertTrue(f.cancelled(), f.toString());
        }
        shutter.awaitParked();
        assertTrue(shutter.isAlive(), "shutdown(true, true) did not wait for the running call");
        assertFalse(running.done());
        gate.countDown();
        shutter.join();
        assertEquals("first", running.result(), "the running call was not cancelled");
        assertEquals(0, queuedRuns.get());
        assertThrows(CancelledError.class, queued.get(0)::result);
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownWithoutWaitWithCancelFutures() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        Future<Object> running = executor.submit(blockOn(gate));
        TestThreads.awaitUntil("the first call runs", running::running);
        Future<String> queued = executor.submit(() -> "never");
        executor.shutdown(false, true);
        assertTrue(queued.cancelled());
        assertFalse(running.done());
        gate.countDown();
        assertTrue(executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(running.done());
    }

    @Test
    void shutdownIsIdempotent() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        executor.submit(() -> 1).result(PATIENCE);
        executor.shutdown(true);
        executor.shutdown(true);
        executor.shutdown(false, true);
        executor.shutdown();
        executor.close();
        assertTrue(executor.isShutdown());
        assertTrue(executor.isTerminated());
        assertTrue(executor.shutdownNow().isEmpty());
    }

    @Test
    void stateQueriesAndAwaitTermination() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        assertFalse(executor.isShutdown());
        assertFalse(executor.isTerminated());
        assertFalse(executor.awaitTermination(0, TimeUnit.SECONDS));
        assertFalse(executor.awaitTermination(-1, TimeUnit.SECONDS));
        executor.shutdown();
        // No worker was ever started: terminated at once.
        assertTrue(executor.isShutdown());
        assertTrue(executor.isTerminated());
        assertTrue(executor.awaitTermination(0, TimeUnit.SECONDS));
        assertTrue(executor.awaitTermination(1, TimeUnit.DAYS));
        assertContains(executor.toString(), "shut down");
        assertContains(executor.toString(), "maxWorkers=1");
    }

    @Test
    void awaitTerminationReturnsFalseWhenTheTimeRunsOut() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        TestThreads.Task<Boolean> notShutDown = threads.call(
                () -> executor.awaitTermination(SHORT.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(notShutDown.join(), "awaitTermination on a running executor");

        CountDownLatch gate = support.gate();
        executor.submit(blockOn(gate));
        executor.shutdown();
        long start = System.nanoTime();
        TestThreads.Task<Boolean> callRunning = threads.call(
                () -> executor.awaitTermination(SHORT.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(callRunning.join(), "awaitTermination while a call runs");
        TestThreads.assertWaitedAtLeast(SHORT, start);
        gate.countDown();
    }

    @Test
    void awaitTerminationWaitsForTheWorkers() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        CountDownLatch gate = support.gate();
        Future<Object> f = executor.submit(blockOn(gate));
        executor.shutdown();
        TestThreads.Task<Boolean> waiter = threads.call(
                () -> executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        waiter.awaitParked();
        assertFalse(f.done());
        gate.countDown();
        assertTrue(waiter.join());
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownNowReturnsTheQueuedCallsAndCancelsThem() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch never = support.gate();
        CountDownLatch started = new CountDownLatch(1);
        Future<Object> running = executor.submit(() -> {
            started.countDown();
            never.await();  // interrupted by shutdownNow
            return "not interrupted";
        });
        pass(started);
        AtomicInteger queuedRuns = new AtomicInteger();
        Future<Integer> q1 = executor.submit(queuedRuns::incrementAndGet);
        Future<Integer> q2 = executor.submit(queuedRuns::incrementAndGet);
        Runnable executed = queuedRuns::incrementAndGet;
        executor.execute(executed);
        List<Runnable> pending = executor.shutdownNow();
        assertEquals(3, pending.size(), "returned: " + pending);
        assertTrue(pending.contains(executed), "the execute()d runnable is not among " + pending);
        assertTrue(q1.cancelled());
        assertTrue(q2.cancelled());
        assertTrue(executor.isShutdown());
        assertInstanceOf(InterruptedException.class, running.exception(PATIENCE), "the running call was not interrupted");
        assertTrue(executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        for (Runnable r : pending) {
            if (r != executed) {
                r.run();  // a cancelled call does not run
            }
        }
        assertEquals(0, queuedRuns.get());
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1));
    }

    @Test
    void closeWaitsForTheCalls() throws Exception {
        // CPython test_context_manager_shutdown.
        ThreadPoolExecutor outer;
        List<Future<Integer>> futures = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        try (ThreadPoolExecutor executor = support.executor(2)) {
            outer = executor;
            for (int i = 0; i < 4; i++) {
                int n = i;
                futures.add(executor.submit(() -> {
                    Thread.sleep(100);
                    finished.incrementAndGet();
                    return n;
                }));
            }
        }
        assertEquals(4, finished.get(), "close() returned before the calls finished");
        for (int i = 0; i < 4; i++) {
            assertEquals(i, futures.get(i).result(Duration.ZERO));
        }
        assertTrue(outer.isShutdown());
        assertTrue(outer.isTerminated());
    }

    @Test
    void interruptedCloseStopsTheCallsAndKeepsTheInterrupt() throws Exception {
        // ExecutorService.close(): interrupted while waiting, it shuts down now and keeps waiting.
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch never = support.gate();
        CountDownLatch started = new CountDownLatch(1);
        Future<Object> running = executor.submit(() -> {
            started.countDown();
            never.await();
            return "not interrupted";
        });
        Future<String> queued = executor.submit(() -> "never");
        pass(started);
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        TestThreads.Task<Void> closer = threads.run(() -> {
            executor.close();
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        closer.awaitParked();
        closer.interrupt();
        closer.join();
        assertEquals(Boolean.TRUE, flagAfter.get(), "close() lost the interrupt");
        assertTrue(queued.cancelled());
        assertInstanceOf(InterruptedException.class, running.exception(Duration.ZERO));
        assertTrue(executor.isTerminated());
    }

    @Test
    void interruptedShutdownWaitKeepsWaitingAndTheInterrupt() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        CountDownLatch gate = support.gate();
        Future<String> running = executor.submit(() -> {
            pass(gate);
            return "done";
        });
        TestThreads.awaitUntil("the call runs", running::running);
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        TestThreads.Task<Void> shutter = threads.run(() -> {
            executor.shutdown(true);
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        shutter.awaitParked();
        shutter.interrupt();
        TestThreads.settle();
        shutter.awaitParked();
        assertTrue(shutter.isAlive(), "an interrupt ended shutdown(true) before the call finished");
        gate.countDown();
        shutter.join();
        assertEquals(Boolean.TRUE, flagAfter.get(), "shutdown(true) lost the interrupt");
        assertEquals("done", running.result(Duration.ZERO));
    }

    @Test
    void waitingShutdownFromAWorkerIsRejected() throws Exception {
        // Python: shutdown(wait=True) from a worker joins the current thread: RuntimeError.
        ThreadPoolExecutor executor = support.executor(2);
        Future<Throwable> f = executor.submit(() -> {
            try {
                executor.shutdown(true);
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        Throwable e = f.result(PATIENCE);
        assertInstanceOf(IllegalStateException.class, e, "shutdown(true) from a worker");
        assertMentions(e, "own worker");
        assertTrue(executor.isShutdown());
        assertTrue(executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));

        ThreadPoolExecutor closing = support.executor(1);
        Future<Throwable> c = closing.submit(() -> {
            try {
                closing.close();
                return null;
            } catch (IllegalStateException ex) {
                return ex;
            }
        });
        assertInstanceOf(IllegalStateException.class, c.result(PATIENCE), "close() from a worker");
    }

    @Test
    void nonWaitingShutdownFromAWorkerIsFine() throws Exception {
        ThreadPoolExecutor executor = support.executor(1);
        Future<String> f = executor.submit(() -> {
            executor.shutdown(false);
            return "ok";
        });
        assertEquals("ok", f.result(PATIENCE));
        assertTrue(executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void workerThreadsEndAfterShutdown() throws Exception {
        ThreadPoolExecutor executor = support.executor(4);
        String prefix = prefixOf(executor);
        CountDownLatch allStarted = new CountDownLatch(4);
        CountDownLatch gate = support.gate();
        for (int i = 0; i < 4; i++) {
            executor.submit(() -> {
                allStarted.countDown();
                pass(gate);
                return null;
            });
        }
        pass(allStarted);
        assertEquals(4, liveThreadsNamed(prefix).size());
        gate.countDown();
        executor.shutdown(true);
        assertTrue(FuturesTestSupport.awaitNoThreadNamed(prefix), "left running: " + liveThreadsNamed(prefix));
    }

    @Test
    void noWorkerThreadIsAliveWhenShutdownWaitReturns() throws Exception {
        for (int round = 0; round < 300; round++) {
            ThreadPoolExecutor executor = support.executor(4);
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(executor.submit(() -> workers.add(Thread.currentThread())));
            }
            executor.shutdown(true);
            List<Thread> alive = new ArrayList<>();
            for (Thread t : workers) {
                if (t.isAlive()) {
                    alive.add(t);
                }
            }
            assertEquals(List.of(), alive, "round " + round + ": alive after shutdown(true) returned");
            assertEquals(List.of(), liveThreadsNamed(prefixOf(executor)), "round " + round);
        }
    }

    // ---------------------------------------------------------------- ExecutorService

    @Test
    void usableAsAnExecutorService() throws Exception {
        ExecutorService service = support.executor(3);
        java.util.concurrent.Future<String> f = service.submit(() -> "via interface");
        assertInstanceOf(Future.class, f);
        assertEquals("via interface", f.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            calls.add(() -> n * n);
        }
        List<java.util.concurrent.Future<Integer>> all = service.invokeAll(calls);
        for (int i = 0; i < 10; i++) {
            assertTrue(all.get(i).isDone());
            assertEquals(i * i, all.get(i).get());
        }
        int any = service.invokeAny(calls);
        assertTrue(any >= 0 && any <= 81 && Math.sqrt(any) == Math.floor(Math.sqrt(any)), "invokeAny gave " + any);
    }

    @Test
    void invokeAllWithATimeoutCancelsTheLateCalls() throws Exception {
        ThreadPoolExecutor executor = support.executor(2);
        CountDownLatch never = support.gate();
        List<Callable<String>> calls = List.of(() -> "quick", () -> {
            never.await();
            return "late";
        });
        // Two seconds: ample for the quick call even on a loaded machine.
        List<java.util.concurrent.Future<String>> all = executor.invokeAll(calls, 2, TimeUnit.SECONDS);
        assertEquals("quick", all.get(0).get());
        assertTrue(all.get(1).isCancelled());
        // The worker that ran the late call was interrupted and is usable again.
        assertEquals("again", executor.submit(() -> "again").result(PATIENCE));
    }

    // ---------------------------------------------------------------- virtual threads

    @Test
    void ofVirtualRunsCallsOnVirtualThreads() throws Exception {
        Set<Thread> initialized = ConcurrentHashMap.newKeySet();
        AtomicInteger inits = new AtomicInteger();
        ThreadPoolExecutor executor = support.track(ThreadPoolExecutor.ofVirtual(3, () -> {
            inits.incrementAndGet();
            initialized.add(Thread.currentThread());
        }));
        assertEquals(3, executor.maxWorkers());
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(executor.submit(() -> {
                workers.add(Thread.currentThread());
                return Thread.currentThread().isVirtual();
            }));
        }
        for (Future<Boolean> f : futures) {
            assertTrue(f.result(PATIENCE), "not on a virtual thread");
        }
        executor.shutdown(true);
        assertTrue(executor.isTerminated());
        assertTrue(initialized.size() >= 1 && initialized.size() <= 3, "workers: " + initialized);
        assertEquals(initialized.size(), inits.get(), "an initializer ran twice in one thread");
        assertTrue(initialized.containsAll(workers), "a call ran on a worker whose initializer did not run");
        for (Thread t : initialized) {
            assertTrue(t.isVirtual());
            assertTrue(t.getName().matches("ThreadPoolExecutor-\\d+_[0-2]"), t.getName());
            assertTrue(t.join(PATIENCE), t + " did not end after shutdown");
        }
    }

    @Test
    void ofVirtualWithoutInitializer() throws Exception {
        try (ThreadPoolExecutor executor = support.track(ThreadPoolExecutor.ofVirtual(1, null))) {
            assertTrue(executor.submit(() -> Thread.currentThread().isVirtual()).result(PATIENCE));
        }
    }

    private String prefixOf(ThreadPoolExecutor executor) {
        return support.prefixOf(executor);
    }

    /** A call that waits at {@code gate} and returns null. */
    private static Callable<Object> blockOn(CountDownLatch gate) {
        return () -> {
            pass(gate);
            return null;
        };
    }

    private static void assertContains(String text, String value) {
        assertTrue(text.contains(value), () -> "\"" + text + "\" does not mention " + value);
    }
}
