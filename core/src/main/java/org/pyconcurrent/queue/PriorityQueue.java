package org.pyconcurrent.queue;

import java.util.Comparator;
import java.util.Objects;
import org.pyconcurrent.internal.queue.QueueCores;

/**
 * Python's {@code queue.PriorityQueue}: a {@link Queue} that hands out the lowest item first, by
 * the items' natural order or by a {@link Comparator}. Items that compare equal come out in the
 * order they were put, a guarantee CPython's heap does not give. Everything else is as in
 * {@link Queue}.
 *
 * <p>Python programs put {@code (priority, data)} tuples; in Java put a record that implements
 * {@link Comparable}, or pass a comparator such as {@code Comparator.comparingInt(Job::priority)}.
 * With natural ordering every item must be {@link Comparable} and non-null (a
 * {@link ClassCastException} or {@link NullPointerException} at {@code put} says which item was
 * refused; Python raises TypeError when it compares them). With a comparator, {@code null} is
 * passed to it like any item (use {@link Comparator#nullsLast} to put a {@code None} sentinel last).
 *
 * <pre>{@code
 * PriorityQueue<Integer> q = new PriorityQueue<>();
 * q.put(111); q.put(333); q.put(222);
 * q.get();   // 111, then 222, then 333
 * }</pre>
 *
 * @param <E> the type of the items
 */
public class PriorityQueue<E> extends Queue<E> {
    private final boolean natural;

    /** Python's {@code PriorityQueue()}: unbounded, natural order, the faster backend for it. */
    public PriorityQueue() {
        this(0);
    }

    /**
     * Python's {@code PriorityQueue(maxsize)}, natural order.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * A priority queue ordered by {@code comparator}.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     * @param comparator the order, lowest first; null for the items' natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        this(maxsize, comparator, Backend.fastestFor(PriorityQueue.class, maxsize));
    }

    /**
     * A priority queue on a chosen backend.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     * @param comparator the order, lowest first; null for the items' natural order
     * @param backend which implementation to use
     * @throws NullPointerException if {@code backend} is null
     */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator, Backend backend) {
        super(QueueCores.Order.PRIORITY, maxsize, order(comparator), backend);
        this.natural = comparator == null;
    }

    @SuppressWarnings("unchecked")
    private static <E> Comparator<Object> order(Comparator<? super E> comparator) {
        if (comparator == null) {
            return (a, b) -> ((Comparable<Object>) a).compareTo(b);
        }
        return (a, b) -> comparator.compare((E) a, (E) b);
    }

    @Override
    void check(E item) {
        if (natural) {
            Objects.requireNonNull(item, "a PriorityQueue in natural order cannot rank null; pass a comparator");
            if (!(item instanceof Comparable<?>)) {
                throw new ClassCastException("a PriorityQueue in natural order needs Comparable items, got "
                        + item.getClass().getName() + ": " + item);
            }
        }
    }
}
