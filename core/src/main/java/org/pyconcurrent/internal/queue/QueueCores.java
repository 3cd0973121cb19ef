package org.pyconcurrent.internal.queue;

import java.util.Comparator;
import java.util.Objects;
import org.pyconcurrent.queue.Backend;

/** Builds the {@link QueueCore} for a kind of queue on a {@link Backend}. */
public final class QueueCores {
    /** The order a queue hands its items out in. */
    public enum Order {
        /** First in, first out ({@code queue.Queue}, {@code SimpleQueue}). */
        FIFO,
        /** Last in, first out ({@code queue.LifoQueue}). */
        LIFO,
        /** Lowest first, ties in insertion order ({@code queue.PriorityQueue}). */
        PRIORITY
    }

    private QueueCores() {
    }

    /**
     * @param order the order items come out in
     * @param maxsize the bound; 0 or less means unbounded, as in Python
     * @param priority the ordering of a PRIORITY queue (ignored otherwise)
     * @param tracksTasks whether taskDone/join are kept (false for SimpleQueue)
     * @param backend which design to build
     */
    public static QueueCore create(Order order, int maxsize, Comparator<Object> priority,
            boolean tracksTasks, Backend backend) {
        Objects.requireNonNull(backend, "backend");
        int bound = Math.max(0, maxsize);
        return switch (backend) {
            case LOCKED -> new LockedQueueCore(sequentialStore(order, priority), bound, tracksTasks);
            case LOCK_FREE -> new LockFreeQueueCore(concurrentStore(order, bound, priority), bound, tracksTasks);
        };
    }

    /** Whether a FIFO queue of this maxsize gets the preallocated array store on LOCK_FREE. */
    public static boolean arrayStoreFits(int maxsize) {
        return maxsize > 0 && maxsize <= ConcurrentStores.LARGEST_ARRAY;
    }

    private static Store sequentialStore(Order order, Comparator<Object> priority) {
        return switch (order) {
            case FIFO -> SequentialStores.fifo();
            case LIFO -> SequentialStores.lifo();
            case PRIORITY -> new SequentialStores.Heap(priority);
        };
    }

    private static Store concurrentStore(Order order, int bound, Comparator<Object> priority) {
        return switch (order) {
            case FIFO -> bound > 0 ? ConcurrentStores.boundedFifo(bound) : ConcurrentStores.unboundedFifo();
            case LIFO -> ConcurrentStores.stack();
            case PRIORITY -> new ConcurrentStores.SkipList(priority);
        };
    }
}
