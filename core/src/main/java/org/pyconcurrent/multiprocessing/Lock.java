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
 * Python's {@code multiprocessing.Lock}: {@link org.pyconcurrent.threading.Lock}'s semantics
 * between threads of different processes. Hand it to a child in its target (it is
 * {@link Serializable}); every copy is the same lock.
 *
 * <p>The lock is a word in shared memory, taken and given back with atomic instructions, so an
 * uncontended acquire and release cost no system call. A waiter spins for a few microseconds,
 * then sleeps without using a core until a release wakes it (through the process that created
 * the lock, see {@code docs/design.md}).
 *
 * <p>As in CPython, any thread of any process may release it; releasing an unlocked lock throws
 * {@link IllegalMonitorStateException}. Beyond CPython: if the process holding the lock dies,
 * the lock does not stay locked forever: a waiter notices within a fraction of a second and
 * takes it back (a warning is logged). The data the lock protected may be half-updated, as it
 * would be after any crash.
 *
 * <p>Memory consistency effects: actions prior to {@code release()} in one thread, in any
 * process, <i>happen-before</i> actions after the acquire that next succeeds, in any thread of
 * any process, for data in shared memory ({@link Value}, {@link Array}).
 */
public final class Lock implements Acquirable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int OWNER = 0;
    private static final int WAITERS = 8;
    private static final int SIZE = 16;

    private final transient Segment segment;
    private final transient Sleeps.Attempt take;

    /** Creates an unlocked lock in new shared memory. */
    public Lock() {
        this(Segment.create(SIZE));
    }

    private Lock(Segment segment) {
        this.segment = segment;
        this.take = new Sleeps.Attempt() {
            @Override
            public boolean tryOnce(long owner) {
                return owner == 0L && segment.compareAndSet(OWNER, 0L, Owners.token());
            }

            @Override
            public void stale(long owner) {
                Owners.takeBackIfHolderDied(Lock.this, segment, OWNER, WAITERS, owner);
            }
        };
    }

    /**
     * Blocks until the lock is acquired.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the lock must be waited for and the process that created
     *     it has exited
     */
    @Override
    public void acquire() throws InterruptedException {
        Sleeps.await(segment, OWNER, WAITERS, take, -1L);
    }

    /**
     * With {@code blocking} true, blocks until acquired and returns {@code true}; otherwise takes
     * the lock only if it is free at once.
     */
    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        return Sleeps.await(segment, OWNER, WAITERS, take, blocking ? -1L : 0L);
    }

    /**
     * Waits at most {@code timeout} for the lock; a zero timeout only tries once.
     *
     * @return {@code true} if acquired, {@code false} if the timeout elapsed
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        return Sleeps.await(segment, OWNER, WAITERS, take, Timeouts.toNanos(timeout));
    }

    /**
     * Releases the lock; any thread of any process may.
     *
     * @throws IllegalMonitorStateException if the lock is not locked
     */
    @Override
    public void release() {
        for (;;) {
            long owner = segment.get(OWNER);
            if (owner == 0L) {
                throw new IllegalMonitorStateException("release unlocked lock");
            }
            if (segment.compareAndSet(OWNER, owner, 0L)) {
                break;
            }
        }
        Sleeps.wakeIfWaiting(segment, OWNER, WAITERS);
    }

    /** Whether the lock is held by anyone, in any process (a snapshot). */
    public boolean locked() {
        return segment.get(OWNER) != 0L;
    }

    /** Whether the calling thread acquired the lock last and has not released it (for conditions). */
    boolean isMine() {
        return segment.get(OWNER) == Owners.token();
    }

    @Override
    public String toString() {
        long owner = segment.get(OWNER);
        return owner == 0L ? "<multiprocessing.Lock unlocked>"
                : "<multiprocessing.Lock locked by " + Owners.describe(owner) + ">";
    }

    @Serial
    private Object writeReplace() {
        return new SharedForm(SharedForm.Kind.LOCK, segment.handle(), 0);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Lock travels as its shared memory's handle");
    }

    static Lock attach(Segment segment) {
        return new Lock(segment);
    }
}
