package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.multiprocessing.PoolTasks.range;
import static org.pyconcurrent.multiprocessing.PoolTasks.squares;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.function.Tuple;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.multiprocessing.PoolTasks.SayWhenError;
import org.pyconcurrent.threading.StandardError;
import org.pyconcurrent.threading.TestThreads;

/**
 * {@link ThreadPool}: the {@link WorkerPoolContract}, plus what only a pool of threads shows — the
 * threads' names, where callbacks and initializers run, chunk boundaries seen through tasks that
 * block on latches, interrupts, a broken pool, and that no thread outlives the pool.
 */
class ThreadPoolTest extends WorkerPoolContract {
    private static final Pattern WORKER = Pattern.compile("(ThreadPool-\\d+-)worker-(\\d+)");

    @Override
    protected WorkerPool newPool(int processes) {
        return new ThreadPool(processes);
    }

    @Override
    protected WorkerPool newPool(int processes, SerializableRunnable initializer) {
        return new ThreadPool(processes, initializer);
    }

    private ThreadPool threadPool(int processes) {
        return track(new ThreadPool(processes));
    }

    private ThreadPool threadPool(int processes, Runnable initializer) {
        return track(new ThreadPool(processes, initializer));
    }

    /** The pool's thread-name prefix, such as "ThreadPool-7-", read from a worker's name. */
    private static String prefixOf(WorkerPool p) throws InterruptedException {
        String worker = p.apply(() -> Thread.currentThread().getName());
        Matcher m = WORKER.matcher(worker);
        assertTrue(m.matches(), () -> "a task ran in " + worker);
        return m.group(1);
    }

    /** The names of the live threads whose name starts with {@code prefix}. */
    private static Set<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> poolThreadNames(String prefix, int processes) {
        Set<String> names = new TreeSet<>();
        names.add(prefix + "task-handler");
        names.add(prefix + "result-handler");
        for (int i = 0; i < processes; i++) {
            names.add(prefix + "worker-" + i);
        }
        return names;
    }

    // ---- threads and names ----------------------------------------------------------------------

    @Test
    void defaultSizeIsOneWorkerPerProcessor() {
        ThreadPool p = track(new ThreadPool());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.processes());
        assertTrue(p.toString().contains("processes=" + p.processes()), p.toString());
    }

    @Test
    void workersAndHandlersAreDaemonThreadsNamedAfterThePool() throws Exception {
        ThreadPool p = threadPool(3);
        String prefix = prefixOf(p);
        assertEquals(poolThreadNames(prefix, 3), liveThreads(prefix));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                assertTrue(t.isDaemon(), t.getName() + " is not a daemon");
            }
        }
        Set<String> ran = ConcurrentHashMap.newKeySet();
        ran.addAll(p.map((Integer x) -> {
            Thread.sleep(5);
            return Thread.currentThread().getName();
        }, range(60), 1));
        for (String name : ran) {
            Matcher m = WORKER.matcher(name);
            assertTrue(m.matches() && m.group(1).equals(prefix), () -> "a task ran in " + name);
        }
        // Another pool has another prefix.
        String other = prefixOf(threadPool(1));
        assertFalse(other.equals(prefix));
    }

    @Test
    void callbacksRunInTheResultHandlerThreadNeverInAWorker() throws Exception {
        ThreadPool p = threadPool(2);
        String handler = prefixOf(p) + "result-handler";
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        Consumer<Object> record = v -> ran.add(Thread.currentThread().getName());
        for (int i = 0; i < 10; i++) {
            int x = i;
            p.applyAsync(() -> PoolTasks.sqr(x), record, record).get();
            assertThrows(SayWhenError.class, p.applyAsync(() -> PoolTasks.raise("x"), record, record)::get);
        }
        p.mapAsync(PoolTasks::sqr, range(20), 1, record, record).get();
        p.mapAsync(PoolTasks::sqr, List.<Integer>of(), 0, record, record).get();
        assertThrows(SayWhenError.class,
                p.mapAsync((Integer x) -> PoolTasks.sqrUnless(x, 5), range(20), 1, record, record)::get);
        p.starmapAsync(PoolTasks::mul, List.of(Tuple.of(2, 3)), 0, record, record).get();
        p.starmapAsync(PoolTasks::mul3, List.of(Tuple.of(2, 3, 4)), 0, record, record).get();
        assertEquals(25, ran.size());
        for (String name : ran) {
            assertEquals(handler, name);
        }
    }

    @Test
    void aCallbackThatThrowsIsLoggedAndTheResultStands() throws Exception {
        // CPython's result handler would die of it and hang the pool; here it is logged, as a
        // Future's done-callback is, and the next callbacks still run.
        ThreadPool p = threadPool(1);
        String logged = StandardError.capture(() -> {
            AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(4), v -> {
                throw new IllegalStateException("callback failed (logged, expected by the test)");
            });
            assertEquals(16, r.get());
            AsyncResult<Integer> bad = p.applyAsync(() -> PoolTasks.raise("x"), null, e -> {
                throw new IllegalStateException("error callback failed (logged, expected by the test)");
            });
            assertThrows(SayWhenError.class, bad::get);
        });
        assertTrue(logged.contains("ERROR"), logged);
        assertTrue(logged.contains("IllegalStateException: callback failed (logged, expected by the test)"), logged);
        assertTrue(logged.contains("IllegalStateException: error callback failed (logged, expected by the test)"), logged);
        AtomicInteger later = new AtomicInteger();
        assertEquals(25, p.applyAsync(() -> PoolTasks.sqr(5), v -> later.incrementAndGet()).get());
        assertEquals(1, later.get(), "the result handler stopped running callbacks");
    }

    @Test
    void defaultChunksizeIsPythons() throws Exception {
        // ceil(n / (4 * processes)): with 2 workers, the first items of the first two chunks are
        // the ones that block first.
        ThreadPool p = threadPool(2);
        assertEquals(Set.of(0, 2), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(16))));
        assertEquals(Set.of(0, 3), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(17))));
        assertEquals(Set.of(0, 13), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(100))));
        assertEquals(Set.of(0, 1), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(8))));
        assertEquals(Set.of(0, 5), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(16), 5, null, null)));
        assertEquals(Set.of(0, 2), firstItemsOfTheFirstTwoChunks(p, g -> p.mapAsync(g, range(16), 0, null, null)));
        assertEquals(Set.of(0, 2), firstItemsOfTheFirstTwoChunks(p,
                g -> p.starmapAsync((Integer a, Integer b) -> g.apply(a), pairs(16), 0, null, null)));
        // imap's default is one item per task.
        assertEquals(Set.of(0, 1), firstItemsOfTheFirstTwoChunks(p, g -> p.imap(g, range(16))));
        assertEquals(Set.of(0, 4), firstItemsOfTheFirstTwoChunks(p, g -> p.imap(g, range(16), 4)));
        assertEquals(Set.of(0, 1), firstItemsOfTheFirstTwoChunks(p, g -> p.imapUnordered(g, range(16))));
        assertEquals(Set.of(0, 6), firstItemsOfTheFirstTwoChunks(p, g -> p.imapUnordered(g, range(16), 6)));
    }

    private interface Submission {
        Object submit(SerializableFunction<Integer, Integer> gated);
    }

    /** Submits work whose tasks block; returns the items that entered a task before the gate opened. */
    private static Set<Integer> firstItemsOfTheFirstTwoChunks(ThreadPool p, Submission submission)
            throws InterruptedException {
        Set<Integer> entered = ConcurrentHashMap.newKeySet();
        CountDownLatch gate = new CountDownLatch(1);
        Object result = submission.submit(x -> {
            entered.add(x);
            gate.await();
            return x;
        });
        awaitUntil("both workers are in a task", () -> entered.size() >= 2);
        settle();  // a third item would show now
        Set<Integer> first = new HashSet<>(entered);
        gate.countDown();
        if (result instanceof AsyncResult<?> r) {
            r.get();
        } else {
            drain((IMapIterator<?>) result);
        }
        return first;
    }

    private static List<Tuple2<Integer, Integer>> pairs(int n) {
        List<Tuple2<Integer, Integer>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Tuple.of(i, i));
        }
        return list;
    }

    // ---- initializers ---------------------------------------------------------------------------

    @Test
    void initializerRunsOncePerWorkerInThatWorkerBeforeItsTasks() throws Exception {
        ConcurrentLinkedQueue<String> initialized = new ConcurrentLinkedQueue<>();
        ThreadLocal<Boolean> ready = new ThreadLocal<>();
        ThreadPool p = threadPool(4, () -> {
            initialized.add(Thread.currentThread().getName());
            ready.set(true);
        });
        awaitUntil("every worker ran the initializer", () -> initialized.size() >= 4);
        List<String> ran = p.map((Integer x) -> Boolean.TRUE.equals(ready.get())
                ? Thread.currentThread().getName() : "not initialized", range(200), 1);
        settle();
        assertEquals(4, initialized.size(), "initializers: " + initialized);
        Set<String> workers = new HashSet<>(initialized);
        assertEquals(4, workers.size(), "an initializer ran twice in one worker: " + initialized);
        for (String name : ran) {
            assertTrue(workers.contains(name), () -> "a task ran in " + name + ", not initialized");
        }
        String prefix = prefixOf(p);
        assertEquals(poolThreadNames(prefix, 4), liveThreads(prefix));
        for (String name : workers) {
            assertTrue(name.startsWith(prefix + "worker-"), name);
        }
    }

    @Test
    void failingInitializerBreaksThePool() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> initializing = new ConcurrentLinkedQueue<>();
        ThreadPool p = threadPool(2, () -> {
            initializing.add(Thread.currentThread().getName());
            awaitQuietly(gate);
            throw new SayWhenError("initializer fails (expected in this test)");
        });
        awaitUntil("both initializers run", () -> initializing.size() == 2);
        Matcher worker = WORKER.matcher(initializing.peek());
        assertTrue(worker.matches(), initializing.peek());
        String prefix = worker.group(1);
        // Tasks queued while the initializers run.
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger callbacks = new AtomicInteger();
        List<AsyncResult<Integer>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int x = i;
            pending.add(p.applyAsync(() -> PoolTasks.sqr(x), v -> callbacks.incrementAndGet(), errors::add));
        }
        AsyncResult<List<Integer>> mapped = p.mapAsync(PoolTasks::sqr, range(10), 1, null, errors::add);
        CountDownLatch fed = new CountDownLatch(1);
        IMapIterator<Integer> imapped = p.imap(PoolTasks::sqr, signallingEnd(range(3), fed));
        assertTrue(fed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        gate.countDown();

        for (AsyncResult<Integer> r : pending) {
            ProcessError e = assertThrows(ProcessError.class, r::get);
            assertEquals("initializer fails (expected in this test)",
                    assertInstanceOf(SayWhenError.class, e.getCause()).getMessage());
        }
        assertThrows(ProcessError.class, mapped::get);
        for (int i = 0; i < 3; i++) {
            assertThrows(ProcessError.class, imapped::next);
        }
        assertFalse(imapped.hasNext());
        awaitUntil("every error callback ran", () -> errors.size() == 6);
        for (Throwable e : errors) {
            assertInstanceOf(ProcessError.class, e);
        }
        assertEquals(0, callbacks.get(), "a task ran");
        // Later submissions are refused, naming the cause.
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> p.applyAsync(() -> PoolTasks.sqr(2)));
        assertTrue(refused.getMessage().startsWith("Pool not running"), refused.getMessage());
        assertInstanceOf(SayWhenError.class, refused.getCause());
        assertThrows(IllegalStateException.class, () -> p.map(PoolTasks::sqr, range(3)));
        assertThrows(IllegalStateException.class, () -> p.imap(PoolTasks::sqr, range(3)));
        assertThrows(IllegalStateException.class, () -> p.imapUnordered(PoolTasks::sqr, range(3)));
        assertThrows(IllegalStateException.class, () -> p.starmap(PoolTasks::mul, pairs(3)));
        // A broken pool still closes and joins, leaving no thread behind.
        p.close();
        p.join();
        assertEquals(Set.of(), liveThreads(prefix));
    }

    @Test
    void imapFedAfterTheInitializerFailedFailsWithProcessError() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ThreadPool p = threadPool(1, () -> {
            awaitQuietly(gate);
            throw new SayWhenError("initializer fails (expected in this test)");
        });
        // The imap is submitted while the pool runs; its input yields only once the pool is broken.
        CountDownLatch inputGate = new CountDownLatch(1);
        IMapIterator<Integer> it = p.imap(PoolTasks::sqr, () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                awaitQuietly(inputGate);
                return next < 3;
            }

            @Override
            public Integer next() {
                return next++;
            }
        });
        AsyncResult<Integer> queued = p.applyAsync(() -> PoolTasks.sqr(2));
        gate.countDown();
        assertThrows(ProcessError.class, queued::get);  // the pool is broken now
        inputGate.countDown();
        Throwable e = assertThrows(Throwable.class, it::next);
        assertInstanceOf(ProcessError.class, e, () -> "the imap failed with " + e);
    }

    // ---- the end of the pool --------------------------------------------------------------------

    @Test
    void noThreadOutlivesCloseAndJoin() throws Exception {
        ThreadPool p = threadPool(3);
        String prefix = prefixOf(p);
        assertEquals(poolThreadNames(prefix, 3), liveThreads(prefix));
        AsyncResult<Integer> queued = p.applyAsync(() -> PoolTasks.sqrSlowly(3, 200));
        IMapIterator<Integer> it = p.imap(PoolTasks::sqr, range(10));
        p.close();
        p.join();
        assertEquals(Set.of(), liveThreads(prefix));
        assertEquals(9, queued.get(Duration.ZERO));
        assertEquals(squares(10), drain(it));
    }

    @Test
    void noThreadOutlivesTerminateAndJoin() throws Exception {
        ThreadPool p = threadPool(3);
        String prefix = prefixOf(p);
        p.mapAsync(PoolTasks::sleepLong, range(100), 1, null, null);
        p.imap(PoolTasks::sleepLong, range(100));
        awaitUntil("the workers are busy", () -> busyWorkers(prefix) == 3);
        p.terminate();
        p.join();
        assertEquals(Set.of(), liveThreads(prefix));
    }

    @Test
    void closeAloneLetsEveryThreadExit() throws Exception {
        // The workers exit once idle, the handlers after them, without join().
        String prefix;
        AsyncResult<Integer> r;
        try (ThreadPool p = threadPool(2)) {
            prefix = prefixOf(p);
            r = p.applyAsync(() -> PoolTasks.sqrSlowly(4, 200));
        }
        awaitUntil("every thread of the pool has exited", () -> liveThreads(prefix).isEmpty());
        assertEquals(16, r.get(Duration.ZERO));
    }

    @Test
    void aClosedPoolIsNotKeptAlive() throws Exception {
        WeakReference<ThreadPool> ref = closedPool();
        awaitUntil("the closed pool is collected", () -> {
            System.gc();
            return ref.get() == null;
        });
    }

    @Test
    void aTerminatedPoolIsNotKeptAlive() throws Exception {
        // The counterpart of aClosedPoolIsNotKeptAlive(), showing that its check can pass.
        WeakReference<ThreadPool> ref = terminatedPool();
        awaitUntil("the terminated pool is collected", () -> {
            System.gc();
            return ref.get() == null;
        });
    }

    private static WeakReference<ThreadPool> closedPool() throws InterruptedException {
        ThreadPool p = new ThreadPool(2);
        String prefix = prefixOf(p);
        p.close();
        awaitUntil("every thread of the pool has exited", () -> liveThreads(prefix).isEmpty());
        return new WeakReference<>(p);
    }

    private static WeakReference<ThreadPool> terminatedPool() throws InterruptedException {
        ThreadPool p = new ThreadPool(2);
        String prefix = prefixOf(p);
        p.terminate();
        awaitUntil("every thread of the pool has exited", () -> liveThreads(prefix).isEmpty());
        return new WeakReference<>(p);
    }

    @Test
    void terminateDoesNotWaitForATaskThatIgnoresInterrupts() throws Exception {
        ThreadPool p = threadPool(1);
        String prefix = prefixOf(p);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicInteger callbacks = new AtomicInteger();
        AsyncResult<Integer> r = p.applyAsync(() -> {
            started.countDown();
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return 1;
        }, v -> callbacks.incrementAndGet(), error::set);
        AsyncResult<Integer> queued = p.applyAsync(() -> PoolTasks.sqr(2));
        assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        long start = System.nanoTime();
        p.terminate();
        assertTrue(System.nanoTime() - start < PROMPT.toNanos(), "terminate() waited for the task");
        assertMentions(assertThrows(IllegalStateException.class, r::get), "terminated");
        assertInstanceOf(IllegalStateException.class, error.get());
        assertThrows(IllegalStateException.class, queued::get);
        assertTrue(liveThreads(prefix).contains(prefix + "worker-0"), "the busy worker cannot have exited");
        // join() waits for that worker.
        TestThreads.Task<Void> joiner = threads.run(p::join);
        joiner.awaitParked();
        settle();
        assertTrue(joiner.isAlive(), "join() returned while a worker was still running");
        release.set(true);
        joiner.join();
        assertEquals(Set.of(), liveThreads(prefix));
        settle();
        assertInstanceOf(IllegalStateException.class, error.get(), "the task's late end changed the result");
        assertEquals(0, callbacks.get(), "the callback of a terminated task ran");
        assertMentions(assertThrows(IllegalStateException.class, r::get), "terminated");
    }

    @Test
    // Guards a race that failed CI once: the last worker to leave stopped the result handler while
    // terminate() was still failing queued tasks, whose error callbacks then ran in a late thread,
    // after terminate() had returned. Here the worker leaves at the worst moment, every time: the
    // first queued task's failure (its mirror future completes in terminate()'s thread) lets the
    // running task end and waits until the worker has exited, before the second one fails.
    void terminateFailsEveryQueuedTaskBeforeReturningThoughTheWorkersExitMeanwhile() throws Exception {
        ThreadPool p = threadPool(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        AtomicReference<Thread> worker = new AtomicReference<>();
        p.applyAsync(() -> {
            worker.set(Thread.currentThread());
            started.countDown();
            while (!release.get()) {
                Thread.onSpinWait();  // ignores the interrupt, as a busy task does
            }
            return 0;
        });
        AsyncResult<Integer> first = p.applyAsync(() -> PoolTasks.sqr(1));
        AtomicInteger errorCallbacks = new AtomicInteger();
        AsyncResult<Integer> second = p.applyAsync(() -> PoolTasks.sqr(2), v -> { }, e -> {
            try {
                settle();  // a slow callback: in a late thread, it would still run after terminate()
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            errorCallbacks.incrementAndGet();
        });
        AtomicBoolean workerGone = new AtomicBoolean();
        first.toCompletableFuture().whenComplete((v, e) -> {
            release.set(true);
            try {
                worker.get().join(PATIENCE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            workerGone.set(!worker.get().isAlive());
        });
        assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        p.terminate();
        assertTrue(workerGone.get(), "the worker did not exit while terminate() was failing tasks");
        assertThrows(IllegalStateException.class, () -> first.get(Duration.ZERO));
        assertTrue(second.ready(), "a task failed by terminate() was not ready when it returned");
        assertEquals(1, errorCallbacks.get());
        assertMentions(assertThrows(IllegalStateException.class, () -> second.get(Duration.ZERO)), "terminated");
    }

    @Test
    // Guards a race in the first version of terminate(), which interrupted the workers before it
    // failed their tasks, so that a sleeping task's own InterruptedException could win.
    void terminateFailsAnInterruptibleRunningTaskWithIllegalStateException() throws Exception {
        ThreadPool p = threadPool(2);
        CountDownLatch started = new CountDownLatch(2);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<AsyncResult<Integer>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(p.applyAsync(() -> {
                started.countDown();
                return PoolTasks.sleepLong(1);
            }, null, errors::add));
        }
        for (int i = 0; i < 100; i++) {
            p.applyAsync(() -> PoolTasks.sleepLong(1));
        }
        assertTrue(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        p.terminate();
        for (AsyncResult<Integer> r : running) {
            Throwable e = assertThrows(Throwable.class, r::get);
            assertInstanceOf(IllegalStateException.class, e, () -> "the running task failed with " + e);
        }
        for (Throwable e : errors) {
            assertInstanceOf(IllegalStateException.class, e, () -> "the error callback got " + e);
        }
    }

    @Test
    void terminateFromACallbackDoesNotDeadlock() throws Exception {
        ThreadPool p = threadPool(2);
        String prefix = prefixOf(p);
        AsyncResult<Integer> pending = p.applyAsync(() -> PoolTasks.sleepLong(1));
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(3), v -> p.terminate());
        assertEquals(9, r.get(PATIENCE));
        assertTrue(pending.await(PATIENCE), "terminate() did not end the other task");
        assertFalse(pending.successful());
        assertThrows(IllegalStateException.class, () -> p.applyAsync(() -> PoolTasks.sqr(2)));
        p.join();
        assertEquals(Set.of(), liveThreads(prefix));
    }

    @Test
    void terminateFromATaskEndsThePool() throws Exception {
        ThreadPool p = threadPool(2);
        String prefix = prefixOf(p);
        AsyncResult<Integer> r = p.applyAsync(() -> {
            p.terminate();
            return 1;
        });
        assertTrue(r.await(PATIENCE), "the terminating task never ended");
        assertThrows(IllegalStateException.class, () -> p.applyAsync(() -> PoolTasks.sqr(2)));
        p.join();
        assertEquals(Set.of(), liveThreads(prefix));
    }

    // ---- interrupts -----------------------------------------------------------------------------

    @Test
    void anInterruptLeftByATaskDoesNotReachTheNextTask() throws Exception {
        ThreadPool p = threadPool(1);
        String worker = p.apply(() -> {
            Thread.currentThread().interrupt();
            return Thread.currentThread().getName();
        });
        assertEquals(worker, p.<String>apply(() -> Thread.currentThread().getName()), "the worker was replaced");
        assertFalse(p.<Boolean>apply(() -> Thread.currentThread().isInterrupted()));
        assertEquals(9, p.<Integer>apply(() -> PoolTasks.sqrSlowly(3, 10)), "the worker sleeps again");
    }

    @Test
    void aTaskMayWaitOnAnotherThreadWhileOthersRun() throws Exception {
        // Tasks on threads may share state with the test: a latch, released by a second task.
        ThreadPool p = threadPool(2);
        CountDownLatch latch = new CountDownLatch(1);
        AsyncResult<Boolean> waiter = p.applyAsync(() -> latch.await(PATIENCE.toSeconds(),
                TimeUnit.SECONDS));
        p.apply(() -> {
            latch.countDown();
            return null;
        });
        assertTrue(waiter.get(PATIENCE));
        assertNull(p.apply(() -> null));
        assertSame(latch, p.apply(() -> latch), "a thread pool hands results over as they are");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The workers of the pool with {@code prefix} that are blocked inside a task (sleeping). */
    private static long busyWorkers(String prefix) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(prefix + "worker-"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("sleepLong")))
                .count();
    }

    /** An iterable over {@code items} that counts {@code end} down once its iterator is exhausted. */
    private static Iterable<Integer> signallingEnd(List<Integer> items, CountDownLatch end) {
        return () -> new Iterator<>() {
            private final Iterator<Integer> it = items.iterator();

            @Override
            public boolean hasNext() {
                boolean more = it.hasNext();
                if (!more) {
                    end.countDown();
                }
                return more;
            }

            @Override
            public Integer next() {
                return it.next();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the gate did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
