package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 000 ({@code 000_cf123511522bc7f8.txt}, "多线程"): start a thread named LoopThread, join it,
 * and print {@code threading.current_thread().name} from both threads.
 *
 * <pre>{@code
 * import time, threading
 *
 * # 新线程执行的代码:
 * def loop():
 *     print('thread %s is running...' % threading.current_thread().name)
 *     n = 0
 *     while n < 5:
 *         n = n + 1
 *         print('thread %s >>> %s' % (threading.current_thread().name, n))
 *         time.sleep(1)
 *     print('thread %s ended.' % threading.current_thread().name)
 *
 * print('thread %s is running...' % threading.current_thread().name)
 * t = threading.Thread(target=loop, name='LoopThread')
 * t.start()
 * t.join()
 * print('thread %s ended.' % threading.current_thread().name)
 * }</pre>
 *
 * <p>Changes: the sleep is 200 ms instead of 1 s, so the tour stays quick. The JVM's first thread
 * is called {@code main}, not {@code MainThread}, so the first and last lines say
 * "thread main ...".
 */
public final class LoopThread {
    private LoopThread() {
    }

    // 新线程执行的代码 (the code the new thread runs):
    static void loop() {
        System.out.printf("thread %s is running...%n", Thread.currentThread().getName());
        try {
            int n = 0;
            while (n < 5) {
                n = n + 1;
                System.out.printf("thread %s >>> %s%n", Thread.currentThread().getName(), n);
                Thread.sleep(Duration.ofMillis(200)); // Python: time.sleep(1)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.printf("thread %s ended.%n", Thread.currentThread().getName());
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.printf("thread %s is running...%n", Thread.currentThread().getName());
        Thread t = Thread.ofPlatform().name("LoopThread").unstarted(LoopThread::loop);
        t.start();
        t.join();
        System.out.printf("thread %s ended.%n", Thread.currentThread().getName());
    }
}
