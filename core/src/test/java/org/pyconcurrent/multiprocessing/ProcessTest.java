package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Process} on real child JVMs: pids, isolation, every exit-code rule, the lifecycle errors,
 * and what happens to children when their parent exits or is killed. Every child started is
 * killed in {@link #killLeftovers()}, so a failing test leaves no JVM behind.
 */
class ProcessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A static the children change: the parent's copy must not move. */
    static int global = 1;

    private final List<Process> started = new ArrayList<>();

    private Process track(Process p) {
        started.add(p);
        return p;
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            try {
                if (p.pid() != null && p.isAlive()) {
                    p.kill();
                    p.join(PATIENCE);
                }
            } catch (IllegalStateException closed) {
                // a closed process has exited already
            }
        }
    }

    static void exitWith(int code) {
        System.exit(code);
    }

    static void changeGlobalAndExitWithIt() {
        global = 42;
        System.exit(global);
    }

    static void sleepLong() {
        ProcessMains.sleepForever();
    }

    /** A subclass that overrides run(); its field travels with it. */
    static final class MyProcess extends Process {
        private static final long serialVersionUID = 1L;
        private final int code;

        MyProcess(int code) {
            this.code = code;
        }

        @Override
        public void run() {
            System.exit(code + (Process.currentProcess() == this ? 1 : 0));
        }
    }

    private static void joinOrFail(Process p) throws InterruptedException {
        assertTrue(p.join(PATIENCE), () -> p + " did not exit within " + PATIENCE);
    }

    @Test
    void aChildIsAnotherOsProcessWithItsOwnMemory() throws Exception {
        Process p = track(new Process(ProcessTest::changeGlobalAndExitWithIt));
        assertNull(p.pid(), "no pid before start");
        assertNull(p.exitcode());
        p.start();
        assertNotEquals(ProcessHandle.current().pid(), p.pid());
        joinOrFail(p);
        assertEquals(42, p.exitcode(), "the child saw its own change");
        assertEquals(1, global, "the parent's static is untouched");
        assertFalse(p.isAlive());
    }

    @Test
    void exitCodesFollowPython() throws Exception {
        Process ok = track(new Process(() -> { }));
        Process raises = track(new Process(() -> {
            throw new IllegalArgumentException("boom");
        }));
        Process exits = track(new Process(() -> exitWith(8)));
        for (Process p : List.of(ok, raises, exits)) {
            p.start();
        }
        for (Process p : List.of(ok, raises, exits)) {
            joinOrFail(p);
        }
        assertEquals(0, ok.exitcode());
        assertEquals(1, raises.exitcode());
        assertEquals(8, exits.exitcode());
    }

    @Test
    void terminateGivesMinus15AndKillMinus9() throws Exception {
        Process t = track(new Process(ProcessTest::sleepLong));
        Process k = track(new Process(ProcessTest::sleepLong));
        t.start();
        k.start();
        assertFalse(t.join(Duration.ofMillis(200)), "a sleeping child is still running");
        assertNull(t.exitcode(), "no exit code while running");
        assertTrue(t.isAlive());
        t.terminate();
        k.kill();
        joinOrFail(t);
        joinOrFail(k);
        assertEquals(-15, t.exitcode());
        assertEquals(-9, k.exitcode());
        t.terminate();  // after exit: nothing happens
        assertEquals(-15, t.exitcode());
    }

    @Test
    void aSubclassTravelsWithItsFields() throws Exception {
        Process p = track(new MyProcess(20));
        p.start();
        joinOrFail(p);
        assertEquals(21, p.exitcode(), "run() saw its field, and currentProcess() is the object itself");
    }

    @Test
    void namesFollowPython() {
        assertEquals("MainProcess", Process.currentProcess().name());
        assertNull(Process.parentProcess());
        assertEquals(ProcessHandle.current().pid(), Process.currentProcess().pid());
        Process p = new Process(() -> { });
        assertTrue(p.name().startsWith("Process-"), p.name());
        assertEquals("worker", new Process("worker", () -> { }).name());
        assertTrue(Process.cpuCount() >= 1);
    }

    @Test
    void lifecycleMisuseIsRefused() throws Exception {
        Process p = track(new Process(ProcessTest::sleepLong));
        assertThrows(IllegalStateException.class, p::join, "join before start");
        assertThrows(IllegalStateException.class, p::terminate, "terminate before start");
        p.start();
        assertThrows(IllegalStateException.class, p::start, "start twice");
        assertThrows(IllegalStateException.class, () -> p.setDaemon(true), "daemon after start");
        assertThrows(IllegalStateException.class, p::close, "close while running");
        assertThrows(IllegalArgumentException.class, () -> p.join(Duration.ofSeconds(-1)));
        p.kill();
        joinOrFail(p);
        p.close();
        p.close();
        assertThrows(IllegalStateException.class, p::isAlive);
        assertThrows(IllegalStateException.class, p::exitcode);
        assertThrows(IllegalStateException.class, p::join);
        assertThrows(IllegalStateException.class, p::start);
    }

    @Test
    void anUnserializableTargetFailsAtStartNamingTheClass() {
        Object notSerializable = new Object();
        Process p = new Process(() -> System.out.println(notSerializable));
        int before = Process.activeChildren().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::start);
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        assertEquals(before, Process.activeChildren().size(), "no child started");
        assertNull(p.pid());
    }

    @Test
    void startMethods() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Process.setStartMethod("fork"));
        assertThrows(IllegalArgumentException.class, () -> Process.setStartMethod("thread"));
        assertEquals("forkserver", Process.getStartMethod());
        Process.setStartMethod("spawn");
        try {
            Process p = track(new Process(() -> exitWith(3)));
            p.start();
            joinOrFail(p);
            assertEquals(3, p.exitcode());
        } finally {
            Process.setStartMethod("forkserver");
        }
    }

    @Test
    void twentyProcessesStartedAndTerminated() throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Process p = track(new Process(ProcessTest::sleepLong));
            p.start();
            ps.add(p);
        }
        assertTrue(Process.activeChildren().containsAll(ps));
        for (Process p : ps) {
            p.terminate();
        }
        for (Process p : ps) {
            joinOrFail(p);
            assertEquals(-15, p.exitcode());
            assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
        assertTrue(Process.activeChildren().stream().noneMatch(ps::contains));
    }

    @Test
    void waitAnyReturnsTheOnesThatExited() throws Exception {
        Process quick = track(new Process(() -> { }));
        Process slow = track(new Process(ProcessTest::sleepLong));
        quick.start();
        slow.start();
        List<Process> exited = Process.waitAny(List.of(slow, quick), PATIENCE);
        assertEquals(List.of(quick), exited);
        assertEquals(List.of(), Process.waitAny(List.of(slow), Duration.ofMillis(100)));
    }

    // ---------------------------------------------------------------- in a parent JVM of their own

    private static java.lang.Process parentJvm(String mode, Path stderr) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ProcessMains.class.getName(), mode)
                .redirectError(stderr.toFile())
                .start();
    }

    private static long readPid(BufferedReader out, String label) throws Exception {
        String line = out.readLine();
        assertTrue(line != null && line.startsWith(label + " "), "expected '" + label + " <pid>', got " + line);
        return Long.parseLong(line.substring(label.length() + 1));
    }

    private static boolean goneWithin(long pid, Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The shared-memory directories pid made (see SharedFiles), in /dev/shm or the temp dir. */
    private static List<Path> sharedDirectoriesOf(long pid) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path base : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            if (Files.isDirectory(base)) {
                try (var list = Files.list(base)) {
                    list.filter(p -> p.getFileName().toString().startsWith("pyc-shm-" + pid + "-")).forEach(found::add);
                }
            }
        }
        return found;
    }

    @Test
    void aChildWhoseParentIsKilledExits() throws Exception {
        Path err = Files.createTempFile("process-test", ".err");
        java.lang.Process parent = parentJvm("orphan", err);
        long child = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            // two lines in either order: the parent's "child <pid>" and the child's own "running <pid>",
            // printed once its target runs, so its JVM is past start-up (which, on a loaded machine,
            // can take longer than the 2 s allowed below, and is not what this test measures)
            Map<String, Long> lines = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                String line = out.readLine();
                assertTrue(line != null && line.matches("(child|running) \\d+"), "unexpected line " + line);
                lines.put(line.substring(0, line.indexOf(' ')), Long.parseLong(line.substring(line.indexOf(' ') + 1)));
            }
            child = lines.get("child");
            assertEquals(child, lines.get("running"), "the child reports its own pid");
            long parentPid = parent.pid();
            assertFalse(sharedDirectoriesOf(parentPid).isEmpty(), "the parent made a shared directory");
            parent.destroyForcibly().waitFor();
            assertTrue(goneWithin(child, Duration.ofSeconds(2)), "the orphan exits within 2 s of its parent's SIGKILL");
            assertEquals(List.of(), sharedDirectoriesOf(parentPid), "the orphan deleted its dead parent's shared directory");
        } finally {
            parent.destroyForcibly();
            if (child > 0) {
                ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
            }
            Files.deleteIfExists(err);
        }
    }

    @Test
    void atExitDaemonChildrenAreTerminatedAndOthersJoined() throws Exception {
        Path err = Files.createTempFile("process-test", ".err");
        java.lang.Process parent = parentJvm("exit", err);
        long daemon = -1;
        long worker = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            daemon = readPid(out, "daemon");
            worker = readPid(out, "worker");
            assertTrue(parent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the parent exits");
            assertEquals(0, parent.exitValue(), () -> "parent stderr: " + read(err));
            assertTrue(goneWithin(daemon, Duration.ofSeconds(5)), "the daemon child was terminated");
            assertTrue(goneWithin(worker, Duration.ofMillis(100)), "the parent waited for the non-daemon child");
        } finally {
            parent.destroyForcibly();
            for (long pid : new long[] {daemon, worker}) {
                if (pid > 0) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Files.deleteIfExists(err);
        }
    }

    @Test
    void anUncaughtExceptionPrintsItsTraceOnTheChildsStderr() throws Exception {
        Path err = Files.createTempFile("process-test", ".err");
        java.lang.Process parent = parentJvm("raise", err);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("exitcode 1", out.readLine());
            assertTrue(parent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            String trace = read(err);
            assertTrue(trace.contains("Process Process-1:"), trace);
            assertTrue(trace.contains("java.lang.IllegalStateException: raised in the child"), trace);
        } finally {
            parent.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
