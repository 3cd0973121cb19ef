package org.pyconcurrent.examples.queue;

import org.pyconcurrent.queue.Queue;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "queue队列", "列表的简单实用-先入先出queue"): a
 * {@code Queue(maxsize=3)} holding 1, 2, 3 hands them out first in, first out.
 *
 * <pre>{@code
 * import queue
 *
 * q_first_first = queue.Queue(maxsize=3) # 先入先出
 * q_first_first.put(1)
 * q_first_first.put(2)
 * q_first_first.put(3)
 * print(q_first_first.get())
 * print(q_first_first.get())
 * }</pre>
 *
 * <p>It prints 1, then 2; 3 stays in the queue. {@code queue.Queue(maxsize=3)} is
 * {@code new Queue<>(3)}. The queue is full after the third {@code put}; a fourth would wait for
 * a free slot, as in Python, which is why {@code put} and {@code get} throw
 * {@link InterruptedException} and {@code main} declares it.
 */
public final class FirstInFirstOut {
    private FirstInFirstOut() {
    }

    public static void main(String[] args) throws InterruptedException {
        Queue<Integer> qFirstFirst = new Queue<>(3); // 先入先出 (first in, first out)
        qFirstFirst.put(1);
        qFirstFirst.put(2);
        qFirstFirst.put(3);
        System.out.println(qFirstFirst.get());
        System.out.println(qFirstFirst.get());
    }
}
