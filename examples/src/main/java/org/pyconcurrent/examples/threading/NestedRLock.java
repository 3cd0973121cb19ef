package org.pyconcurrent.examples.threading;

import org.pyconcurrent.threading.RLock;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "递归锁"): {@code run3} holds an RLock while it
 * calls {@code run1} and {@code run2}, which take the same lock again. With a plain
 * {@code Lock} the second acquire would block its own thread forever (the "假死", the hang, of
 * the docstring); the RLock just counts.
 *
 * <pre>{@code
 * import threading
 *
 * """
 * 递归锁,造成的假死
 * """
 *
 * num1, num2 = 0, 0
 *
 * lock = threading.RLock()  # 生成一把递归锁<多重锁的时候会认错钥匙>
 *
 * def run1():
 *     print("---run1---")
 *     lock.acquire()
 *     global num1
 *     num1 += 1
 *     lock.release()
 *     return num1
 *
 * def run2():
 *     print("---run2---")
 *     lock.acquire()
 *     global num2
 *     num2 += 1
 *     lock.release()
 *     return num2
 *
 * def run3():
 *     lock.acquire()
 *     res1 = run1()
 *     print("---run3 run1-2----")
 *     res2 = run2()
 *     lock.release()
 *     print("value is [{}][{}]".format(res1, res2))
 *
 * for i in range(10):
 *     t = threading.Thread(target=run3)
 *     t.start()
 *
 * while threading.active_count() != 1:
 *     print(threading.active_count())
 * else:
 *     print("all thread is over;")
 * }</pre>
 *
 * <p>Change: the waiting loop is a busy loop in Python too, but printing on every turn would
 * print thousands of lines here; it prints the count only when it changes. Each thread prints
 * "value is [k][k]", k from 1 to 10 in some order, because {@code run3} holds the lock across
 * both increments.
 */
public final class NestedRLock {
    private NestedRLock() {
    }

    static int num1 = 0;
    static int num2 = 0;

    static final RLock lock = new RLock(); // 生成一把递归锁 (make a reentrant lock)

    static int run1() throws InterruptedException {
        System.out.println("---run1---");
        lock.acquire();
        num1 += 1;
        lock.release();
        return num1;
    }

    static int run2() throws InterruptedException {
        System.out.println("---run2---");
        lock.acquire();
        num2 += 1;
        lock.release();
        return num2;
    }

    static void run3() {
        try {
            lock.acquire();
            int res1 = run1();
            System.out.println("---run3 run1-2----");
            int res2 = run2();
            lock.release();
            System.out.printf("value is [%s][%s]%n", res1, res2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().unstarted(NestedRLock::run3);
            t.start();
        }

        int last = -1;
        int count;
        while ((count = Thread.activeCount()) != 1) {
            if (count != last) { // changed: print only when the count changes
                System.out.println(count);
                last = count;
            }
            Thread.onSpinWait();
        }
        System.out.println("all thread is over;");
    }
}
