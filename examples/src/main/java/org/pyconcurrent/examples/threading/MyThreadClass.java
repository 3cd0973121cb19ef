package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "创建线程类"): a subclass of Thread.
 *
 * <pre>{@code
 * from threading import Thread
 * import time
 *
 * class MyThread(Thread):
 *
 *     def __init__(self):
 *         super().__init__()
 *
 *     def run(self) -> None:
 *         print('开始线程类函数')
 *         time.sleep(2)
 *         print('结束线程类函数')
 *
 * if __name__ == '__main__':
 *
 *     t = MyThread()
 *     t.start()
 * }</pre>
 *
 * <p>It prints "开始线程类函数" (the thread class's function starts) and, a moment later,
 * "结束线程类函数" (it ends). Change: the sleep is 500 ms instead of 2 s.
 */
public final class MyThreadClass {
    private MyThreadClass() {
    }

    static final class MyThread extends Thread {
        MyThread() {
            super();
        }

        @Override
        public void run() {
            System.out.println("开始线程类函数");
            try {
                Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(2)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            System.out.println("结束线程类函数");
        }
    }

    public static void main(String[] args) {
        MyThread t = new MyThread();
        t.start();
    }
}
