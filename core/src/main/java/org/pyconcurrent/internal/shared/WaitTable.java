package org.pyconcurrent.internal.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host's sleepers, by shared word: threads of this process and requests from other
 * processes waiting for a word of a segment this process made to change. A sleeper is added only
 * if the word still holds the value it saw, checked under the table's lock, and every
 * {@link #wake} takes the sleepers under the same lock; since a waker changes the word before it
 * wakes, no wake-up is lost between a sleeper's look at the word and its sleep.
 */
final class WaitTable {
    /** A sleeping thread here, or a sleeping request from another process. */
    interface Sleeper {
        /** Ends the sleep (called outside the table's lock). */
        void wake();
    }

    private record Word(String path, int offset) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Word, List<Sleeper>> sleepers = new HashMap<>();

    /**
     * Adds {@code sleeper} to the word unless it no longer holds {@code expected}.
     *
     * @return whether it was added (false: the caller wakes it at once)
     */
    boolean add(Segment segment, int offset, long expected, Sleeper sleeper) {
        lock.lock();
        try {
            if (segment.get(offset) != expected) {
                return false;
            }
            sleepers.computeIfAbsent(new Word(segment.id(), offset), w -> new ArrayList<>(2)).add(sleeper);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code sleeper} if it is still there (a timeout, an interrupt, a cancel). */
    void remove(String path, int offset, Sleeper sleeper) {
        lock.lock();
        try {
            Word word = new Word(path, offset);
            List<Sleeper> list = sleepers.get(word);
            if (list != null && list.remove(sleeper) && list.isEmpty()) {
                sleepers.remove(word);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes every sleeper that matches (a connection that closed). */
    void removeIf(java.util.function.Predicate<Sleeper> which) {
        lock.lock();
        try {
            for (Iterator<List<Sleeper>> it = sleepers.values().iterator(); it.hasNext(); ) {
                List<Sleeper> list = it.next();
                list.removeIf(which);
                if (list.isEmpty()) {
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every sleeper of the word. */
    void wake(Segment segment, int offset) {
        wake(segment.id(), offset);
    }

    void wake(String path, int offset) {
        List<Sleeper> woken;
        lock.lock();
        try {
            woken = sleepers.remove(new Word(path, offset));
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            for (Sleeper s : woken) {
                s.wake();
            }
        }
    }

    /**
     * A thread of this process sleeps on a word of a segment made here (see
     * {@link Segment#await}).
     */
    void awaitLocal(Segment segment, int offset, long expected, long nanos) throws InterruptedException {
        LocalSleeper me = new LocalSleeper(Thread.currentThread());
        if (!add(segment, offset, expected, me)) {
            return;
        }
        try {
            long deadline = System.nanoTime() + nanos;
            while (!me.woken) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    return;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            if (!me.woken) {
                remove(segment.id(), offset, me);
            }
        }
    }

    private static final class LocalSleeper implements Sleeper {
        private final Thread thread;
        private volatile boolean woken;

        LocalSleeper(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void wake() {
            woken = true;
            LockSupport.unpark(thread);
        }
    }
}
