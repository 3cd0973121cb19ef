package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.multiprocessing.ManagerTest.KEY;
import static org.pyconcurrent.multiprocessing.ManagerTest.PATIENCE;
import static org.pyconcurrent.multiprocessing.ManagerTest.WRONG_KEY;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.Held;

/**
 * A manager's proxies in real child JVMs: the seeds' programs (ten processes filling a shared
 * dict and list; children writing a shared dict one after the other), proxies captured by a
 * {@link Pool} task or sent through a multiprocessing {@link Queue}, proxies nested in shared
 * objects, a remote manager reached by {@code connect()} from a child, ownership of a manager
 * {@code RLock} across processes, and a child whose manager is killed while it waits in it.
 *
 * <p>A child reports through the manager's objects and its exit code: an assertion that fails in
 * a child prints its trace on the child's standard error (this JVM's) and makes the exit code 1.
 * Every child and pool started is killed or terminated after its test, every manager shut down,
 * and {@link #nothingRemains()} checks at the end that none of their processes is alive and none
 * left a shared-memory directory.
 */
class ManagerAcrossProcessesTest {
    private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

    private final List<Process> started = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();
    private final List<BaseManager> managers = new ArrayList<>();

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
        PIDS.add(p.pid());
        return p;
    }

    private <M extends BaseManager> M started(M m) {
        managers.add(m);
        if (m.pid() == null) {
            m.start();
        }
        PIDS.add(m.pid());
        return m;
    }

    private Pool pool(int processes) {
        Pool p = new Pool(processes);
        pools.add(p);
        return p;
    }

    @AfterEach
    void cleanUp() throws Exception {
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
        for (Pool p : pools) {
            p.terminate();
        }
        for (Pool p : pools) {
            p.join();
        }
        for (BaseManager m : managers) {
            m.shutdown();
        }
    }

    @AfterAll
    static void nothingRemains() throws Exception {
        ManagerTest.assertNoneAliveAndNoDirectories(PIDS, "child or manager");
    }

    private static void joinOk(Process... ps) throws InterruptedException {
        for (Process p : ps) {
            assertTrue(p.join(PATIENCE), () -> p + " did not exit within " + PATIENCE);
            assertEquals(0, p.exitcode(), () -> p + " failed (its stack trace is on stderr)");
        }
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    // ---------------------------------------------------------------- the seeds' programs

    /**
     * Seed 001: {@code with Manager() as manager: d = manager.dict(); l = manager.list(range(5))},
     * ten processes each {@code d[os.getpid()] = os.getpid(); l.append(os.getpid())}.
     */
    @Test
    void tenProcessesFillASharedDictAndList() throws Exception {
        List<Long> pids = new ArrayList<>();
        long managerPid;
        try (Manager manager = new Manager()) {
            started(manager);
            managerPid = manager.pid();
            DictProxy<Long, Long> d = manager.dict();
            ListProxy<Long> l = manager.list(List.of(0L, 1L, 2L, 3L, 4L));
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ps.add(start(() -> {
                    long pid = ProcessHandle.current().pid();
                    d.put(pid, pid);
                    l.add(pid);
                }));
            }
            for (Process p : ps) {
                joinOk(p);
                pids.add(p.pid());
            }
            Set<Long> distinct = new TreeSet<>(pids);
            assertEquals(10, distinct.size(), "ten processes, ten pids: " + pids);
            assertFalse(distinct.contains(pid()), "the children are not this process");
            assertFalse(distinct.contains(managerPid), "nor the manager's");

            Map<Long, Long> copy = d.copy();
            assertEquals(distinct, new TreeSet<>(copy.keySet()), "each child's own pid is a key: " + copy);
            copy.forEach((k, v) -> assertEquals(k, v));
            List<Long> list = l.copy();
            assertEquals(15, list.size(), list.toString());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), list.subList(0, 5), "range(5) first");
            assertEquals(distinct, new TreeSet<>(list.subList(5, 15)), "then each child's pid once");
        }
        assertFalse(ProcessHandle.of(managerPid).map(ProcessHandle::isAlive).orElse(false),
                "the with-block's end shut the manager down");
    }

    /**
     * Seed 003: {@code dic = manage.dict()}; two processes, each started and joined in turn, do
     * {@code dic[i] = 100 + i; print(dic.values())}.
     */
    @Test
    void childrenOneAfterTheOtherSeeEachOthersWrites() throws Exception {
        SyncManager manage = started(new Manager());
        DictProxy<Integer, Integer> dic = manage.dict();
        ListProxy<List<Integer>> seen = manage.list();
        for (int i = 0; i < 2; i++) {
            int n = i;
            Process p = start(() -> {
                dic.put(n, 100 + n);
                seen.add(new ArrayList<>(dic.values()));
            });
            joinOk(p);
        }
        assertEquals(Map.of(0, 100, 1, 101), dic.copy());
        assertEquals(List.of(List.of(100), List.of(100, 101)), seen.copy(), "the second child sees the first's write");
    }

    // ---------------------------------------------------------------- proxies in transit

    @Test
    void proxiesCapturedByPoolTasksReachTheSameObjects() throws Exception {
        SyncManager m = started(new SyncManager());
        DictProxy<Integer, Long> d = m.dict();
        ListProxy<Integer> l = m.list();
        ValueProxy<Integer> counter = m.value("i", 0);
        AcquirerProxy lock = m.lock();
        Pool pool = pool(2);
        List<Long> workers = pool.map(i -> {
            d.put(i, ProcessHandle.current().pid());
            l.add(i);
            for (int k = 0; k < 25; k++) {
                try (Held h = lock.with()) {
                    counter.set(counter.get() + 1);  // a read-modify-write, made atomic by the manager's lock
                }
            }
            return ProcessHandle.current().pid();
        }, IntStream.range(0, 8).boxed().toList());

        Set<Long> workerPids = new HashSet<>(workers);
        assertFalse(workerPids.contains(pid()), "the tasks ran in worker processes");
        assertFalse(workerPids.contains(m.pid()));
        PIDS.addAll(workerPids);
        assertEquals(IntStream.range(0, 8).boxed().collect(Collectors.toSet()), d.keySet().stream()
                .collect(Collectors.toSet()));
        for (int i = 0; i < 8; i++) {
            assertEquals(workers.get(i), d.get(i), "task " + i + " wrote its worker's pid");
        }
        assertEquals(IntStream.range(0, 8).boxed().toList(), l.copy().stream().sorted().toList());
        assertEquals(8 * 25, counter.get(), "no lost update under the manager's lock");
        assertFalse(lock.locked());

        // a proxy as an argument and as a result
        QueueProxy<String> q = m.queue();
        QueueProxy<String> back = pool.apply(() -> {
            q.put("from a worker");
            return q;
        });
        assertEquals(q, back, "a proxy returned by a task is the same shared queue");
        assertEquals("from a worker", back.get(PATIENCE));
    }

    @Test
    void proxiesSentThroughAMultiprocessingQueueReachTheSameObjects() throws Exception {
        SyncManager m = started(new SyncManager());
        DictProxy<String, Long> d = m.dict();
        QueueProxy<String> q = m.queue();
        EventProxy e = m.event();
        Queue<Object> toChild = new Queue<>();
        Queue<Object> fromChild = new Queue<>();
        Process child = start(() -> {
            @SuppressWarnings("unchecked")
            DictProxy<String, Long> dd = (DictProxy<String, Long>) toChild.get(PATIENCE);
            @SuppressWarnings("unchecked")
            QueueProxy<String> qq = (QueueProxy<String>) toChild.get(PATIENCE);
            EventProxy ee = (EventProxy) toChild.get(PATIENCE);
            dd.put("child", ProcessHandle.current().pid());
            qq.put("hello from the child");
            fromChild.put(qq);
            assertTrue(ee.await(PATIENCE), "the parent sets the event");
            fromChild.put(dd.copy());
        });
        toChild.put(d);
        toChild.put(q);
        toChild.put(e);
        assertEquals("hello from the child", q.get(PATIENCE));
        Object returned = fromChild.get(PATIENCE);
        QueueProxy<?> same = assertInstanceOf(QueueProxy.class, returned);
        assertEquals(q, same, "the proxy came back as the same shared queue");
        assertEquals(child.pid(), d.get("child"));
        d.put("parent", pid());
        e.set();
        assertEquals(Map.of("child", child.pid(), "parent", pid()), fromChild.get(PATIENCE),
                "the child reads the parent's write");
        joinOk(child);
    }

    @Test
    void aProxyStoredInASharedObjectStaysSharedInAnotherProcess() throws Exception {
        SyncManager m = started(new SyncManager());
        DictProxy<String, Long> inner = m.dict();
        ListProxy<Object> outer = m.list();
        outer.add(inner);
        DictProxy<String, Object> holder = m.dict();
        ListProxy<Long> innerList = m.list();
        holder.put("list", innerList);
        Process child = start(() -> {
            @SuppressWarnings("unchecked")
            DictProxy<String, Long> fromList = (DictProxy<String, Long>) outer.get(0);
            fromList.put("child", ProcessHandle.current().pid());
            @SuppressWarnings("unchecked")
            ListProxy<Long> fromDict = (ListProxy<Long>) holder.get("list");
            fromDict.add(ProcessHandle.current().pid());
            outer.add(fromDict);  // and stored again, from this process
        });
        joinOk(child);
        assertEquals(child.pid(), inner.get("child"), "the dict inside the list is the shared dict");
        assertEquals(List.of(child.pid()), innerList.copy(), "the list inside the dict is the shared list");
        ListProxy<?> stored = assertInstanceOf(ListProxy.class, outer.get(1));
        assertEquals(List.of(child.pid()), stored.copy());
        innerList.add(1L);
        assertEquals(2, stored.size(), "still the same list");
    }

    // ---------------------------------------------------------------- remote, from a child

    @Test
    void aChildConnectsToARemoteManagerWithTheKeyAndIsRefusedWithoutIt() throws Exception {
        SyncManager server = new SyncManager(new InetSocketAddress("127.0.0.1", 0), KEY);
        server.register("registry", ManagerTest.Registry::shared);
        started(server);
        SocketAddress address = server.address();
        BaseProxy registry = server.create("registry");
        registry.callMethod("put", "parent", pid());
        Process child = start(() -> {
            BaseManager wrong = new BaseManager(address, WRONG_KEY);
            assertThrows(AuthenticationError.class, wrong::connect);
            try (SyncManager m = new SyncManager(address, KEY)) {
                m.connect();
                BaseProxy r = m.create("registry");
                assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), r.callMethod("get", "parent"));
                r.callMethod("put", "child", ProcessHandle.current().pid());
                DictProxy<String, Long> d = m.dict();
                d.put("made by", ProcessHandle.current().pid());
                r.callMethod("put", "dict", d);  // a proxy stored in a registered object
            }
        });
        joinOk(child);
        assertEquals(child.pid(), registry.callMethod("get", "child"));
        DictProxy<?, ?> d = assertInstanceOf(DictProxy.class, registry.callMethod("get", "dict"));
        assertEquals(Map.of("made by", child.pid()), d.copy(), "the dict the child made lives on");
    }

    // ---------------------------------------------------------------- ownership across processes

    @Test
    void anRLockHeldHereIsNotTheChildsToRelease() throws Exception {
        SyncManager m = started(new SyncManager());
        AcquirerProxy rlock = m.rLock();
        EventProxy checked = m.event();
        EventProxy released = m.event();
        rlock.acquire();
        Process child = start(() -> {
            assertThrows(IllegalMonitorStateException.class, rlock::release, "the parent's thread holds it");
            assertFalse(rlock.acquire(false));
            checked.set();
            assertTrue(released.await(PATIENCE));
            assertTrue(rlock.acquire(PATIENCE), "free once the parent released it");
            rlock.acquire();  // reentrant for its owner, the child's thread
            rlock.release();
            rlock.release();
        });
        assertTrue(checked.await(PATIENCE));
        assertTrue(rlock.locked(), "the child's failed release changed nothing");
        rlock.release();
        released.set();
        joinOk(child);
        assertFalse(rlock.locked());
    }

    // ---------------------------------------------------------------- the manager dies

    @Test
    void aChildWaitingInAKilledManagerFailsAtOnce() throws Exception {
        SyncManager m = started(new SyncManager());
        BarrierProxy barrier = m.barrier(2);
        QueueProxy<String> q = m.queue();
        Process waiter = start(() -> {
            try {
                barrier.await();
            } catch (UncheckedIOException gone) {
                try {
                    q.put("after");
                } catch (UncheckedIOException stillGone) {
                    System.exit(42);
                }
            }
        });
        awaitUntil("the child waits at the barrier, in the manager", () -> barrier.nWaiting() == 1);
        long killedAt = System.nanoTime();
        assertTrue(ProcessHandle.of(m.pid()).orElseThrow().destroyForcibly());
        assertTrue(waiter.join(PATIENCE), "the child still waits in a dead manager");
        assertEquals(42, waiter.exitcode(), "the waiting call and a later one failed with UncheckedIOException");
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the child noticed only after " + took);
        assertNotEquals(pid(), waiter.pid());
    }
}
