package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Starts the background threads of one test and makes sure none outlives it: {@link #close()}
 * (called from an {@code @AfterEach}) fails the test if a thread was left running or died with an
 * error nobody looked at, after interrupting and joining it.
 *
 * <p>Also the timing helpers every concurrency test needs: polling for a condition, waiting until a
 * thread is parked, and checking that a timed wait did not end early. All limits are generous: they
 * are there so that a broken primitive fails the test instead of hanging it, never to measure speed.
 *
 * <p>Public so that the contract tests can be extended from other packages.
 */
public final class TestThreads {
    /** How long anything that should happen "soon" may take before the test gives up. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long to watch for something that must not happen (a wrong wake-up). */
    public static final Duration SETTLE = Duration.ofMillis(100);
    /** The timeout used by tests that expect a timed wait to expire. */
    public static final Duration SHORT = Duration.ofMillis(100);
    /** A timed wait may look a little short to {@code System.nanoTime()} measured around it. */
    public static final Duration TIMING_SLACK = Duration.ofMillis(5);

    /** A thread body that may throw. */
    @FunctionalInterface
    public interface Body<T> {
        T call() throws Exception;
    }

    /** A thread body without a result that may throw. */
    @FunctionalInterface
    public interface VoidBody {
        void run() throws Exception;
    }

    /** The body of the {@code i}-th of several threads. */
    @FunctionalInterface
    public interface IndexedBody {
        void run(int i) throws Exception;
    }

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final List<Task<?>> tasks = new CopyOnWriteArrayList<>();

    /** Starts a daemon platform thread that computes a result. */
    public <T> Task<T> call(Body<T> body) {
        return start(body, Thread.ofPlatform().daemon(true));
    }

    /** Starts a daemon platform thread. */
    public Task<Void> run(VoidBody body) {
        return call(asBody(body));
    }

    /** Starts a non-daemon platform thread. */
    public Task<Void> runNonDaemon(VoidBody body) {
        return start(asBody(body), Thread.ofPlatform().daemon(false));
    }

    /** Starts a virtual thread. */
    public Task<Void> runVirtual(VoidBody body) {
        return start(asBody(body), Thread.ofVirtual());
    }

    /** Starts {@code n} daemon platform threads running {@code body(0) .. body(n - 1)}. */
    public List<Task<Void>> runMany(int n, IndexedBody body) {
        List<Task<Void>> started = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            started.add(run(() -> body.run(index)));
        }
        return started;
    }

    /** Joins every task, failing if one of them failed; returns their results in order. */
    public static <T> List<T> joinAll(List<Task<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>(tasks.size());
        for (Task<T> task : tasks) {
            results.add(task.join());
        }
        return results;
    }

    /** Waits until every task's thread is parked (see {@link #awaitParked(Thread)}). */
    public static void awaitAllParked(List<? extends Task<?>> tasks) throws InterruptedException {
        for (Task<?> task : tasks) {
            task.awaitParked();
        }
    }

    private static <T> Body<T> asBody(VoidBody body) {
        return () -> {
            body.run();
            return null;
        };
    }

    private <T> Task<T> start(Body<T> body, Thread.Builder builder) {
        Task<T> task = new Task<>(body);
        Thread thread = builder.name("test-" + NUMBER.incrementAndGet()).unstarted(task::runBody);
        task.thread = thread;
        tasks.add(task);
        thread.start();
        return task;
    }

    /**
     * Ends the test's threads: any still running is interrupted and joined, and reported as a
     * failure (a test must wait for its own threads); so is a thread that died with an exception
     * that the test never looked at.
     */
    public void close() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (Task<?> task : tasks) {
            Thread t = task.thread;
            if (t.isAlive()) {
                problems.add(t.getName() + " was still running (" + t.getState() + ") at the end of the test:"
                        + stack(t));
                t.interrupt();
                t.join(PATIENCE);
                if (t.isAlive()) {
                    problems.add(t.getName() + " could not be stopped:" + stack(t));
                }
            } else if (task.failure != null && !task.observed) {
                problems.add(t.getName() + " failed and nobody checked: " + task.failure);
            }
        }
        tasks.clear();
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** One background thread and its outcome. */
    public static final class Task<T> {
        private final Body<T> body;
        private volatile Thread thread;
        private volatile T result;
        private volatile Throwable failure;
        private volatile boolean observed;

        private Task(Body<T> body) {
            this.body = body;
        }

        private void runBody() {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
        }

        public Thread thread() {
            return thread;
        }

        public boolean isAlive() {
            return thread.isAlive();
        }

        public void interrupt() {
            thread.interrupt();
        }

        /** Waits until this thread is parked: WAITING or TIMED_WAITING. */
        public void awaitParked() throws InterruptedException {
            TestThreads.awaitParked(thread);
        }

        /** Waits for the thread to end and returns its result; rethrows what it threw. */
        public T join() throws InterruptedException {
            end();
            observed = true;
            Throwable f = failure;
            if (f instanceof Error e) {
                throw e;
            }
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f != null) {
                throw new AssertionError(thread.getName() + " threw " + f, f);
            }
            return result;
        }

        /** Waits for the thread to end and returns what it threw; fails if it returned. */
        public Throwable joinFailure() throws InterruptedException {
            end();
            observed = true;
            if (failure == null) {
                fail(thread.getName() + " was expected to throw but returned " + result);
            }
            return failure;
        }

        /** Waits for the thread to end, checks that it threw a {@code type}, and returns that. */
        public <X extends Throwable> X joinThrows(Class<X> type) throws InterruptedException {
            Throwable f = joinFailure();
            return assertInstanceOf(type, f, () -> thread.getName() + " threw " + f);
        }

        private void end() throws InterruptedException {
            if (!thread.join(PATIENCE)) {
                fail(thread.getName() + " did not end within " + PATIENCE + " (" + thread.getState() + "):"
                        + stack(thread));
            }
        }
    }

    // ---- timing helpers -------------------------------------------------------------------

    /** Polls {@code condition} until it holds; fails after {@link #PATIENCE}. */
    public static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + PATIENCE + " waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /**
     * Ways a RUNNABLE thread can be blocked: waiting on a socket for another process in which the
     * call it made is parked (a manager's proxies: see {@link #addBlockedCheck}).
     */
    private static final List<java.util.function.Predicate<Thread>> BLOCKED_CHECKS = new CopyOnWriteArrayList<>();

    /**
     * Teaches {@link #awaitParked(Thread)} that a thread it sees RUNNABLE may be blocked all the
     * same: {@code check} says whether it is (for instance, its call is parked in another process).
     * Meant for the contract tests of proxies; remove the check when done.
     *
     * @param check true if the thread is blocked; asked only about RUNNABLE threads
     * @return removes the check
     */
    public static AutoCloseable addBlockedCheck(java.util.function.Predicate<Thread> check) {
        BLOCKED_CHECKS.add(check);
        return () -> BLOCKED_CHECKS.remove(check);
    }

    private static boolean blockedElsewhere(Thread thread) {
        for (java.util.function.Predicate<Thread> check : BLOCKED_CHECKS) {
            if (check.test(thread)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until {@code thread} is parked (state WAITING or TIMED_WAITING, or blocked as a check
     * added by {@link #addBlockedCheck} says): it has got as far as it can and is blocked. Fails if
     * it ends or does not park within {@link #PATIENCE}.
     */
    public static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (;;) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.RUNNABLE && !BLOCKED_CHECKS.isEmpty() && blockedElsewhere(thread)) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                fail(thread.getName() + " ended instead of blocking");
            }
            if (System.nanoTime() - deadline > 0) {
                fail(thread.getName() + " did not block within " + PATIENCE + " (" + state + "):" + stack(thread));
            }
            Thread.sleep(1);
        }
    }

    /** Gives a wrongly woken thread time to show itself. */
    public static void settle() throws InterruptedException {
        Thread.sleep(SETTLE);
    }

    /** Asserts that a wait for {@code timeout} that began at {@code startNanos} did not end early. */
    public static void assertWaitedAtLeast(Duration timeout, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        long min = timeout.minus(TIMING_SLACK).toNanos();
        assertTrue(elapsed >= min, () -> "returned after " + Duration.ofNanos(elapsed) + ", before the timeout "
                + timeout + " had elapsed");
    }

    private static String stack(Thread t) {
        return Arrays.stream(t.getStackTrace()).map(e -> "\n\tat " + e).collect(Collectors.joining());
    }
}
