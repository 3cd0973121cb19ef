package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.List;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.Queue;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程通信"): the parent makes a
 * {@code multiprocessing.Queue} and hands it to a writer child and a reader child, run one after
 * the other: the writer puts four names and is joined; only then is the reader started, which
 * gets names while the queue is not empty, and is joined in turn.
 *
 * <pre>{@code
 * from  multiprocessing import  Process , Queue
 * import time
 *
 * def write(q):
 *     # 将数据写入到queue消息队列中
 *     ls = ['鲁班','李白','武则天','孙尚香']
 *     for i in ls:
 *         q.put(i)
 *         print('queue获取到值',i)
 *         time.sleep(2)
 *
 * def read(q):
 *     # 从消息队列中获取数据
 *     while True:
 *         if not q.empty():
 *             value = q.get(True)
 *             print('从消息队列中获取到值',value)
 *             time.sleep(3)
 *         else:
 *             break
 *
 *
 *
 * if __name__ == '__main__':
 *     q = Queue()
 *     w = Process(target=write , args=(q,))
 *     r = Process(target=read , args=(q,))
 *     # 将消息全部完整的写入到消息队列中 ，才继续下一个进程
 *     w.start()
 *     w.join()
 *     r.start()
 *     r.join()
 *     print('数据写入读取完毕')
 * }</pre>
 *
 * <p>The comments: "将数据写入到queue消息队列中" write the data into the queue;
 * "从消息队列中获取数据" get the data from the queue; "将消息全部完整的写入到消息队列中,
 * 才继续下一个进程" write every message into the queue before going on to the next process. It
 * prints the writer's four "queue获取到值 <var>name</var>" (the queue got the value), then the
 * reader's four "从消息队列中获取到值 <var>name</var>" (got the value from the queue), 鲁班, 李白,
 * 武则天 and 孙尚香 in that order on both sides, and last "数据写入读取完毕" (data written and
 * read): the writer is joined before the reader starts, so every name is in the queue when the
 * reader first asks {@code q.empty()}, and the reader stops when it has taken the last one. The
 * output is always the same.
 *
 * <p>The writer has exited by the time the reader takes its items, and nothing it put goes with
 * it: the queue is held by the parent, which made it, and a child's {@code put} sends the item
 * on its way to the parent at once (at the latest when the child's target returns). The writer
 * sleeps after its last {@code put}, and the parent has taken every item in long before the
 * reader, a JVM of its own, is up and asks.
 *
 * <p>Changes: the sleeps are 200 and 300 ms instead of 2 and 3 s (the original takes 20 s; this
 * one 2 s). {@code Process(target=write, args=(q,))} is {@code new Process(() -> write(q))}: the
 * queue travels to each child inside its target, and both children's copies are the same queue.
 * Python's {@code print('queue获取到值', i)} separates its arguments with a space; the port joins
 * them with one. {@code q.get(True)} is {@code q.get(true)}; it and {@code put} may wait, so they
 * throw {@link InterruptedException}, which {@code write} and {@code read}, {@code Runnable}
 * targets, catch. Every line is printed with one {@code println}, as children share the
 * standard output.
 */
public final class QueueWriteThenRead {
    private QueueWriteThenRead() {
    }

    static final Duration WRITE_PAUSE = Duration.ofMillis(200); // Python: time.sleep(2)
    static final Duration READ_PAUSE = Duration.ofMillis(300); // Python: time.sleep(3)

    static void write(Queue<String> q) {
        // 将数据写入到queue消息队列中 (write the data into the queue)
        List<String> ls = List.of("鲁班", "李白", "武则天", "孙尚香");
        try {
            for (String i : ls) {
                q.put(i);
                System.out.println("queue获取到值 " + i);
                Thread.sleep(WRITE_PAUSE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void read(Queue<String> q) {
        // 从消息队列中获取数据 (get the data from the queue)
        try {
            while (true) {
                if (!q.empty()) {
                    String value = q.get(true);
                    System.out.println("从消息队列中获取到值 " + value);
                    Thread.sleep(READ_PAUSE);
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Queue<String> q = new Queue<>();
        Process w = new Process(() -> write(q));
        Process r = new Process(() -> read(q));
        // 将消息全部完整的写入到消息队列中, 才继续下一个进程 (write every message before the next process)
        w.start();
        w.join();
        r.start();
        r.join();
        System.out.println("数据写入读取完毕");
    }
}
