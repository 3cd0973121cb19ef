package org.pyconcurrent.multiprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.internal.ipc.IntList;

/**
 * The job of one {@code map_async}: collects every chunk's results; the first failing chunk fails
 * the whole result (CPython's MapResult), later outcomes are ignored.
 */
final class MapJob<R> implements Job {
    final AsyncResult<List<R>> result;
    private final Object[] chunks;
    private final AtomicInteger left;
    private final int length;

    MapJob(AsyncResult<List<R>> result, int chunkCount, int length) {
        this.result = result;
        this.chunks = new Object[chunkCount];
        this.left = new AtomicInteger(chunkCount);
        this.length = length;
        if (chunkCount == 0) {
            result.finish(new ArrayList<>(), null);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void taskDone(int index, Object value) {
        if (result.finishing()) {
            return;
        }
        chunks[index] = value;  // published to the last chunk's thread by the decrement below
        if (left.decrementAndGet() == 0) {
            result.finish(concat(), null);
        }
    }

    /**
     * The chunks' results in one list: an {@link IntList} if every chunk's results are ints (as a
     * process pool's worker sends them), else an {@code ArrayList}.
     */
    @SuppressWarnings("unchecked")
    private List<R> concat() {
        IntList ints = IntList.join(chunks);
        if (ints != null) {
            return (List<R>) (List<?>) ints;
        }
        List<R> all = new ArrayList<>(length);
        for (Object chunk : chunks) {
            all.addAll((List<R>) chunk);
        }
        return all;
    }

    @Override
    public void taskFailed(int index, Throwable failure) {
        result.finish(null, failure);
    }
}
