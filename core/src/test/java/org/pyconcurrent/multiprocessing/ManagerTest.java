package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A manager seen from one client JVM: {@link BaseManager#register} and {@code exposed}, typed and
 * generic proxies, exceptions raised in the server, the lifecycle (start, connect, shutdown) and
 * what it leaves behind, a manager served on TCP with a key and reached by {@code connect()}, the
 * manager process killed while calls wait in it, interrupts of calls that wait in the server, and
 * which client thread owns an {@code RLock} or {@code Condition}. The server is always a child
 * JVM, so every call here crosses a process boundary; {@code ManagerAcrossProcessesTest} adds
 * more client processes.
 *
 * <p>Every manager started is shut down in {@link #shutdownManagers()}, and
 * {@link #noManagerProcessOrDirectoryRemains()} checks at the end that none of their processes
 * is alive and none left a shared-memory directory. Timing bounds are generous except where the
 * contract names one (a dead manager fails every call within 2 s).
 */
class ManagerTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How soon an interrupted call must end: generous, it catches a hang, not a slow wake-up. */
    static final Duration PROMPT = Duration.ofSeconds(5);
    /** The contract: a call fails within this of the manager's death. */
    static final Duration DEATH_NOTICE = Duration.ofSeconds(2);
    static final byte[] KEY = "the manager's key".getBytes(StandardCharsets.UTF_8);
    static final byte[] WRONG_KEY = "not the manager's key".getBytes(StandardCharsets.UTF_8);

    /** Pids of every manager process this class started, for the leak check at the end. */
    private static final Set<Long> MANAGER_PIDS = ConcurrentHashMap.newKeySet();
    /** One manager for the tests that neither kill nor shut it down. */
    private static Manager shared;

    private final List<BaseManager> managers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeAll
    static void startShared() {
        shared = new Manager();
        MANAGER_PIDS.add(shared.pid());
    }

    @AfterAll
    static void stopShared() {
        shared.shutdown();
    }

    /** Starts {@code m} (if not started yet) and shuts it down after the test. */
    private <M extends BaseManager> M started(M m) {
        managers.add(m);
        if (m.pid() == null) {
            m.start();
        }
        MANAGER_PIDS.add(m.pid());
        return m;
    }

    /** A manager reached by connect(), forgotten after the test. */
    private <M extends BaseManager> M connected(M m) {
        managers.add(m);
        m.connect();
        return m;
    }

    @AfterEach
    void shutdownManagers() throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (BaseManager m : managers) {
            m.shutdown();
        }
        for (Thread t : threads) {
            t.join(PATIENCE.toMillis());
            assertFalse(t.isAlive(), () -> t.getName() + " still runs after its manager shut down" + stack(t));
        }
    }

    @AfterAll
    static void noManagerProcessOrDirectoryRemains() throws Exception {
        assertNoneAliveAndNoDirectories(MANAGER_PIDS, "manager");
    }

    /** Checks that none of {@code pids} is alive and none left a shared-memory directory. */
    static void assertNoneAliveAndNoDirectories(Set<Long> pids, String what) throws Exception {
        for (long pid : pids) {
            awaitUntil(what + " process " + pid + " has exited",
                    () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
        // a killed process's directory is deleted by its parent when it sees the exit: wait for it
        awaitUntil("no " + what + " process left a shared-memory directory", () -> directoriesOf(pids).isEmpty());
    }

    /** The shared-memory directories (see SharedFiles) of any of {@code pids}. */
    static List<Path> directoriesOf(Set<Long> pids) {
        List<Path> found = new ArrayList<>();
        for (Path base : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> list = Files.list(base)) {
                list.filter(p -> {
                    String n = p.getFileName().toString();
                    return pids.stream().anyMatch(pid -> n.startsWith("pyc-shm-" + pid + "-"));
                }).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- helpers

    /** A body run on a thread of its own. */
    @FunctionalInterface
    interface Body {
        Object run() throws Exception;
    }

    /** A call made on a thread of its own: how it ended, and when. */
    static final class Call {
        final Thread thread;
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        volatile long endedAt;

        Call(String name, Body body) {
            thread = Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
                try {
                    Object result = body.run();
                    endedAt = System.nanoTime();
                    outcome.complete(result);
                } catch (Throwable t) {
                    endedAt = System.nanoTime();
                    outcome.completeExceptionally(t);
                }
            });
            thread.start();
        }

        /** What the call threw, waiting at most {@code within}; fails if it returned or still runs. */
        Throwable failure(Duration within) throws InterruptedException {
            try {
                Object r = outcome.get(within.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError(thread.getName() + " returned " + r + " instead of failing");
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError(thread.getName() + " still runs after " + within + stack(thread));
            }
        }

        /** What the call returned, waiting at most {@code within}; fails if it threw or still runs. */
        Object result(Duration within) throws InterruptedException {
            try {
                return outcome.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError(thread.getName() + " threw " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError(thread.getName() + " still runs after " + within + stack(thread));
            }
        }
    }

    private Call call(String name, Body body) {
        Call c = new Call(name, body);
        threads.add(c.thread);
        return c;
    }

    static String stack(Thread t) {
        return Arrays.stream(t.getStackTrace()).map(e -> "\n\tat " + e).collect(Collectors.joining());
    }

    /**
     * Waits until {@code t} has sent a request and waits for the manager's answer: its stack has
     * {@code ManagerClient.exchange} calling {@code Connection.recvBytes}, asleep in the
     * connection's selector (not the connection's opening, which also receives a frame). The
     * request is on its way to the server, or there already.
     */
    static void awaitWaitingForTheManager(Thread t) throws InterruptedException {
        awaitUntil(t.getName() + " waits for the manager's answer" + stack(t), () -> {
            StackTraceElement[] st = t.getStackTrace();
            boolean selecting = false;
            for (int i = 0; i + 1 < st.length; i++) {
                if (st[i].getClassName().endsWith(".FrameChannel") && st[i].getMethodName().equals("await")) {
                    selecting = true;
                }
                if (selecting && st[i].getClassName().endsWith(".Connection")
                        && st[i].getMethodName().equals("recvBytes")) {
                    return st[i + 1].getClassName().endsWith(".ManagerClient")
                            && st[i + 1].getMethodName().equals("exchange");
                }
            }
            return false;
        });
    }

    /** Asserts that {@code t} arrived as itself with the server's stack trace attached. */
    static void assertCarriesRemoteTraceback(Throwable t, String frame) {
        RemoteTraceback tb = t.getCause() instanceof RemoteTraceback r ? r
                : Arrays.stream(t.getSuppressed()).filter(RemoteTraceback.class::isInstance)
                        .map(RemoteTraceback.class::cast).findFirst().orElse(null);
        assertNotNull(tb, () -> "no RemoteTraceback as the cause or suppressed of " + t);
        assertTrue(tb.getMessage().contains(frame), () -> "the server's trace names " + frame + ": " + tb.getMessage());
    }

    // ---------------------------------------------------------------- registered types

    /** The interface of a registered type. */
    public interface Maths {
        int add(int a, int b);

        long pid();

        String secret();
    }

    /** A registered type, with overloads, failures and a result that cannot travel. */
    public static final class MathsImpl implements Maths {
        @Override
        public int add(int a, int b) {
            return a + b;
        }

        public long add(long a, long b) {
            return a + b;
        }

        public String add(String a, String b) {
            return a + b;
        }

        @Override
        public long pid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public String secret() {
            return "secret";
        }

        public void fail(String message) {
            throw new IllegalStateException(message);
        }

        public void failWithCause() {
            throw new IllegalArgumentException("outer", new ArithmeticException("inner"));
        }

        public void failChecked() throws IOException {
            throw new IOException("the disk is on fire");
        }

        public void failUnsendable() {
            throw new Unsendable();
        }

        public Object unsendableResult() {
            return new Object();
        }

        public static int statics() {
            return 1;
        }
    }

    /** An exception with a field that cannot be serialized. */
    public static final class Unsendable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings({"unused", "serial"})
        private final Object notSerializable = new Object();

        Unsendable() {
            super("cannot travel");
        }
    }

    /** The interface of a counter made from create()'s arguments. */
    public interface CounterApi {
        int increment();

        int value();
    }

    /** A counter with a start value. */
    public static final class Counter implements CounterApi {
        private int n;

        Counter(int start) {
            n = start;
        }

        @Override
        public synchronized int increment() {
            return ++n;
        }

        @Override
        public synchronized int value() {
            return n;
        }
    }

    /** A call that waits in the server until interrupted; counts waiting and interrupted calls. */
    public interface GateApi {
        void pass() throws InterruptedException;

        int waiting();

        int interrupted();
    }

    /** The gate: nobody ever passes. */
    public static final class Gate implements GateApi {
        private final CountDownLatch never = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicInteger interrupted = new AtomicInteger();

        @Override
        public void pass() throws InterruptedException {
            waiting.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            } finally {
                waiting.decrementAndGet();
            }
        }

        @Override
        public int waiting() {
            return waiting.get();
        }

        @Override
        public int interrupted() {
            return interrupted.get();
        }
    }

    /**
     * One map per manager process, whatever the client: {@code register("registry",
     * Registry::shared)} is CPython's {@code register('get_dict', callable=lambda: d)}, which every
     * client of a remote manager reaches.
     */
    public static final class Registry {
        private static final ConcurrentHashMap<String, Object> MAP = new ConcurrentHashMap<>();

        private Registry() {
        }

        public static ConcurrentHashMap<String, Object> shared() {
            return MAP;
        }
    }

    /** A payload that, if the manager ever deserialized it, would leave a file behind. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String marker;

        Tripwire(String marker) {
            this.marker = marker;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            Files.createFile(Path.of(marker));
        }
    }

    // ---------------------------------------------------------------- register and exposed

    @Test
    void aTypedProxyCallsTheObjectInTheManagerProcess() throws Exception {
        BaseManager m = new BaseManager();
        m.register("Maths", MathsImpl::new);
        m.register("Counter", args -> new Counter((Integer) args.get(0)));
        started(m);
        Maths maths = m.create("Maths", Maths.class);
        assertEquals(7, maths.add(4, 3));
        assertEquals(m.pid(), maths.pid(), "the object lives in the manager's process");
        assertNotEquals(ProcessHandle.current().pid(), maths.pid());
        assertEquals("secret", maths.secret(), "no exposed list: every public method");
        assertTrue(maths.toString().contains("MathsImpl"), maths.toString());
        assertEquals(maths, maths);

        CounterApi counter = m.create("Counter", CounterApi.class, 10);
        assertEquals(11, counter.increment());
        assertEquals(12, counter.increment());
        assertEquals(12, counter.value(), "the object keeps its state between calls");
        CounterApi other = m.create("Counter", CounterApi.class, 100);
        assertEquals(101, other.increment(), "each create() makes an object of its own");
        assertEquals(12, counter.value());
        assertNotEquals(counter, other);

        IllegalArgumentException notInterface = assertThrows(IllegalArgumentException.class,
                () -> m.create("Maths", MathsImpl.class));
        assertTrue(notInterface.getMessage().contains("interface"), notInterface.getMessage());
    }

    @Test
    void callMethodChoosesTheOverloadByTheArguments() throws Exception {
        BaseManager m = new BaseManager();
        m.register("Maths", MathsImpl::new);
        started(m);
        BaseProxy maths = m.create("Maths");
        assertEquals("Maths", maths.typeId());
        assertEquals(7, maths.callMethod("add", 4, 3));
        assertEquals(7L, maths.callMethod("add", 4L, 3L));
        assertEquals("ab", maths.callMethod("add", "a", "b"));
        assertEquals(9, maths.callMethod("add(int,int)", 4, 5));
        assertEquals(m.pid(), maths.callMethod("pid"));
        IllegalArgumentException noSuch = assertThrows(IllegalArgumentException.class,
                () -> maths.callMethod("add", 1, "b"));
        assertTrue(noSuch.getMessage().contains("add"), noSuch.getMessage());
        assertCarriesRemoteTraceback(noSuch, "ServedReflectively");
    }

    @Test
    void aMethodNotExposedIsARemoteError() throws Exception {
        BaseManager m = new BaseManager();
        m.register("Maths", MathsImpl::new, "add", "pid");
        m.register("Open", MathsImpl::new);
        started(m);
        Maths maths = m.create("Maths", Maths.class);
        assertEquals(7, maths.add(4, 3));
        RemoteError typed = assertThrows(RemoteError.class, maths::secret);
        assertTrue(typed.getMessage().contains("'secret'") && typed.getMessage().contains("add, pid"),
                typed.getMessage());
        BaseProxy raw = m.create("Maths");
        assertEquals(7, raw.callMethod("add", 4, 3));
        RemoteError generic = assertThrows(RemoteError.class, () -> raw.callMethod("secret"));
        assertTrue(generic.getMessage().contains("'secret'"), generic.getMessage());
        assertThrows(RemoteError.class, () -> raw.callMethod("fail", "x"));

        // without an exposed list: public instance methods, but not Object's (toString aside)
        BaseProxy open = m.create("Open");
        assertEquals("secret", open.callMethod("secret"));
        for (String hidden : List.of("hashCode", "getClass", "wait", "notifyAll", "statics", "noSuchMethod")) {
            RemoteError e = assertThrows(RemoteError.class, () -> open.callMethod(hidden), hidden);
            assertTrue(e.getMessage().contains("'" + hidden + "'"), e.getMessage());
        }
        assertTrue(((String) open.callMethod("toString")).contains("MathsImpl"));
    }

    @Test
    void anExceptionInTheServerArrivesAsItselfWithTheServersTrace() throws Exception {
        BaseManager m = new BaseManager();
        m.register("Maths", MathsImpl::new);
        started(m);
        BaseProxy maths = m.create("Maths");

        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> maths.callMethod("fail", "boom"));
        assertEquals("boom", plain.getMessage());
        assertCarriesRemoteTraceback(plain, "MathsImpl.fail");

        IllegalArgumentException withCause = assertThrows(IllegalArgumentException.class,
                () -> maths.callMethod("failWithCause"));
        assertEquals("outer", withCause.getMessage());
        assertInstanceOf(ArithmeticException.class, withCause.getCause(), "its own cause travels with it");
        assertEquals("inner", withCause.getCause().getMessage());
        assertCarriesRemoteTraceback(withCause, "MathsImpl.failWithCause");

        RemoteError checked = assertThrows(RemoteError.class, () -> maths.callMethod("failChecked"));
        assertTrue(checked.getMessage().contains("java.io.IOException: the disk is on fire"), checked.getMessage());
        assertCarriesRemoteTraceback(checked, "MathsImpl.failChecked");

        RemoteError unsendable = assertThrows(RemoteError.class, () -> maths.callMethod("failUnsendable"));
        assertTrue(unsendable.getMessage().contains(Unsendable.class.getName())
                && unsendable.getMessage().contains("cannot travel"), unsendable.getMessage());
        assertCarriesRemoteTraceback(unsendable, "MathsImpl.failUnsendable");

        IllegalArgumentException result = assertThrows(IllegalArgumentException.class,
                () -> maths.callMethod("unsendableResult"));
        assertTrue(result.getMessage().contains("cannot be sent"), result.getMessage());

        assertEquals(7, maths.callMethod("add", 3, 4), "the connection goes on after failures");
    }

    @Test
    void anUnknownTypeIsARemoteError() {
        BaseManager m = started(new BaseManager());
        RemoteError e = assertThrows(RemoteError.class, () -> m.create("NoSuchType"));
        assertTrue(e.getMessage().contains("'NoSuchType'"), e.getMessage());
        RemoteError typed = assertThrows(RemoteError.class, () -> m.create("NoSuchType", Maths.class));
        assertTrue(typed.getMessage().contains("'NoSuchType'"), typed.getMessage());
        assertThrows(RemoteError.class, () -> shared.create("NoSuchType"));
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void registerOnlyBeforeStartAndStartOnlyOnce() {
        BaseManager m = new BaseManager();
        m.register("Maths", MathsImpl::new);
        assertThrows(IllegalStateException.class, () -> m.create("Maths"), "not started");
        started(m);
        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> m.register("Late", MathsImpl::new));
        assertTrue(late.getMessage().contains("before start()"), late.getMessage());
        ProcessError twice = assertThrows(ProcessError.class, m::start);
        assertEquals("Already started server", twice.getMessage());
        IllegalStateException connect = assertThrows(IllegalStateException.class, m::connect);
        assertTrue(connect.getMessage().contains("address"), connect.getMessage());
        m.shutdown();
        ProcessError afterShutdown = assertThrows(ProcessError.class, m::start);
        assertEquals("Manager has shut down", afterShutdown.getMessage());
        assertThrows(IllegalStateException.class, () -> m.register("Late", MathsImpl::new));
        assertThrows(IllegalArgumentException.class, () -> new BaseManager().register("", MathsImpl::new));
        assertThrows(IllegalArgumentException.class, () -> new BaseManager(new InetSocketAddress("127.0.0.1", 0),
                new byte[0]));
    }

    @Test
    void callsAfterShutdownFailWithAClearMessage() throws Exception {
        SyncManager m = started(new SyncManager());
        SocketAddress address = m.address();
        DictProxy<String, Integer> d = m.dict();
        QueueProxy<String> q = m.queue();
        d.put("a", 1);
        m.shutdown();

        UncheckedIOException put = assertThrows(UncheckedIOException.class, () -> d.put("b", 2));
        assertTrue(put.getMessage().contains("manager") && put.getMessage().contains(address.toString()),
                put.getMessage());
        assertThrows(UncheckedIOException.class, d::size);
        assertThrows(UncheckedIOException.class, () -> q.put("x"));
        UncheckedIOException fromAnotherThread = assertInstanceOf(UncheckedIOException.class,
                call("fresh-thread", q::qsize).failure(PATIENCE), "a thread that never called before");
        assertTrue(fromAnotherThread.getMessage().contains(address.toString()), fromAnotherThread.getMessage());

        IllegalStateException create = assertThrows(IllegalStateException.class, m::dict);
        assertTrue(create.getMessage().contains("shut down"), create.getMessage());
        assertThrows(IllegalStateException.class, () -> m.create("dict"));
    }

    @Test
    void shutdownLeavesNoProcessNoSocketNoDirectoryAndMayBeRepeated() throws Exception {
        SyncManager m = started(new SyncManager());
        long pid = m.pid();
        assertTrue(ProcessHandle.current().children().anyMatch(h -> h.pid() == pid), "a child process of this one");
        Path socket = ((UnixDomainSocketAddress) m.address()).getPath();
        Path dir = socket.getParent();
        assertTrue(Files.exists(socket), "the manager listens on " + socket);
        assertTrue(dir.getFileName().toString().startsWith("pyc-shm-" + pid + "-"),
                "the socket is in the manager process's own directory: " + dir);
        m.dict().put("x", 1);

        m.shutdown();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "shutdown() returns after the manager process has exited");
        assertFalse(Files.exists(socket), "the socket file is gone");
        awaitUntil("the manager's directory " + dir + " is deleted", () -> !Files.exists(dir));
        assertEquals(List.of(), directoriesOf(Set.of(pid)));
        assertTrue(m.toString().contains("shutdown"), m.toString());

        m.shutdown();  // again: nothing happens
        m.close();

        try (SyncManager viaClose = new SyncManager()) {  // close() is shutdown()
            started(viaClose);
            long closedPid = viaClose.pid();
            Path closedSocket = ((UnixDomainSocketAddress) viaClose.address()).getPath();
            viaClose.list().add(1);
            viaClose.close();
            assertFalse(ProcessHandle.of(closedPid).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(Files.exists(closedSocket));
            assertEquals("Manager has shut down", assertThrows(ProcessError.class, viaClose::start).getMessage());
        }
        assertNull(new BaseManager().address(), "no address before start()");
    }

    @Test
    void shutdownEndsACallWaitingInTheServer() throws Exception {
        SyncManager m = started(new SyncManager());
        QueueProxy<String> q = m.queue();
        Call get = call("waiting-get", q::get);
        awaitWaitingForTheManager(get.thread);
        long t0 = System.nanoTime();
        m.shutdown();
        Throwable f = get.failure(PATIENCE);
        assertInstanceOf(UncheckedIOException.class, f, "a get() waiting in a manager that shut down");
        long took = get.endedAt - t0;
        assertTrue(took < PROMPT.toNanos(), "the waiting get() ended only " + Duration.ofNanos(took) + " after shutdown");
    }

    // ---------------------------------------------------------------- the manager process dies

    @Test
    void aKilledManagerFailsEveryCallAtOnceAlsoThoseWaitingInIt() throws Exception {
        SyncManager m = new SyncManager();
        m.register("Gate", Gate::new);
        started(m);
        long pid = m.pid();
        DictProxy<String, Integer> d = m.dict();
        d.put("a", 1);
        QueueProxy<String> q = m.queue();
        AcquirerProxy lock = m.lock();
        BarrierProxy barrier = m.barrier(2);
        ConditionProxy cond = m.condition();
        EventProxy event = m.event();
        GateApi gate = m.create("Gate", GateApi.class);
        lock.acquire();

        List<Call> waiting = new ArrayList<>();
        Call get = call("get", q::get);
        waiting.add(get);
        Call acquire = call("acquire", () -> {
            lock.acquire();
            return "acquired";
        });
        waiting.add(acquire);
        Call await = call("event-await", () -> {
            event.await();
            return "set";
        });
        waiting.add(await);
        for (Call c : waiting) {
            awaitWaitingForTheManager(c.thread);
        }
        waiting.add(call("barrier", barrier::await));
        awaitUntil("one party waits at the barrier, in the server", () -> barrier.nWaiting() == 1);
        waiting.add(call("gate", () -> {
            gate.pass();
            return "passed";
        }));
        awaitUntil("one call waits in the gate, in the server", () -> gate.waiting() == 1);
        CountDownLatch condHeld = new CountDownLatch(1);
        waiting.add(call("condition-await", () -> {
            cond.acquire();
            condHeld.countDown();
            cond.await();
            return "signalled";
        }));
        assertTrue(condHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(cond.acquire(PATIENCE), "the waiter released the condition's lock: it waits in the server");
        cond.release();

        long killedAt = System.nanoTime();
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        for (Call c : waiting) {
            Throwable f = c.failure(PATIENCE);
            assertInstanceOf(UncheckedIOException.class, f, c.thread.getName() + " failed otherwise: " + f);
            assertTrue(f.getMessage().contains("has gone"), f.getMessage());
            long after = c.endedAt - killedAt;
            assertTrue(after < DEATH_NOTICE.toNanos(),
                    c.thread.getName() + " failed only " + Duration.ofNanos(after) + " after the kill");
        }

        // later calls fail too, at once: from a thread that called before, from a new thread, new objects
        for (Body later : List.<Body>of(d::size, () -> d.put("b", 2), () -> {
            q.put("x");
            return null;
        }, lock::locked, event::isSet, gate::waiting, m::dict, m::lock)) {
            long t0 = System.nanoTime();
            assertThrows(UncheckedIOException.class, later::run);
            assertTrue(System.nanoTime() - t0 < DEATH_NOTICE.toNanos(), "a later call took "
                    + Duration.ofNanos(System.nanoTime() - t0));
        }
        Call fresh = call("fresh-thread", d::size);
        assertInstanceOf(UncheckedIOException.class, fresh.failure(DEATH_NOTICE));

        long t0 = System.nanoTime();
        m.shutdown();
        assertTrue(System.nanoTime() - t0 < PATIENCE.toNanos());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        awaitUntil("the killed manager's directory is deleted", () -> directoriesOf(Set.of(pid)).isEmpty());
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void anInterruptedAcquireEndsAtOnceAndAcquiresNothing() throws Exception {
        AcquirerProxy lock = shared.lock();
        lock.acquire();
        CountDownLatch caught = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Call blocked = call("acquire", () -> {
            try {
                lock.acquire();
                return "acquired";
            } catch (InterruptedException e) {
                assertFalse(Thread.currentThread().isInterrupted());
                caught.countDown();
                proceed.await();
                // the same thread, so the same connection: it still works, and is in step
                return lock.acquire(false) ? "acquired later" : "refused later";
            }
        });
        awaitWaitingForTheManager(blocked.thread);
        long t0 = System.nanoTime();
        blocked.thread.interrupt();
        assertTrue(caught.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS) || blocked.outcome.isDone(),
                "the interrupted acquire still waits" + stack(blocked.thread));
        assertFalse(blocked.outcome.isDone(), () -> "the acquire did not throw InterruptedException: " + blocked.outcome);
        assertTrue(System.nanoTime() - t0 < PROMPT.toNanos());

        lock.release();
        Call other = call("other", () -> {
            boolean got = lock.acquire(PATIENCE);
            if (got) {
                lock.release();
            }
            return got;
        });
        assertEquals(true, other.result(PATIENCE),
                "the lock is free after the release: the interrupted acquire did not take it in the server");
        proceed.countDown();
        assertEquals("acquired later", blocked.result(PATIENCE));
        assertTrue(lock.locked());
        assertFalse(lock.acquire(false), "held by the other thread");
        lock.release();  // a Lock, unlike an RLock, may be released by any thread
        assertFalse(lock.locked());
    }

    @Test
    void anInterruptedGetEndsAtOnceAndTakesNothing() throws Exception {
        QueueProxy<String> q = shared.queue();
        CountDownLatch caught = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Call blocked = call("get", () -> {
            try {
                return "got " + q.get();
            } catch (InterruptedException e) {
                caught.countDown();
                proceed.await();
                q.put("mine");
                return q.get();
            }
        });
        awaitWaitingForTheManager(blocked.thread);
        long t0 = System.nanoTime();
        blocked.thread.interrupt();
        assertTrue(caught.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS) || blocked.outcome.isDone(),
                "the interrupted get still waits" + stack(blocked.thread));
        assertFalse(blocked.outcome.isDone(), () -> "the get did not throw InterruptedException: " + blocked.outcome);
        assertTrue(System.nanoTime() - t0 < PROMPT.toNanos());

        q.put("later");
        assertEquals("later", q.get(PATIENCE), "a later put is not lost to the interrupted get");
        assertEquals(0, q.qsize());
        proceed.countDown();
        assertEquals("mine", blocked.result(PATIENCE), "the interrupted thread's connection is in step");
        assertTrue(q.empty());
    }

    @Test
    void anInterruptedEventWaitEndsAtOnce() throws Exception {
        EventProxy event = shared.event();
        CountDownLatch caught = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Call blocked = call("event-await", () -> {
            try {
                event.await();
                return "set";
            } catch (InterruptedException e) {
                caught.countDown();
                proceed.await();
                // answers of different types: a connection out of step would mix them up
                boolean set = event.isSet();
                boolean waited = event.await(PATIENCE);
                String text = event.toString();
                return set && waited && !text.isEmpty() ? "interrupted, then set" : "not set";
            }
        });
        awaitWaitingForTheManager(blocked.thread);
        long t0 = System.nanoTime();
        blocked.thread.interrupt();
        assertTrue(caught.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS) || blocked.outcome.isDone(),
                "the interrupted wait still waits" + stack(blocked.thread));
        assertFalse(blocked.outcome.isDone(), () -> "the wait did not throw InterruptedException: " + blocked.outcome);
        assertTrue(System.nanoTime() - t0 < PROMPT.toNanos());
        event.set();
        proceed.countDown();
        assertEquals("interrupted, then set", blocked.result(PATIENCE));
    }

    @Test
    void anInterruptedTypedCallIsInterruptedInTheServer() throws Exception {
        BaseManager m = new BaseManager();
        m.register("Gate", Gate::new);
        started(m);
        GateApi gate = m.create("Gate", GateApi.class);
        Call blocked = call("gate", () -> {
            gate.pass();
            return "passed";
        });
        awaitUntil("the call waits in the gate, in the server", () -> gate.waiting() == 1);
        blocked.thread.interrupt();
        assertInstanceOf(InterruptedException.class, blocked.failure(PROMPT));
        awaitUntil("the server's call has ended", () -> gate.waiting() == 0);
        assertEquals(1, gate.interrupted(), "the wait in the server was interrupted");
    }

    @Test
    void anInterruptBeforeAWaitingCallTakesNothingAndAnImmediateCallKeepsTheStatus() throws Exception {
        QueueProxy<String> q = shared.queue();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, q::get, "a get that would wait, with the interrupt status set");
        assertFalse(Thread.currentThread().isInterrupted(), "InterruptedException clears the status");
        q.put("kept");
        assertEquals(1, q.qsize(), "the interrupted get left nothing behind that takes the next item");

        DictProxy<String, Integer> d = shared.dict();
        Thread.currentThread().interrupt();
        try {
            d.put("a", 1);  // does not wait: runs, and the interrupt status stays
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, d.get("a"));
        assertEquals("kept", q.get());
    }

    // ---------------------------------------------------------------- ownership per client thread

    @Test
    void anRLockAndAConditionAreOwnedByTheClientThread() throws Exception {
        AcquirerProxy rlock = shared.rLock();
        rlock.acquire();
        rlock.acquire();
        Call stranger = call("stranger", () -> {
            IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, rlock::release);
            assertCarriesRemoteTraceback(e, "RLock.release");
            return rlock.acquire(false);
        });
        assertEquals(false, stranger.result(PATIENCE), "another thread may neither release nor take it");
        assertTrue(rlock.locked());
        rlock.release();
        assertTrue(rlock.locked(), "held twice, released once");
        rlock.release();
        assertFalse(rlock.locked());
        assertThrows(IllegalMonitorStateException.class, rlock::release, "released more often than acquired");
        Call taker = call("taker", () -> {
            boolean got = rlock.acquire(false);
            rlock.release();
            return got;
        });
        assertEquals(true, taker.result(PATIENCE));

        ConditionProxy cond = shared.condition();
        assertThrows(IllegalMonitorStateException.class, cond::signal, "not held");
        assertThrows(IllegalMonitorStateException.class, cond::await, "not held");
        cond.acquire();
        Call other = call("other", () -> {
            assertThrows(IllegalMonitorStateException.class, cond::signalAll);
            assertThrows(IllegalMonitorStateException.class, cond::release);
            return cond.acquire(false);
        });
        assertEquals(false, other.result(PATIENCE));
        cond.signalAll();
        assertFalse(cond.await(Duration.ofMillis(50)), "nobody signals");
        cond.release();

        AcquirerProxy plain = shared.lock();
        plain.acquire();
        Call releaser = call("releaser", () -> {
            plain.release();  // a Lock has no owner
            return plain.locked();
        });
        assertEquals(false, releaser.result(PATIENCE));
    }

    // ---------------------------------------------------------------- remote: TCP, a key, connect()

    @Test
    void aManagerServedOnTcpIsReachedByConnectWithTheKey() throws Exception {
        SyncManager server = new SyncManager(new InetSocketAddress("127.0.0.1", 0), KEY);
        server.register("registry", Registry::shared);
        started(server);
        InetSocketAddress address = assertInstanceOf(InetSocketAddress.class, server.address());
        assertTrue(address.getPort() > 0, "the port bound: " + address);
        assertTrue(address.getAddress().isLoopbackAddress(), address.toString());

        // another client, as another program would make it: the server is a child JVM
        SyncManager client = connected(new SyncManager(address, KEY));
        assertEquals(address, client.address());
        BaseProxy registry = client.create("registry");
        registry.callMethod("put", "from", "client");
        assertEquals("client", server.create("registry").callMethod("get", "from"), "the same object");
        DictProxy<String, Integer> d = client.dict();
        d.put("x", 1);
        QueueProxy<String> q = server.queue();
        q.put("hello");
        Call viaClient = call("client-thread", () -> client.create("registry").callMethod("get", "from"));
        assertEquals("client", viaClient.result(PATIENCE));
        assertEquals(1, d.get("x"));
        assertEquals("hello", q.get());

        IllegalStateException twice = assertThrows(IllegalStateException.class, client::connect);
        assertTrue(twice.getMessage().contains("connected"), twice.getMessage());
        assertThrows(ProcessError.class, client::start);
        client.shutdown();  // only forgets the server, which goes on
        assertThrows(IllegalStateException.class, client::dict);
        assertEquals(1, d.get("x"), "proxies made through the client still reach the server");
        assertTrue(ProcessHandle.of(server.pid()).orElseThrow().isAlive());

        server.shutdown();
        assertThrows(UncheckedIOException.class, () -> d.get("x"));
        long t0 = System.nanoTime();
        UncheckedIOException nobody = assertThrows(UncheckedIOException.class,
                () -> new SyncManager(address, KEY).connect());
        assertTrue(nobody.getMessage().contains(address.toString()), nobody.getMessage());
        assertTrue(System.nanoTime() - t0 < PROMPT.toNanos());
    }

    @Test
    void aWrongKeyFailsAtConnectBeforeAnythingIsDeserialized() throws Exception {
        BaseManager server = new BaseManager(new InetSocketAddress("127.0.0.1", 0), KEY);
        server.register("registry", Registry::shared);
        started(server);
        SocketAddress address = server.address();

        BaseManager wrong = new BaseManager(address, WRONG_KEY);
        assertThrows(AuthenticationError.class, wrong::connect);
        IllegalStateException notConnected = assertThrows(IllegalStateException.class, () -> wrong.create("registry"));
        assertTrue(notConnected.getMessage().contains("not started"), notConnected.getMessage());

        // a raw client sends a serialized object where its answer to the challenge should be
        Path dir = Files.createTempDirectory("manager-tripwire");
        Path marker = dir.resolve("deserialized");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new Tripwire(marker.toString()));
            }
            byte[] payload = bytes.toByteArray();
            try (Socket raw = new Socket()) {
                raw.connect(address, (int) PATIENCE.toMillis());
                raw.setSoTimeout((int) PATIENCE.toMillis());
                DataInputStream in = new DataInputStream(raw.getInputStream());
                in.readFully(new byte[in.readInt()]);  // the server's challenge
                DataOutputStream out = new DataOutputStream(raw.getOutputStream());
                out.writeInt(payload.length);
                out.write(payload);
                out.flush();
                try {
                    while (in.read() >= 0) {
                        // whatever the server says before it hangs up
                    }
                } catch (SocketTimeoutException e) {
                    fail("the manager did not hang up on a client that failed its challenge");
                } catch (IOException reset) {
                    // hung up
                }
            }
            BaseManager right = connected(new BaseManager(address, KEY));
            assertEquals(null, right.create("registry").callMethod("get", "nothing"), "the manager goes on");
            assertFalse(Files.exists(marker), "the manager deserialized a payload sent before authentication");
        } finally {
            Files.deleteIfExists(marker);
            Files.delete(dir);
        }
    }

    // ---------------------------------------------------------------- nested proxies in the server

    /**
     * A dict or list runs each call with its lock held; a proxy it holds must not make a round
     * trip then (it would wait for another server thread, which needs the same lock when the
     * proxy is of the same object). Printing a list that holds itself, or two dicts that hold each
     * other, deadlocked the manager; now a nested proxy shows as CPython's repr of a proxy, and
     * compares and hashes by its token.
     */
    @Test
    void aSharedObjectThatHoldsItselfNeitherHangsNorCallsBack() throws Exception {
        SyncManager m = started(new SyncManager());
        ListProxy<Object> l = m.list();
        l.add(1);
        l.add(l);
        DictProxy<String, Object> a = m.dict();
        DictProxy<String, Object> b = m.dict();
        a.put("b", b);
        b.put("a", a);
        a.put("self", a);
        NamespaceProxy ns = m.namespace();
        ns.set("me", ns);
        ValueProxy<Object> v = m.value("i", 0);
        v.set(v);

        Call printing = call("print", () -> List.of(l.toString(), a.toString(), b.toString(), ns.toString(),
                v.toString()));
        assertEquals(List.of("[1, " + l.repr() + "]", "{b=" + b.repr() + ", self=" + a.repr() + "}",
                "{a=" + a.repr() + "}", "Namespace(me=" + ns.repr() + ")", "Value('i', " + v.repr() + ")"),
                printing.result(PATIENCE), "a nested proxy shows as CPython's repr, without a call back");
        assertTrue(l.repr().matches("<ListProxy object, typeid 'list', id \\d+>"), l.repr());

        Call finding = call("find", () -> List.of(l.contains(l), l.indexOf(l), a.containsValue(a),
                a.containsValue(b), b.containsValue(b)));
        assertEquals(List.of(true, 1, true, true, false), finding.result(PATIENCE),
                "in the server, a nested proxy equals a proxy of the same object");

        DictProxy<Object, String> byProxy = m.dict();
        byProxy.put(l, "the list");
        l.add(2);
        assertEquals("the list", byProxy.get(l), "a proxy key hashes by its token, not the contents it had");
        assertTrue(l.remove(l));
        assertEquals(List.of(1, 2), l.copy());
        assertEquals(Map.of("b", b, "self", a).keySet(), a.copy().keySet());
    }

    // ---------------------------------------------------------------- sanity of the shared manager

    @Test
    void theSharedTypesWork() throws Exception {
        DictProxy<String, Object> d = shared.dict(Map.of("a", 1));
        assertEquals(Map.of("a", 1), d);
        ListProxy<Integer> l = shared.list(List.of(0, 1, 2));
        l.add(3);
        assertEquals(List.of(0, 1, 2, 3), l.copy());
        NamespaceProxy ns = shared.namespace();
        ns.set("x", 10);
        assertEquals(10, (int) ns.get("x"));
        ValueProxy<Integer> v = shared.value("i", 5);
        v.set(v.get() + 1);
        assertEquals(6, v.get());
        SemaphoreProxy s = shared.boundedSemaphore(1);
        assertTrue(s.acquire(false));
        assertFalse(s.acquire(false));
        s.release();
        assertThrows(IllegalArgumentException.class, s::release, "a bounded semaphore released too often");
        ListProxy<Integer> arr = shared.array("i", List.of(1, 2, 3));
        assertThrows(UnsupportedOperationException.class, () -> arr.add(4));
        ListProxy<Object> outer = shared.list();
        outer.add(d);
        DictProxy<?, ?> inner = assertInstanceOf(DictProxy.class, outer.get(0), "a stored proxy stays a proxy");
        @SuppressWarnings("unchecked")
        DictProxy<String, Object> same = (DictProxy<String, Object>) inner;
        same.put("b", 2);
        assertEquals(2, d.get("b"));
    }
}
