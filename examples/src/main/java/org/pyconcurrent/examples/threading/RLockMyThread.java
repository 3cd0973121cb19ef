package org.pyconcurrent.examples.threading;

import java.time.Duration;
import org.pyconcurrent.threading.RLock;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "锁 / 递归锁"): {@code ll} and {@code tl} are one
 * and the same RLock, so the thread acquires it four times in a row without blocking, and
 * releases it four times.
 *
 * <pre>{@code
 * from threading import Thread ,  RLock
 * import time
 *
 * class MyThread(Thread):
 *
 *     def __init__(self):
 *         super().__init__()
 *
 *     def func(self):
 *         ll.acquire()
 *         print('拿到ll的锁')
 *         tl.acquire()
 *         print('拿到tl的锁')
 *         tl.release()
 *         ll.release()
 *
 *     def run(self) -> None:
 *         tl.acquire()
 *         ll.acquire()
 *         print('开始线程类函数')
 *         time.sleep(2)
 *         self.func()
 *         print('结束线程类函数')
 *         tl.release()
 *         ll.release()
 *
 * if __name__ == '__main__':
 *     # 递归锁这里面会有一个变量 ， 这个变量就是记录了这个锁被锁了几次
 *     ll = tl = RLock()
 *     t = MyThread()
 *     t.start()
 * }</pre>
 *
 * <p>It prints "开始线程类函数" (start), "拿到ll的锁" (got ll), "拿到tl的锁" (got tl),
 * "结束线程类函数" (end). The comment in main: an RLock keeps a count of how many times it is
 * held ({@link RLock#holdCount()} here). With a plain {@code Lock} the thread would block on its
 * second acquire forever. Change: the sleep is 500 ms instead of 2 s.
 */
public final class RLockMyThread {
    private RLockMyThread() {
    }

    static RLock ll;
    static RLock tl;

    static final class MyThread extends Thread {
        MyThread() {
            super();
        }

        void func() throws InterruptedException {
            ll.acquire();
            System.out.println("拿到ll的锁");
            tl.acquire();
            System.out.println("拿到tl的锁");
            tl.release();
            ll.release();
        }

        @Override
        public void run() {
            try {
                tl.acquire();
                ll.acquire();
                System.out.println("开始线程类函数");
                Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(2)
                func();
                System.out.println("结束线程类函数");
                tl.release();
                ll.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) {
        // 递归锁这里面会有一个变量, 这个变量就是记录了这个锁被锁了几次
        // (a reentrant lock keeps a count of how many times it is held)
        ll = tl = new RLock();
        MyThread t = new MyThread();
        t.start();
    }
}
