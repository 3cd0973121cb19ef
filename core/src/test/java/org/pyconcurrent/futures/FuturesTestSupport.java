package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.threading.TestThreads;

/**
 * What the tests of this package share: futures in each of Python's states, executors and gates
 * that are cleaned up after every test ({@link #close()}), and a look at the live threads by name.
 */
final class FuturesTestSupport implements AutoCloseable {
    /** How long anything that should happen "soon" may take. */
    static final Duration PATIENCE = TestThreads.PATIENCE;
    /** The timeout of the waits that are expected to expire. */
    static final Duration SHORT = Duration.ofMillis(200);

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final List<ThreadPoolExecutor> executors = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final Map<ThreadPoolExecutor, String> prefixOf = new IdentityHashMap<>();
    private final List<CountDownLatch> gates = new ArrayList<>();

    // ---- futures in a given state (CPython's PENDING_FUTURE, RUNNING_FUTURE, ...)

    static <R> Future<R> pending() {
        return new Future<>();
    }

    static <R> Future<R> running() {
        Future<R> f = new Future<>();
        assertTrue(f.setRunningOrNotifyCancel());
        return f;
    }

    static <R> Future<R> cancelled() {
        Future<R> f = new Future<>();
        assertTrue(f.cancel());
        return f;
    }

    static <R> Future<R> cancelledAndNotified() {
        Future<R> f = cancelled();
        assertTrue(!f.setRunningOrNotifyCancel());
        return f;
    }

    static <R> Future<R> successful(R value) {
        Future<R> f = new Future<>();
        f.setResult(value);
        return f;
    }

    static <R> Future<R> failed(Throwable exception) {
        Future<R> f = new Future<>();
        f.setException(exception);
        return f;
    }

    // ---- executors and gates, all released and shut down by close()

    /** A thread name prefix no other executor of the test run uses. */
    String newPrefix() {
        String prefix = "futtest-" + PREFIXES.incrementAndGet();
        prefixes.add(prefix);
        return prefix;
    }

    /** An executor with a fresh prefix, shut down after the test. */
    ThreadPoolExecutor executor(int maxWorkers) {
        String prefix = newPrefix();
        ThreadPoolExecutor executor = track(new ThreadPoolExecutor(maxWorkers, prefix));
        prefixOf.put(executor, prefix);
        return executor;
    }

    /** An executor with a fresh prefix and an initializer, shut down after the test. */
    ThreadPoolExecutor executor(int maxWorkers, Runnable initializer) {
        String prefix = newPrefix();
        ThreadPoolExecutor executor = track(new ThreadPoolExecutor(maxWorkers, prefix, initializer));
        prefixOf.put(executor, prefix);
        return executor;
    }

    /** The thread name prefix of an executor made by {@link #executor}. */
    String prefixOf(ThreadPoolExecutor executor) {
        return Objects.requireNonNull(prefixOf.get(executor), "not made by executor()");
    }

    ThreadPoolExecutor track(ThreadPoolExecutor executor) {
        executors.add(executor);
        return executor;
    }

    /** A closed gate for tasks to wait at; opened after the test at the latest. */
    CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    /** Opens every gate, shuts every executor down and checks that no worker thread is left. */
    @Override
    public void close() throws InterruptedException {
        gates.forEach(CountDownLatch::countDown);
        List<String> problems = new ArrayList<>();
        for (ThreadPoolExecutor executor : executors) {
            executor.shutdown(false, true);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (ThreadPoolExecutor executor : executors) {
            // Polled rather than awaitTermination(timeout), so that a broken executor fails the test instead
            // of hanging it.
            while (!executor.isTerminated() && System.nanoTime() - deadline < 0) {
                Thread.sleep(5);
            }
            if (!executor.isTerminated()) {
                problems.add(executor + " did not terminate");
            }
        }
        for (String prefix : prefixes) {
            if (!awaitNoThreadNamed(prefix)) {
                problems.add("threads left running: " + liveThreadsNamed(prefix));
            }
        }
        executors.clear();
        prefixes.clear();
        prefixOf.clear();
        gates.clear();
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    // ---- threads

    /** The names of the live platform threads whose name is {@code prefix + "_" + index}. */
    static List<String> liveThreadsNamed(String prefix) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(prefix + "_")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** Waits up to {@link #PATIENCE} until no live thread has the prefix; returns whether. */
    static boolean awaitNoThreadNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!liveThreadsNamed(prefix).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Waits on {@code gate} for at most {@link #PATIENCE}, failing if it does not open. */
    static void pass(CountDownLatch gate) throws InterruptedException {
        if (!gate.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("gate not opened within " + PATIENCE);
        }
    }

    static void assertMentions(Throwable e, String value) {
        String message = e.getMessage();
        assertNotNull(message, () -> e + " has no message");
        assertTrue(message.contains(value), () -> "message \"" + message + "\" does not mention " + value);
    }
}
