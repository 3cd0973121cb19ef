package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的deamon线程"): ten daemon threads sleep 0 or
 * 1 second, then add one to {@code data}. Main prints {@code data} and ends; the JVM does not
 * wait for daemon threads, so those still asleep never print.
 *
 * <pre>{@code
 * import threading
 * import time
 * import random
 *
 * data = 1
 *
 * def add():
 *     global data
 *     time.sleep(random.randrange(2))
 *     data += 1
 *     print("{} is over.".format(threading.current_thread()))
 *
 *
 * for i in range(10):
 *     t = threading.Thread(target=add)
 *     t.setDaemon(True) # 将daemon的flag位设置为True
 *     t.start()
 *
 * print(data) # 打印完主线程结束
 *
 * ''' # 结果中只于4个进程在主线程结束前完成,且在主线程结束后,剩余daemon不再执行
 * <Thread(Thread-6, started daemon 29724)> is over.
 * <Thread(Thread-7, started daemon 7084)> is over.
 * <Thread(Thread-8, started daemon 5420)> is over.
 * <Thread(Thread-10, started daemon 29996)> is over.
 * '''
 * }</pre>
 *
 * <p>{@code t.setDaemon(True)} is {@link Thread#setDaemon(boolean)} (or
 * {@code Thread.ofPlatform().daemon(true)}). Like the original, {@code data += 1} is not atomic;
 * {@code volatile} only makes main see the latest value. This example only shows its point in a
 * JVM of its own, which is how the tour runs every example.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    static volatile int data = 1;

    static void add() {
        try {
            Thread.sleep(Duration.ofSeconds(ThreadLocalRandom.current().nextInt(2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        data += 1;
        System.out.printf("%s is over.%n", Thread.currentThread());
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().unstarted(DaemonThreads::add);
            t.setDaemon(true); // 将daemon的flag位设置为True (set the daemon flag)
            t.start();
        }

        System.out.println(data); // 打印完主线程结束 (main ends after this print)
    }
}
