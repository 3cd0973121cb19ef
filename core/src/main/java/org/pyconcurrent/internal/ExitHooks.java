package org.pyconcurrent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code atexit} role for executors and pools: one JVM shutdown hook that, when the JVM
 * exits, first tells every registered resource to stop ({@link Action#beginExit()}), then waits
 * for each ({@link Action#finishExit()}), newest first. Worker threads are daemon threads, so they
 * never keep the JVM alive by themselves, yet the work Python would finish at exit is finished.
 */
public final class ExitHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ExitHooks.class);
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final List<Action> ACTIONS = new ArrayList<>();
    /** Actions that run after every other one (deleting what the others may still use). */
    private static final List<Action> LAST = new ArrayList<>();
    /** Actions that run, both halves, before any other begins (work that children must finish). */
    private static final List<Action> FIRST = new ArrayList<>();
    private static volatile boolean exiting;
    /** Set once the last actions run; until then {@link #registerLast} works even during exit. */
    private static boolean lastStarted;
    private static boolean installed;

    private ExitHooks() {
    }

    /** What a resource does at JVM exit. */
    public interface Action {
        /** Starts stopping; may wait briefly (for a pool's handler threads), never for tasks. */
        void beginExit();

        /**
         * Waits until stopped.
         *
         * @throws InterruptedException if interrupted while waiting
         */
        void finishExit() throws InterruptedException;
    }

    /**
     * Registers {@code action}, installing the shutdown hook on first use.
     *
     * @param action what to do at exit
     * @return false if the JVM is already exiting (nothing was registered)
     */
    public static boolean register(Action action) {
        return add(ACTIONS, action);
    }

    /**
     * Registers an action that runs whole, {@code beginExit} then {@code finishExit}, before any
     * other action begins: for work that must finish while child processes still run (an
     * executor's queued calls), before the children are terminated or joined.
     *
     * @param action the action
     * @return false if the JVM is already exiting (the action will not run)
     */
    public static boolean registerFirst(Action action) {
        return add(FIRST, action);
    }

    /**
     * Registers an action that runs after every action registered with {@link #register}, for
     * clean-up that must wait until children have been joined (shared files they may still open).
     * It may be registered during exit too, until the last actions start.
     *
     * @param action the action
     * @return false if the JVM is already exiting (the action will not run)
     */
    public static boolean registerLast(Action action) {
        return add(LAST, action);
    }

    /** Adds {@code action} to {@code list}, installing the shutdown hook on first use. */
    private static boolean add(List<Action> list, Action action) {
        LOCK.lock();
        try {
            if (list == LAST ? lastStarted : exiting) {
                return false;
            }
            if (!installed) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitHooks::runAll, "pyconcurrent-exit"));
                installed = true;
            }
            list.add(action);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Forgets {@code action}, once its resource has stopped by itself.
     *
     * @param action a registered action
     */
    public static void unregister(Action action) {
        LOCK.lock();
        try {
            ACTIONS.remove(action);
            FIRST.remove(action);
            LAST.remove(action);
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Tells whether the JVM has begun to exit.
     *
     * @return true once the shutdown hook runs
     */
    public static boolean exiting() {
        return exiting;
    }

    private static void runAll() {
        List<Action> first;
        LOCK.lock();
        try {
            exiting = true;
            first = new ArrayList<>(FIRST);
            FIRST.clear();
        } finally {
            LOCK.unlock();
        }
        boolean interrupted = false;
        for (int i = first.size() - 1; i >= 0 && !interrupted; i--) {
            Action a = first.get(i);
            try {
                a.beginExit();
                a.finishExit();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (RuntimeException e) {
                LOG.warn("exit action {} failed", a, e);
            }
        }
        if (!interrupted) {
            interrupted = runBothHalves(take(ACTIONS));
        }
        // last, whatever happened: clean-up, including any registered while the others ran (a
        // child started by an exit action makes the shared directory during exit)
        List<Action> last;
        LOCK.lock();
        try {
            lastStarted = true;
            last = take(LAST);
        } finally {
            LOCK.unlock();
        }
        interrupted |= runBothHalves(last);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Action> take(List<Action> list) {
        LOCK.lock();
        try {
            List<Action> copy = new ArrayList<>(list);
            list.clear();
            return copy;
        } finally {
            LOCK.unlock();
        }
    }

    /** Every {@code beginExit}, newest first, then every {@code finishExit}; true if interrupted. */
    private static boolean runBothHalves(List<Action> actions) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).beginExit();
            } catch (RuntimeException e) {
                LOG.warn("exit action {} failed", actions.get(i), e);
            }
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).finishExit();
            } catch (InterruptedException e) {
                return true;
            } catch (RuntimeException e) {
                LOG.warn("exit action {} failed", actions.get(i), e);
            }
        }
        return false;
    }
}
