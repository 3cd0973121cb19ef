package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的join()"): start 50 threads without
 * waiting (main's stopwatch measures nothing), then start 50 more and join them, to time the
 * whole batch.
 *
 * <pre>{@code
 * import threading, time
 *
 * """
 * the threading of a class;
 * start a threading with a loop;
 * show how to use "thread_obj.join(timout=int())"
 * """
 * class Mythread(threading.Thread):
 *
 *     def __init__(self, n):
 *         super(Mythread, self).__init__()
 *         self.n = n
 *
 *     def run(self):
 *         print("running task-", self.n, threading.current_thread())
 *         time.sleep(2)
 *         print("running over-%d" % self.n)
 *
 * start = time.time()
 * for i in range(50):
 *     t1 = Mythread(i)
 *     t1.start()
 * end = time.time()
 * print("111", end-start)
 * # 这里面无法算出时间,因为多线程啊,主程序本身就是一个线程,与其他线程是并行关系;
 * # 默认情况下主线程不会等待子线程执行完毕的;既然默认,即可设置;
 * # t1.join() # 主线程等待子线程执行结果,会变成串行;
 * # threading.active_count() 显示目前进程中的线程数;
 * # threading.current_thread() 显示当前运行的线程;
 *
 * # 方式一:# 主线程等待子线程执行结果,会变成串行;
 * start = time.time()
 * t_list = []
 * for i in range(50):
 *     t_list.append(Mythread(i))
 *     t_list[-1].start()
 *     t1.join()
 *
 * # 方式二:会等待先轮循的线程执行结束
 * for thread in t_list:
 *     thread.join()
 * end = time.time()
 * print(threading.current_thread(), end-start)
 * }</pre>
 *
 * <p>Kept as written: in "方式一" (way one) {@code t1} is still the last thread of the first batch,
 * so {@code t1.join()} waits for that one thread once and then returns at once; joining the new
 * thread there ({@code t_list[-1].join()}) would run the 50 threads one after the other, as the
 * comment says. "方式二" (way two) joins every thread after starting them all, so the batch takes
 * about one sleep, and main's second time is about two sleeps (one waiting for {@code t1}, one
 * for the new batch). Change: the sleep is 200 ms instead of 2 s.
 *
 * <p>The docstring promises {@code join(timeout)}: in Java it is {@link Thread#join(Duration)},
 * which, unlike Python's, returns whether the thread has ended (Python's returns {@code None}
 * and you ask {@code is_alive()} afterwards):
 * {@code if (!t1.join(Duration.ofSeconds(1))) { ... still running ... }}.
 */
public final class JoinStrategies {
    private JoinStrategies() {
    }

    static final class Mythread extends Thread {
        private final int n;

        Mythread(int n) {
            super();
            this.n = n;
        }

        @Override
        public void run() {
            System.out.println("running task- " + n + " " + Thread.currentThread());
            try {
                Thread.sleep(Duration.ofMillis(200)); // Python: time.sleep(2)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            System.out.printf("running over-%d%n", n);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long start = System.nanoTime();
        Mythread t1 = null;
        for (int i = 0; i < 50; i++) {
            t1 = new Mythread(i);
            t1.start();
        }
        long end = System.nanoTime();
        System.out.println("111 " + (end - start) / 1e9);
        // 这里面无法算出时间 ... (no time can be measured here: main does not wait for the threads)
        // t1.join(); // 主线程等待子线程执行结果,会变成串行 (main waits for the thread: serial)
        // t1.join(Duration.ofSeconds(1)); // join(timeout=1): returns false if t1 is still alive

        // 方式一 (way one): 主线程等待子线程执行结果,会变成串行
        start = System.nanoTime();
        List<Mythread> tList = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tList.add(new Mythread(i));
            tList.get(tList.size() - 1).start();
            t1.join();
        }

        // 方式二 (way two): 会等待先轮循的线程执行结束 (waits for each thread in turn)
        for (Mythread thread : tList) {
            thread.join();
        }
        end = System.nanoTime();
        System.out.println(Thread.currentThread() + " " + (end - start) / 1e9);
    }
}
