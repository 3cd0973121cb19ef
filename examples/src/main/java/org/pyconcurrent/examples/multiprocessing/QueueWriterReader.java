package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.Queue;

/**
 * Seed 000 ({@code 000_cf123511522bc7f8.txt}, "多进程", "进程间通信"): the parent makes a
 * {@code multiprocessing.Queue} and hands it to two children; the writer puts 'A', 'B' and 'C',
 * the reader gets them in an endless loop. The parent waits for the writer, then terminates the
 * reader, which cannot end by itself.
 *
 * <pre>{@code
 * from multiprocessing import Process, Queue
 * import os, time, random
 *
 * # 写数据进程执行的代码:
 * def write(q):
 *     print('Process to write: %s' % os.getpid())
 *     for value in ['A', 'B', 'C']:
 *         print('Put %s to queue...' % value)
 *         q.put(value)
 *         time.sleep(random.random())
 *
 * # 读数据进程执行的代码:
 * def read(q):
 *     print('Process to read: %s' % os.getpid())
 *     while True:
 *         value = q.get(True)
 *         print('Get %s from queue.' % value)
 *
 * if __name__=='__main__':
 *     # 父进程创建Queue，并传给各个子进程：
 *     q = Queue()
 *     pw = Process(target=write, args=(q,))
 *     pr = Process(target=read, args=(q,))
 *     # 启动子进程pw，写入:
 *     pw.start()
 *     # 启动子进程pr，读取:
 *     pr.start()
 *     # 等待pw结束:
 *     pw.join()
 *     # pr进程里是死循环，无法等待其结束，只能强行终止:
 *     pr.terminate()
 * }</pre>
 *
 * <p>It prints each child's pid ("Process to write: …", "Process to read: …"; two processes of
 * their own), the writer's three "Put X to queue..." and the reader's three "Get X from queue.",
 * A, B and C in order on both sides, each item got after it was put; how the two children's lines
 * interleave depends on the sleeps. The queue is made by the parent and travels to each child
 * inside its target: {@code new Process(() -> write(q))} is
 * {@code Process(target=write, args=(q,))}, and both children's copies are the same queue. Items
 * are copies, serialized by {@code put} as Python pickles them. {@code q.get(True)} is
 * {@code q.get(true)}; it may wait, so it throws {@link InterruptedException}.
 *
 * <p>Changes: the writer sleeps {@code random.random()} fifths of a second instead of seconds.
 * Each line is printed with one {@code println}: the two children share the standard output,
 * and a {@code printf} may reach it in pieces, which the other child's line could split.
 * Added: before it terminates the reader, the parent waits until the reader has taken every item
 * (the queue is empty), and then 200 ms for it to print the last one. The seed relies on
 * {@code fork}, with which the reader runs at once; a reader that is a new JVM may still be
 * starting when the writer is done, and terminating it then would cut its output short (the
 * items would not be lost: they stay in the queue).
 */
public final class QueueWriterReader {
    private QueueWriterReader() {
    }

    // 写数据进程执行的代码 (the code of the writing process)
    static void write(Queue<String> q) {
        System.out.println("Process to write: " + ProcessHandle.current().pid());
        try {
            for (String value : List.of("A", "B", "C")) {
                System.out.println("Put " + value + " to queue...");
                q.put(value);
                // Python: time.sleep(random.random()), up to a second
                Thread.sleep(Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble() * 200)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // 读数据进程执行的代码 (the code of the reading process)
    static void read(Queue<String> q) {
        System.out.println("Process to read: " + ProcessHandle.current().pid());
        try {
            while (true) {
                String value = q.get(true);
                System.out.println("Get " + value + " from queue.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // 父进程创建Queue，并传给各个子进程 (the parent makes the Queue and hands it to each child)
        Queue<String> q = new Queue<>();
        Process pw = new Process(() -> write(q));
        Process pr = new Process(() -> read(q));
        // 启动子进程pw，写入 (start the writer)
        pw.start();
        // 启动子进程pr，读取 (start the reader)
        pr.start();
        // 等待pw结束 (wait for the writer to end)
        pw.join();
        while (!q.empty()) { // added: let the reader take every item; see the class comment
            Thread.sleep(Duration.ofMillis(10));
        }
        Thread.sleep(Duration.ofMillis(200)); // added: and print the last one
        // pr进程里是死循环，无法等待其结束，只能强行终止 (the reader loops forever: it can only be terminated)
        pr.terminate();
    }
}
