package org.pyconcurrent.internal.queue;

import java.util.Comparator;

/**
 * An item of a priority queue with the sequence number of its insertion, so that items of equal
 * priority come out in the order they went in (CPython's heapq gives no such guarantee).
 */
record Ranked(Object item, long sequence) {
    /**
     * Orders by {@code priority} on the items as the user sees them ({@code null} for
     * {@link Items#NONE}), then by insertion.
     */
    static Comparator<Ranked> order(Comparator<Object> priority) {
        return (a, b) -> {
            int c = priority.compare(Items.unmask(a.item), Items.unmask(b.item));
            return c != 0 ? c : Long.compare(a.sequence, b.sequence);
        };
    }
}
