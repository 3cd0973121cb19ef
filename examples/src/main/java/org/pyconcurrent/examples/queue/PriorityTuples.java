package org.pyconcurrent.examples.queue;

import java.util.Comparator;
import org.pyconcurrent.queue.PriorityQueue;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "queue队列", the third demo, which the seed heads
 * "列表的简单实用-后入先出queue" by copy and paste): a {@code PriorityQueue} of
 * {@code (priority, data)} tuples hands out the lowest priority first.
 *
 * <pre>{@code
 * import queue
 *
 * q = queue.PriorityQueue() # 优先级,越低越优化
 * q.put((1, 1))
 * q.put((2, 2))
 * q.put((-1, 3))
 * q.put((-2, 4))
 * q.put((-1, 5))
 * q.put((6, 6))
 * print(q.get())
 * print(q.get())
 * }</pre>
 *
 * <p>It prints {@code (-2, 4)}, then {@code (-1, 3)}. Java has no tuples: the pair is a record,
 * {@code Pair}, that is {@link Comparable} the way a Python tuple is, element by element (first
 * the priority, then, on a tie, the data), and prints as the tuple does. So {@code (-1, 3)} comes
 * before {@code (-1, 5)} for the same reason as in Python: 3 &lt; 5. Ordering by the priority
 * alone, {@code new PriorityQueue<>(0, Comparator.comparingInt(Pair::priority))}, would give the
 * same answer here for another reason: pyconcurrent's {@code PriorityQueue} hands out equal
 * priorities in the order they were put, and 3 was put before 5.
 */
public final class PriorityTuples {
    private PriorityTuples() {
    }

    /**
     * Python's {@code (priority, data)} tuple.
     *
     * @param priority the first element; the lower, the sooner
     * @param data the second element, compared when the priorities are equal
     */
    record Pair(int priority, int data) implements Comparable<Pair> {
        private static final Comparator<Pair> TUPLE_ORDER =
                Comparator.comparingInt(Pair::priority).thenComparingInt(Pair::data);

        @Override
        public int compareTo(Pair other) {
            return TUPLE_ORDER.compare(this, other);
        }

        /** As Python prints a tuple: {@code (-2, 4)}. */
        @Override
        public String toString() {
            return "(" + priority + ", " + data + ")";
        }
    }

    public static void main(String[] args) throws InterruptedException {
        PriorityQueue<Pair> q = new PriorityQueue<>(); // 优先级,越低越优化 (the lower, the sooner)
        q.put(new Pair(1, 1));
        q.put(new Pair(2, 2));
        q.put(new Pair(-1, 3));
        q.put(new Pair(-2, 4));
        q.put(new Pair(-1, 5));
        q.put(new Pair(6, 6));
        System.out.println(q.get());
        System.out.println(q.get());
    }
}
