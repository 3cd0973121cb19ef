package org.pyconcurrent.internal.queue;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;

/** The stores of {@link LockedQueueCore}: plain collections, used only under its lock. */
final class SequentialStores {
    private SequentialStores() {
    }

    /** First in, first out: an array deque used as a queue. */
    static final class Fifo implements Store {
        private final ArrayDeque<Object> items = new ArrayDeque<>();

        @Override
        public void offer(Object item) {
            items.addLast(item);
        }

        @Override
        public Object poll() {
            return items.pollFirst();
        }

        @Override
        public Object peek() {
            return items.peekFirst();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<Object> iterator() {
            return ReadOnlyIterator.of(items.iterator());
        }
    }

    /** Last in, first out: an array deque used as a stack. */
    static final class Lifo implements Store {
        private final ArrayDeque<Object> items = new ArrayDeque<>();

        @Override
        public void offer(Object item) {
            items.addFirst(item);
        }

        @Override
        public Object poll() {
            return items.pollFirst();
        }

        @Override
        public Object peek() {
            return items.peekFirst();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<Object> iterator() {
            return ReadOnlyIterator.of(items.iterator());
        }
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
