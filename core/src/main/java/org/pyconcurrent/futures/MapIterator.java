package org.pyconcurrent.futures;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import org.pyconcurrent.internal.Outcomes;

/**
 * The results of {@link ThreadPoolExecutor#map}, in input order, each waited for when asked for.
 * One-shot: it is its own {@link Iterator}; {@link #iterator()} may be called once.
 *
 * <p>As Python's generator: the first call that fails (the call's own exception, rethrown as
 * {@link Future#result()} does, a {@link TimeoutError}, or an interrupt, reported as a
 * {@link CompletionException} caused by {@link InterruptedException} with the thread's flag set
 * again) ends the iteration and cancels the calls not yet started; so does {@link #close()}.
 *
 * @param <R> the result type
 */
public final class MapIterator<R> implements Iterator<R>, Iterable<R>, AutoCloseable {
    private final List<Future<R>> futures;
    /** For a chunked map: the futures hold lists of results, handed out one by one. */
    private final boolean chunked;
    private List<R> chunk = List.of();
    private int chunkIndex;
    private final long deadline;
    private final boolean timed;
    private int index;
    private boolean iterated;
    private boolean ended;

    /** {@code deadline} is a {@link System#nanoTime()} value, taken when {@code map} was called. */
    MapIterator(List<Future<R>> futures, boolean timed, long deadline) {
        this(futures, timed, deadline, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private MapIterator(List futures, boolean timed, long deadline, boolean chunked) {
        this.chunked = chunked;
        this.futures = futures;
        this.timed = timed;
        this.deadline = deadline;
    }

    /**
     * Returns this iterator, once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<R> iterator() {
        if (iterated) {
            throw new IllegalStateException("map() results can be iterated only once");
        }
        iterated = true;
        return this;
    }

    /**
     * The results of a map whose calls each computed a chunk of results (a process pool's
     * {@code chunksize}): the chunks' items, in order. No chunk may be empty.
     */
    static <R> MapIterator<R> flattening(List<Future<List<R>>> chunks, boolean timed, long deadline) {
        return new MapIterator<>(chunks, timed, deadline, true);
    }

    @Override
    public boolean hasNext() {
        return !ended && (chunkIndex < chunk.size() || index < futures.size());
    }

    /**
     * Waits for the next result in input order and returns it.
     *
     * @throws TimeoutError if the map's timeout passed before this result was ready
     * @throws NoSuchElementException if the iteration has ended
     */
    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException("map() has no more results");
        }
        if (chunkIndex < chunk.size()) {
            return chunk.get(chunkIndex++);
        }
        Future<R> f = futures.get(index);
        boolean ok = false;
        try {
            R value;
            if (timed) {
                value = f.result(java.time.Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
            } else {
                value = f.result();
            }
            futures.set(index++, null);
            ok = true;
            if (chunked) {
                @SuppressWarnings("unchecked")
                List<R> items = (List<R>) value;
                chunk = items;
                chunkIndex = 1;
                return items.get(0);
            }
            return value;
        } catch (InterruptedException e) {
            throw Outcomes.interrupted("map() result " + index, e);
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    /** Ends the iteration and cancels every call that has not started. */
    @Override
    public void close() {
        ended = true;
        for (int i = index; i < futures.size(); i++) {
            Future<R> f = futures.get(i);
            if (f != null) {
                f.cancel();
            }
        }
    }
}
