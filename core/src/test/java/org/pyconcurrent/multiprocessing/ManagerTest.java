package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Smoke: a Manager's shared dict and list across ten real processes, as the seeds do. */
class ManagerTest {
    private static Manager manager;

    @BeforeAll
    static void start() {
        manager = new Manager();
    }

    @AfterAll
    static void stop() {
        manager.shutdown();
    }

    @Test
    void dictAndListAcrossTenProcesses() throws Exception {
        DictProxy<Long, Long> d = manager.dict();
        ListProxy<Long> l = manager.list(List.of(0L, 1L, 2L, 3L, 4L));
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Process p = new Process(() -> {
                long pid = ProcessHandle.current().pid();
                d.put(pid, pid);
                l.add(pid);
            });
            p.start();
            ps.add(p);
        }
        List<Long> pids = new ArrayList<>();
        for (Process p : ps) {
            p.join();
            assertEquals(0, p.exitcode());
            pids.add(p.pid());
        }
        assertEquals(10, d.size());
        for (long pid : pids) {
            assertEquals(pid, d.get(pid));
            assertTrue(l.contains(pid));
        }
        assertEquals(15, l.size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), l.subList(0, 5));
    }

    @Test
    void basics() throws Exception {
        DictProxy<String, Object> d = manager.dict();
        assertTrue(d.isEmpty());
        assertEquals(null, d.put("a", 1));
        assertEquals(1, d.put("a", 2));
        d.put("b", List.of(1, 2));
        assertEquals("{a=2, b=[1, 2]}", d.toString());
        assertEquals(Map.of("a", 2, "b", List.of(1, 2)), d);
        NamespaceProxy ns = manager.namespace();
        ns.set("x", 10);
        assertEquals(10, (int) ns.get("x"));
        assertThrows(NoSuchElementException.class, () -> ns.get("y"));
        QueueProxy<String> q = manager.queue();
        q.put("hi");
        assertEquals("hi", q.get());
        assertThrows(org.pyconcurrent.queue.Empty.class, q::getNowait);
        AcquirerProxy lock = manager.lock();
        assertTrue(lock.acquire(false));
        assertFalse(lock.acquire(Duration.ofMillis(50)));
        lock.release();
        assertThrows(RuntimeException.class, lock::release);
        ValueProxy<Integer> v = manager.value("i", 5);
        v.set(v.get() + 1);
        assertEquals(6, v.get());
        ListProxy<Integer> arr = manager.array("i", List.of(1, 2, 3));
        arr.set(0, 9);
        assertEquals(List.of(9, 2, 3), arr.copy());
        assertThrows(UnsupportedOperationException.class, () -> arr.add(4));
        // nested
        ListProxy<Object> outer = manager.list();
        outer.add(d);
        @SuppressWarnings("unchecked")
        DictProxy<String, Object> inner = (DictProxy<String, Object>) outer.get(0);
        inner.put("c", 3);
        assertEquals(3, d.get("c"));
    }

    @Test
    void custom() throws Exception {
        try (BaseManager m = new BaseManager()) {
            m.register("Maths", MathsImpl::new, "add");
            m.start();
            Maths maths = m.create("Maths", Maths.class);
            assertEquals(7, maths.add(4, 3));
            BaseProxy raw = m.create("Maths");
            assertEquals(7, raw.callMethod("add", 4, 3));
            assertThrows(RemoteError.class, () -> raw.callMethod("secret"));
            long start = System.nanoTime();
            long pid = m.pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> maths.add(1, 1));
            System.out.println(e.getMessage() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** A registered type's interface. */
    public interface Maths {
        int add(int a, int b);
    }

    /** A registered type. */
    public static final class MathsImpl implements Maths {
        @Override
        public int add(int a, int b) {
            return a + b;
        }

        public String secret() {
            return "no";
        }
    }
}
