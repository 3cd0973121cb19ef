package org.pyconcurrent.internal.queue;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;

/** The stores of {@link LockedQueueCore}: plain collections, used only under its lock. */
final class SequentialStores {
    private SequentialStores() {
    }

    /** First in, first out: an array deque. */
    static Store fifo() {
        return new QueueStore(new ArrayDeque<>());
    }

    /** Last in, first out: an array deque used as a stack. */
    static Store lifo() {
        return new QueueStore(Collections.asLifoQueue(new ArrayDeque<>()));
    }

    /** Lowest first, ties in insertion order: a binary heap, as CPython's heapq. */
    static final class Heap implements Store {
        private final PriorityQueue<Ranked> items;
        private long nextSequence;

        Heap(Comparator<Object> priority) {
            items = new PriorityQueue<>(Ranked.order(priority));
        }

        @Override
        public void offer(Object item) {
            items.add(new Ranked(item, nextSequence++));
        }

        @Override
        public Object poll() {
            Ranked next = items.poll();
            return next == null ? null : next.item();
        }

        @Override
        public Object peek() {
            Ranked next = items.peek();
            return next == null ? null : next.item();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<Object> iterator() {
            return ReadOnlyIterator.of(items.stream().sorted(items.comparator()).map(Ranked::item).iterator());
        }
    }
}
