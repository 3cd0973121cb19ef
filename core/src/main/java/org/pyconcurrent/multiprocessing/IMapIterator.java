package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.Outcomes;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code IMapIterator} and {@code IMapUnorderedIterator}: the results of
 * {@link WorkerPool#imap} (in input order) or {@link WorkerPool#imapUnordered} (in completion
 * order), each available as soon as its chunk is done. One-shot: it is its own {@link Iterator},
 * and {@link #iterator()} may be called once, for a for-each loop.
 *
 * <p>A task that failed, or the input iterable itself throwing, shows up as {@link #next()}
 * throwing that exception at that position (a chunk fails as a whole, as in CPython); the results
 * of the inputs before it have been yielded first. As CPython's unchunked iterator, the iteration
 * may go on after a failure with the positions after it. {@link #hasNext()} and {@link #next()}
 * block; an interrupt while blocked is reported as a {@link CompletionException} caused by
 * {@link InterruptedException}, with the thread's interrupt flag set again.
 *
 * <h2>Memory consistency effects</h2>
 * A task's actions <i>happen-before</i> its result is returned by {@code next}.
 *
 * @param <R> the result type
 */
public final class IMapIterator<R> implements Iterator<R>, Iterable<R> {
    private static final Object NONE = new Object();

    private final boolean ordered;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Results and failures ready to be handed out, in the order they will be. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    /** Ordered only: chunk outcomes that arrived before an earlier chunk's. */
    private final Map<Integer, Object> early = new HashMap<>();
    private int nextChunk;
    private int chunksIn;
    private final BitSet arrived = new BitSet();
    private int length = -1;
    private boolean iterated;

    IMapIterator(boolean ordered) {
        this.ordered = ordered;
    }

    /**
     * Returns this iterator, once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<R> iterator() {
        lock.lock();
        try {
            if (iterated) {
                throw new IllegalStateException("imap() results can be iterated only once");
            }
            iterated = true;
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the next result is available or every result has been handed out. */
    @Override
    public boolean hasNext() {
        try {
            return awaitNext(-1L) != NONE;
        } catch (InterruptedException e) {
            throw Outcomes.interrupted("an imap() result", e);
        }
    }

    /**
     * Python's {@code next()}: waits for the next result and returns it.
     *
     * @throws NoSuchElementException when every result has been handed out
     * @throws RuntimeException the task's own exception (checked ones inside a
     *     {@link CompletionException}) if that position failed
     */
    @Override
    public R next() {
        try {
            return take(-1L, null);
        } catch (InterruptedException e) {
            throw Outcomes.interrupted("an imap() result", e);
        }
    }

    /**
     * Python's {@code next(timeout)}.
     *
     * @param timeout how long to wait; zero does not wait
     * @return the next result
     * @throws TimeoutError if no result arrived within {@code timeout}
     * @throws NoSuchElementException when every result has been handed out
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public R next(Duration timeout) throws InterruptedException {
        return take(Timeouts.toNanos(timeout), timeout);
    }

    @SuppressWarnings("unchecked")
    private R take(long nanos, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            Object head = awaitNext(nanos);
            if (head == NONE) {
                if (isExhausted()) {
                    throw new NoSuchElementException("imap() has no more results");
                }
                throw new TimeoutError("no imap() result within " + timeout);
            }
            ready.poll();
            if (head instanceof Failure f) {
                throw Outcomes.rethrow(f.cause);
            }
            return head == Null.VALUE ? null : (R) head;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the head of {@link #ready} once there is one, or NONE when exhausted or timed out. */
    private Object awaitNext(long nanos) throws InterruptedException {
        final boolean timed = nanos >= 0;
        lock.lock();
        try {
            while (ready.isEmpty()) {
                if (isExhausted()) {
                    return NONE;
                }
                if (!timed) {
                    changed.await();
                } else {
                    if (nanos <= 0L) {
                        return NONE;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
            }
            return ready.peek();
        } finally {
            lock.unlock();
        }
    }

    private boolean isExhausted() {
        return length >= 0 && (ordered ? nextChunk : chunksIn) >= length;
    }

    // ---------------------------------------------------------------- the job side

    /** Receives a chunk's outcome: its list of results, or a {@link Failure}. */
    void chunkArrived(int index, Object outcome) {
        lock.lock();
        try {
            if (arrived.get(index)) {
                return;  // a chunk failed by terminate() that finished anyway
            }
            arrived.set(index);
            chunksIn++;
            if (!ordered) {
                append(outcome);
            } else if (index == nextChunk) {
                append(outcome);
                nextChunk++;
                for (Object next; (next = early.remove(nextChunk)) != null; nextChunk++) {
                    append(next);
                }
            } else {
                early.put(index, outcome);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sets the number of chunks, once the input is exhausted. */
    void setLength(int chunks) {
        lock.lock();
        try {
            length = chunks;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void append(Object outcome) {
        if (outcome instanceof Failure) {
            ready.add(outcome);
        } else {
            for (Object value : (List<?>) outcome) {
                ready.add(value == null ? Null.VALUE : value);
            }
        }
    }

    /** A failed chunk in {@link #ready}. */
    record Failure(Throwable cause) {
    }

    /** Stands for a null result in {@link #ready}, which holds no nulls. */
    enum Null { VALUE }
}
