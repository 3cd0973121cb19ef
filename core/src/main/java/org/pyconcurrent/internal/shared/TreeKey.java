package org.pyconcurrent.internal.shared;

import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process tree's authentication key, Python's {@code current_process().authkey}: 32 random
 * bytes made by the first process of the tree and inherited by every child through its start
 * message. Every connection between processes of the tree (to a {@link Host}) authenticates with
 * it.
 */
public final class TreeKey {
    /** The key's length in bytes. */
    public static final int LENGTH = 32;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile byte[] key;

    private TreeKey() {
    }

    /**
     * This tree's key, made on first use in the tree's first process.
     *
     * @return a copy of the key
     */
    public static byte[] get() {
        byte[] k = key;
        if (k == null) {
            LOCK.lock();
            try {
                k = key;
                if (k == null) {
                    k = new byte[LENGTH];
                    new SecureRandom().nextBytes(k);
                    key = k;
                }
            } finally {
                LOCK.unlock();
            }
        }
        return k.clone();
    }

    /**
     * In a child JVM, before anything runs: takes the parent's key.
     *
     * @param parentKey the key from the start message
     */
    public static void inherit(byte[] parentKey) {
        if (parentKey == null || parentKey.length != LENGTH) {
            throw new IllegalArgumentException("a process tree key has " + LENGTH + " bytes, got "
                    + (parentKey == null ? "null" : parentKey.length));
        }
        key = parentKey.clone();
    }
}
