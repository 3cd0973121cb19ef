package org.pyconcurrent.multiprocessing;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.shared.Segment;
import org.pyconcurrent.internal.shared.Sleeps;
import org.pyconcurrent.threading.Acquirable;

/**
 * Python's {@code multiprocessing.RLock}: {@link org.pyconcurrent.threading.RLock}'s semantics
 * between threads of different processes. The owning thread may acquire it again; it is free
 * once released as many times; only the owner may release it (else
 * {@link IllegalMonitorStateException}). {@link Serializable}: every copy is the same lock.
 *
 * <p>Owner (pid and thread) and count live in shared memory; see {@link Lock} for how waiters
 * sleep and how a lock whose owner process died is taken back.
 *
 * <p>Memory consistency effects: as for {@link Lock}, at the release that frees the lock.
 */
public final class RLock implements Acquirable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int OWNER = 0;
    private static final int COUNT = 8;
    private static final int WAITERS = 16;
    private static final int SIZE = 24;

    private final transient Segment segment;
    private final transient Sleeps.Attempt take;

    /** Creates an unlocked reentrant lock in new shared memory. */
    public RLock() {
        this(Segment.create(SIZE));
    }

    private RLock(Segment segment) {
        this.segment = segment;
        this.take = new Sleeps.Attempt() {
            @Override
            public boolean tryOnce(long owner) {
                if (owner == 0L && segment.compareAndSet(OWNER, 0L, Owners.token())) {
                    segment.set(COUNT, 1L);
                    return true;
                }
                return false;
            }

            @Override
            public void stale(long owner) {
                Owners.takeBackIfHolderDied(RLock.this, segment, OWNER, WAITERS, owner);
            }
        };
    }

    private boolean reenter() {
        if (segment.get(OWNER) == Owners.token()) {
            segment.set(COUNT, segment.get(COUNT) + 1);
            return true;
        }
        return false;
    }

    /**
     * Blocks until the lock is acquired (at once if the calling thread owns it).
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the lock must be waited for and the process that created
     *     it has exited
     */
    @Override
    public void acquire() throws InterruptedException {
        if (!reenter()) {
            Sleeps.await(segment, OWNER, WAITERS, take, -1L);
        }
    }

    /** With {@code blocking} false, takes the lock only if it is free or owned by the caller. */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        return reenter() || Sleeps.await(segment, OWNER, WAITERS, take, blocking ? -1L : 0L);
    }

    /**
     * Waits at most {@code timeout}; a zero timeout only tries once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        return reenter() || Sleeps.await(segment, OWNER, WAITERS, take, nanos);
    }

    /**
     * Releases one level; the lock is free when the count reaches zero.
     *
     * @throws IllegalMonitorStateException if the calling thread does not own the lock
     */
    @Override
    public void release() {
        long owner = segment.get(OWNER);
        if (owner != Owners.token()) {
            throw new IllegalMonitorStateException("cannot release un-acquired RLock: "
                    + (owner == 0L ? "it is not locked" : "it is owned by " + Owners.describe(owner)));
        }
        long count = segment.get(COUNT) - 1;
        segment.set(COUNT, count);
        if (count == 0L) {
            segment.set(OWNER, 0L);
            Sleeps.wakeIfWaiting(segment, OWNER, WAITERS);
        }
    }

    /** Whether any thread of any process owns the lock (a snapshot). */
    public boolean locked() {
        return segment.get(OWNER) != 0L;
    }

    /** Whether the calling thread owns the lock (Python's private {@code _is_owned()}). */
    public boolean isOwned() {
        return segment.get(OWNER) == Owners.token();
    }

    /** The calling thread's recursion count: 0 unless it owns the lock. */
    public int holdCount() {
        return isOwned() ? (int) segment.get(COUNT) : 0;
    }

    /** Releases every level the caller holds and returns the count (for a condition's wait). */
    int releaseAll() {
        int count = holdCount();
        if (count == 0) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        segment.set(COUNT, 0L);
        segment.set(OWNER, 0L);
        Sleeps.wakeIfWaiting(segment, OWNER, WAITERS);
        return count;
    }

    /** Acquires and restores the count {@link #releaseAll()} returned. */
    void acquireRestore(int count) throws InterruptedException {
        Sleeps.await(segment, OWNER, WAITERS, take, -1L);
        segment.set(COUNT, count);
    }

    @Override
    public String toString() {
        long owner = segment.get(OWNER);
        return owner == 0L ? "<multiprocessing.RLock unlocked>"
                : "<multiprocessing.RLock locked by " + Owners.describe(owner) + ", count " + segment.get(COUNT) + ">";
    }

    @Serial
    private Object writeReplace() {
        return new SharedForm(SharedForm.Kind.RLOCK, segment.handle(), 0);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an RLock travels as its shared memory's handle");
    }

    static RLock attach(Segment segment) {
        return new RLock(segment);
    }
}
