package org.pyconcurrent.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts child JVMs: a fresh one for {@code spawn}, or the warm standby for the default start
 * method, with a new standby started in the background to take its place. The standby is a JVM
 * that has started and loaded what a start needs and waits on its standard input; until the
 * first warm start there is none, so nothing is started ahead of a program that never needs it.
 * The standby exits by itself when this JVM exits (its standard input ends).
 */
public final class Launcher {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static java.lang.Process standby;
    private static boolean shutDown;

    private Launcher() {
    }

    /**
     * Starts a fresh child JVM, waiting for its start message.
     *
     * @return the child
     * @throws UncheckedIOException if the JVM cannot be started
     */
    public static java.lang.Process spawn() {
        try {
            return new ProcessBuilder(JvmCommand.command())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + JvmCommand.command().get(0), e);
        }
    }

    /**
     * Takes the warm standby if one is alive, else spawns; either way starts a new standby in the
     * background for the next start.
     *
     * @return a child JVM waiting for its start message
     */
    public static java.lang.Process warm() {
        java.lang.Process taken;
        LOCK.lock();
        try {
            taken = standby != null && standby.isAlive() ? standby : null;
            standby = null;
        } finally {
            LOCK.unlock();
        }
        Thread.ofPlatform().daemon(true).name("pyconcurrent-standby-starter").start(Launcher::replenish);
        return taken != null ? taken : spawn();
    }

    private static void replenish() {
        java.lang.Process fresh;
        try {
            fresh = spawn();
        } catch (UncheckedIOException e) {
            return;  // the next start spawns, and reports the error
        }
        LOCK.lock();
        try {
            if (standby == null && !shutDown) {
                standby = fresh;
                return;
            }
        } finally {
            LOCK.unlock();
        }
        dismiss(fresh);
    }

    /** Dismisses the standby; called at JVM exit. */
    public static void shutdown() {
        java.lang.Process spare;
        LOCK.lock();
        try {
            shutDown = true;
            spare = standby;
            standby = null;
        } finally {
            LOCK.unlock();
        }
        if (spare != null) {
            dismiss(spare);
        }
    }

    private static void dismiss(java.lang.Process spare) {
        try {
            spare.getOutputStream().close();  // the standby reads the end of its input and halts
        } catch (IOException ignored) {
            spare.destroyForcibly();
        }
    }
}
