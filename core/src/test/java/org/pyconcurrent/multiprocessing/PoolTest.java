package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pyconcurrent.multiprocessing.PoolTasks.range;
import static org.pyconcurrent.multiprocessing.PoolTasks.squares;
import static org.pyconcurrent.multiprocessing.PoolTasks.throwingAt;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.function.Tuple;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.multiprocessing.PoolTasks.SayWhenError;

/**
 * The process {@link Pool} on real worker JVMs: CPython's {@code _TestPool} behaviours as they show
 * across processes (the whole {@link WorkerPoolContract} runs in {@link PoolContractTest}), and what
 * only a process pool has: worker identity (pids, {@code maxtasksperchild}), initializers that run in
 * the worker JVM, exceptions and values that must be serialized, workers that die mid-task (SIGKILL,
 * {@code halt}, {@code System.exit}), the per-task time limit, and {@code terminate()} with a long
 * queue. Every pool is terminated and joined after its test, and after the class no child JVM of
 * this JVM may remain (but the launcher's warm standby, which is there by design).
 *
 * <p>Tasks are static methods of this class or {@link PoolTasks}, or lambdas that capture only
 * serializable values; they run in the worker JVM, so the static fields they touch are the
 * worker's. Callbacks run in this JVM and may capture anything.
 */
class PoolTest {
    /** How long a result that should arrive may take, on a loaded two-CPU machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long terminate() may take with many tasks pending. */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    private static final long PARENT_PID = ProcessHandle.current().pid();
    private static final String RESULT_HANDLER = "Pool-\\d+-result-handler";

    /** The descendants of this JVM before the class ran (another class's leftovers are not ours). */
    private static Set<Long> descendantsBefore;

    // ---- state of the worker JVM (set by initializers, read by tasks; untouched in this JVM) -----

    private static final AtomicInteger INIT_COUNT = new AtomicInteger();
    private static volatile long initPid;

    private final List<Pool> pools = new ArrayList<>();

    private Pool track(Pool p) {
        pools.add(p);
        return p;
    }

    @BeforeAll
    static void recordDescendants() {
        descendantsBefore = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @AfterEach
    void terminatePools() throws InterruptedException {
        for (Pool p : pools) {
            p.terminate();
        }
        for (Pool p : pools) {
            p.join();
        }
        pools.clear();
    }

    @AfterAll
    static void noWorkerJvmOutlivesTheTests() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        for (;;) {
            Long standby = standbyPid();
            left = ProcessHandle.current().descendants()
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> !descendantsBefore.contains(h.pid()))
                    .filter(h -> standby == null || h.pid() != standby)
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                    .toList();
            if (left.isEmpty() && Process.activeChildren().isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            Thread.sleep(100);
        }
        fail("child JVMs outlived the pools: " + left + ", active children " + Process.activeChildren());
    }

    /**
     * The pid of the launcher's warm standby JVM (a child that waits for the next process start and
     * exits with this JVM, by design), or null if there is none now.
     */
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

    // ---- tasks, run in the workers ----------------------------------------------------------------

    static Long pid() {
        return ProcessHandle.current().pid();
    }

    static Long pidAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return ProcessHandle.current().pid();
    }

    /** What the worker knows of its initializer: "pid initPid count". */
    static String initState(long sleepMillis) throws InterruptedException {
        Thread.sleep(sleepMillis);
        return ProcessHandle.current().pid() + " " + initPid + " " + INIT_COUNT.get();
    }

    static void countInit() {
        initPid = ProcessHandle.current().pid();
        INIT_COUNT.incrementAndGet();
    }

    static void failInit() {
        throw new IllegalStateException("initializer fails (expected in this test)");
    }

    static Integer boom() {
        throw new IllegalStateException("boom");
    }

    static Integer throwUnserializable() {
        throw new UnserializableException("cannot travel (expected in this test)");
    }

    /** Kills this JVM with SIGKILL (a JVM cannot destroy itself through ProcessHandle). */
    static Integer sigkillSelf() throws Exception {
        String me = Long.toString(ProcessHandle.current().pid());
        new ProcessBuilder("kill", "-9", me).start().waitFor();
        Thread.sleep(PoolTasks.LONG);  // the signal is on its way
        return -1;
    }

    static Integer halt(int status) {
        Runtime.getRuntime().halt(status);
        return -1;
    }

    static Integer exit(int status) {
        System.exit(status);
        return -1;
    }

    /** Busy for {@code millis}, ignoring interrupts. */
    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /** An exception that cannot be serialized: it holds a plain Object. */
    static final class UnserializableException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings({"unused", "serial"})
        private final Object notSerializable = new Object();

        UnserializableException(String message) {
            super(message);
        }
    }

    /** Serializable, but refuses to be read back: a task capturing it cannot be read in a worker. */
    static final class RefusesToArrive implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException {
            throw new InvalidObjectException("refuses to be read (expected in this test)");
        }
    }

    /** Serializable, slowly: its serialization in the parent spins for {@code millis}. */
    static final class SlowToSend implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final long millis;

        SlowToSend(long millis) {
            this.millis = millis;
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            spin(millis);
            out.defaultWriteObject();
        }
    }

    // ---- where tasks run ---------------------------------------------------------------------------

    @Test
    void tasksRunInWorkerProcessesThatAreChildrenOfThisJvm() throws Exception {
        Pool p = track(new Pool(2));
        assertEquals(2, p.processes());
        long worker = p.<Long>apply(PoolTest::pid);
        assertNotEquals(PARENT_PID, worker);
        assertEquals(PARENT_PID, (long) p.<Long>apply(() -> ProcessHandle.current().parent().orElseThrow().pid()));
        String name = p.apply(() -> Process.currentProcess().name());
        assertTrue(name.startsWith("PoolWorker-"), name);
        assertEquals("MainProcess", p.apply(() -> Process.parentProcess().name()));
        assertTrue(ProcessHandle.current().children().anyMatch(h -> h.pid() == worker),
                "the worker is not a child of this JVM");
        Pool byDefault = track(new Pool());
        assertEquals(Process.cpuCount(), byDefault.processes());
    }

    @Test
    void twoWorkersServeTwentyTasks() throws Exception {
        // 20 tasks of 50 ms on 2 processes: at most 2 distinct workers, neither of them this JVM.
        Pool p = track(new Pool(2));
        List<AsyncResult<Long>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(p.applyAsync(() -> pidAfter(50)));
        }
        Set<Long> pids = new HashSet<>();
        for (AsyncResult<Long> r : results) {
            pids.add(r.get(PATIENCE));
        }
        assertTrue(pids.size() <= 2, "workers: " + pids);
        assertFalse(pids.contains(PARENT_PID), "a task ran in this JVM");
        // The same as a map.
        Set<Long> mapped = new HashSet<>(p.map((Integer x) -> pidAfter(5), range(40), 1));
        assertTrue(mapped.size() <= 2, "workers: " + mapped);
        assertFalse(mapped.contains(PARENT_PID));
    }

    @Test
    void maxtasksperchildReplacesEachWorkerAfterItsShare() throws Exception {
        // CPython's test_pool_worker_lifetime: with maxtasksperchild=2, no worker runs more than 2
        // tasks, so 10 tasks need at least 5 processes; each new one runs the initializer first.
        Pool p = track(new Pool(2, PoolTest::countInit, 2, null));
        List<AsyncResult<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(p.applyAsync(() -> initState(50)));
        }
        Map<Long, Integer> tasksPerPid = new HashMap<>();
        for (AsyncResult<String> r : results) {
            String[] state = r.get(PATIENCE).split(" ");
            long pid = Long.parseLong(state[0]);
            assertEquals(state[0], state[1], "the initializer ran in another process");
            assertEquals("1", state[2], "the initializer ran " + state[2] + " times in worker " + pid);
            tasksPerPid.merge(pid, 1, Integer::sum);
        }
        assertTrue(tasksPerPid.size() > 2, "workers were not replaced: " + tasksPerPid);
        for (Map.Entry<Long, Integer> e : tasksPerPid.entrySet()) {
            assertTrue(e.getValue() <= 2, "worker " + e.getKey() + " ran " + e.getValue() + " tasks");
        }
        assertFalse(tasksPerPid.containsKey(PARENT_PID));
        // A map's chunks count as tasks too, and its results still come in order.
        assertEquals(squares(30), p.map(PoolTasks::sqr, range(30), 3));
        // Retired workers have exited.
        for (long pid : tasksPerPid.keySet()) {
            awaitDead(pid);
        }
    }

    // ---- initializers --------------------------------------------------------------------------

    @Test
    void initializerRunsOnceInEachWorkerProcess() throws Exception {
        // CPython's test_pool_initializer: the initializer sets a global in the worker; tasks see it.
        Pool p = track(new Pool(2, PoolTest::countInit));
        List<String> states = p.map((Integer x) -> initState(20), range(20), 1);
        Set<Long> workers = new HashSet<>();
        for (String s : states) {
            String[] state = s.split(" ");
            assertEquals(state[0], state[1], "a task ran in a worker whose initializer did not: " + s);
            assertEquals("1", state[2], "the initializer ran more than once: " + s);
            workers.add(Long.parseLong(state[0]));
        }
        assertTrue(workers.size() <= 2, "workers: " + workers);
        assertEquals(0, INIT_COUNT.get(), "the initializer ran in this JVM");
        assertEquals(0, initPid);
    }

    @Test
    void failingInitializerBreaksThePool() throws Exception {
        Pool p = track(new Pool(2, PoolTest::failInit));
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AsyncResult<Integer> r;
        try {
            r = p.applyAsync(() -> PoolTasks.sqr(2), null, errors::add);
        } catch (IllegalStateException refused) {
            // The pool broke before the submission (the workers started very fast): refused, naming why.
            assertInitializerFailure(refused.getCause());
            r = null;
        }
        if (r != null) {
            AsyncResult<Integer> result = r;
            ProcessError e = assertThrows(ProcessError.class, () -> result.get(PATIENCE));
            assertMentions(e, "initializer");
            assertInitializerFailure(e.getCause());
            assertEquals(1, errors.size());
            assertInstanceOf(ProcessError.class, errors.peek());
        }
        // From now on, submissions are refused, naming the cause.
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> p.applyAsync(() -> PoolTasks.sqr(2)));
        assertTrue(refused.getMessage().startsWith("Pool not running"), refused.getMessage());
        assertInitializerFailure(refused.getCause());
        assertThrows(IllegalStateException.class, () -> p.map(PoolTasks::sqr, range(3)));
        // A broken pool still closes and joins.
        p.close();
        assertTimeoutPreemptively(PATIENCE, p::join);
    }

    private static void assertInitializerFailure(Throwable cause) {
        IllegalStateException original = assertInstanceOf(IllegalStateException.class, cause);
        assertEquals("initializer fails (expected in this test)", original.getMessage());
        RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, original.getCause());
        assertMentions(trace, "failInit");
    }

    @Test
    void aReplacementWorkerWhoseInitializerFailsBreaksThePoolOnce() throws Exception {
        // The first worker's initializer succeeds; every later one fails (the file says how many
        // ran). After the first worker is killed, its replacement breaks the pool, and no further
        // worker JVM may be started for it.
        java.nio.file.Path marks = java.nio.file.Files.createTempFile("pool-init-", ".txt");
        try {
            String path = marks.toString();
            Pool p = track(new Pool(1, () -> initOnlyOnce(path)));
            assertEquals(4, p.<Integer>apply(() -> PoolTasks.sqr(2)));
            AsyncResult<Integer> killer = p.applyAsync(() -> halt(9));
            assertThrows(WorkerLostError.class, () -> killer.get(PATIENCE));
            awaitUntil("the replacement ran its initializer", () -> lines(marks) >= 2);
            Throwable later = assertThrows(Throwable.class, () -> p.applyAsync(() -> PoolTasks.sqr(3)).get(PATIENCE));
            assertInstanceOf(IllegalStateException.class, later.getCause() != null ? later.getCause() : later);
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread.sleep(500);
                counts.add(lines(marks));
            }
            assertEquals(2, lines(marks), "the broken pool went on starting worker JVMs: initializers run, "
                    + "every 500 ms: " + counts);
            p.close();
            assertTimeoutPreemptively(PATIENCE, p::join);
        } finally {
            java.nio.file.Files.deleteIfExists(marks);
        }
    }

    /** An initializer that appends a line to {@code path} and fails unless it was the first. */
    static void initOnlyOnce(String path) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(path);
            long before = java.nio.file.Files.readAllLines(file).size();
            java.nio.file.Files.writeString(file, ProcessHandle.current().pid() + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            if (before > 0) {
                throw new IllegalStateException("only the first initializer succeeds (expected in this test)");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- apply and callbacks ----------------------------------------------------------------------

    @Test
    void callbacksRunExactlyOnceInThisJvmsResultHandler() throws Exception {
        Pool p = track(new Pool(2));
        int n = 30;
        AtomicIntegerArray calls = new AtomicIntegerArray(n);
        AtomicIntegerArray errorCalls = new AtomicIntegerArray(n);
        ConcurrentLinkedQueue<String> where = new ConcurrentLinkedQueue<>();
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = i;
            results.add(p.applyAsync(() -> PoolTasks.sqrUnless(x, x % 5 == 0 ? x : -1), v -> {
                calls.incrementAndGet(x);
                where.add(ProcessHandle.current().pid() + " " + Thread.currentThread().getName());
            }, e -> {
                errorCalls.incrementAndGet(x);
                where.add(ProcessHandle.current().pid() + " " + Thread.currentThread().getName());
            }));
        }
        for (int i = 0; i < n; i++) {
            AsyncResult<Integer> r = results.get(i);
            if (i % 5 == 0) {
                assertEquals("said when at " + i, assertThrows(SayWhenError.class, () -> r.get(PATIENCE)).getMessage());
            } else {
                assertEquals(i * i, r.get(PATIENCE));
            }
        }
        Thread.sleep(200);  // a second, late callback would show now
        for (int i = 0; i < n; i++) {
            assertEquals(i % 5 == 0 ? 0 : 1, calls.get(i), "callbacks of task " + i);
            assertEquals(i % 5 == 0 ? 1 : 0, errorCalls.get(i), "error callbacks of task " + i);
        }
        assertEquals(n, where.size());
        for (String w : where) {
            String[] pidAndThread = w.split(" ", 2);
            assertEquals(Long.toString(PARENT_PID), pidAndThread[0], "a callback ran in another process");
            assertTrue(pidAndThread[1].matches(RESULT_HANDLER), "a callback ran in " + pidAndThread[1]);
        }
        // A map's callback too: once, with the whole list.
        AtomicReference<List<Integer>> got = new AtomicReference<>();
        AtomicInteger mapCalls = new AtomicInteger();
        p.mapAsync(PoolTasks::sqr, range(50), 7, v -> {
            mapCalls.incrementAndGet();
            got.set(v);
        }, null).get(PATIENCE);
        assertEquals(squares(50), got.get());
        assertEquals(1, mapCalls.get());
    }

    @Test
    void getWithATimeoutAndSuccessfulBeforeReady() throws Exception {
        // CPython's test_async_timeout and test_successful.
        Pool p = track(new Pool(2));
        p.apply(PoolTest::pid);  // a worker is up: the timing below is the task's alone
        AsyncResult<Integer> slow = p.applyAsync(() -> PoolTasks.sqrSlowly(3, 1500));
        long start = System.nanoTime();
        TimeoutError e = assertThrows(TimeoutError.class, () -> slow.get(Duration.ofMillis(200)));
        long waited = System.nanoTime() - start;
        assertTrue(waited >= Duration.ofMillis(195).toNanos(), "get(timeout) returned early");
        assertInstanceOf(ProcessError.class, e);
        assertThrows(TimeoutError.class, () -> slow.get(Duration.ZERO));
        assertMentions(assertThrows(IllegalStateException.class, slow::successful), "not ready");
        assertFalse(slow.ready());
        assertEquals(9, slow.get(PATIENCE));
        assertTrue(slow.ready());
        assertTrue(slow.successful());
        AsyncResult<Integer> bad = p.applyAsync(PoolTest::boom);
        assertTrue(bad.await(PATIENCE));
        assertFalse(bad.successful());
    }

    // ---- map, starmap, imap ----------------------------------------------------------------------

    @Test
    void mapAndStarmapMatchPlainResults() throws Exception {
        // CPython's test_map, test_starmap and test_empty_iterable.
        Pool p = track(new Pool(2));
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)));
        assertEquals(squares(100), p.map(PoolTasks::sqr, range(100), 20));
        assertEquals(squares(1000), p.mapAsync(PoolTasks::sqr, range(1000)).get(PATIENCE));
        List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
        List<Integer> products = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pairs.add(Tuple.of(i, 100 - i));
            products.add(i * (100 - i));
        }
        assertEquals(products.subList(0, 10), p.starmap(PoolTasks::mul, pairs.subList(0, 10)));
        assertEquals(products, p.starmap(PoolTasks::mul, pairs, 20));
        assertEquals(List.of(), p.map(PoolTasks::sqr, List.<Integer>of()));
        assertEquals(List.of(), p.map(PoolTasks::sqr, List.<Integer>of(), 20));
        assertEquals(List.of(), p.mapAsync(PoolTasks::sqr, List.<Integer>of()).get(PATIENCE));
        assertEquals(List.of(), p.starmap(PoolTasks::mul, List.<Tuple2<Integer, Integer>>of()));
        // Values of every kind travel: null, strings, lists.
        assertEquals(List.of("None", "int 2"), p.map(PoolTasks::describe, java.util.Arrays.asList(null, 2)));
        assertEquals(List.of(List.of(0), List.of(1, 1)), p.map((Integer x) -> java.util.Collections.nCopies(x + 1, x),
                range(2)));
    }

    @Test
    void imapKeepsTheOrderAndImapUnorderedGivesEverything() throws Exception {
        // CPython's test_imap and test_imap_unordered.
        Pool p = track(new Pool(2));
        PoolIterator it = new PoolIterator(p.imap(PoolTasks::sqr, range(1000), 100));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * i, it.next());
        }
        it.assertEnd();
        assertEquals(squares(100), drain(p.imap(PoolTasks::sqr, range(100))));
        // Slow early items, fast later ones: still in order.
        assertEquals(squares(20), drain(p.imap((Integer x) -> PoolTasks.sqrSlowly(x, x < 2 ? 300 : 0), range(20))));
        List<Integer> unordered = drain(p.imapUnordered(PoolTasks::sqr, range(1000), 53));
        assertEquals(1000, unordered.size());
        assertEquals(squares(1000), sorted(unordered));
        assertEquals(squares(100), sorted(drain(p.imapUnordered(PoolTasks::sqr, range(100)))));
    }

    @Test
    void imapOfAnIterableRaisingAtIndexSevenYieldsTheResultsBeforeThenThrows() throws Exception {
        // CPython's test_imap_handle_iterable_exception.
        Pool p = track(new Pool(2));
        for (int chunksize : new int[] {1, 2, 3}) {
            PoolIterator it = new PoolIterator(p.imap(PoolTasks::sqr, throwingAt(10, 7), chunksize));
            for (int i = 0; i < 7; i++) {
                assertEquals(i * i, it.next(), "chunksize " + chunksize);
            }
            SayWhenError e = assertThrows(SayWhenError.class, it::next, "chunksize " + chunksize);
            assertEquals("Somebody said when", e.getMessage());
            it.assertEnd();
        }
        List<Integer> got = new ArrayList<>();
        int failures = 0;
        var unordered = p.imapUnordered(PoolTasks::sqr, throwingAt(10, 7), 1);
        while (unordered.hasNext()) {
            try {
                got.add(unordered.next(PATIENCE));
            } catch (SayWhenError expected) {
                failures++;
            }
        }
        assertEquals(1, failures);
        assertEquals(squares(7), sorted(got));
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)), "a throwing input broke the pool");
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    @Test
    void badArgumentsAreRejected() {
        // CPython's test_make_pool: processes <= 0 is a ValueError; so is maxtasksperchild < 0.
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(new Pool(bad)));
            assertMentions(e, Integer.toString(bad));
            assertThrows(IllegalArgumentException.class, () -> track(new Pool(bad, PoolTest::countInit)));
            assertThrows(IllegalArgumentException.class, () -> track(new Pool(bad, null, 0, null)));
        }
        for (int bad : new int[] {-1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> track(new Pool(1, null, bad, null)));
            assertMentions(e, Integer.toString(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> track(new Pool(1, null, 0, Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> track(new Pool(1, null, 0, Duration.ofMillis(-1))));
        assertEquals(Set.of(), newChildJvms(), "a rejected pool started a worker");
    }

    @Test
    void aRejectedPoolLeavesNoThread() throws Exception {
        Set<String> before = poolThreads();
        assertThrows(IllegalArgumentException.class, () -> track(new Pool(0)));
        assertThrows(IllegalArgumentException.class, () -> track(new Pool(1, null, -1, null)));
        assertThrows(IllegalArgumentException.class, () -> track(new Pool(1, null, 0, Duration.ZERO)));
        Thread.sleep(200);
        Set<String> left = poolThreads();
        left.removeAll(before);
        assertEquals(Set.of(), left, "a rejected pool left threads running");
    }

    /** The live threads of pools (names such as "Pool-7-task-handler"). */
    private static Set<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.matches("Pool-\\d+-.*"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void joinBeforeCloseFailsAndSubmittingAfterCloseIsRefused() throws Exception {
        Pool p = track(new Pool(2));
        assertMentions(assertThrows(IllegalStateException.class, p::join), "running");
        List<AsyncResult<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(p.applyAsync(() -> pidAfter(20)));
        }
        p.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.applyAsync(PoolTest::pid));
        assertEquals("Pool not running", e.getMessage());
        assertEquals("Pool not running",
                assertThrows(IllegalStateException.class, () -> p.map(PoolTasks::sqr, range(3))).getMessage());
        assertEquals("Pool not running",
                assertThrows(IllegalStateException.class, () -> p.imap(PoolTasks::sqr, range(3))).getMessage());
        assertTimeoutPreemptively(PATIENCE, p::join);
        // close() lets the queued tasks finish; then the workers exit by themselves.
        Set<Long> workers = new HashSet<>();
        for (AsyncResult<Long> r : queued) {
            assertTrue(r.ready(), "join() returned before a queued task was done");
            workers.add(r.get(Duration.ZERO));
        }
        for (long pid : workers) {
            awaitDead(pid);
        }
        Pool q = track(new Pool(1));
        q.terminate();
        assertEquals("Pool not running",
                assertThrows(IllegalStateException.class, () -> q.applyAsync(PoolTest::pid)).getMessage());
        q.join();
    }

    // ---- exceptions ------------------------------------------------------------------------------

    @Test
    void aTaskExceptionArrivesAsItselfWithTheWorkersTraceback() throws Exception {
        // CPython's test_traceback: the exception's type and message, and the worker's traceback
        // as a RemoteTraceback cause.
        Pool p = track(new Pool(1));
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AsyncResult<Integer> r = p.applyAsync(PoolTest::boom, null, seen::set);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.get(PATIENCE));
        assertEquals("boom", e.getMessage());
        RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertMentions(trace, "java.lang.IllegalStateException: boom");
        assertMentions(trace, "PoolTest.boom(PoolTest.java:");
        assertMentions(trace, "PoolWorker");
        assertInstanceOf(IllegalStateException.class, seen.get());
        // The same through a lambda and through map.
        IllegalStateException viaLambda = assertThrows(IllegalStateException.class,
                () -> p.apply(() -> PoolTasks.sqr(2) + boom()));
        assertMentions(viaLambda.getCause(), "lambda$");
        IllegalStateException viaMap = assertThrows(IllegalStateException.class,
                () -> p.map((Integer x) -> x == 3 ? boom() : x, range(5)));
        assertEquals("boom", viaMap.getMessage());
        assertInstanceOf(RemoteTraceback.class, viaMap.getCause());
        assertEquals(4, p.<Integer>apply(() -> PoolTasks.sqr(2)), "an exception broke the pool");
    }

    @Test
    void anExceptionThatCannotBeSerializedArrivesAsRemoteError() throws Exception {
        Pool p = track(new Pool(1));
        long worker = p.<Long>apply(PoolTest::pid);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AsyncResult<Integer> r = p.applyAsync(PoolTest::throwUnserializable, null, seen::set);
        RemoteError e = assertThrows(RemoteError.class, () -> r.get(PATIENCE));
        assertMentions(e, UnserializableException.class.getName());
        assertMentions(e, "cannot travel (expected in this test)");
        RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertMentions(trace, "throwUnserializable");
        assertInstanceOf(RemoteError.class, seen.get());
        // A serializable exception with an unserializable cause: the same.
        RemoteError wrapped = assertThrows(RemoteError.class, () -> p.apply(() -> {
            throw new IllegalStateException("outer", new UnserializableException("inner"));
        }));
        assertMentions(wrapped, "java.lang.IllegalStateException: outer");
        assertEquals(worker, p.<Long>apply(PoolTest::pid), "the worker was replaced");
    }

    // ---- what cannot be serialized ---------------------------------------------------------------

    @Test
    void anUnserializableArgumentFailsOnlyThatTask() throws Exception {
        Pool p = track(new Pool(1));
        long worker = p.<Long>apply(PoolTest::pid);
        Object plain = new Object();
        Thread thread = Thread.ofPlatform().unstarted(() -> { });
        // Queued behind a slow task, so that the good and the bad tasks go to the worker together.
        AsyncResult<Integer> slow = p.applyAsync(() -> PoolTasks.sqrSlowly(1, 300));
        AsyncResult<Integer> before = p.applyAsync(() -> PoolTasks.sqr(2));
        AtomicReference<Throwable> errorCallback = new AtomicReference<>();
        AsyncResult<Integer> withObject = p.applyAsync(() -> plain.hashCode(), null, errorCallback::set);
        AsyncResult<String> withThread = p.applyAsync(() -> thread.getName());
        AsyncResult<Integer> after = p.applyAsync(() -> PoolTasks.sqr(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withObject.get(PATIENCE));
        assertMentions(e, "java.lang.Object");
        assertInstanceOf(IllegalArgumentException.class, errorCallback.get());
        assertMentions(assertThrows(IllegalArgumentException.class, () -> withThread.get(PATIENCE)),
                "java.lang.Thread");
        assertEquals(1, slow.get(PATIENCE));
        assertEquals(4, before.get(PATIENCE));
        assertEquals(9, after.get(PATIENCE));
        // A map whose function cannot travel fails as a whole.
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> p.map((Integer x) -> x + plain.hashCode(), range(10))), "java.lang.Object");
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)));
        assertEquals(worker, p.<Long>apply(PoolTest::pid), "no worker is lost to a task that cannot travel");
    }

    @Test
    void anUnserializableResultCallsTheErrorCallbackAndKeepsTheWorker() throws Exception {
        Pool p = track(new Pool(1));
        long worker = p.<Long>apply(PoolTest::pid);
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicInteger callbacks = new AtomicInteger();
        AsyncResult<Object> r = p.applyAsync(() -> new Object(), v -> callbacks.incrementAndGet(), error::set);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get(PATIENCE));
        assertMentions(e, "java.lang.Object");
        assertInstanceOf(IllegalArgumentException.class, error.get(), "the error callback was not called");
        assertEquals(0, callbacks.get());
        assertEquals(worker, p.<Long>apply(PoolTest::pid), "a worker was lost to an unserializable result");
        // In a map, the chunk with the bad value fails the map.
        assertThrows(IllegalArgumentException.class,
                () -> p.map((Integer x) -> x == 5 ? new Object() : x, range(10), 2));
        assertEquals(worker, p.<Long>apply(PoolTest::pid));
    }

    @Test
    void largeArgumentsAndResultsTravel() throws Exception {
        Pool p = track(new Pool(1));
        byte[] big = new byte[4 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        long expected = checksum(big);
        assertEquals(expected, (long) p.<Long>apply(() -> checksum(big)));
        byte[] back = p.apply(() -> {
            byte[] made = new byte[4 << 20];
            for (int i = 0; i < made.length; i++) {
                made[i] = (byte) (i * 31);
            }
            return made;
        });
        assertEquals(expected, checksum(back));
    }

    static long checksum(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void aTaskThatCannotBeReadInTheWorkerFailsAloneAndNamesWhy() throws Exception {
        // The parent can serialize the task, the worker cannot read it back. Only that task may
        // fail, with an error that says why; the tasks sent with it in the same batch must run.
        Pool p = track(new Pool(1));
        p.apply(PoolTest::pid);
        RefusesToArrive unreadable = new RefusesToArrive();
        AsyncResult<Integer> slow = p.applyAsync(() -> PoolTasks.sqrSlowly(1, 300));
        AsyncResult<Integer> before = p.applyAsync(() -> PoolTasks.sqr(2));
        AsyncResult<Integer> bad = p.applyAsync(() -> unreadable.hashCode());
        AsyncResult<Integer> after = p.applyAsync(() -> PoolTasks.sqr(3));
        assertEquals(1, slow.get(PATIENCE));
        assertEquals(4, assertTimeoutPreemptively(PATIENCE, () -> before.get()),
                "a task sent with the unreadable one failed");
        assertEquals(9, assertTimeoutPreemptively(PATIENCE, () -> after.get()));
        Throwable e = assertThrows(Throwable.class, () -> bad.get(PATIENCE));
        assertTrue(chainMentions(e, "refuses to be read"), () -> "the failure does not say why: " + chain(e));
    }

    // ---- workers that die ------------------------------------------------------------------------

    @Test
    void aWorkerKilledBySigkillFailsItsTaskWithWorkerLostError() throws Exception {
        Pool p = track(new Pool(1));
        long first = p.<Long>apply(PoolTest::pid);
        AsyncResult<Integer> before = p.applyAsync(() -> PoolTasks.sqrSlowly(3, 200));
        AtomicReference<Throwable> error = new AtomicReference<>();
        long start = System.nanoTime();
        AsyncResult<Integer> killed = p.applyAsync(PoolTest::sigkillSelf, null, error::set);
        AsyncResult<Long> after = p.applyAsync(PoolTest::pid);
        WorkerLostError e = assertThrows(WorkerLostError.class, () -> killed.get(PATIENCE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the lost worker was noticed after " + took);
        assertEquals(-9, e.exitcode());
        assertMentions(e, "signal 9");
        assertInstanceOf(ProcessError.class, e);
        assertInstanceOf(WorkerLostError.class, error.get());
        assertEquals(9, before.get(PATIENCE));
        long second = after.get(PATIENCE);
        assertNotEquals(first, second, "the task after the kill ran in the killed worker");
        awaitDead(first);
        assertEquals(squares(20), p.map(PoolTasks::sqr, range(20), 3), "the pool did not go on");
    }

    @Test
    void aWorkerThatHaltsFailsItsTaskWithItsExitCode() throws Exception {
        Pool p = track(new Pool(2));
        List<AsyncResult<Integer>> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int x = i;
            before.add(p.applyAsync(() -> PoolTasks.sqrSlowly(x, 20)));
        }
        AsyncResult<Integer> halted = p.applyAsync(() -> halt(9));
        List<AsyncResult<Integer>> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int x = i;
            after.add(p.applyAsync(() -> PoolTasks.sqrSlowly(x, 20)));
        }
        WorkerLostError e = assertThrows(WorkerLostError.class, () -> halted.get(PATIENCE));
        assertEquals(9, e.exitcode());
        assertMentions(e, "exit code 9");
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, before.get(i).get(PATIENCE), "task " + i + " before the halt");
            assertEquals(i * i, after.get(i).get(PATIENCE), "task " + i + " after the halt");
        }
    }

    @Test
    void aWorkerCallingSystemExitFailsItsTaskWithThatExitCode() throws Exception {
        Pool p = track(new Pool(1));
        AsyncResult<Integer> exited = p.applyAsync(() -> exit(3));
        AsyncResult<Integer> next = p.applyAsync(() -> PoolTasks.sqr(5));
        WorkerLostError e = assertThrows(WorkerLostError.class, () -> exited.get(PATIENCE));
        assertEquals(3, e.exitcode());
        assertMentions(e, "exit code 3");
        assertEquals(25, next.get(PATIENCE));
    }

    @Test
    void twentyKillsInARowLoseOnlyTheKillers() {
        // 20 killers (SIGKILL and halt(9) in turn) among 100 normal tasks on 2 workers.
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Pool p = track(new Pool(2));
            List<AsyncResult<Integer>> normal = new ArrayList<>();
            List<AsyncResult<Integer>> killers = new ArrayList<>();
            AtomicInteger lostErrors = new AtomicInteger();
            for (int i = 0; i < 120; i++) {
                int x = i;
                if (i % 6 == 5) {
                    boolean sigkill = killers.size() % 2 == 0;
                    killers.add(p.applyAsync(() -> sigkill ? sigkillSelf() : halt(9), null, e -> {
                        if (e instanceof WorkerLostError) {
                            lostErrors.incrementAndGet();
                        }
                    }));
                } else {
                    normal.add(p.applyAsync(() -> PoolTasks.sqrSlowly(x, 5)));
                }
            }
            assertEquals(20, killers.size());
            assertEquals(100, normal.size());
            int k = 0;
            for (AsyncResult<Integer> r : killers) {
                WorkerLostError e = assertThrows(WorkerLostError.class, () -> r.get(Duration.ofSeconds(100)));
                assertEquals(k % 2 == 0 ? -9 : 9, e.exitcode(), "killer " + k + ": " + e.getMessage());
                k++;
            }
            int n = 0;
            for (int i = 0; i < 120; i++) {
                if (i % 6 != 5) {
                    assertEquals(i * i, normal.get(n++).get(Duration.ofSeconds(100)), "normal task " + i);
                }
            }
            assertEquals(20, lostErrors.get(), "WorkerLostErrors");
            assertEquals(squares(10), p.map(PoolTasks::sqr, range(10)), "the pool did not go on");
        });
    }

    @Test
    void aWorkerLostInAnImapOrMapFailsOnlyThatPosition() throws Exception {
        Pool p = track(new Pool(2));
        IMapIterator<Integer> it = p.imap((Integer x) -> x == 4 ? halt(9) : PoolTasks.sqrSlowly(x, 10), range(10));
        for (int i = 0; i < 10; i++) {
            if (i == 4) {
                assertEquals(9, assertThrows(WorkerLostError.class, () -> it.next(PATIENCE)).exitcode());
            } else {
                assertEquals(i * i, it.next(PATIENCE), "position " + i);
            }
        }
        assertThrows(NoSuchElementException.class, () -> it.next(PATIENCE));
        assertThrows(WorkerLostError.class,
                () -> p.map((Integer x) -> x == 13 ? halt(9) : PoolTasks.sqr(x), range(20), 5));
        assertEquals(squares(20), p.map(PoolTasks::sqr, range(20), 5));
    }

    @Test
    void anIdleWorkerKilledFromOutsideIsReplaced() throws Exception {
        Pool p = track(new Pool(1));
        long first = p.<Long>apply(PoolTest::pid);
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        awaitDead(first);
        long second = assertTimeoutPreemptively(PATIENCE, () -> p.<Long>apply(PoolTest::pid));
        assertNotEquals(first, second);
        // And a busy one: its task is lost, the next one runs.
        AsyncResult<Long> busy = p.applyAsync(() -> pidAfter(PoolTasks.LONG.toMillis()));
        AsyncResult<Long> next = p.applyAsync(PoolTest::pid);
        Thread.sleep(300);
        ProcessHandle.of(second).orElseThrow().destroyForcibly();
        assertEquals(-9, assertThrows(WorkerLostError.class, () -> busy.get(PATIENCE)).exitcode());
        assertNotEquals(second, next.get(PATIENCE));
    }

    // ---- the time limit --------------------------------------------------------------------------

    @Test
    void aTaskOverTheTimeLimitFailsAndTheNextRunsInANewWorker() throws Exception {
        Pool p = track(new Pool(1, null, 0, Duration.ofMillis(500)));
        long first = p.<Long>apply(PoolTest::pid);
        assertEquals(first, p.<Long>apply(() -> pidAfter(100)), "a task within the limit is not killed");
        AtomicReference<Throwable> error = new AtomicReference<>();
        long start = System.nanoTime();
        AsyncResult<Long> slow = p.applyAsync(() -> pidAfter(5000), null, error::set);
        AsyncResult<Long> next = p.applyAsync(PoolTest::pid);
        TimeLimitExceeded e = assertThrows(TimeLimitExceeded.class, () -> slow.get(PATIENCE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(450)) >= 0, "failed before the limit: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "the time limit was enforced after " + took);
        assertMentions(e, "time limit");
        assertInstanceOf(ProcessError.class, e);
        assertInstanceOf(TimeLimitExceeded.class, error.get());
        long second = next.get(PATIENCE);
        assertNotEquals(first, second, "the timed-out worker was not replaced");
        awaitDead(first);
        assertEquals(squares(10), p.map(PoolTasks::sqr, range(10), 1));
    }

    // ---- terminate -------------------------------------------------------------------------------

    @Test
    void terminateWithTenThousandPendingTasksIsPromptAndFailsThem() throws Exception {
        // CPython's test_terminate (which only checks the time): the results fail here.
        Pool p = track(new Pool(2));
        int n = 10_000;
        AtomicIntegerArray calls = new AtomicIntegerArray(n);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<AsyncResult<Long>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int x = i;
            results.add(p.applyAsync(() -> pidAfter(10), v -> calls.incrementAndGet(x), e -> {
                calls.incrementAndGet(x);
                errors.add(e);
            }));
        }
        long firstDone = results.get(0).get(PATIENCE);  // the workers are running
        long start = System.nanoTime();
        p.terminate();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PROMPT) < 0, "terminate() took " + took);
        Set<Long> workers = new HashSet<>(Set.of(firstDone));
        int failed = 0;
        for (int i = 0; i < n; i++) {
            AsyncResult<Long> r = results.get(i);
            assertTrue(r.ready(), "result " + i + " still pending after terminate()");
            if (r.successful()) {
                workers.add(r.get(Duration.ZERO));
            } else {
                failed++;
                assertMentions(assertThrows(IllegalStateException.class, () -> r.get(Duration.ZERO)),
                        "Pool terminated");
            }
        }
        assertTrue(failed > n / 2, "only " + failed + " of " + n + " failed");
        for (Throwable e : errors) {
            assertInstanceOf(IllegalStateException.class, e);
        }
        start = System.nanoTime();
        p.join();
        Duration joined = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(joined.compareTo(PROMPT) < 0, "join() took " + joined);
        for (long pid : workers) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "worker " + pid + " outlived terminate() and join()");
        }
        Thread.sleep(200);
        for (int i = 0; i < n; i++) {
            assertEquals(1, calls.get(i), "callbacks of task " + i);
        }
    }

    @Test
    void terminateFailsATaskCaughtBetweenTheQueueAndItsWorker() throws Exception {
        // A task the feeding thread has taken from the queue but not yet sent (here: one whose
        // serialization takes a second) is in neither place terminate() looks at.
        Pool p = track(new Pool(1));
        p.apply(PoolTest::pid);
        SlowToSend slowToSend = new SlowToSend(1000);
        AtomicInteger errorCallbacks = new AtomicInteger();
        AsyncResult<Integer> r = p.applyAsync(() -> slowToSend.hashCode(), null, e -> errorCallbacks.incrementAndGet());
        Thread.sleep(300);  // the feeder is inside the serialization now
        p.terminate();
        assertTrue(r.await(Duration.ofSeconds(10)), "the task's result never completed after terminate()");
        assertMentions(assertThrows(IllegalStateException.class, () -> r.get(Duration.ZERO)), "terminated");
        assertEquals(1, errorCallbacks.get());
    }

    @Test
    void terminateRightAfterConstructionIsQuietAndLeavesNoWorker() throws Throwable {
        // terminate() interrupts the feeding threads while they may still be starting their
        // workers; no thread of the pool may die of an uncaught exception.
        List<String> uncaught = uncaughtExceptionsDuring(() -> {
            for (int i = 0; i < 6; i++) {
                Pool p = track(new Pool(2));
                if (i % 2 == 1) {
                    Thread.sleep(20 * i);
                }
                p.terminate();
                assertTimeoutPreemptively(PATIENCE, p::join);
            }
        });
        assertEquals(List.of(), uncaught, "threads of the pool died of exceptions");
        awaitUntil("no worker JVM is left", () -> newChildJvms().isEmpty());
    }

    @Test
    void closeWhileAWorkerDiesOrTimesOutIsQuiet() throws Throwable {
        // The slot replaces the dead worker only if there is work left; with none (the pool is
        // closing), it must still end cleanly.
        AtomicReference<Throwable> lost = new AtomicReference<>();
        AtomicReference<Throwable> timedOut = new AtomicReference<>();
        List<String> uncaught = uncaughtExceptionsDuring(() -> {
            Pool p = track(new Pool(1));
            AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqrSlowly(1, 300) + halt(9));
            p.close();
            assertTimeoutPreemptively(PATIENCE, p::join);
            lost.set(assertThrows(Throwable.class, () -> r.get(Duration.ZERO)));
            Pool q = track(new Pool(1, null, 0, Duration.ofMillis(300)));
            AsyncResult<Long> slow = q.applyAsync(() -> pidAfter(5000));
            q.close();
            assertTimeoutPreemptively(PATIENCE, q::join);
            timedOut.set(assertThrows(Throwable.class, () -> slow.get(Duration.ZERO)));
        });
        assertInstanceOf(WorkerLostError.class, lost.get());
        assertInstanceOf(TimeLimitExceeded.class, timedOut.get());
        assertEquals(List.of(), uncaught, "threads of the pool died of exceptions");
        awaitUntil("no worker JVM is left", () -> newChildJvms().isEmpty());
    }

    @Test
    void terminateFromACallbackDoesNotDeadlock() throws Exception {
        Pool p = track(new Pool(2));
        AsyncResult<Long> pending = p.applyAsync(() -> pidAfter(PoolTasks.LONG.toMillis()));
        AsyncResult<Integer> r = p.applyAsync(() -> PoolTasks.sqr(3), v -> p.terminate());
        assertEquals(9, r.get(PATIENCE));
        assertTrue(pending.await(PATIENCE), "terminate() from the callback did not end the other task");
        assertMentions(assertThrows(IllegalStateException.class, pending::get), "terminated");
        assertThrows(IllegalStateException.class, () -> p.applyAsync(PoolTest::pid));
        assertTimeoutPreemptively(PATIENCE, p::join);
    }

    @Test
    void closeAndJoinLeaveNoWorker() throws Exception {
        Pool p = track(new Pool(2));
        List<AsyncResult<Long>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(p.applyAsync(() -> pidAfter(30)));
        }
        p.close();
        assertTimeoutPreemptively(PATIENCE, p::join);
        Set<Long> workers = new HashSet<>();
        for (AsyncResult<Long> r : results) {
            workers.add(r.get(Duration.ZERO));
        }
        for (long pid : workers) {
            awaitDead(pid);
        }
        awaitUntil("no worker JVM is left", () -> newChildJvms().isEmpty());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The child JVMs started since the class began, but the warm standby. */
    private static Set<Long> newChildJvms() {
        Long standby;
        try {
            standby = standbyPid();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .filter(pid -> !descendantsBefore.contains(pid) && !pid.equals(standby))
                .collect(Collectors.toSet());
    }

    /** Runs {@code body}; returns the uncaught exceptions of pool threads meanwhile (and shortly after). */
    private static List<String> uncaughtExceptionsDuring(org.junit.jupiter.api.function.Executable body)
            throws Throwable {
        ConcurrentLinkedQueue<String> uncaught = new ConcurrentLinkedQueue<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (t.getName().startsWith("Pool-")) {
                uncaught.add(t.getName() + ": " + e);
            }
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        });
        try {
            body.execute();
            Thread.sleep(500);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        return new ArrayList<>(uncaught);
    }

    private static void awaitDead(long pid) throws InterruptedException {
        awaitUntil("process " + pid + " has exited",
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static boolean chainMentions(Throwable e, String text) {
        return chain(e).contains(text);
    }

    /** Every message of {@code e}'s causes and suppressed exceptions. */
    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.append(t).append(" | ");
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        return all.toString();
    }

    private static <R> List<R> drain(IMapIterator<R> it) throws InterruptedException {
        List<R> all = new ArrayList<>();
        for (;;) {
            try {
                all.add(it.next(PATIENCE));
            } catch (NoSuchElementException end) {
                return all;
            }
        }
    }

    private static List<Integer> sorted(List<Integer> items) {
        List<Integer> copy = new ArrayList<>(items);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }

    /** An imap iterator read with a timeout, so that a lost result fails the test instead of hanging it. */
    private record PoolIterator(IMapIterator<Integer> it) {
        Integer next() throws InterruptedException {
            return it.next(PATIENCE);
        }

        void assertEnd() throws InterruptedException {
            assertThrows(NoSuchElementException.class, () -> it.next(PATIENCE));
            assertFalse(it.hasNext());
        }
    }
}
