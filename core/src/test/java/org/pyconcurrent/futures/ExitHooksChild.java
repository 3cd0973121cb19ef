package org.pyconcurrent.futures;

import java.util.concurrent.TimeUnit;
import org.pyconcurrent.internal.ExitHooks;

/**
 * The child JVM of {@link ExitHooksTest}: its {@code main} sets something up and returns, and what
 * happens at JVM exit is printed on standard output, one event a line, for the test to compare.
 */
public final class ExitHooksChild {
    private ExitHooksChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "executor" -> executorFinishesItsQueueAtExit();
            case "actions" -> actionsRunNewestFirst();
            case "shutdown" -> executorShutDownBeforeExit();
            default -> throw new IllegalArgumentException(args[0]);
        }
        say("main returns");
    }

    /**
     * Python's test_interpreter_shutdown: calls queued on an executor nobody shut down still run at
     * exit, and a call running then cannot submit anywhere any more.
     */
    private static void executorFinishesItsQueueAtExit() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, "exit-child");
        ThreadPoolExecutor other = new ThreadPoolExecutor(1, "exit-other");
        for (int i = 0; i < 3; i++) {
            int n = i;
            executor.submit(() -> {
                if (n == 0) {
                    awaitExiting();
                }
                say("call " + n);
                return null;
            });
        }
        executor.submit(() -> {
            try {
                other.submit(() -> "never");
                say("other accepted a call at exit");
            } catch (IllegalStateException e) {
                say("other rejected: " + e.getMessage());
            }
            try {
                executor.submit(() -> "never");
                say("executor accepted a call at exit");
            } catch (IllegalStateException e) {
                say("executor rejected: " + e.getMessage());
            }
            return null;
        });
    }

    /** Actions begin newest first, then finish newest first; an unregistered one does not run. */
    private static void actionsRunNewestFirst() {
        ExitHooks.register(action("A", false));
        ExitHooks.register(action("B", true));
        ExitHooks.Action c = action("C", false);
        ExitHooks.register(c);
        ExitHooks.unregister(c);
        ExitHooks.register(new ExitHooks.Action() {
            @Override
            public void beginExit() {
                say("D begins, exiting=" + ExitHooks.exiting()
                        + ", register during exit=" + ExitHooks.register(action("E", false)));
            }

            @Override
            public void finishExit() {
                say("D finishes");
            }
        });
        say("exiting before exit=" + ExitHooks.exiting());
    }

    /** An executor shut down before exit has nothing left to do at exit. */
    private static void executorShutDownBeforeExit() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, "exit-done");
        executor.submit(() -> {
            say("call ran");
            return null;
        });
        executor.shutdown(true);
        say("isTerminated=" + executor.isTerminated());
    }

    private static ExitHooks.Action action(String name, boolean beginThrows) {
        return new ExitHooks.Action() {
            @Override
            public void beginExit() {
                say(name + " begins");
                if (beginThrows) {
                    throw new IllegalStateException(name + " failed to begin (expected by the test)");
                }
            }

            @Override
            public void finishExit() {
                say(name + " finishes");
            }
        };
    }

    private static void awaitExiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ExitHooks.exiting()) {
            if (System.nanoTime() - deadline > 0) {
                say("the JVM never began to exit");
                return;
            }
            Thread.sleep(5);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
