package org.pyconcurrent.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link Example}'s {@code main} in a child JVM: the same {@code java} executable and the
 * same class path as this JVM, with standard output and error in UTF-8 (the seed programs print
 * Chinese). Used by the {@link Tour} (output goes straight to the terminal) and by the tests
 * (output is captured).
 *
 * <p>A child that outlives its timeout is killed, together with anything it started, and so is
 * every child still running when this JVM shuts down: the launcher never leaks a JVM.
 */
public final class Launcher {
    /** JVM options given to every child. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> LIVE.forEach(Launcher::kill), "examples-launcher-cleanup"));
    }

    private Launcher() {
    }

    /**
     * How a child run ended.
     *
     * @param example what ran
     * @param pid the child's process id
     * @param exitCode its exit code; meaningless when {@code timedOut}
     * @param timedOut whether it was killed for exceeding the timeout
     * @param elapsed wall time from start to end (or to the kill)
     * @param output standard output and error, interleaved; empty when they were inherited
     */
    public record Outcome(Example example, long pid, int exitCode, boolean timedOut,
            Duration elapsed, String output) {

        /** Whether the example ran to the end and exited with 0. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The output, line by line. */
        public List<String> lines() {
            return output.lines().toList();
        }

        /** A one-line description of a failure, or "ok". */
        public String describe() {
            if (timedOut) {
                return example.name() + " timed out after " + seconds(elapsed) + " and was killed";
            }
            return exitCode == 0 ? example.name() + " ok (" + seconds(elapsed) + ")"
                    : example.name() + " exited with " + exitCode + " after " + seconds(elapsed);
        }
    }

    /**
     * Runs {@code example} in a child JVM with this JVM's standard input, output and error, waiting
     * at most {@code timeout}.
     *
     * @throws IOException if the child cannot be started
     * @throws InterruptedException if interrupted while waiting; the child is killed then
     */
    public static Outcome runInheritingIo(Example example, Duration timeout)
            throws IOException, InterruptedException {
        return run(example, timeout, true);
    }

    /**
     * Runs {@code example} in a child JVM, capturing its standard output and error (merged, UTF-8),
     * waiting at most {@code timeout}.
     *
     * @throws IOException if the child cannot be started
     * @throws InterruptedException if interrupted while waiting; the child is killed then
     */
    public static Outcome runCapturingOutput(Example example, Duration timeout)
            throws IOException, InterruptedException {
        return run(example, timeout, false);
    }

    /** The command line that runs {@code example}: java, options, class path, main class. */
    public static List<String> command(Example example) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classPath());
        command.add(example.mainClass().getName());
        return command;
    }

    /**
     * The {@code java} executable of this JVM: the command this process was started with, or
     * {@code $java.home/bin/java} when the OS does not tell.
     */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's class path, with every entry made absolute. */
    public static String classPath() {
        String classPath = Objects.requireNonNull(System.getProperty("java.class.path"), "java.class.path");
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Outcome run(Example example, Duration timeout, boolean inheritIo)
            throws IOException, InterruptedException {
        Objects.requireNonNull(example, "example");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        ProcessBuilder builder = new ProcessBuilder(command(example));
        if (inheritIo) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        LIVE.add(process);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread reader = null;
        try {
            if (!inheritIo) {
                process.getOutputStream().close();
                InputStream out = process.getInputStream();
                reader = Thread.ofPlatform().daemon(true).name("examples-launcher-reader")
                        .start(() -> copy(out, captured));
            }
            boolean ended = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!ended) {
                kill(process);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (reader != null) {
                reader.join(KILL_WAIT);
            }
            String output = captured.toString(StandardCharsets.UTF_8);
            return new Outcome(example, process.pid(), ended ? process.exitValue() : -1, !ended,
                    elapsed, output);
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
            LIVE.remove(process);
        }
    }

    /** Copies the child's output until it ends; a pipe closed by a kill just ends it too. */
    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sink.write(buffer, 0, n);
            }
        } catch (IOException endOfOutput) {
            // the child is gone; what was read so far is the output
        }
    }

    /** Kills {@code process} and everything it started, and waits a little for it to go. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
