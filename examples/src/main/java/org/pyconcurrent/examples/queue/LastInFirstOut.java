package org.pyconcurrent.examples.queue;

import org.pyconcurrent.queue.LifoQueue;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "queue队列", "列表的简单实用-后入先出queue"): a
 * {@code LifoQueue(maxsize=3)} holding 1, 2, 3 hands them out last in, first out, like a stack.
 *
 * <pre>{@code
 * import queue
 *
 * q_first_first = queue.LifoQueue(maxsize=3) # 后入先出
 * q_first_first.put(1)
 * q_first_first.put(2)
 * q_first_first.put(3)
 * print(q_first_first.get())
 * print(q_first_first.get())
 * }</pre>
 *
 * <p>It prints 3, then 2; 1 stays in the queue. The seed kept the variable name of the FIFO
 * example it was copied from, and so does the port. {@code queue.LifoQueue(maxsize=3)} is
 * {@code new LifoQueue<>(3)}.
 */
public final class LastInFirstOut {
    private LastInFirstOut() {
    }

    public static void main(String[] args) throws InterruptedException {
        LifoQueue<Integer> qFirstFirst = new LifoQueue<>(3); // 后入先出 (last in, first out)
        qFirstFirst.put(1);
        qFirstFirst.put(2);
        qFirstFirst.put(3);
        System.out.println(qFirstFirst.get());
        System.out.println(qFirstFirst.get());
    }
}
