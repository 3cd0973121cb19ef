package org.pyconcurrent.multiprocessing;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.shared.Segment;
import org.pyconcurrent.internal.shared.Sleeps;

/**
 * Python's {@code multiprocessing.Event}: {@link org.pyconcurrent.threading.Event}'s semantics
 * between threads of different processes. {@link Serializable}: every copy is the same event.
 *
 * <p>One word in shared memory holds the flag and a count of {@link #set()} calls, so a waiter
 * woken by a {@code set()} that a {@code clear()} undid at once still returns {@code true}, as
 * Python promises. Waiters sleep as described in {@link Lock}.
 *
 * <p>Memory consistency effects: actions prior to {@code set()} in one thread, in any process,
 * <i>happen-before</i> actions after a wait that returns {@code true} because of it, for data in
 * shared memory.
 */
public final class Event implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Bit 0: the flag; bits 1..63: how many times the flag went from clear to set. */
    private static final int WORD = 0;
    private static final int WAITERS = 8;
    private static final int SIZE = 16;
    private static final long FLAG = 1L;

    private final transient Segment segment;

    /** Creates a clear event in new shared memory. */
    public Event() {
        this(Segment.create(SIZE));
    }

    private Event(Segment segment) {
        this.segment = segment;
    }

    /** Python's {@code is_set()}. */
    public boolean isSet() {
        return (segment.get(WORD) & FLAG) != 0;
    }

    /** Sets the flag and wakes every waiter, in every process. */
    public void set() {
        for (;;) {
            long w = segment.get(WORD);
            if ((w & FLAG) != 0) {
                return;
            }
            if (segment.compareAndSet(WORD, w, (w + 2) | FLAG)) {
                break;
            }
        }
        Sleeps.wakeIfWaiting(segment, WORD, WAITERS);
    }

    /** Clears the flag. */
    public void clear() {
        for (;;) {
            long w = segment.get(WORD);
            if ((w & FLAG) == 0 || segment.compareAndSet(WORD, w, w & ~FLAG)) {
                return;
            }
        }
    }

    /**
     * Blocks until the flag is set.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if it must wait and the process that created the event has
     *     exited
     */
    public void await() throws InterruptedException {
        awaitNanos(-1L);
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true if the flag was set before or during the wait, false on timeout
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Timeouts.toNanos(timeout));
    }

    private boolean awaitNanos(long nanos) throws InterruptedException {
        long start = segment.get(WORD);
        if ((start & FLAG) != 0) {
            return true;
        }
        long sets = start >>> 1;
        return Sleeps.await(segment, WORD, WAITERS, w -> (w & FLAG) != 0 || (w >>> 1) != sets, nanos);
    }

    @Override
    public String toString() {
        return "<multiprocessing.Event " + (isSet() ? "set" : "unset") + ">";
    }

    @Serial
    private Object writeReplace() {
        return new SharedForm(SharedForm.Kind.EVENT, segment.handle(), 0);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an Event travels as its shared memory's handle");
    }

    static Event attach(Segment segment) {
        return new Event(segment);
    }
}
