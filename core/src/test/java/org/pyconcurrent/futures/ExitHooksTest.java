package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.internal.ExitHooks;

/**
 * {@link ExitHooks}, Python's {@code atexit} role for executors: each test runs
 * {@link ExitHooksChild} in a child JVM and compares what it printed while exiting.
 */
class ExitHooksTest {
    private static final long CHILD_PATIENCE_SECONDS = 60;

    /** Runs the child with {@code mode}; returns its standard output lines, after checking it exited with 0. */
    private static List<String> runChild(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("exit-hooks-child", ".out");
        Path err = Files.createTempFile("exit-hooks-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    ExitHooksChild.class.getName(), mode);
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process child = pb.start();
            if (!child.waitFor(CHILD_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                fail("the child (" + mode + ") did not exit within " + CHILD_PATIENCE_SECONDS + " s; stdout:\n"
                        + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), () -> "child exit status; stdout: " + lines + "\nstderr:\n" + read(err));
            return lines;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void executorNotShutDownFinishesItsQueuedCallsAtExit() throws Exception {
        List<String> lines = runChild("executor");
        List<String> expected = new ArrayList<>(List.of("main returns", "call 0", "call 1", "call 2"));
        assertEquals(expected, lines.subList(0, Math.min(4, lines.size())), "all lines: " + lines);
        assertEquals(6, lines.size(), "all lines: " + lines);
        assertTrue(lines.get(4).startsWith("other rejected: ") && lines.get(4).contains("interpreter shutdown"),
                lines.get(4));
        assertTrue(lines.get(5).startsWith("executor rejected: "), lines.get(5));
    }

    @Test
    void actionsBeginAndFinishNewestFirst() throws Exception {
        List<String> lines = runChild("actions");
        assertEquals(List.of(
                "exiting before exit=false",
                "main returns",
                "D begins, exiting=true, register during exit=false",
                "B begins",
                "A begins",
                "D finishes",
                "B finishes",
                "A finishes"), lines);
    }

    @Test
    void executorShutDownBeforeExitLeavesNothingForExit() throws Exception {
        assertEquals(List.of("call ran", "isTerminated=true", "main returns"), runChild("shutdown"));
    }

    @Test
    void notExitingWhileTheJvmRuns() {
        assertFalse(ExitHooks.exiting());
    }
}
