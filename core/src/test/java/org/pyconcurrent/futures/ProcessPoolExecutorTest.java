package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pyconcurrent.futures.FuturesTestSupport.assertMentions;
import static org.pyconcurrent.threading.TestThreads.awaitAllParked;
import static org.pyconcurrent.threading.TestThreads.joinAll;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.multiprocessing.Event;
import org.pyconcurrent.multiprocessing.Queue;
import org.pyconcurrent.multiprocessing.RemoteTraceback;
import org.pyconcurrent.multiprocessing.WorkerLostError;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link ProcessPoolExecutor} on real worker JVMs: CPython's {@code test_concurrent_futures}
 * behaviours for {@code ProcessPoolExecutor} (test_process_pool, test_shutdown, test_initializer,
 * test_map, test_deadlock's killed worker) with this project's documented decisions: a killed
 * worker fails only its own call with {@link BrokenProcessPool} and the executor goes on;
 * submitting after shutdown is an {@link IllegalStateException}; {@code shutdown()} without
 * arguments does not wait. Also the {@link ExecutorService} side ({@code invokeAll},
 * {@code invokeAny}, {@code isTerminated}, {@code awaitTermination}).
 *
 * <p>Calls run in the worker JVMs: they are static methods of this class or lambdas that capture
 * only serializable values, and they talk to the test through multiprocessing {@link Event}s and
 * {@link Queue}s, never through static fields of this JVM. A call that must stay running waits
 * on an event that the test sets; nothing waits on a sleep. After each test, every executor is
 * stopped and must terminate, and no child JVM started during the test may remain (but the
 * launcher's warm standby, which is there by design).
 */
class ProcessPoolExecutorTest extends ThreadedTest {
    /** How long anything that should happen may take, worker JVMs starting on a loaded two-CPU machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long a blocked call waits for its release; never reached when the test passes. */
    private static final Duration BLOCKED = Duration.ofSeconds(50);
    private static final long THIS_PID = ProcessHandle.current().pid();

    private final List<ProcessPoolExecutor> executors = new ArrayList<>();
    private final List<Event> releases = new ArrayList<>();
    private Set<Long> descendantsBefore;

    // ---------------------------------------------------------------- per-test bookkeeping

    private ProcessPoolExecutor track(ProcessPoolExecutor executor) {
        executors.add(executor);
        return executor;
    }

    /** An event that blocked calls wait for; set after the test at the latest. */
    private Event release() {
        Event e = new Event();
        releases.add(e);
        return e;
    }

    @BeforeEach
    void recordDescendants() {
        descendantsBefore = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @AfterEach
    void stopExecutorsAndCheckNoChildJvmIsLeft() throws Exception {
        releases.forEach(Event::set);
        List<String> problems = new ArrayList<>();
        for (ProcessPoolExecutor executor : executors) {
            executor.shutdownNow();
        }
        for (ProcessPoolExecutor executor : executors) {
            if (!executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                problems.add(executor + " did not terminate");
            }
        }
        executors.clear();
        releases.clear();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> left;
        for (;;) {
            left = newChildJvms();
            if (left.isEmpty() || System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(50);
        }
        if (!left.isEmpty()) {
            problems.add("child processes outlived the test: " + left);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** The live descendants of this JVM started during the test, but the launcher's standby. */
    private List<String> newChildJvms() throws ReflectiveOperationException {
        Long standby = standbyPid();
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> !descendantsBefore.contains(h.pid()))
                .filter(h -> standby == null || h.pid() != standby)
                .map(h -> h.pid() + " " + h.info().arguments().map(a -> a.length == 0 ? "" : a[a.length - 1]).orElse("?"))
                .toList();
    }

    /** The pid of the launcher's warm standby JVM (a child that exits with this JVM), or null. */
    private static Long standbyPid() throws ReflectiveOperationException {
        Class<?> launcher = Class.forName("org.pyconcurrent.internal.process.Launcher");
        var standbyField = launcher.getDeclaredField("standby");
        var lockField = launcher.getDeclaredField("LOCK");
        standbyField.setAccessible(true);
        lockField.setAccessible(true);
        java.util.concurrent.locks.Lock lock = (java.util.concurrent.locks.Lock) lockField.get(null);
        java.lang.Process standby;
        lock.lock();
        try {
            standby = (java.lang.Process) standbyField.get(null);
        } finally {
            lock.unlock();
        }
        return standby == null ? null : standby.pid();
    }

    private static void awaitDead(long pid) throws InterruptedException {
        TestThreads.awaitUntil("process " + pid + " exited",
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits (at most {@link #PATIENCE}) until a blocked call has set its {@code started} event. */
    private static void awaitStarted(Event started) throws InterruptedException {
        assertTrue(started.await(PATIENCE), "the call did not start within " + PATIENCE);
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Integer> squares(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i * i);
        }
        return out;
    }

    private static <R> List<R> drain(Iterable<R> results) {
        List<R> out = new ArrayList<>();
        for (R r : results) {
            out.add(r);
        }
        return out;
    }

    private static long countThreadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(name)).count();
    }

    // ---------------------------------------------------------------- calls, run in the workers

    /** Set by the initializer in the worker JVM; this JVM's copy stays 0. */
    private static volatile long initializedIn;

    static Long pid() {
        return ProcessHandle.current().pid();
    }

    static Long pidAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return pid();
    }

    /** "pid initializedIn": what a worker knows of its initializer. */
    static String pidAndInit() {
        return pid() + " " + initializedIn;
    }

    static void recordInit(Queue<Long> inits) {
        initializedIn = pid();
        try {
            inits.put(initializedIn);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void failInitWhen(Event go) {
        try {
            go.await(BLOCKED);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("initializer fails (expected in this test)");
    }

    /** Says it started, then waits for {@code release}; returns the worker's pid. */
    static Long blockUntil(Event started, Event release) throws InterruptedException {
        started.set();
        if (!release.await(BLOCKED)) {
            throw new IllegalStateException("never released");
        }
        return pid();
    }

    /** Puts the worker's pid in {@code pids}, then waits for {@code release}. */
    static Long reportPidAndBlock(Queue<Long> pids, Event release) throws InterruptedException {
        pids.put(pid());
        if (!release.await(BLOCKED)) {
            throw new IllegalStateException("never released");
        }
        return pid();
    }

    static Integer recordRun(Queue<Integer> ran, int index) throws InterruptedException {
        ran.put(index);
        return index;
    }

    static Integer boom(int x) {
        throw new Boom("boom " + x);
    }

    static Integer checkedBoom() throws IOException {
        throw new IOException("checked boom (expected in this test)");
    }

    /** An exception of this test's own, so its type can only arrive if it traveled as itself. */
    static final class Boom extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- construction

    @Test
    void maxWorkersBelowOneIsRejectedNamingTheValue() {
        // CPython test_max_workers_negative: ValueError("max_workers must be greater than 0").
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> new ProcessPoolExecutor(bad)),
                    String.valueOf(bad));
            assertMentions(assertThrows(IllegalArgumentException.class, () -> new ProcessPoolExecutor(bad, null, 0)),
                    String.valueOf(bad));
        }
        // max_tasks_per_child must be >= 1, or 0 here for Python's None.
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new ProcessPoolExecutor(1, null, -1)), "-1");
        // No worker JVM was started for them: the leak check after the test sees to it.
    }

    @Test
    void defaultsAreOneWorkerPerCpuAndNoInitializerOrLimit() throws Exception {
        // CPython: max_workers defaults to os.process_cpu_count().
        ProcessPoolExecutor byDefault = track(new ProcessPoolExecutor());
        assertEquals(org.pyconcurrent.multiprocessing.Process.cpuCount(), byDefault.maxWorkers());
        ProcessPoolExecutor three = track(new ProcessPoolExecutor(3));
        assertEquals(3, three.maxWorkers());
        assertEquals("ProcessPoolExecutor[maxWorkers=3]", three.toString());
        assertFalse(three.isShutdown());
        // No max_tasks_per_child: one worker runs call after call.
        ProcessPoolExecutor one = track(new ProcessPoolExecutor(1));
        long first = one.submit(ProcessPoolExecutorTest::pid).result(PATIENCE);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, one.submit(ProcessPoolExecutorTest::pid).result(PATIENCE));
        }
        // No initializer ran.
        assertEquals(first + " 0", one.submit(ProcessPoolExecutorTest::pidAndInit).result(PATIENCE));
        assertEquals(4, byDefault.submit(() -> 2 + 2).result(PATIENCE));
        three.shutdown(true);
        assertEquals("ProcessPoolExecutor[maxWorkers=3, shut down]", three.toString());
    }

    @Test
    void initializerRunsOnceInEachWorkerBeforeItsCalls() throws Exception {
        // CPython test_initializer: the initializer runs in each worker process, before any call.
        Queue<Long> inits = new Queue<>();
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2, () -> recordInit(inits), 0));
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(executor.submit(ProcessPoolExecutorTest::pidAndInit));
        }
        Set<Long> callPids = new HashSet<>();
        for (Future<String> f : futures) {
            String[] state = f.result(PATIENCE).split(" ");
            assertEquals(state[0], state[1], "a call ran in a worker whose initializer had not run: " + f);
            callPids.add(Long.parseLong(state[0]));
        }
        executor.shutdown(true);
        // One initializer run per worker process (both are started with the executor), none here.
        List<Long> initPids = new ArrayList<>();
        initPids.add(inits.get(PATIENCE));
        initPids.add(inits.get(PATIENCE));
        assertThrows(Empty.class, () -> inits.get(Duration.ofMillis(500)), "an initializer ran a third time");
        assertEquals(2, new HashSet<>(initPids).size(), "one worker ran the initializer twice: " + initPids);
        assertTrue(initPids.containsAll(callPids), "calls ran in " + callPids + ", initializers in " + initPids);
        assertFalse(initPids.contains(THIS_PID), "the initializer ran in this JVM");
        assertEquals(0, initializedIn, "the initializer ran in this JVM");
    }

    @Test
    void aFailingInitializerBreaksTheExecutor() throws Exception {
        // CPython test_initializer (failing): pending futures and later submits raise BrokenProcessPool.
        // The initializer waits for `go`, so the calls below are surely pending when it fails.
        Event go = release();
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1, () -> failInitWhen(go), 0));
        List<Future<Integer>> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int x = i;
            pending.add(executor.submit(() -> x * x));
        }
        for (Future<Integer> f : pending) {
            assertFalse(f.done(), "done before its worker was initialized: " + f);
        }
        go.set();
        for (Future<Integer> f : pending) {
            BrokenProcessPool e = assertThrows(BrokenProcessPool.class, () -> f.result(PATIENCE));
            assertInitializerFailure(e);
        }
        BrokenProcessPool later = assertThrows(BrokenProcessPool.class, () -> executor.submit(() -> 1));
        assertInitializerFailure(later);
        assertThrows(BrokenProcessPool.class, () -> executor.map((Integer x) -> x, range(3)));
        assertThrows(BrokenProcessPool.class, () -> executor.submit((Callable<Integer> & Serializable) () -> 1));
        // A broken executor still shuts down and terminates.
        assertTimeoutPreemptively(PATIENCE, () -> executor.shutdown(true));
        assertTrue(executor.isTerminated());
        assertTrue(executor.awaitTermination(0, TimeUnit.SECONDS));
    }

    private static void assertInitializerFailure(BrokenProcessPool e) {
        assertMentions(e, "initializer");
        Throwable cause = e.getCause();
        IllegalStateException original = assertInstanceOf(IllegalStateException.class, cause, "cause of " + e);
        assertEquals("initializer fails (expected in this test)", original.getMessage());
        RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, original.getCause());
        assertMentions(trace, "failInitWhen");
    }

    @Test
    void maxTasksPerChildReplacesAWorkerAfterItsShare() throws Exception {
        // CPython test_max_tasks_per_child: with one worker and max_tasks_per_child=2, calls 1-2 run in
        // one process, 3-4 in another, 5-6 in a third; each new process runs the initializer first.
        Queue<Long> inits = new Queue<>();
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1, () -> recordInit(inits), 2));
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String[] state = executor.submit(ProcessPoolExecutorTest::pidAndInit).result(PATIENCE).split(" ");
            assertEquals(state[0], state[1], "call " + i + " ran in a worker whose initializer had not run");
            pids.add(Long.parseLong(state[0]));
        }
        assertEquals(pids.get(0), pids.get(1), "one process per two calls: " + pids);
        assertNotEquals(pids.get(1), pids.get(2), "the worker was not replaced after 2 calls: " + pids);
        assertEquals(pids.get(2), pids.get(3), "one process per two calls: " + pids);
        assertNotEquals(pids.get(3), pids.get(4), "the worker was not replaced after 2 calls: " + pids);
        assertEquals(3, new HashSet<>(pids).size(), "pids: " + pids);
        assertFalse(pids.contains(THIS_PID));
        awaitDead(pids.get(0));
        awaitDead(pids.get(2));
        // Submitted all at once (so a worker may be sent several at a time), still at most 2 a process.
        List<Future<Long>> bulk = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bulk.add(executor.submit(ProcessPoolExecutorTest::pid));
        }
        Map<Long, Integer> callsPerPid = new HashMap<>();
        for (Future<Long> f : bulk) {
            callsPerPid.merge(f.result(PATIENCE), 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : callsPerPid.entrySet()) {
            assertTrue(e.getValue() <= 2, "worker " + e.getKey() + " ran " + e.getValue() + " calls: " + callsPerPid);
        }
        assertTrue(callsPerPid.size() >= 6, "workers: " + callsPerPid);
    }

    // ---------------------------------------------------------------- submit

    @Test
    void submitRunsTheCallInAChildProcessAndReturnsItsResult() throws Exception {
        // CPython test_submit, test_submit_keyword; and the call really runs in another process.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        assertEquals(42, executor.submit(() -> 6 * 7).result(PATIENCE));
        long worker = executor.submit(ProcessPoolExecutorTest::pid).result(PATIENCE);
        assertNotEquals(THIS_PID, worker);
        assertEquals(THIS_PID, executor.submit(() -> ProcessHandle.current().parent().orElseThrow().pid())
                .result(PATIENCE), "the worker is not a child of this JVM");
        // The other submit forms: a Serializable Callable, and Serializable Runnables.
        Callable<String> callable = (Callable<String> & Serializable) () -> "callable";
        assertEquals("callable", executor.submit(callable).result(PATIENCE));
        Queue<String> effects = new Queue<>();
        Runnable runnable = (Runnable & Serializable) () -> {
            try {
                effects.put("ran in " + pid());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertNull(executor.submit(runnable).result(PATIENCE));
        assertEquals("given", executor.submit(runnable, "given").result(PATIENCE));
        executor.execute(runnable);
        for (int i = 0; i < 3; i++) {
            String effect = effects.get(PATIENCE);
            assertNotEquals("ran in " + THIS_PID, effect);
        }
        // Through the ExecutorService interface too, returning this package's Future.
        ExecutorService service = executor;
        java.util.concurrent.Future<String> viaInterface = service.submit(callable);
        assertInstanceOf(Future.class, viaInterface);
        assertEquals("callable", viaInterface.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertThrows(NullPointerException.class, () -> executor.submit((SerializableCallable<Object>) null));
    }

    @Test
    void aCallsExceptionArrivesWithItsTypeAndTheWorkersTraceback() throws Exception {
        // CPython test_traceback: the exception is re-raised with a _RemoteTraceback as its __cause__.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        long worker = executor.submit(ProcessPoolExecutorTest::pid).result(PATIENCE);
        Future<Integer> failed = executor.submit(() -> boom(7));
        Boom e = assertThrows(Boom.class, () -> failed.result(PATIENCE));
        assertEquals("boom 7", e.getMessage());
        RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertMentions(trace, "boom");
        assertMentions(trace, "Boom");
        assertInstanceOf(Boom.class, failed.exception());
        assertInstanceOf(Boom.class, assertThrows(ExecutionException.class, failed::get).getCause());

        // A checked exception: result() wraps it, as it does for a thread pool's call.
        Future<Integer> checked = executor.submit(ProcessPoolExecutorTest::checkedBoom);
        CompletionException wrapped = assertThrows(CompletionException.class, () -> checked.result(PATIENCE));
        IOException io = assertInstanceOf(IOException.class, wrapped.getCause());
        assertEquals("checked boom (expected in this test)", io.getMessage());
        assertInstanceOf(RemoteTraceback.class, io.getCause());
        assertInstanceOf(IOException.class, checked.exception());

        // The worker survived both.
        assertEquals(worker, executor.submit(ProcessPoolExecutorTest::pid).result(PATIENCE));
    }

    @Test
    void aCallThatCannotBeSerializedIsRefused() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Callable<Integer> plain = new Callable<>() {
            @Override
            public Integer call() {
                return 1;
            }
        };
        assertMentions(assertThrows(IllegalArgumentException.class, () -> executor.submit(plain)),
                plain.getClass().getName());
        Runnable plainRunnable = () -> { };
        assertMentions(assertThrows(IllegalArgumentException.class, () -> executor.submit(plainRunnable)),
                "Serializable");
        assertThrows(IllegalArgumentException.class, () -> executor.submit(plainRunnable, "x"));
        assertThrows(IllegalArgumentException.class, () -> executor.execute(plainRunnable));
        // A serializable lambda that captures something that is not: found when it is sent; only
        // that call fails, with IllegalArgumentException naming the class.
        Object notSerializable = new Thread("not serializable");
        Future<Integer> captured = executor.submit(() -> notSerializable.hashCode());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> captured.result(PATIENCE));
        assertMentions(e, "java.lang.Thread");
        assertEquals(5, executor.submit(() -> 2 + 3).result(PATIENCE));
    }

    @Test
    void doneCallbacksRunExactlyOnceInThisJvm() throws Exception {
        // CPython test_done_callback_with_result / _with_exception / _already_done.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        int n = 20;
        List<AtomicInteger> calls = new ArrayList<>();
        ConcurrentLinkedQueue<Long> where = new ConcurrentLinkedQueue<>();
        CountDownLatch all = new CountDownLatch(n);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            AtomicInteger count = new AtomicInteger();
            calls.add(count);
            Future<Integer> f = executor.submit(() -> x % 4 == 0 ? boom(x) : x * x);
            f.addDoneCallback(done -> {
                count.incrementAndGet();
                where.add(ProcessHandle.current().pid());
                all.countDown();
            });
            futures.add(f);
        }
        assertTrue(all.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "callbacks missing: " + calls);
        for (int i = 0; i < n; i++) {
            Future<Integer> f = futures.get(i);
            if (i % 4 == 0) {
                assertInstanceOf(Boom.class, f.exception(PATIENCE));
            } else {
                assertEquals(i * i, f.result(PATIENCE));
            }
        }
        // A second, late callback would show by now (not a synchronization: nothing is expected).
        Thread.sleep(300);
        for (int i = 0; i < n; i++) {
            assertEquals(1, calls.get(i).get(), "callbacks of call " + i);
        }
        assertEquals(n, where.size());
        assertTrue(where.stream().allMatch(p -> p == THIS_PID), "a callback ran in another process: " + where);
        // Added to a done future: runs at once, in the caller.
        AtomicInteger late = new AtomicInteger();
        Thread caller = Thread.currentThread();
        futures.get(1).addDoneCallback(done -> {
            assertSame(caller, Thread.currentThread());
            late.incrementAndGet();
        });
        assertEquals(1, late.get());
    }

    @Test
    void cancelSucceedsWhileQueuedAndFailsOnceRunning() throws Exception {
        // CPython test_cancel: a future can be cancelled until its call is sent to a worker.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        assertTrue(running.running());
        assertFalse(running.cancel(), "cancelled a running call");
        assertFalse(running.cancelled());
        // Far more queued calls than a worker is sent ahead of time (a batch or two of at most 256):
        // the last ones are surely still queued.
        Queue<Integer> ran = new Queue<>();
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int x = i;
            queued.add(executor.submit(() -> recordRun(ran, x)));
        }
        Set<Integer> cancelled = new HashSet<>();
        for (int i = queued.size() - 1; i >= 0; i -= 2) {  // every other one, from the end
            if (queued.get(i).cancel()) {
                cancelled.add(i);
            }
        }
        assertTrue(cancelled.contains(queued.size() - 1), "the last queued call could not be cancelled");
        Future<Integer> last = queued.get(queued.size() - 1);
        assertTrue(last.cancelled());
        assertTrue(last.done());
        assertThrows(CancelledError.class, () -> last.result(PATIENCE));
        release.set();
        assertNotEquals(THIS_PID, running.result(PATIENCE));
        Set<Integer> expected = new HashSet<>();
        for (int i = 0; i < queued.size(); i++) {
            if (!cancelled.contains(i)) {
                assertEquals(i, queued.get(i).result(PATIENCE));
                expected.add(i);
            }
        }
        // The calls that ran are exactly those not cancelled.
        Set<Integer> didRun = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            didRun.add(ran.get(PATIENCE));
        }
        assertThrows(Empty.class, () -> ran.get(Duration.ofMillis(500)), "a cancelled call ran");
        assertEquals(expected, didRun);
    }

    // ---------------------------------------------------------------- map

    @Test
    void mapGivesResultsInInputOrderForEveryChunksize() throws Exception {
        // CPython test_map, test_map_chunksize (the chunks of a ProcessPoolExecutor).
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        int n = 100;
        assertEquals(squares(n), drain(executor.map((Integer x) -> x * x, range(n))));
        for (int chunksize : new int[] {1, 3, 20, n, 1000}) {
            assertEquals(squares(n), drain(executor.map((Integer x) -> x * x, range(n), null, chunksize)),
                    "chunksize " + chunksize);
            assertEquals(squares(n), drain(executor.map((Integer x) -> x * x, range(n), PATIENCE, chunksize)),
                    "chunksize " + chunksize + " with a timeout");
        }
        // In input order although the early items finish last, and computed in the workers.
        SerializableFunction<Integer, String> slowFirst = x -> pidAfter(5L * (10 - x)) + ":" + x;
        List<String> slow = drain(executor.map(slowFirst, range(10), null, 1));
        for (int i = 0; i < 10; i++) {
            String[] pidAndX = slow.get(i).split(":");
            assertEquals(String.valueOf(i), pidAndX[1]);
            assertNotEquals(String.valueOf(THIS_PID), pidAndX[0]);
        }
    }

    @Test
    void mapOfNothingGivesNothing() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        for (int chunksize : new int[] {1, 5}) {
            MapIterator<Integer> it = executor.map((Integer x) -> x, List.of(), PATIENCE, chunksize);
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
        }
        assertEquals(List.of(), drain(executor.map((Integer x) -> x, List.of())));
    }

    @Test
    void mapRejectsAChunksizeBelowOneAndANegativeTimeout() throws Exception {
        // CPython: ValueError("chunksize must be >= 1.").
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        for (int bad : new int[] {0, -1}) {
            assertMentions(assertThrows(IllegalArgumentException.class,
                    () -> executor.map((Integer x) -> x, range(3), null, bad)), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class,
                () -> executor.map((Integer x) -> x, range(3), Duration.ofSeconds(-1), 1));
        assertEquals(List.of(0, 1, 2), drain(executor.map((Integer x) -> x, range(3), null, 2)));
    }

    @Test
    void mapRaisesTimeoutErrorWhenAResultIsLate() throws Exception {
        // CPython test_map_timeout: TimeoutError once the map's timeout has passed.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        executor.submit(() -> 0).result(PATIENCE);  // the worker is up
        Event started = new Event();
        Event release = release();
        long start = System.nanoTime();
        MapIterator<Long> it = executor.map((Integer x) -> x == 0 ? pid() : blockUntil(started, release),
                range(3), Duration.ofMillis(500), 1);
        assertNotEquals(THIS_PID, it.next());
        TimeoutError e = assertThrows(TimeoutError.class, it::next);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(450)) >= 0, "timed out early: " + took);
        assertTrue(took.compareTo(PATIENCE) < 0, "timed out late: " + took);
        assertFalse(it.hasNext(), "the iteration goes on after the timeout");
        assertTrue(started.await(PATIENCE), "the late call never started");
        release.set();
        assertEquals(List.of(0, 1), drain(executor.map((Integer x) -> x, range(2), PATIENCE, 1)));
        assertMentions(e, "not done after");
    }

    @Test
    void anExceptionInOneItemSurfacesWhenItsResultIsReached() throws Exception {
        // CPython test_map_exception: the results before it, then the exception, then nothing.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        SerializableFunction<Integer, Integer> boomAtSeven = x -> x == 7 ? boom(x) : x * x;
        MapIterator<Integer> one = executor.map(boomAtSeven, range(20), null, 1);
        for (int i = 0; i < 7; i++) {
            assertEquals(i * i, one.next());
        }
        Boom e = assertThrows(Boom.class, one::next);
        assertEquals("boom 7", e.getMessage());
        assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertFalse(one.hasNext());
        // With chunks of 5, the chunk holding item 7 fails as a whole: items 5 and 6 are lost too,
        // as in CPython.
        MapIterator<Integer> chunked = executor.map(boomAtSeven, range(20), null, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(i * i, chunked.next());
        }
        assertEquals("boom 7", assertThrows(Boom.class, chunked::next).getMessage());
        assertFalse(chunked.hasNext());
        // The executor goes on.
        assertEquals(squares(10), drain(executor.map((Integer x) -> x * x, range(10))));
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void shutdownWaitWaitsForTheCallsAndTheWorkers() throws Exception {
        // CPython test_processes_terminate / test_hang_issue12364: shutdown(wait=True) returns once
        // the calls are done and the worker processes have exited.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            futures.add(executor.submit(() -> pidAfter(200)));
        }
        executor.shutdown(true);
        assertTrue(executor.isShutdown());
        assertTrue(executor.isTerminated(), "not terminated right after shutdown(true)");
        assertTrue(executor.awaitTermination(0, TimeUnit.NANOSECONDS));
        Set<Long> workers = new HashSet<>();
        for (Future<Long> f : futures) {
            assertTrue(f.done(), "shutdown(true) returned before " + f);
            workers.add(f.result(Duration.ZERO));
        }
        for (long pid : workers) {
            assertFalse(alive(pid), "worker " + pid + " alive after shutdown(true)");
        }
        // Again: a no-op.
        executor.shutdown(true);
        executor.shutdown(false, true);
        assertTrue(executor.isTerminated());
    }

    @Test
    void isTerminatedRightAfterShutdownWaitEveryTime() throws Exception {
        // shutdown(true) returns once the workers have exited: isTerminated() must say so at once.
        for (int round = 0; round < 5; round++) {
            ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
            assertEquals(1, executor.submit(() -> 1).result(PATIENCE));
            executor.shutdown(true);
            assertTrue(executor.isTerminated(), "round " + round + ": not terminated right after shutdown(true)");
        }
    }

    @Test
    void shutdownWithoutWaitReturnsAtOnceAndTheQueuedCallsStillRun() throws Exception {
        // CPython test_shutdown_no_wait: shutdown(wait=False) returns at once; the calls complete.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int x = i;
            queued.add(executor.submit(() -> x * x));
        }
        executor.shutdown(false);
        // It did not wait: the running call cannot finish before it is released.
        assertFalse(running.done());
        assertTrue(executor.isShutdown());
        assertFalse(executor.isTerminated());
        release.set();
        assertNotEquals(THIS_PID, running.result(PATIENCE));
        for (int i = 0; i < 5; i++) {
            assertEquals(i * i, queued.get(i).result(PATIENCE), "queued call " + i);
            assertFalse(queued.get(i).cancelled());
        }
        assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(executor.isTerminated());
    }

    @Test
    void executorServiceShutdownDoesNotWait() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        ExecutorService service = executor;
        service.shutdown();
        assertFalse(running.done());
        assertTrue(service.isShutdown());
        assertFalse(service.isTerminated());
        release.set();
        assertNotEquals(THIS_PID, running.result(PATIENCE));
        assertTrue(service.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void shutdownWithCancelFuturesCancelsTheQueuedCalls() throws Exception {
        // CPython test_cancel_futures: the running call finishes, the queued ones are cancelled and
        // never run. (A worker may have been sent a batch or two ahead: those run.)
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        Queue<Integer> ran = new Queue<>();
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int x = i;
            queued.add(executor.submit(() -> recordRun(ran, x)));
        }
        executor.shutdown(false, true);
        assertFalse(running.cancelled());
        assertTrue(queued.get(queued.size() - 1).cancelled(), "the last queued call was not cancelled");
        release.set();
        assertNotEquals(THIS_PID, running.result(PATIENCE));
        assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        Set<Integer> expected = new HashSet<>();
        int cancelled = 0;
        for (int i = 0; i < queued.size(); i++) {
            Future<Integer> f = queued.get(i);
            assertTrue(f.done(), "call " + i + " left undone");
            if (f.cancelled()) {
                cancelled++;
            } else {
                assertEquals(i, f.result(Duration.ZERO));
                expected.add(i);
            }
        }
        assertTrue(cancelled >= 600 - 2 * 256, "only " + cancelled + " calls were cancelled");
        Set<Integer> didRun = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            didRun.add(ran.get(PATIENCE));
        }
        assertThrows(Empty.class, () -> ran.get(Duration.ofMillis(500)), "a cancelled call ran");
        assertEquals(expected, didRun);
    }

    @Test
    void shutdownWaitWithCancelFuturesReturnsOnceTheRunningCallIsDone() throws Exception {
        // CPython test_cancel_futures_wait_false's sibling: shutdown(wait=True, cancel_futures=True)
        // cancels the queued calls, then waits for the running one and the workers. The running call
        // is released once the last queued one is seen cancelled, so shutdown is surely waiting for it.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int x = i;
            queued.add(executor.submit(() -> x));
        }
        Future<Integer> last = queued.get(queued.size() - 1);
        TestThreads.Task<Void> releaser = threads.run(() -> {
            try {
                TestThreads.awaitUntil("shutdown cancelled the last queued call", last::cancelled);
            } finally {
                release.set();
            }
        });
        executor.shutdown(true, true);
        releaser.join();
        assertTrue(running.done(), "shutdown(true, true) returned before the running call was done");
        assertNotEquals(THIS_PID, running.result(Duration.ZERO));
        assertTrue(queued.stream().allMatch(Future::done), "shutdown(true, true) left a call undone");
        assertTrue(executor.isTerminated());
    }

    @Test
    void submitAfterShutdownIsRefusedAsDocumented() throws Exception {
        // CPython: RuntimeError("cannot schedule new futures after shutdown"); here IllegalStateException
        // (and not BrokenProcessPool, which is for a broken executor).
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        executor.shutdown(false);
        List<IllegalStateException> refusals = List.of(
                assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1)),
                assertThrows(IllegalStateException.class,
                        () -> executor.submit((Callable<Integer> & Serializable) () -> 1)),
                assertThrows(IllegalStateException.class, () -> executor.submit((Runnable & Serializable) () -> { })),
                assertThrows(IllegalStateException.class, () -> executor.execute((Runnable & Serializable) () -> { })),
                assertThrows(IllegalStateException.class, () -> executor.map((Integer x) -> x, range(3))));
        for (IllegalStateException e : refusals) {
            assertFalse(e instanceof BrokenExecutor, "refused as broken: " + e);
            assertEquals("cannot schedule new futures after shutdown", e.getMessage());
        }
        assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals("cannot schedule new futures after shutdown",
                assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1)).getMessage());
    }

    @Test
    void closeIsShutdownWait() throws Exception {
        // CPython test_context_manager_shutdown: leaving `with` waits for the calls and the workers.
        ProcessPoolExecutor executor;
        Future<Long> f;
        try (ProcessPoolExecutor e = track(new ProcessPoolExecutor(1))) {
            executor = e;
            f = e.submit(() -> pidAfter(300));
        }
        assertTrue(f.done(), "close() returned before the call was done");
        assertTrue(executor.isShutdown());
        assertTrue(executor.isTerminated());
        assertFalse(alive(f.result(Duration.ZERO)), "the worker outlived close()");
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1));
    }

    @Test
    void shutdownNowCancelsTheQueuedCallsAndStopsTheWorkers() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Queue<Long> pids = new Queue<>();
        Event release = release();
        Future<Long> running = executor.submit(() -> reportPidAndBlock(pids, release));
        long worker = pids.get(PATIENCE);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int x = i;
            queued.add(executor.submit(() -> x));
        }
        assertEquals(List.of(), executor.shutdownNow());
        assertTrue(executor.isShutdown());
        assertTrue(queued.get(queued.size() - 1).cancelled());
        // The running call is not left hanging: its worker was killed, and its future fails.
        // (IllegalStateException "Pool terminated before the task finished", or BrokenProcessPool if the
        // worker's death is noticed first.)
        assertThrows(IllegalStateException.class, () -> running.result(PATIENCE));
        assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(executor.isTerminated());
        awaitDead(worker);
        for (Future<Integer> f : queued) {
            assertTrue(f.done(), "shutdownNow left " + f);
        }
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1));
        // Again, and the other forms after it: no-ops.
        assertEquals(List.of(), executor.shutdownNow());
        executor.shutdown(true);
        assertTrue(executor.isTerminated());
    }

    @Test
    void shutdownFromADoneCallbackDoesNotDeadlock() throws Exception {
        // Done callbacks run in this JVM, in a thread of the pool; shutting down from one must not
        // wait for that thread itself.
        for (boolean wait : new boolean[] {false, true}) {
            ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
            CountDownLatch returned = new CountDownLatch(1);
            Future<Integer> f = executor.submit(() -> 1);
            f.addDoneCallback(done -> {
                executor.shutdown(wait);
                returned.countDown();
            });
            assertEquals(1, f.result(PATIENCE));
            assertTrue(returned.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "shutdown(" + wait + ") hung in a callback");
            assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS), "wait=" + wait);
        }
    }

    // ---------------------------------------------------------------- isTerminated, awaitTermination

    @Test
    void beforeShutdownNotTerminatedAndAwaitTerminationIsFalse() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        assertEquals(1, executor.submit(() -> 1).result(PATIENCE));
        assertFalse(executor.isShutdown());
        assertFalse(executor.isTerminated());
        assertFalse(executor.awaitTermination(0, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertFalse(executor.awaitTermination(200, TimeUnit.MILLISECONDS));
        assertTrue(System.nanoTime() - start < PATIENCE.toNanos());
        assertFalse(executor.isTerminated());
        // Asking did not disturb it.
        assertEquals(2, executor.submit(() -> 2).result(PATIENCE));
        executor.shutdown(true);
        assertTrue(executor.isTerminated());
        assertTrue(executor.awaitTermination(0, TimeUnit.SECONDS));
    }

    @Test
    void terminationWhileACallStillRunsAfterShutdownWithoutWait() throws Exception {
        // isTerminated / awaitTermination right after shutdown(false), while a call runs, and from
        // several threads at once, with shutdown itself called concurrently; one joining thread.
        int workers = 3;  // a count no other test uses, for the watcher thread's name
        String watcher = "ProcessPoolExecutor-" + workers + "-termination";
        TestThreads.awaitUntil("no watcher thread left by an earlier test", () -> countThreadsNamed(watcher) == 0);
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(workers));
        Event started = new Event();
        Event release = release();
        Future<Long> running = executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        executor.shutdown(false);
        assertFalse(executor.isTerminated());
        long start = System.nanoTime();
        assertFalse(executor.awaitTermination(100, TimeUnit.MILLISECONDS), "terminated while a call runs");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(90)) >= 0, "awaitTermination gave up early: " + took);
        assertFalse(executor.awaitTermination(0, TimeUnit.SECONDS));
        // Eight waiters and four more shutdowns at once.
        List<TestThreads.Task<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Half with the "forever" idiom, whose deadline overflows.
            long timeout = i % 2 == 0 ? PATIENCE.toSeconds() : Long.MAX_VALUE;
            waiters.add(threads.call(() -> executor.awaitTermination(timeout, TimeUnit.SECONDS)));
        }
        List<TestThreads.Task<Void>> shutdowns = threads.runMany(4, i -> executor.shutdown(i % 2 == 0));
        joinAll(shutdowns.subList(1, 2));
        joinAll(shutdowns.subList(3, 4));
        awaitAllParked(waiters);
        assertFalse(executor.isTerminated());
        assertFalse(running.done());
        assertTrue(countThreadsNamed(watcher) <= 1, "watcher threads: " + countThreadsNamed(watcher));
        release.set();
        assertEquals(List.of(true, true, true, true, true, true, true, true), joinAll(waiters));
        joinAll(shutdowns);  // the waiting ones, too
        assertTrue(executor.isTerminated());
        assertNotEquals(THIS_PID, running.result(Duration.ZERO));
        TestThreads.awaitUntil("the watcher thread ended", () -> countThreadsNamed(watcher) == 0);
    }

    @Test
    void awaitTerminationAfterShutdownNowFromSeveralThreads() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        executor.shutdownNow();
        List<TestThreads.Task<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(threads.call(() -> executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)));
        }
        // Not released: the worker was killed, and termination does not wait for the call.
        assertEquals(List.of(true, true, true, true), joinAll(waiters));
        assertTrue(executor.isTerminated());
        assertTrue(executor.awaitTermination(0, TimeUnit.SECONDS));
        assertFalse(release.isSet());
    }

    @Test
    void awaitTerminationIsInterruptible() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
        Event started = new Event();
        Event release = release();
        executor.submit(() -> blockUntil(started, release));
        awaitStarted(started);
        executor.shutdown(false);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertFalse(Thread.interrupted());
        release.set();
        assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aTerminatedExecutorIsNoLongerKeptForExit() throws Exception {
        // The exit hook (shut down and wait at JVM exit) is dropped once the workers are gone, however
        // the executor was shut down: a program that makes many executors does not keep them all.
        for (int form = 0; form < 3; form++) {
            ProcessPoolExecutor executor = track(new ProcessPoolExecutor(1));
            assertEquals(1, executor.submit(() -> 1).result(PATIENCE));
            assertTrue(exitHookRegistered(executor), "no exit hook while running");
            switch (form) {
                case 0 -> executor.shutdown(true);
                case 1 -> executor.shutdown();
                default -> executor.shutdownNow();
            }
            assertTrue(executor.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            int f = form;
            TestThreads.awaitUntil("the exit hook of form " + f + " is dropped", () -> !exitHookRegistered(executor));
        }
    }

    private static boolean exitHookRegistered(ProcessPoolExecutor executor) {
        try {
            var actionField = ProcessPoolExecutor.class.getDeclaredField("exitAction");
            actionField.setAccessible(true);
            Object action = actionField.get(executor);
            Class<?> hooks = Class.forName("org.pyconcurrent.internal.ExitHooks");
            for (String list : new String[] {"ACTIONS", "FIRST", "LAST"}) {
                var field = hooks.getDeclaredField(list);
                field.setAccessible(true);
                var lockField = hooks.getDeclaredField("LOCK");
                lockField.setAccessible(true);
                java.util.concurrent.locks.Lock lock = (java.util.concurrent.locks.Lock) lockField.get(null);
                lock.lock();
                try {
                    for (Object o : (List<?>) field.get(null)) {
                        if (o == action) {
                            return true;
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
            return false;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- a killed worker

    @Test
    void aWorkerKilledMidCallFailsOnlyThatCallWithBrokenProcessPool() throws Exception {
        // CPython test_crash / ExecutorDeadlockTest: there every pending future fails and the executor
        // is broken. Our documented decision: only the call whose worker died fails (BrokenProcessPool
        // caused by WorkerLostError naming the signal); a new worker takes its place and the others run.
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        Queue<Long> pids = new Queue<>();
        Event release = release();
        Future<Long> victim = executor.submit(() -> reportPidAndBlock(pids, release));
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int x = i;
            others.add(executor.submit(() -> {
                Thread.sleep(20);
                return x * x;
            }));
        }
        long killed = pids.get(PATIENCE);
        assertTrue(victim.running());
        assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly());
        BrokenProcessPool e = assertThrows(BrokenProcessPool.class, () -> victim.result(PATIENCE));
        WorkerLostError lost = assertInstanceOf(WorkerLostError.class, e.getCause());
        assertEquals(-9, lost.exitcode());
        assertMentions(lost, "signal 9");
        assertMentions(e, "signal 9");
        assertMentions(e, "terminated abruptly");
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, others.get(i).result(PATIENCE), "call " + i);
        }
        awaitDead(killed);
        // Later submits work, on a replacement worker.
        Set<Long> later = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            later.add(executor.submit(() -> pidAfter(20)).result(PATIENCE));
        }
        assertFalse(later.contains(killed));
        assertFalse(later.contains(THIS_PID));
        assertEquals(squares(20), drain(executor.map((Integer x) -> x * x, range(20), PATIENCE, 3)));
        assertFalse(release.isSet());
        executor.shutdown(true);
        assertTrue(executor.isTerminated());
    }

    @Test
    void aWorkerKilledDuringAMapFailsThatChunk() throws Exception {
        ProcessPoolExecutor executor = track(new ProcessPoolExecutor(2));
        Queue<Long> pids = new Queue<>();
        Event release = release();
        MapIterator<Long> it = executor.map((Integer x) -> x == 3 ? reportPidAndBlock(pids, release) : pid(),
                range(8), null, 1);
        ProcessHandle.of(pids.get(PATIENCE)).orElseThrow().destroyForcibly();
        for (int i = 0; i < 3; i++) {
            assertNotEquals(THIS_PID, it.next());
        }
        BrokenProcessPool e = assertThrows(BrokenProcessPool.class, it::next);
        assertInstanceOf(WorkerLostError.class, e.getCause());
        assertFalse(it.hasNext());
        assertEquals(squares(8), drain(executor.map((Integer x) -> x * x, range(8))));
    }

    // ---------------------------------------------------------------- ExecutorService

    @Test
    void invokeAllAndInvokeAnyWithSerializableCallables() throws Exception {
        ExecutorService service = track(new ProcessPoolExecutor(2));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            calls.add((SerializableCallable<Integer>) () -> n * n);
        }
        List<java.util.concurrent.Future<Integer>> all = service.invokeAll(calls);
        assertEquals(10, all.size());
        for (int i = 0; i < 10; i++) {
            assertTrue(all.get(i).isDone());
            assertEquals(i * i, all.get(i).get());
        }
        int any = service.invokeAny(calls);
        assertTrue(squares(10).contains(any), "invokeAny gave " + any);
        int anyTimed = service.invokeAny(calls, PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(squares(10).contains(anyTimed), "invokeAny with a timeout gave " + anyTimed);

        // A failing call is a failed future in invokeAll; invokeAny returns a call that succeeded.
        List<Callable<Integer>> mixed = List.of(
                (SerializableCallable<Integer>) () -> boom(1),
                (SerializableCallable<Integer>) () -> 5,
                (SerializableCallable<Integer>) () -> boom(3));
        List<java.util.concurrent.Future<Integer>> mixedAll = service.invokeAll(mixed);
        assertInstanceOf(Boom.class, assertThrows(ExecutionException.class, () -> mixedAll.get(0).get()).getCause());
        assertEquals(5, mixedAll.get(1).get());
        assertEquals(5, service.invokeAny(mixed));
        // All failing: invokeAny throws ExecutionException with one of the causes.
        List<Callable<Integer>> failing = List.of(
                (SerializableCallable<Integer>) () -> boom(1),
                (SerializableCallable<Integer>) () -> boom(2));
        ExecutionException e = assertThrows(ExecutionException.class, () -> service.invokeAny(failing));
        assertInstanceOf(Boom.class, e.getCause());

        // They run in the workers.
        List<Callable<Long>> where = List.of((SerializableCallable<Long>) ProcessPoolExecutorTest::pid,
                (SerializableCallable<Long>) ProcessPoolExecutorTest::pid);
        for (java.util.concurrent.Future<Long> f : service.invokeAll(where)) {
            assertNotEquals(THIS_PID, f.get());
        }
        assertNotEquals(THIS_PID, service.invokeAny(where));

        // A call that is not Serializable is refused, as by submit.
        Callable<Integer> plain = new Callable<>() {
            @Override
            public Integer call() {
                return 1;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> service.invokeAll(List.of(plain)));
        assertThrows(IllegalArgumentException.class, () -> service.invokeAny(List.of(plain)));
        assertThrows(IllegalArgumentException.class, () -> service.invokeAny(List.of()));
    }

    @Test
    void invokeAllWithATimeoutCancelsTheLateCalls() throws Exception {
        ExecutorService service = track(new ProcessPoolExecutor(2));
        Event started = new Event();
        Event release = release();
        List<Callable<Long>> calls = List.of(
                (SerializableCallable<Long>) ProcessPoolExecutorTest::pid,
                (SerializableCallable<Long>) () -> blockUntil(started, release));
        // Five seconds: ample for the quick call (and the workers' start) on a loaded machine.
        List<java.util.concurrent.Future<Long>> all = service.invokeAll(calls, 5, TimeUnit.SECONDS);
        assertNotEquals(THIS_PID, all.get(0).get());
        assertTrue(all.get(1).isDone());
        assertTrue(all.get(1).isCancelled());
        // invokeAny with a timeout that passes: TimeoutException.
        long start = System.nanoTime();
        assertThrows(java.util.concurrent.TimeoutException.class, () -> service.invokeAny(
                List.<Callable<Long>>of((SerializableCallable<Long>) () -> blockUntil(new Event(), release)),
                300, TimeUnit.MILLISECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290));
        release.set();
        assertEquals(7, ((ProcessPoolExecutor) service).submit(() -> 7).result(PATIENCE));
    }
}
