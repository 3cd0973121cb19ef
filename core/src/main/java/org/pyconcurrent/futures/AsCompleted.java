package org.pyconcurrent.futures;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pyconcurrent.internal.Outcomes;

/**
 * What {@link Futures#asCompleted} returns: each future once, as it completes. One-shot: it is
 * its own {@link Iterator}, and {@link #iterator()} may be called once, for a for-each loop.
 * {@link #close()} ends the iteration and stops listening to the futures not yet yielded (leaving
 * early is safe without it; the listeners are dropped when those futures complete).
 *
 * @param <F> the future type
 */
public final class AsCompleted<F extends Future<?>> implements Iterator<F>, Iterable<F>, AutoCloseable {
    private final LinkedBlockingQueue<F> finished = new LinkedBlockingQueue<>();
    private final List<F> registered = new ArrayList<>();
    private final List<Object> handles = new ArrayList<>();
    private final int total;
    private final long deadline;
    private final boolean timed;
    private final String timeoutText;
    private int yielded;
    private F next;
    private boolean iterated;

    AsCompleted(Set<F> futures, long nanos) {
        this.total = futures.size();
        this.timed = nanos >= 0;
        this.deadline = timed ? System.nanoTime() + nanos : 0L;
        this.timeoutText = timed ? java.time.Duration.ofNanos(nanos).toString() : "";
        for (F f : futures) {
            Object handle = f.addListener(() -> finished.add(f));
            if (handle != null) {
                registered.add(f);
                handles.add(handle);
            }
        }
    }

    /**
     * Returns this iterator, once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<F> iterator() {
        if (iterated) {
            throw new IllegalStateException("asCompleted() results can be iterated only once");
        }
        iterated = true;
        return this;
    }

    /**
     * Waits until another future completes, unless all have been yielded.
     *
     * @throws TimeoutError if the timeout passed; the message says how many of how many futures
     *     are unfinished
     * @throws CompletionException caused by {@link InterruptedException} if the thread is
     *     interrupted while waiting (its interrupt flag is set again)
     */
    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (yielded == total) {
            return false;
        }
        try {
            F f;
            if (!timed) {
                f = finished.take();
            } else {
                long remaining = deadline - System.nanoTime();
                f = remaining <= 0 ? finished.poll() : finished.poll(remaining, TimeUnit.NANOSECONDS);
            }
            if (f == null) {
                throw new TimeoutError((total - yielded) + " (of " + total
                        + ") futures unfinished after " + timeoutText);
            }
            next = f;
            return true;
        } catch (InterruptedException e) {
            throw Outcomes.interrupted("a future in asCompleted()", e);
        }
    }

    /** Returns the next future to complete, waiting for it as {@link #hasNext()} does. */
    @Override
    public F next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " futures have been yielded");
        }
        F f = next;
        next = null;
        yielded++;
        return f;
    }

    /** Ends the iteration and stops listening to the futures that have not completed. */
    @Override
    public void close() {
        yielded = total;
        next = null;
        for (int i = 0; i < handles.size(); i++) {
            registered.get(i).removeListener(handles.get(i));
        }
        handles.clear();
        registered.clear();
    }
}
