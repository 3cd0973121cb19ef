package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.queue.ItemOrder;
import org.pyconcurrent.queue.QueueContract;
import org.pyconcurrent.queue.TestQueue;
import org.pyconcurrent.threading.Acquirable;
import org.pyconcurrent.threading.BarrierContract;
import org.pyconcurrent.threading.BaseLockContract;
import org.pyconcurrent.threading.BaseSemaphoreContract;
import org.pyconcurrent.threading.BoundedSemaphoreContract;
import org.pyconcurrent.threading.BrokenBarrierError;
import org.pyconcurrent.threading.ConditionContract;
import org.pyconcurrent.threading.EventContract;
import org.pyconcurrent.threading.LockContract;
import org.pyconcurrent.threading.RLockContract;
import org.pyconcurrent.threading.SemaphoreContract;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * The threading and queue contracts over a manager's proxies ({@link SyncManager#lock()},
 * {@link SyncManager#rLock()}, the semaphores, {@link SyncManager#condition()},
 * {@link SyncManager#event()}, {@link SyncManager#barrier}, {@link SyncManager#queue()} and
 * {@link SyncManager#joinableQueue()}): each must pass the same contract tests as its in-process
 * counterpart, between threads of this JVM, while the object itself lives in the manager's
 * process. One manager serves every test; each test makes fresh shared objects.
 *
 * <p>A proxy call that waits is a thread blocked on a socket (RUNNABLE), not a parked one: the
 * contracts' {@code awaitParked} learns from {@link #blockedCheck} that such a thread is blocked
 * once the server thread running its call is parked inside the shared object (asked of a probe
 * registered in the manager, {@link ServerProbe}). So "parked" means what it means in-process.
 *
 * <p>What cannot apply is disabled below, each with its reason. Dict, list, namespace and value
 * proxies: {@link ManagerCollectionsTest}.
 */
class ManagerContractTest extends ThreadedTest {
    private static SyncManager manager;
    private static Probe probe;
    private static AutoCloseable blockedCheck;

    @BeforeAll
    static void startManager() {
        // Python's Manager() is a started SyncManager; this one also serves the probe.
        manager = new SyncManager();
        manager.register("Probe", ServerProbe::new);
        manager.start();
        probe = manager.create("Probe", Probe.class);
        blockedCheck = TestThreads.addBlockedCheck(ManagerContractTest::waitsOnAParkedCall);
    }

    @AfterAll
    static void stopManager() throws Exception {
        if (blockedCheck != null) {
            blockedCheck.close();
        }
        if (manager != null) {
            manager.shutdown();
        }
    }

    // ---------------------------------------------------------------- the probe

    /** What the test asks of the manager's process. */
    public interface Probe {
        /**
         * Whether the server thread of connection {@code connection} is parked inside a call of a
         * shared object (a call that waits: an acquire, an await, a get...).
         */
        boolean parkedInCall(long connection);
    }

    /** Runs in the manager's process: looks at the server thread of a connection. */
    public static final class ServerProbe implements Probe {
        @Override
        public boolean parkedInCall(long connection) {
            String name = "pyconcurrent-manager-" + connection;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return parked(t) && inSharedObject(t.getStackTrace()) && parked(t);
                }
            }
            return false;
        }

        private static boolean parked(Thread t) {
            Thread.State s = t.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        }

        private static boolean inSharedObject(StackTraceElement[] stack) {
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("org.pyconcurrent.multiprocessing.Served")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Field CLIENTS = field(ManagerClient.class, "CLIENTS");
    private static final Field CHANNELS = field(ManagerClient.class, "channels");

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the test reads ManagerClient." + name + ": " + e, e);
        }
    }

    /** The server's id of {@code t}'s connection to this test's manager, or null if it has none. */
    private static Long connectionId(Thread t) {
        try {
            for (Object o : ((Map<?, ?>) CLIENTS.get(null)).values()) {
                ManagerClient client = (ManagerClient) o;
                if (!client.address().equals(manager.address())) {
                    continue;
                }
                Object channel = ((Map<?, ?>) CHANNELS.get(client)).get(t);
                if (channel != null) {
                    Field id = channel.getClass().getDeclaredField("id");
                    id.setAccessible(true);
                    return id.getLong(channel);
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The blocked check: {@code t}'s call waits in the manager, parked in the shared object. */
    private static boolean waitsOnAParkedCall(Thread t) {
        Long id = connectionId(t);
        return id != null && probe.parkedInCall(id);
    }

    // ---------------------------------------------------------------- adapters

    static BaseSemaphoreContract.SemaphoreLike adapt(SemaphoreProxy sem) {
        return new BaseSemaphoreContract.SemaphoreLike() {
            @Override
            public void acquire() throws InterruptedException {
                sem.acquire();
            }

            @Override
            public boolean acquire(boolean blocking) throws InterruptedException {
                return sem.acquire(blocking);
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return sem.acquire(timeout);
            }

            @Override
            public boolean acquire(boolean blocking, Duration timeout) throws InterruptedException {
                return sem.acquire(blocking, timeout);
            }

            @Override
            public void release() {
                sem.release();
            }

            @Override
            public void release(int n) {
                sem.release(n);
            }

            @Override
            public int value() {
                return sem.getValue();
            }
        };
    }

    static EventContract.EventLike adapt(EventProxy event) {
        return new EventContract.EventLike() {
            @Override
            public void set() {
                event.set();
            }

            @Override
            public void clear() {
                event.clear();
            }

            @Override
            public boolean isSet() {
                return event.isSet();
            }

            @Override
            public void await() throws InterruptedException {
                event.await();
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return event.await(timeout);
            }
        };
    }

    static ConditionContract.ConditionLike adapt(ConditionProxy cond) {
        return new ConditionContract.ConditionLike() {
            @Override
            public void acquire() throws InterruptedException {
                cond.acquire();
            }

            @Override
            public boolean acquire(boolean blocking) throws InterruptedException {
                return cond.acquire(blocking);
            }

            @Override
            public boolean acquire(Duration timeout) throws InterruptedException {
                return cond.acquire(timeout);
            }

            @Override
            public boolean acquire(boolean blocking, Duration timeout) throws InterruptedException {
                return cond.acquire(blocking, timeout);
            }

            @Override
            public void release() {
                cond.release();
            }

            @Override
            public void await() throws InterruptedException {
                cond.await();
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return cond.await(timeout);
            }

            @Override
            public boolean awaitFor(BooleanSupplier predicate) throws InterruptedException {
                return cond.awaitFor(predicate);
            }

            @Override
            public boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
                return cond.awaitFor(predicate, timeout);
            }

            @Override
            public void signal() {
                cond.signal();
            }

            @Override
            public void signal(int n) {
                cond.signal(n);
            }

            @Override
            public void signalAll() {
                cond.signalAll();
            }
        };
    }

    static BarrierContract.BarrierLike adapt(BarrierProxy barrier) {
        return new BarrierContract.BarrierLike() {
            @Override
            public int await() throws InterruptedException {
                return barrier.await();
            }

            @Override
            public int await(Duration timeout) throws InterruptedException {
                return barrier.await(timeout);
            }

            @Override
            public int parties() {
                return barrier.parties();
            }

            @Override
            public int nWaiting() {
                return barrier.nWaiting();
            }

            @Override
            public boolean broken() {
                return barrier.broken();
            }

            @Override
            public void abort() {
                barrier.abort();
            }

            @Override
            public void reset() {
                barrier.reset();
            }
        };
    }

    /**
     * A manager queue as the contracts' {@link TestQueue}. CPython's manager queues have no public
     * unfinished-task count: {@code unfinishedTasks()} asks the {@code queue.Queue} in the manager
     * for its own.
     */
    static <E> TestQueue<E> adapt(QueueProxy<E> queue) {
        return new TestQueue<>() {
            @Override
            public ItemOrder order() {
                return ItemOrder.FIFO;
            }

            @Override
            public void put(E item) throws InterruptedException {
                queue.put(item);
            }

            @Override
            public void putNowait(E item) {
                queue.putNowait(item);
            }

            @Override
            public E get() throws InterruptedException {
                return queue.get();
            }

            @Override
            public E get(boolean block) throws InterruptedException {
                return queue.get(block);
            }

            @Override
            public E get(Duration timeout) throws InterruptedException {
                return queue.get(timeout);
            }

            @Override
            public E getNowait() {
                return queue.getNowait();
            }

            @Override
            public int qsize() {
                return queue.qsize();
            }

            @Override
            public boolean empty() {
                return queue.empty();
            }

            @Override
            public void put(E item, boolean block) throws InterruptedException {
                queue.put(item, block);
            }

            @Override
            public void put(E item, Duration timeout) throws InterruptedException {
                queue.put(item, timeout);
            }

            @Override
            public boolean full() {
                return queue.full();
            }

            @Override
            public int maxsize() {
                return queue.maxsize();
            }

            @Override
            public void taskDone() {
                queue.taskDone();
            }

            @Override
            public void join() throws InterruptedException {
                queue.join();
            }

            @Override
            public long unfinishedTasks() {
                boolean interrupted = Thread.interrupted();
                try {
                    return ((Number) queue.callMethod("unfinishedTasks")).longValue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void shutdown() {
                queue.shutdown();
            }

            @Override
            public void shutdown(boolean immediate) {
                queue.shutdown(immediate);
            }

            @Override
            public boolean isShutdown() {
                return queue.isShutdown();
            }

            @Override
            public String toString() {
                return "manager " + queue.typeId() + " " + queue;
            }
        };
    }

    // ---------------------------------------------------------------- locks

    @Nested
    class LockIsALock extends LockContract {
        @Override
        protected Acquirable newLock() {
            return manager.lock();
        }
    }

    @Nested
    class RLockIsAnRLock extends RLockContract {
        @Override
        protected Acquirable newLock() {
            return manager.rLock();
        }
    }

    // ---------------------------------------------------------------- semaphores

    @Nested
    class SemaphoreIsASemaphore extends SemaphoreContract {
        @Override
        protected SemaphoreLike newSemaphore() {
            return adapt(manager.semaphore());
        }

        @Override
        protected SemaphoreLike newSemaphore(int value) {
            return adapt(manager.semaphore(value));
        }
    }

    @Nested
    class BoundedSemaphoreIsABoundedSemaphore extends BoundedSemaphoreContract {
        @Override
        protected SemaphoreLike newSemaphore() {
            return adapt(manager.boundedSemaphore());
        }

        @Override
        protected SemaphoreLike newSemaphore(int value) {
            return adapt(manager.boundedSemaphore(value));
        }
    }

    /** A semaphore of value 1 is a lock. */
    @Nested
    class SemaphoreOfOneIsALock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return manager.semaphore(1);
        }
    }

    @Nested
    class BoundedSemaphoreOfOneIsALock extends BaseLockContract {
        @Override
        protected Acquirable newLock() {
            return manager.boundedSemaphore(1);
        }
    }

    // ---------------------------------------------------------------- event

    @Nested
    class EventIsAnEvent extends EventContract {
        @Override
        protected EventLike newEvent() {
            return adapt(manager.event());
        }
    }

    // ---------------------------------------------------------------- condition

    /** {@code manager.Condition()} is over a new RLock; there is no form that takes a lock. */
    @Nested
    class ConditionIsACondition extends ConditionContract {
        @Override
        protected ConditionLike newCondition() {
            return adapt(manager.condition());
        }
    }

    /** {@code with cond:} and {@code cond.acquire()} are its RLock's. */
    @Nested
    class ConditionAsItsRLock extends RLockContract {
        @Override
        protected Acquirable newLock() {
            return manager.condition();
        }
    }

    // ---------------------------------------------------------------- barrier

    /**
     * A manager's barrier runs its action in the manager's process, so an action must be
     * serializable, and what it does happens there: the two contract tests whose action is a local
     * lambda over local state (it counts, records its thread, throws an exception the caller must
     * get as the same object) cannot apply. {@link #barrierActionRunsOncePerRoundInTheManager} and
     * {@link #throwingBarrierActionBreaksTheBarrierAndTheLastPartyGetsItsException} check the same
     * things the manager's way.
     */
    @Nested
    class BarrierIsABarrier extends BarrierContract {
        private static final String LOCAL_ACTION = "the action runs in the manager's process: a lambda over this "
                + "test's local state cannot travel there (see the outer class's barrier action tests)";

        @Override
        protected BarrierLike newBarrier(int parties, Runnable action, Duration timeout) {
            if (action != null && !(action instanceof SerializableRunnable)) {
                throw new AssertionError(LOCAL_ACTION);
            }
            return adapt(manager.barrier(parties, (SerializableRunnable) action, timeout));
        }

        @Override
        @Test
        @Disabled(LOCAL_ACTION)
        public void actionRunsOncePerRoundBeforeAnyoneIsReleased() {
        }

        @Override
        @Test
        @Disabled(LOCAL_ACTION + "; and the exception arrives as a copy, not the same object")
        public void throwingActionBreaksBarrierAndLastPartyGetsTheException() {
        }
    }

    // ---------------------------------------------------------------- queues

    /** {@code manager.Queue(maxsize)}: a {@code queue.Queue}, with task_done, join and shutdown. */
    @Nested
    class QueueIsAQueue extends QueueContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return adapt(manager.<Integer>queue(maxsize));
        }
    }

    /** {@code manager.JoinableQueue(maxsize)}: the same {@code queue.Queue}. */
    @Nested
    class JoinableQueueIsAQueue extends QueueContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return adapt(manager.<Integer>joinableQueue(maxsize));
        }
    }

    // ---------------------------------------------------------------- the probe itself

    @Test
    void theBlockedCheckSeesACallParkedInTheManagerAndNothingElse() throws Exception {
        AcquirerProxy lock = manager.lock();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch leave = new java.util.concurrent.CountDownLatch(1);
        TestThreads.Task<Void> idle = threads.run(() -> {
            assertTrue(lock.acquire(false));  // a call that did not wait: its server thread is idle
            lock.release();
            done.countDown();
            leave.await();
        });
        assertTrue(done.await(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        assertFalse(waitsOnAParkedCall(idle.thread()), "a thread between calls counts as blocked");
        assertFalse(waitsOnAParkedCall(Thread.currentThread()), "the asking thread counts as blocked");
        assertNull(connectionId(new Thread(() -> { })), "a thread that never called has a connection");
        lock.acquire();
        TestThreads.Task<Void> waiter = threads.run(() -> {
            lock.acquire();
            lock.release();
        });
        try {
            TestThreads.awaitUntil("the waiter's call is parked in the manager",
                    () -> waitsOnAParkedCall(waiter.thread()));
            assertTrue(waiter.isAlive());
        } finally {
            lock.release();
        }
        waiter.join();
        leave.countDown();
        idle.join();
    }

    // ---------------------------------------------------------------- what the contracts cannot say

    @Test
    void callsThatNeedNotWaitIgnoreTheInterruptStatusOfEveryProxy() throws Exception {
        // In-process, the wait of a set event, the last party of a barrier and a join with
        // nothing unfinished return at once for an interrupted thread (the status stays set);
        // through the manager too: the call runs in the manager with the caller's status.
        EventProxy event = manager.event();
        event.set();
        BarrierProxy one = manager.barrier(1);
        QueueProxy<Integer> q = manager.queue();
        List<String> problems = threads.call(() -> {
            List<String> p = new ArrayList<>();
            interruptedCall(p, "await() of a set event", event::await);
            interruptedCall(p, "await(timeout) of a set event", () -> assertTrue(event.await(PATIENCE)));
            interruptedCall(p, "join() of a queue never used", q::join);
            interruptedCall(p, "acquire(false) of a free lock", () -> assertTrue(manager.lock().acquire(false)));
            interruptedCall(p, "await() of the last party of a barrier", () -> assertEquals(0, one.await()));
            return p;
        }).join();
        assertEquals(List.of(), problems);
        assertFalse(one.broken(), "the last party, which need not wait, broke the barrier");
        // A party that would wait throws at once and breaks the barrier (the contract's
        // alreadyInterruptedPartyThrowsAtOnceAndBreaksTheBarrier); a lock acquire that would
        // block throws and acquires nothing.
        AcquirerProxy held = manager.lock();
        held.acquire();
        threads.run(() -> {
            Thread.currentThread().interrupt();
            held.acquire();
        }).joinThrows(InterruptedException.class);
        held.release();
        assertTrue(held.acquire(false), "the interrupted acquire took the lock");
    }

    /** Runs {@code call} with the interrupt status set; records what it threw or whether it cleared the status. */
    private static void interruptedCall(List<String> problems, String what, TestThreads.VoidBody call) {
        Thread.currentThread().interrupt();
        try {
            call.run();
            if (!Thread.interrupted()) {
                problems.add(what + " cleared the interrupt status");
            }
        } catch (Throwable t) {
            boolean stillSet = Thread.interrupted();
            problems.add(what + " threw " + t + (stillSet ? "" : " (and cleared the interrupt status)"));
        }
    }

    @Test
    void barrierActionRunsOncePerRoundInTheManager() throws Exception {
        // The contract's actionRunsOncePerRoundBeforeAnyoneIsReleased, with the action's state in
        // the manager: a shared value it counts in, and a shared list of the pids it ran in.
        int n = 4;
        int rounds = 10;
        ValueProxy<Integer> actions = manager.value("i", 0);
        ListProxy<Long> pids = manager.list();
        BarrierProxy barrier = manager.barrier(n, () -> {
            actions.set(actions.get() + 1);
            pids.add(ProcessHandle.current().pid());
        }, null);
        List<Set<Integer>> indices = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            indices.add(java.util.concurrent.ConcurrentHashMap.newKeySet());
        }
        TestThreads.joinAll(threads.runMany(n, i -> {
            for (int r = 0; r < rounds; r++) {
                indices.get(r).add(barrier.await());
                // No party of this round left before the action ran; the next round's cannot have
                // run yet: it needs this thread.
                assertEquals(r + 1, actions.get(), "actions seen on leaving round " + r);
            }
        }));
        assertEquals(rounds, actions.get());
        assertEquals(rounds, pids.size());
        assertEquals(Set.of(manager.pid()), new HashSet<>(pids), "the action ran outside the manager's process");
        for (int r = 0; r < rounds; r++) {
            assertEquals(Set.of(0, 1, 2, 3), indices.get(r), "arrival indices of round " + r);
        }
    }

    @Test
    void throwingBarrierActionBreaksTheBarrierAndTheLastPartyGetsItsException() throws Exception {
        int n = 3;
        BarrierProxy barrier = manager.barrier(n, () -> {
            throw new IllegalStateException("boom");
        }, null);
        List<TestThreads.Task<Integer>> waiting = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            waiting.add(threads.call(barrier::await));
        }
        TestThreads.awaitAllParked(waiting);
        TestThreads.awaitUntil("two waiting", () -> barrier.nWaiting() == n - 1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, barrier::await);
        assertEquals("boom", thrown.getMessage(), "the last party gets the action's exception (a copy)");
        for (TestThreads.Task<Integer> party : waiting) {
            party.joinThrows(BrokenBarrierError.class);
        }
        assertTrue(barrier.broken());
        assertThrows(BrokenBarrierError.class, barrier::await);
    }

    @Test
    void anUnserializableBarrierActionIsRefusedInTheCaller() {
        Object local = new Object();
        SerializableRunnable action = () -> local.hashCode();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> manager.barrier(2, action, null));
        assertMentions(e, Object.class.getName());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badConstructorArgumentsAreRefusedNamingTheValue() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.semaphore(-1)), "-1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.boundedSemaphore(-7)), "-7");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.barrier(0)), "0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.barrier(-3)), "-3");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> manager.barrier(2, null, Duration.ofMillis(-5))), Duration.ofMillis(-5).toString());
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value("z", 1)), "'z'");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value("", 1)), "''");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value(null, 1)), "null");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.array("ii", List.of(1))), "'ii'");
        // and the good ones of each
        assertEquals(0, manager.semaphore(0).getValue());
        assertEquals(1, manager.barrier(1).parties());
        for (String t : List.of("b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d", "c", "u")) {
            assertEquals(7, manager.value(t, 7).get(), t);
        }
    }

    @Test
    void negativeTimeoutsAreRefusedNamingTheValueBeforeAnyRoundTrip() throws Exception {
        Duration negative = Duration.ofMillis(-42);
        String value = negative.toString();
        AcquirerProxy lock = manager.lock();
        SemaphoreProxy sem = manager.semaphore(1);
        ConditionProxy cond = manager.condition();
        EventProxy event = manager.event();
        BarrierProxy barrier = manager.barrier(2);
        QueueProxy<Integer> q = manager.queue(1);
        List<Executable> calls = List.of(
                () -> lock.acquire(negative),
                () -> lock.acquire(true, negative),
                () -> sem.acquire(negative),
                () -> cond.acquire(negative),
                () -> cond.await(negative),
                () -> cond.awaitFor(() -> true, negative),
                () -> event.await(negative),
                () -> barrier.await(negative),
                () -> q.put(1, negative),
                () -> q.get(negative));
        for (Executable call : calls) {
            assertMentions(assertThrows(IllegalArgumentException.class, call), value);
        }
        // Nothing happened: the lock, semaphore and condition are free, the barrier is whole.
        assertTrue(lock.acquire(false));
        assertEquals(1, sem.getValue());
        assertTrue(cond.acquire(false));
        cond.release();
        assertFalse(barrier.broken());
        assertEquals(0, barrier.nWaiting());
        assertTrue(q.empty());
    }

    @Test
    void aMethodTheTypeDoesNotExposeIsARemoteErrorNamingIt() {
        AcquirerProxy sem = manager.semaphore();
        RemoteError e = assertThrows(RemoteError.class, sem::locked);
        assertMentions(e, "locked");
        e = assertThrows(RemoteError.class, () -> manager.event().callMethod("frobnicate"));
        assertMentions(e, "frobnicate");
    }

    @Test
    void proxiesOfTheSameObjectAreEqualAndCopiesReachIt() throws Exception {
        AcquirerProxy lock = manager.lock();
        AcquirerProxy copy = MultiprocessingQueueContractTest.copy(lock);
        assertNotSame(lock, copy);
        assertEquals(lock, copy);
        assertEquals(lock.hashCode(), copy.hashCode());
        assertSame(AcquirerProxy.class, copy.getClass());
        assertEquals("Lock", copy.typeId());
        assertTrue(lock.acquire(false));
        assertFalse(copy.acquire(false), "the copy is another lock");
        copy.release();
        assertFalse(lock.equals(manager.lock()), "two locks are equal");
        SemaphoreProxy sem = manager.boundedSemaphore(2);
        SemaphoreProxy semCopy = MultiprocessingQueueContractTest.copy(sem);
        assertSame(SemaphoreProxy.class, semCopy.getClass());
        sem.acquire();
        assertEquals(1, semCopy.getValue());
        assertNotNull(semCopy.toString());
    }
}
