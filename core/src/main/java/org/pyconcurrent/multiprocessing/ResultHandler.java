package org.pyconcurrent.multiprocessing;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool's result-handler thread (CPython's {@code _handle_results}): runs callbacks, one at a
 * time, in the order their results arrived. After {@link #stop()} it finishes what was posted,
 * then exits; anything posted later runs in a thread of its own, so no callback is ever lost and
 * none runs in a worker.
 */
final class ResultHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResultHandler.class);
    private static final Runnable STOP = () -> { };

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread thread;
    private boolean stopped;

    ResultHandler(String name) {
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        thread.start();
    }

    /**
     * Runs {@code action} in the handler thread; once the handler has stopped, in a short-lived
     * thread of its own, so that a callback never runs in a worker (a task that a worker finishes
     * or fails after {@code terminate()} stopped the handler).
     */
    void post(Runnable action) {
        lock.lock();
        try {
            if (!stopped) {
                queue.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        Thread.ofPlatform().name(thread.getName() + "-late").daemon(true).start(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                LOG.error("exception in result handler", t);
            }
        });
    }

    /** Lets the handler exit once everything posted so far has run. */
    void stop() {
        lock.lock();
        try {
            if (!stopped) {
                stopped = true;
                queue.add(STOP);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the handler thread to exit. */
    void join() throws InterruptedException {
        if (Thread.currentThread() != thread) {
            thread.join();
        }
    }

    private void loop() {
        for (;;) {
            Runnable action;
            try {
                action = queue.take();
            } catch (InterruptedException e) {
                continue;  // only stop() ends the handler, so that no callback is dropped
            }
            if (action == STOP) {
                return;
            }
            try {
                action.run();
            } catch (Throwable t) {
                LOG.error("exception in result handler", t);
            }
        }
    }
}
