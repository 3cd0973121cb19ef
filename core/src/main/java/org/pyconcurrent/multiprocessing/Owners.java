package org.pyconcurrent.multiprocessing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds a lock in shared memory: a token of the holder's pid (high 32 bits) and thread id
 * (low 32 bits), never 0, which means free; and the check that lets waiters take back a lock
 * whose holder process has died.
 */
final class Owners {
    private static final Logger LOG = LoggerFactory.getLogger(Owners.class);
    static final long PID = ProcessHandle.current().pid();

    private Owners() {
    }

    /** The calling thread's token. */
    static long token() {
        return (PID << 32) | (Thread.currentThread().threadId() & 0xFFFFFFFFL);
    }

    /** The pid in a token. */
    static long pid(long token) {
        return token >>> 32;
    }

    /**
     * Whether the process in {@code token} has exited (never true for this process). A pid the
     * system has since given to a new process reads as alive: the lock then waits for that one.
     */
    static boolean holderDied(long token) {
        long pid = pid(token);
        if (pid == PID || token == 0L) {
            return false;
        }
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    /**
     * A lock's word kept {@code owner} through a whole round of sleep: if that holder's process
     * has died, frees the word (once, whoever of the waiters gets there first), logs it and wakes
     * the waiters.
     */
    static void takeBackIfHolderDied(Object lock, org.pyconcurrent.internal.shared.Segment segment, int word,
            int waiters, long owner) {
        if (holderDied(owner) && segment.compareAndSet(word, owner, 0L)) {
            LOG.warn("{}: its holder, process {}, exited without releasing it; it is released", lock, pid(owner));
            org.pyconcurrent.internal.shared.Sleeps.wakeIfWaiting(segment, word, waiters);
        }
    }

    /** A readable name for a token, for messages. */
    static String describe(long token) {
        return pid(token) == PID ? "thread " + (token & 0xFFFFFFFFL) + " of this process"
                : "a thread of process " + pid(token);
    }
}
