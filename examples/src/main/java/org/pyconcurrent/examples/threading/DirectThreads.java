package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的两种实现 / 方式一:直接调用"): two threads
 * run a function, each with its own argument.
 *
 * <pre>{@code
 * import threading, time
 * """
 * the simplest threading;
 * """
 *
 * # 这是一个任务
 * def run(n):
 *     print("task", n)
 *     time.sleep(2)
 *
 * # 启动两个线程执行这个任务
 * t1 = threading.Thread(target=run, args=("t1",))
 * t2 = threading.Thread(target=run, args=("t2",))
 * t1.start()
 * t2.start()
 * }</pre>
 *
 * <p>{@code args=("t1",)} becomes a lambda that passes the argument. Change: the sleep is 500 ms
 * instead of 2 s. As in Python, main ends at once and the JVM waits for the two non-daemon
 * threads before it exits.
 */
public final class DirectThreads {
    private DirectThreads() {
    }

    // 这是一个任务 (this is a task)
    static void run(String n) {
        System.out.println("task " + n);
        try {
            Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(2)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        // 启动两个线程执行这个任务 (start two threads that run the task)
        Thread t1 = Thread.ofPlatform().unstarted(() -> run("t1"));
        Thread t2 = Thread.ofPlatform().unstarted(() -> run("t2"));
        t1.start();
        t2.start();
    }
}
