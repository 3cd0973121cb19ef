package org.pyconcurrent.threading;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Event}: a flag that threads wait on. {@link #set()} raises it and wakes
 * every waiter; {@link #clear()} lowers it; {@link #await()} (Python's {@code wait}) returns at
 * once while it is up and blocks while it is down.
 *
 * <p>A waiter is released by any {@code set()} that happens while it waits, even if a
 * {@code clear()} follows immediately: {@code set(); clear();} wakes every thread waiting at that
 * moment, and each returns {@code true}, as in CPython.
 *
 * <p>Implementation: the flag and a generation count that each {@code set()} advances share one
 * volatile word, so {@code isSet()}, {@code clear()} and a {@code set()} of an event nobody waits
 * on are single atomic operations. A waiter first spins briefly (at most 1,024
 * {@link Thread#onSpinWait()} rounds, none on a single CPU; the budget adapts, halving each time
 * spinning did not pay off), which lets a hand-off between two running threads complete without
 * parking; then it parks on a {@link ReentrantLock} condition, safe
 * for virtual threads. A waiter wakes when the generation it started with has passed.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code set()}
 * <i>happen-before</i> actions following a return of {@code await} or {@code isSet()} that
 * observes that set (or a later one).
 */
public final class Event {
    /** Most spin rounds before parking: enough to cover a hand-off between two running threads. */
    private static final int MAX_SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 1 << 10 : 0;
    /**
     * Fewest spin rounds once spinning has stopped paying off. Still enough to catch a partner
     * that is running (a hand-off takes well under 256 rounds), so that two threads that have
     * both been parking find their way back to spinning; with fewer, a ping-pong could stay stuck
     * parking every round (seen with 16).
     */
    private static final int MIN_SPINS = MAX_SPINS == 0 ? 0 : 1 << 8;
    private static final long FLAG = 1L;
    private static final long ONE_GENERATION = 2L;
    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(Event.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Bit 0: the flag. Bits 1..63: how many times set() was called (wrapping). */
    private volatile long word;
    /** Threads parked (or about to park) in await; written only under {@link #lock}. */
    private volatile int parked;
    /**
     * Spin rounds the next waiter may use: doubled when a spin ends in a set(), halved when the
     * waiter had to park anyway. Spinning only pays while the setter is running on another CPU;
     * when CPUs are oversubscribed it steals time from the setter, and the budget shrinks.
     * A heuristic read and written without synchronization: a lost update is harmless.
     */
    private int spinBudget = MAX_SPINS;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();

    /** Creates an event whose flag is down (Python's initial state). */
    public Event() {
    }

    /** Python's {@code is_set()}: whether the flag is up right now. */
    public boolean isSet() {
        return (word & FLAG) != 0;
    }

    /**
     * Raises the flag and wakes every thread waiting in {@code await}. Threads that call
     * {@code await} afterwards do not block until {@link #clear()} is called.
     */
    public void set() {
        long previous;
        do {
            previous = word;
        } while (!WORD.weakCompareAndSet(this, previous, (previous | FLAG) + ONE_GENERATION));
        // Dekker with await: we wrote word and now read parked; a waiter writes parked and then
        // reads word. Volatile accesses are totally ordered, so one of us sees the other.
        if ((previous & FLAG) == 0 && parked > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Lowers the flag; threads that call {@code await} afterwards block until the next set(). */
    public void clear() {
        WORD.getAndBitwiseAnd(this, ~FLAG);
    }

    /**
     * Python's {@code wait()}: returns at once if the flag is up, otherwise blocks until a
     * {@code set()}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void await() throws InterruptedException {
        awaitNanos(Long.MAX_VALUE, false);
    }

    /**
     * Python's {@code wait(timeout)}: as {@link #await()}, for at most {@code timeout}.
     *
     * @return {@code true} if the flag was up or a {@code set()} happened while waiting,
     *     {@code false} if the timeout elapsed first
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Timeouts.toNanos(timeout), true);
    }

    private boolean awaitNanos(long nanos, boolean timed) throws InterruptedException {
        long start = word;
        if ((start & FLAG) != 0) {
            return true;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos == 0) {
            return false;
        }
        int spins = spinBudget;
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
            if (releasedSince(start)) {
                spinBudget = Math.min(MAX_SPINS, Math.max(MIN_SPINS, spins << 1));
                return true;
            }
        }
        spinBudget = Math.max(MIN_SPINS, spins >> 1);
        return park(start, nanos, timed);
    }

    /** Blocks until {@code word} moves on from {@code start}: a set() has happened since. */
    private boolean park(long start, long nanos, boolean timed) throws InterruptedException {
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        lock.lock();
        try {
            parked++;
            try {
                while (!releasedSince(start)) {
                    if (!timed) {
                        changed.await();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            return false;
                        }
                        changed.await(remaining, TimeUnit.NANOSECONDS);
                    }
                }
                return true;
            } finally {
                parked--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A clear() alone changes word too but releases nobody: only a new generation does. */
    private boolean releasedSince(long start) {
        long now = word;
        return (now & FLAG) != 0 || (now >>> 1) != (start >>> 1);
    }

    @Override
    public String toString() {
        return "<Event " + (isSet() ? "set" : "unset") + ">";
    }
}
