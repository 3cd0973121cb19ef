package org.pyconcurrent.multiprocessing;

import java.time.Duration;

/**
 * Parent programs for {@link ProcessTest}: each runs in a JVM of its own, started by the test,
 * so that the test can watch what happens to that JVM's children when it dies or exits.
 */
public final class ProcessMains {
    private ProcessMains() {
    }

    static void sleepForever() {
        try {
            Thread.sleep(Duration.ofMinutes(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The orphan's target: says it runs (on the stdout it shares with its parent), then sleeps. */
    static void announceAndSleepForever() {
        System.out.println("running " + ProcessHandle.current().pid());
        System.out.flush();
        sleepForever();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code orphan}: starts a child that prints "running" and its pid once its target runs, prints
     * the child's pid itself, and sleeps (the test kills this JVM with SIGKILL once both lines are
     * there, so that the child is past its JVM's start-up). {@code exit}: starts a daemon child that sleeps forever and a non-daemon
     * child that sleeps 700 ms, prints both pids, and returns from main. {@code raise}: starts a
     * child whose target throws, joins it, prints its exit code.
     *
     * @param args the mode
     * @throws Exception if the test program fails
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "orphan" -> {
                Process child = new Process(ProcessMains::announceAndSleepForever);
                child.start();
                System.out.println("child " + child.pid());
                System.out.flush();
                sleepForever();
            }
            case "exit" -> {
                Process daemon = new Process(ProcessMains::sleepForever);
                daemon.setDaemon(true);
                daemon.start();
                Process worker = new Process(() -> sleep(700));
                worker.start();
                System.out.println("daemon " + daemon.pid());
                System.out.println("worker " + worker.pid());
                System.out.flush();
            }
            case "raise" -> {
                Process child = new Process(() -> {
                    throw new IllegalStateException("raised in the child");
                });
                child.start();
                child.join();
                System.out.println("exitcode " + child.exitcode());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
