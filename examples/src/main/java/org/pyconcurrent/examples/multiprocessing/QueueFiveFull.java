package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Queue;
import org.pyconcurrent.queue.Full;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程通信"): a {@code multiprocessing.Queue(5)},
 * in one process, filled with five messages; a sixth, put with {@code put_nowait}, raises
 * {@code queue.Full}. Then the queue's size, whether it is empty, and two messages taken out.
 *
 * <pre>{@code
 * from  multiprocessing import Queue
 * import queue
 *
 * # 要初始化Queue对象 ， 设置接收put消息的条数
 * q = Queue(5)
 * q.put('put1号')
 * q.put('put2号')
 * q.put('put3号')
 * q.put('put4号')
 * q.put('put5号')
 *
 *
 * #  q.full()判断消息队列是否满了
 * # print(q.full())
 *
 * try :
 *     q.put_nowait('6号')
 * except queue.Full:
 *     print('消息队列已经满员')
 *
 * # 返回当前消息队列内所包含的消息数量
 * print(q.qsize())
 *
 * # 判断当前队列是否为空 ， 返回True ， False
 * print(q.empty())
 *
 * print(q.get())
 *
 * print(q.get_nowait())
 * }</pre>
 *
 * <p>The seed's text: "Queue本身就是一个消息队列程序; multiprocessing提供了Queue可以实现多进程之间的数据传递"
 * (a Queue is a message queue; multiprocessing's Queue carries data between processes). The
 * comments: "要初始化Queue对象, 设置接收put消息的条数" make the Queue, with how many messages it
 * takes; "q.full()判断消息队列是否满了" {@code q.full()} tells whether the queue is full;
 * "返回当前消息队列内所包含的消息数量" the number of messages in it now; "判断当前队列是否为空,
 * 返回True, False" whether it is empty. It prints "消息队列已经满员" (the message queue is full),
 * {@code 5}, {@code False}, {@code put1号} and {@code put2号}, first in, first out; three messages
 * are left in the queue.
 *
 * <p>Here the queue's process is the one that uses it, so {@code qsize()}, {@code empty()} and
 * {@code get_nowait()} see every {@code put} at once. In CPython a {@code put} hands the message
 * to a background feeder thread, and Python's documentation warns that right after it
 * {@code empty()} may still say {@code True} and {@code get_nowait()} raise {@code queue.Empty}:
 * the seed's output is the likely one there, the only one here.
 *
 * <p>Changes: {@code Queue(5)} is {@code new Queue<>(5)}; {@code put_nowait} and
 * {@code get_nowait} are {@code putNowait} and {@code getNowait}; {@code except queue.Full} is
 * {@code catch (Full e)}, with {@link org.pyconcurrent.queue.Full}, which {@code putNowait}
 * throws where Python's {@code put_nowait} raises {@code queue.Full}. Python
 * prints a boolean as {@code True} or {@code False}, so the port prints it that way.
 * {@code put} and {@code get} may wait, so they throw {@link InterruptedException}, and
 * {@code main} declares it. The commented-out {@code print(q.full())} is kept, in Java.
 */
public final class QueueFiveFull {
    private QueueFiveFull() {
    }

    /** Python's {@code print} of a boolean: {@code True} or {@code False}. */
    static String str(boolean b) {
        return b ? "True" : "False";
    }

    public static void main(String[] args) throws InterruptedException {
        // 要初始化Queue对象, 设置接收put消息的条数 (make the Queue, with how many messages it takes)
        Queue<String> q = new Queue<>(5);
        q.put("put1号");
        q.put("put2号");
        q.put("put3号");
        q.put("put4号");
        q.put("put5号");

        // q.full()判断消息队列是否满了 (q.full() tells whether the queue is full)
        // System.out.println(str(q.full()));

        try {
            q.putNowait("6号");
        } catch (Full e) {
            System.out.println("消息队列已经满员");
        }

        // 返回当前消息队列内所包含的消息数量 (the number of messages in the queue now)
        System.out.println(q.qsize());

        // 判断当前队列是否为空, 返回True, False (whether the queue is empty: True or False)
        System.out.println(str(q.empty()));

        System.out.println(q.get());

        System.out.println(q.getNowait());
    }
}
