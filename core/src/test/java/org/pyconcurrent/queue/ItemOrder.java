package org.pyconcurrent.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The order a queue hands its items out in: the contracts' model of a queue kind. */
public enum ItemOrder {
    /** {@code queue.Queue}, {@code SimpleQueue}: first in, first out. */
    FIFO,
    /** {@code queue.LifoQueue}: last in, first out. */
    LIFO,
    /**
     * {@code queue.PriorityQueue} of Integers ordered by {@link #NONE_LAST}: lowest first, None
     * after every number, ties in insertion order.
     */
    PRIORITY;

    /** The order the contracts' priority queues are built with: natural, with None last. */
    public static final Comparator<Integer> NONE_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    /** The items in the order a queue of this kind hands them out, if {@code puts} were put in this order. */
    public List<Integer> expected(List<Integer> puts) {
        List<Integer> model = new ArrayList<>(puts.size());
        for (Integer item : puts) {
            insert(model, item);
        }
        return model;
    }

    /**
     * Adds {@code item} to {@code model}, a list of the items a queue of this kind holds in the
     * order it will hand them out (so a get is {@code model.remove(0)}).
     */
    public void insert(List<Integer> model, Integer item) {
        switch (this) {
            case FIFO -> model.add(item);
            case LIFO -> model.add(0, item);
            case PRIORITY -> {
                // after every item that is not greater: ties keep insertion order
                int i = model.size();
                while (i > 0 && NONE_LAST.compare(model.get(i - 1), item) > 0) {
                    i--;
                }
                model.add(i, item);
            }
        }
    }

    /** {@link #expected(List)} for a few items (null allowed). */
    public List<Integer> expected(Integer... puts) {
        List<Integer> list = new ArrayList<>(puts.length);
        Collections.addAll(list, puts);
        return expected(list);
    }
}
