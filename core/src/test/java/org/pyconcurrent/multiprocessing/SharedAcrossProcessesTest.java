package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pyconcurrent.threading.Acquirable;
import org.pyconcurrent.threading.BrokenBarrierError;

/**
 * The multiprocessing synchronization primitives between real child JVMs: mutual exclusion,
 * wake-ups both ways, timeouts, a holder that dies, waiters that sleep without spinning, a host
 * process that exits, bad input, and no shared-memory directory left behind by a child.
 *
 * <p>Children report through shared state (a {@link Semaphore} used as a counter, a
 * {@link Value}) and their exit code: an assertion that fails in a child prints its trace on the
 * child's standard error (this JVM's) and makes the exit code 1. Every child started is killed in
 * {@link #killLeftovers()} (SIGKILL, as in {@code ProcessTest}: see the note there), so a failing
 * test leaves no JVM behind. Timing bounds are generous: they catch a hang or a spin, never
 * measure speed.
 */
class SharedAcrossProcessesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration CHILD_PATIENCE = Duration.ofSeconds(20);
    /** Pids of every child this class started, for the leak check at the end. */
    private static final Set<Long> CHILD_PIDS = ConcurrentHashMap.newKeySet();

    private final List<Process> started = new ArrayList<>();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    /** A child's body: may throw; captures only serializable values (never the test instance). */
    @FunctionalInterface
    interface Body extends Serializable {
        void run() throws Exception;
    }

    private Process start(Body body) {
        Process p = new Process(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        started.add(p);
        p.start();
        CHILD_PIDS.add(p.pid());
        return p;
    }

    /**
     * Kills what is still running, joins, closes. SIGKILL, as in {@code ProcessTest}: for now,
     * {@code terminate()} makes the child delete this JVM's shared-memory directory (the child's
     * {@code ChildMain.parentGone} cannot tell a terminate from its parent's death).
     */
    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : started) {
            try {
                if (p.isAlive()) {
                    p.kill();
                }
                p.join(PATIENCE);
                p.close();
            } catch (IllegalStateException closed) {
                // closed already
            }
        }
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    private static void joinOk(Process... ps) throws InterruptedException {
        for (Process p : ps) {
            assertTrue(p.join(PATIENCE), () -> p + " did not exit within " + PATIENCE);
            assertEquals(0, p.exitcode(), () -> p + " failed (its stack trace is on stderr)");
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    // ---------------------------------------------------------------- mutual exclusion

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Lock", "RLock"})
    void mutualExclusionAcrossProcesses(String kind) throws Exception {
        Acquirable lock = kind.equals("Lock") ? new Lock() : new RLock();
        Value.Int counter = kind.equals("Lock") ? Value.ofInt(0, (Lock) lock) : Value.ofInt(0, (RLock) lock);
        int perChild = 2_000;
        Event go = new Event();
        Body body = () -> {
            Acquirable l = counter.getLock();
            assertTrue(go.await(CHILD_PATIENCE));
            for (int k = 0; k < perChild; k++) {
                l.acquire();
                try {
                    int v = counter.get();
                    if ((k & 7) == 0) {
                        Thread.yield();  // let the other process in, if the lock does not keep it out
                    }
                    counter.set(v + 1);
                } finally {
                    l.release();
                }
            }
        };
        Process a = start(body);
        Process b = start(body);
        go.set();
        joinOk(a, b);
        assertEquals(2 * perChild, counter.get(), "lost updates: the lock did not exclude across processes");
        assertTrue(lock.acquire(false), "the lock was left taken");
        lock.release();
    }

    // ---------------------------------------------------------------- wake-ups and timeouts

    @Test
    void aChildBlockedInAcquireIsWokenByTheParentsRelease() throws Exception {
        Lock lock = new Lock();
        Event ready = new Event();
        Semaphore got = new Semaphore(0);
        lock.acquire();
        Process child = start(() -> {
            ready.set();
            lock.acquire();
            got.release();
            lock.release();
        });
        assertTrue(ready.await(PATIENCE));
        sleep(300);  // the child is asleep in acquire by now (or about to be: the test holds either way)
        assertEquals(0, got.getValue(), "the child acquired a lock the parent holds");
        assertTrue(child.isAlive());
        lock.release();
        assertTrue(got.acquire(PATIENCE), "the parent's release did not wake the child");
        joinOk(child);
        assertFalse(lock.locked());
    }

    @Test
    void theParentBlockedInAcquireIsWokenByAChildsRelease() throws Exception {
        RLock lock = new RLock();
        Event held = new Event();
        Event go = new Event();
        Process child = start(() -> {
            lock.acquire();
            lock.acquire();
            held.set();
            assertTrue(go.await(CHILD_PATIENCE));
            lock.release();
            sleep(100);
            lock.release();  // frees it: the parent's acquire, asleep by now, must wake
        });
        assertTrue(held.await(PATIENCE));
        assertFalse(lock.acquire(Duration.ofMillis(200)), "the parent took an RLock a child holds");
        assertThrows(IllegalMonitorStateException.class, lock::release, "the parent released the child's RLock");
        go.set();
        long t0 = System.nanoTime();
        assertTrue(lock.acquire(PATIENCE), "the child's release did not wake the parent");
        long waited = System.nanoTime() - t0;
        assertEquals(1, lock.holdCount());
        lock.release();
        joinOk(child);
        assertTrue(waited < Duration.ofSeconds(5).toNanos(), "woken only after " + Duration.ofNanos(waited));
    }

    @Test
    void aTimedAcquireInAChildTimesOut() throws Exception {
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(0);
        lock.acquire();
        try {
            Process child = start(() -> {
                long t0 = System.nanoTime();
                assertFalse(lock.acquire(Duration.ofMillis(300)), "acquired a lock the parent holds");
                assertFalse(sem.acquire(Duration.ofMillis(300)), "acquired an empty semaphore");
                long waited = System.nanoTime() - t0;
                assertTrue(waited >= Duration.ofMillis(590).toNanos(), "timed out early: " + Duration.ofNanos(waited));
                assertFalse(lock.acquire(false));
                assertFalse(lock.acquire(Duration.ZERO));
            });
            joinOk(child);
        } finally {
            lock.release();
        }
        assertEquals(0, sem.getValue(), "a timed-out acquire changed the value");
        assertTrue(lock.acquire(false), "a timed-out acquire left the lock unusable");
        lock.release();
    }

    @Test
    void aLockTakenInOneProcessMayBeReleasedInAnother() throws Exception {
        // CPython: a multiprocessing.Lock has no owner; releasing it unlocked is an error.
        Lock lock = new Lock();
        lock.acquire();
        Process child = start(() -> {
            lock.release();
            assertThrows(IllegalMonitorStateException.class, lock::release, "released an unlocked lock");
        });
        joinOk(child);
        assertFalse(lock.locked());
        assertTrue(lock.acquire(false));
        lock.release();
    }

    // ---------------------------------------------------------------- a holder that dies

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Lock", "RLock"})
    void aLockWhoseHolderDiedIsTakenBack(String kind) throws Exception {
        Acquirable lock = kind.equals("Lock") ? new Lock() : new RLock();
        Event held = new Event();
        Process child = start(() -> {
            lock.acquire();
            if (lock instanceof RLock) {
                lock.acquire();  // two levels: both go with the process
            }
            held.set();
            sleep(300);  // the parent is asleep in acquire by then
            Runtime.getRuntime().halt(3);
        });
        assertTrue(held.await(PATIENCE));
        long t0 = System.nanoTime();
        assertTrue(lock.acquire(Duration.ofSeconds(5)), "the lock of a dead holder was not taken back");
        long waited = System.nanoTime() - t0;
        try {
            assertTrue(child.join(PATIENCE));
            assertEquals(3, child.exitcode());
            // the child died about 300 ms after t0
            assertTrue(waited < Duration.ofSeconds(3).toNanos(), "taken back only after " + Duration.ofNanos(waited));
            if (lock instanceof RLock r) {
                assertTrue(r.isOwned());
                assertEquals(1, r.holdCount(), "the dead holder's recursion count survived");
            }
        } finally {
            lock.release();
        }
        assertTrue(lock.acquire(false), "the lock is not usable after it was taken back");
        lock.release();
    }

    @Test
    void aLockWhoseHolderDiedBeforeTheWaitIsTakenBack() throws Exception {
        Lock lock = new Lock();
        Process child = start(() -> {
            lock.acquire();
            Runtime.getRuntime().halt(3);
        });
        assertTrue(child.join(PATIENCE));
        assertEquals(3, child.exitcode());
        assertTrue(lock.locked(), "the dead child's hold is still in shared memory");
        long t0 = System.nanoTime();
        assertTrue(lock.acquire(Duration.ofSeconds(5)), "the lock of a dead holder was not taken back");
        long waited = System.nanoTime() - t0;
        lock.release();
        assertTrue(waited < Duration.ofSeconds(3).toNanos(), "taken back only after " + Duration.ofNanos(waited));
    }

    // ---------------------------------------------------------------- no spinning while asleep

    private static ThreadMXBean cpuClock() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadCpuTimeSupported(), "no per-thread CPU time on this JVM");
        if (!mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        return mx;
    }

    private static void awaitBlocked(Thread t) throws InterruptedException {
        awaitUntil(t.getName() + " to block", () -> {
            Thread.State s = t.getState();
            assertFalse(s == Thread.State.TERMINATED, t.getName() + " ended instead of blocking");
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
    }

    /** CPU time, in ms, {@code t} uses over {@code millis} of wall time while it stays blocked. */
    private static long cpuMillisWhileBlocked(ThreadMXBean mx, Thread t, long millis) throws InterruptedException {
        awaitBlocked(t);
        long before = mx.getThreadCpuTime(t.threadId());
        sleep(millis);
        long after = mx.getThreadCpuTime(t.threadId());
        assertTrue(t.isAlive(), t.getName() + " stopped waiting");
        assertTrue(before >= 0 && after >= 0, "no CPU time for " + t.getName());
        return (after - before) / 1_000_000;
    }

    @Test
    void aParentThreadBlockedOnALockAChildHoldsUsesNoCpu() throws Exception {
        ThreadMXBean mx = cpuClock();
        Lock lock = new Lock();
        Event held = new Event();
        Event go = new Event();
        Process child = start(() -> {
            lock.acquire();
            held.set();
            assertTrue(go.await(CHILD_PATIENCE));
            lock.release();
        });
        assertTrue(held.await(PATIENCE));
        FutureTask<Boolean> acquire = new FutureTask<>(() -> {
            lock.acquire();
            lock.release();
            return true;
        });
        Thread waiter = new Thread(acquire, "blocked-on-lock");
        waiter.setDaemon(true);
        waiter.start();
        try {
            long cpu = cpuMillisWhileBlocked(mx, waiter, 1_500);
            assertTrue(cpu < 100, "a thread asleep in acquire() used " + cpu + " ms of CPU in 1.5 s");
        } finally {
            go.set();
        }
        assertTrue(acquire.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        joinOk(child);
    }

    @Test
    void aChildThreadBlockedOnAnEventOfTheParentUsesNoCpu() throws Exception {
        // The child sleeps through the parent's host (a request on a socket), not in its own table.
        cpuClock();
        Event event = new Event();
        Event measured = new Event();
        Semaphore cpuReport = new Semaphore(0);
        Process child = start(() -> {
            ThreadMXBean mx = cpuClock();
            FutureTask<Boolean> wait = new FutureTask<>(() -> {
                event.await();
                return true;
            });
            Thread waiter = new Thread(wait, "blocked-on-event");
            waiter.setDaemon(true);
            waiter.start();
            long cpu = cpuMillisWhileBlocked(mx, waiter, 1_500);
            cpuReport.release((int) cpu + 1);
            measured.set();
            assertTrue(wait.get(CHILD_PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        });
        assertTrue(measured.await(PATIENCE));
        long cpu = cpuReport.getValue() - 1;
        event.set();
        joinOk(child);
        assertTrue(cpu < 100, "a child thread asleep in event.await() used " + cpu + " ms of CPU in 1.5 s");
    }

    // ---------------------------------------------------------------- semaphore

    @Test
    void aSemaphoreOfThreeAdmitsAtMostThreeOfNineProcesses() throws Exception {
        Semaphore sem = new Semaphore(3);
        Lock mutex = new Lock();
        Value.Int inside = Value.ofInt(0, mutex);
        Value.Int most = Value.ofInt(0, mutex);
        Semaphore finished = new Semaphore(0);
        Event go = new Event();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            children.add(start(() -> {
                assertTrue(go.await(CHILD_PATIENCE));
                for (int k = 0; k < 10; k++) {
                    sem.acquire();
                    try {
                        mutex.acquire();
                        try {
                            inside.set(inside.get() + 1);
                            most.set(Math.max(most.get(), inside.get()));
                        } finally {
                            mutex.release();
                        }
                        sleep(3);
                        mutex.acquire();
                        try {
                            inside.set(inside.get() - 1);
                        } finally {
                            mutex.release();
                        }
                    } finally {
                        sem.release();
                    }
                }
                finished.release();
            }));
        }
        go.set();
        joinOk(children.toArray(Process[]::new));
        assertEquals(9, finished.getValue());
        assertTrue(most.get() >= 1 && most.get() <= 3, "up to " + most.get() + " processes held a semaphore of 3");
        assertEquals(0, inside.get());
        assertEquals(3, sem.getValue());
    }

    // ---------------------------------------------------------------- event

    @Test
    void childrenWaitingOnAnEventAllWakeWhenTheParentSetsIt() throws Exception {
        Event event = new Event();
        Semaphore ready = new Semaphore(0);
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boolean timed = i == 1;
            children.add(start(() -> {
                ready.release();
                if (timed) {
                    assertTrue(event.await(CHILD_PATIENCE), "a timed await missed the set()");
                } else {
                    event.await();
                }
                assertTrue(event.isSet());
            }));
        }
        awaitUntil("three children waiting", () -> ready.getValue() == 3);
        sleep(300);
        for (Process p : children) {
            assertTrue(p.isAlive(), p + " returned before set()");
        }
        event.set();
        joinOk(children.toArray(Process[]::new));
    }

    @Test
    void anEventNobodySetsTimesOutInAChild() throws Exception {
        Event event = new Event();
        Process child = start(() -> {
            long t0 = System.nanoTime();
            assertFalse(event.await(Duration.ofMillis(300)), "await returned true on an event never set");
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= Duration.ofMillis(295).toNanos(), "timed out early: " + Duration.ofNanos(waited));
        });
        joinOk(child);
        assertFalse(event.isSet());
    }

    @Test
    void aChildSetAndClearWakeTheParent() throws Exception {
        // set() then clear() at once in a child: the parent, asleep in await, still returns true.
        Event event = new Event();
        Event go = new Event();
        FutureTask<Boolean> wait = new FutureTask<>(() -> event.await(PATIENCE));
        Thread waiter = new Thread(wait, "parent-waiter");
        waiter.setDaemon(true);
        waiter.start();
        awaitBlocked(waiter);
        Process child = start(() -> {
            assertTrue(go.await(CHILD_PATIENCE));
            event.set();
            event.clear();
        });
        go.set();
        assertTrue(wait.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        joinOk(child);
        assertFalse(event.isSet());
    }

    // ---------------------------------------------------------------- condition

    @Test
    void aChildWaitingForAPredicateIsWokenByTheParentsSignal() throws Exception {
        Condition cond = new Condition();
        Value.Int state = Value.rawInt(0);
        Semaphore ready = new Semaphore(0);
        Process child = start(() -> {
            cond.acquire();
            try {
                ready.release();
                assertTrue(cond.awaitFor(() -> state.get() == 2, CHILD_PATIENCE), "never saw the predicate hold");
                state.set(3);
                cond.signalAll();
            } finally {
                cond.release();
            }
        });
        awaitUntil("the child to wait", () -> ready.getValue() == 1);
        for (int i = 1; i <= 2; i++) {
            sleep(50);
            cond.acquire();
            try {
                state.set(i);  // the first signal wakes it with the predicate still false
                cond.signal();
            } finally {
                cond.release();
            }
        }
        cond.acquire();
        try {
            assertTrue(cond.awaitFor(() -> state.get() == 3, PATIENCE), "the child's signal did not reach the parent");
        } finally {
            cond.release();
        }
        joinOk(child);
    }

    @Test
    void signalOneWakesExactlyOneOfTwoWaitingChildrenAndSignalAllTheOther() throws Exception {
        Condition cond = new Condition(new Lock());
        Semaphore waiting = new Semaphore(0);
        Semaphore woken = new Semaphore(0);
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(start(() -> {
                cond.acquire();
                try {
                    waiting.release();
                    cond.await();
                    woken.release();
                } finally {
                    cond.release();
                }
            }));
        }
        // A child counts itself and awaits without letting go of the lock in between: holding
        // the lock and seeing 2, both are waiting.
        awaitUntil("two children in await", () -> {
            try {
                cond.acquire();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            try {
                if (waiting.getValue() == 2) {
                    cond.signal(1);
                    return true;
                }
                return false;
            } finally {
                cond.release();
            }
        });
        awaitUntil("one child woken", () -> woken.getValue() >= 1);
        sleep(300);
        assertEquals(1, woken.getValue(), "signal(1) woke more than one child");
        awaitUntil("the woken child to exit", () -> children.stream().anyMatch(p -> !p.isAlive()));
        assertEquals(1, children.stream().filter(Process::isAlive).count(), "the other child still waits");
        cond.acquire();
        try {
            cond.signalAll();
        } finally {
            cond.release();
        }
        joinOk(children.toArray(Process[]::new));
        assertEquals(2, woken.getValue());
    }

    // ---------------------------------------------------------------- barrier

    @Test
    void aBarrierOfThreeAcrossTheParentAndTwoChildren() throws Exception {
        int rounds = 3;
        Semaphore actions = new Semaphore(0);
        Semaphore[] byIndex = {new Semaphore(0), new Semaphore(0), new Semaphore(0)};
        Barrier barrier = new Barrier(3, actions::release);
        Body party = () -> {
            for (int r = 0; r < rounds; r++) {
                int index = barrier.await(CHILD_PATIENCE);
                byIndex[index].release();
                // the action ran before anyone of this round left, and the next one cannot have
                int seen = actions.getValue();
                assertEquals(r + 1, seen, "actions seen on leaving round " + r);
            }
        };
        Process a = start(party);
        Process b = start(party);
        party.run();
        joinOk(a, b);
        for (int i = 0; i < 3; i++) {
            assertEquals(rounds, byIndex[i].getValue(), "rounds in which someone got index " + i);
        }
        assertEquals(rounds, actions.getValue(), "the action runs once per round");
        assertFalse(barrier.broken());
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    void aChildAloneAtABarrierOfTwoTimesOutAndBreaksItForEveryone() throws Exception {
        Barrier barrier = new Barrier(2);
        Semaphore broke = new Semaphore(0);
        Process child = start(() -> {
            long t0 = System.nanoTime();
            try {
                barrier.await(Duration.ofMillis(200));
                fail("passed a barrier of two alone");
            } catch (BrokenBarrierError expected) {
                long waited = System.nanoTime() - t0;
                assertTrue(waited >= Duration.ofMillis(195).toNanos(), "broke early: " + Duration.ofNanos(waited));
                broke.release();
            }
        });
        joinOk(child);
        assertEquals(1, broke.getValue());
        assertTrue(barrier.broken(), "the child's timeout broke the barrier in shared memory");
        assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ofSeconds(1)));
        barrier.reset();
        assertFalse(barrier.broken());
    }

    // ---------------------------------------------------------------- the creating process exits

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private Listener listener(byte[] key) {
        Listener l = new Listener(key);
        closeLater.add(l);
        return l;
    }

    private static Path sharedBase() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The shared-memory directories of process {@code pid}. */
    private static List<Path> sharedDirsOf(long pid) {
        try (Stream<Path> dirs = Files.list(sharedBase())) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("pyc-shm-" + pid + "-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasIllegalStateCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aWaiterOnAnEventWhoseCreatorExitsFailsInsteadOfHanging() throws Exception {
        byte[] key = key();
        Listener listener = listener(key);
        String address = listener.address();
        Process child = start(() -> {
            Event mine = new Event();
            try (Connection conn = Client.connect(address, key)) {
                conn.send(mine);
                assertEquals("exit", conn.recv());
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Event event;
            try (Connection conn = listener.accept()) {
                event = conn.recv();
                assertFalse(event.isSet());
                assertEquals(1, sharedDirsOf(child.pid()).size(), "the child's shared directory, while it runs");
                FutureTask<Boolean> wait = new FutureTask<>(() -> {
                    event.await();
                    return true;
                });
                Thread waiter = new Thread(wait, "waiter-on-a-child's-event");
                waiter.setDaemon(true);
                waiter.start();
                awaitBlocked(waiter);
                conn.send("exit");
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        wait::get, "await() returned though the event was never set");
                assertInstanceOf(IllegalStateException.class, e.getCause(), "the host is gone: " + e.getCause());
            }
            joinOk(child);
            // and a new wait, once the host is known to be gone
            assertThrows(IllegalStateException.class, () -> event.await(Duration.ofSeconds(5)));
            assertThrows(IllegalStateException.class, event::await);
            assertFalse(event.await(Duration.ZERO), "a look without waiting still works");
            assertFalse(event.isSet());
        });
        assertEquals(List.of(), sharedDirsOf(child.pid()), "the child's shared directory after its exit");
    }

    @Test
    void anEventReceivedAfterItsCreatorExitedFailsWithIllegalState() throws Exception {
        byte[] key = key();
        Listener listener = listener(key);
        String address = listener.address();
        Process child = start(() -> {
            try (Connection conn = Client.connect(address, key)) {
                conn.send(new Event());
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Connection conn = listener.accept()) {
                joinOk(child);  // its shared directory is gone with it
                Throwable t;
                try {
                    Event event = conn.recv();
                    t = assertThrows(Throwable.class, () -> event.await(Duration.ofSeconds(5)));
                } catch (Throwable atRecv) {
                    t = atRecv;
                }
                Throwable thrown = t;
                assertTrue(hasIllegalStateCause(thrown), () -> "expected an IllegalStateException, got " + thrown);
            }
        });
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(2, null, Duration.ofSeconds(-1)));
        Duration negative = Duration.ofMillis(-1);
        Lock lock = new Lock();
        assertThrows(IllegalMonitorStateException.class, lock::release);
        assertThrows(IllegalArgumentException.class, () -> lock.acquire(negative));
        assertThrows(IllegalArgumentException.class, () -> new RLock().acquire(negative));
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(1).acquire(negative));
        assertThrows(IllegalArgumentException.class, () -> new Event().await(negative));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(2).await(negative));
        Condition cond = new Condition();
        cond.acquire();
        try {
            assertThrows(IllegalArgumentException.class, () -> cond.await(negative));
            assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
        } finally {
            cond.release();
        }
        BoundedSemaphore bounded = new BoundedSemaphore(2);
        bounded.acquire();
        assertThrows(IllegalArgumentException.class, () -> bounded.release(2));
        assertEquals(1, bounded.getValue(), "a refused release changed the value");
        assertFalse(lock.locked());
    }

    @Test
    void badInputInAChildIsRefusedThere() throws Exception {
        RLock rlock = new RLock();
        BoundedSemaphore bounded = new BoundedSemaphore(2);
        Lock lock = new Lock();
        rlock.acquire();
        bounded.acquire();
        try {
            Process child = start(() -> {
                assertThrows(IllegalMonitorStateException.class, rlock::release, "released another process's RLock");
                assertFalse(rlock.acquire(false));
                bounded.release();
                assertThrows(IllegalArgumentException.class, bounded::release, "over-released a bounded semaphore");
                assertEquals(2, bounded.getValue());
                assertThrows(IllegalMonitorStateException.class, lock::release, "released an unlocked lock");
                assertThrows(IllegalArgumentException.class, () -> lock.acquire(Duration.ofSeconds(-1)));
            });
            joinOk(child);
            assertTrue(rlock.isOwned(), "a non-owner's release in another process freed the RLock");
            assertEquals(1, rlock.holdCount());
            assertEquals(2, bounded.getValue());
            assertFalse(lock.locked());
        } finally {
            rlock.release();
        }
        assertFalse(rlock.locked());
    }

    // ---------------------------------------------------------------- nothing left behind

    /** No child of this class that has exited left its shared-memory directory behind. */
    @AfterAll
    static void noSharedDirectoryOfADeadChildRemains() throws IOException {
        List<String> left;
        try (Stream<Path> dirs = Files.list(sharedBase())) {
            left = dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.startsWith("pyc-shm-"))
                    .filter(n -> {
                        String[] parts = n.split("-");
                        try {
                            long pid = Long.parseLong(parts[2]);
                            return CHILD_PIDS.contains(pid)
                                    && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                        } catch (RuntimeException notOurs) {
                            return false;
                        }
                    })
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), left, "shared-memory directories of exited children in " + sharedBase());
    }

    @Test
    void aKilledChildsSharedDirectoryIsDeletedByItsParent() throws Exception {
        Queue<Lock> back = new Queue<>();
        Process p = start(() -> {
            try {
                back.put(new Lock());  // made here: this child now has a shared directory and a host
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Lock fromChild = back.get(PATIENCE);
        long pid = p.pid();
        java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
        java.nio.file.Path base = java.nio.file.Files.isDirectory(shm) ? shm
                : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.function.Supplier<Long> dirs = () -> {
            try (var list = java.nio.file.Files.list(base)) {
                return list.filter(d -> d.getFileName().toString().startsWith("pyc-shm-" + pid + "-")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertEquals(1L, dirs.get(), "the child made a shared directory");
        assertTrue(fromChild.acquire(false), "the child's lock works here");
        p.kill();
        p.join(PATIENCE);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (dirs.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0L, dirs.get(), "the parent deleted what the killed child could not");
    }

    @Test
    void aSignallerDoesNotHangOnAWaiterWhoseProcessDied() throws Exception {
        Condition cond = new Condition();
        Event waiting = new Event();
        Process p = start(() -> {
            try {
                cond.acquire();
                waiting.set();
                cond.await();  // killed here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(waiting.await(PATIENCE), "the child waits");
        Thread.sleep(300);  // well inside await()
        p.kill();
        p.join(PATIENCE);
        Thread signaller = Thread.ofPlatform().start(() -> {
            try {
                if (cond.acquire(Duration.ofSeconds(5))) {  // the dead waiter's lock is free
                    try {
                        cond.signal();  // CPython would wait for the dead waiter forever
                    } finally {
                        cond.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        signaller.join(Duration.ofSeconds(15));
        assertTrue(!signaller.isAlive(), "signal() returned instead of waiting for a dead waiter");
        // the condition still works for the living
        java.util.concurrent.atomic.AtomicBoolean woke = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                cond.acquire();
                try {
                    woke.set(cond.await(PATIENCE));
                } finally {
                    cond.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean signalled = false;
        while (!signalled && System.nanoTime() < deadline) {
            Thread.sleep(50);
            cond.acquire();
            try {
                cond.signal();
            } finally {
                cond.release();
            }
            t.join(100);
            signalled = !t.isAlive();
        }
        t.join(PATIENCE.toMillis());
        assertTrue(woke.get(), "a living waiter is woken by signal()");
    }
}
