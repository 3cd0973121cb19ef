package org.pyconcurrent.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tour of the ported examples: runs every {@link Examples#ALL example}, in order, each in a
 * child JVM of its own, with a header line before each, and ends with a summary.
 *
 * <pre>
 * java -jar examples/target/examples.jar                    # every example
 * java -jar examples/target/examples.jar BankBalance LockTest   # only these (any case)
 * java -jar examples/target/examples.jar --list             # names and titles
 * java -jar examples/target/examples.jar --timeout=60 ...   # seconds per example (default 30)
 * </pre>
 *
 * <p>The exit code is 0 when every selected example exited with 0 within its timeout, 1 when one
 * failed or was killed for exceeding the timeout, 2 for a bad argument. Each example runs in its
 * own JVM because some of them are about how a JVM ends (daemon threads, non-daemon timers), and
 * so that one example's threads cannot disturb the next.
 */
public final class Tour {
    /** How long one example may run before it is killed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Tour() {
    }

    /** Runs the tour and exits with its exit code. */
    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    /**
     * Runs the examples {@code args} select (all without names), writing headers and the summary
     * to {@code out}; the examples themselves write to this JVM's standard output and error.
     *
     * @return the exit code: 0 all passed, 1 a failure or a timeout, 2 a bad argument
     */
    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        return run(args, out, true);
    }

    /**
     * As {@link #run(String[], PrintStream)}; with {@code inheritIo} false the examples' output is
     * captured and copied to {@code out} after each one ends, instead of going straight to this
     * JVM's standard output (for callers, such as tests, whose standard output is not a terminal).
     */
    static int run(String[] args, PrintStream out, boolean inheritIo)
            throws IOException, InterruptedException {
        Duration timeout = DEFAULT_TIMEOUT;
        List<Example> selected = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--list")) {
                Examples.ALL.forEach(e -> out.println(e.name() + "\t" + e.title()));
                return 0;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println("usage: java -jar examples.jar [--list] [--timeout=SECONDS] [EXAMPLE...]");
                return 0;
            } else if (arg.startsWith("--timeout=")) {
                try {
                    timeout = Duration.ofSeconds(Long.parseLong(arg.substring("--timeout=".length())));
                } catch (NumberFormatException e) {
                    out.println("bad timeout: " + arg);
                    return 2;
                }
                if (timeout.isNegative() || timeout.isZero()) {
                    out.println("the timeout must be positive: " + arg);
                    return 2;
                }
            } else {
                Optional<Example> example = Examples.named(arg);
                if (example.isEmpty()) {
                    out.println("no example named '" + arg + "'; the examples are:");
                    Examples.ALL.forEach(e -> out.println("  " + e.name()));
                    return 2;
                }
                selected.add(example.get());
            }
        }
        if (selected.isEmpty()) {
            selected = Examples.ALL;
        }

        long start = System.nanoTime();
        List<Launcher.Outcome> failures = new ArrayList<>();
        for (Example example : selected) {
            out.println();
            out.println(example.header());
            out.flush();
            System.out.flush();
            Launcher.Outcome outcome;
            if (inheritIo) {
                outcome = Launcher.runInheritingIo(example, timeout);
            } else {
                outcome = Launcher.runCapturingOutput(example, timeout);
                out.print(outcome.output());
            }
            if (!outcome.ok()) {
                failures.add(outcome);
                out.println("!! " + outcome.describe());
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        out.println();
        if (failures.isEmpty()) {
            out.println("== " + selected.size() + " examples, all passed, in " + Launcher.seconds(total));
            return 0;
        }
        out.println("== " + failures.size() + " of " + selected.size() + " examples FAILED ("
                + Launcher.seconds(total) + "):");
        failures.forEach(f -> out.println("   " + f.describe()));
        return 1;
    }
}
