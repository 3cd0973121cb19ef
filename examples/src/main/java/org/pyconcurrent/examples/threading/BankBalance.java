package org.pyconcurrent.examples.threading;

import org.pyconcurrent.threading.Lock;

/**
 * Seed 000 ({@code 000_cf123511522bc7f8.txt}, "多线程"): two threads add and subtract on a shared
 * balance 100,000 times each; with the lock the balance always ends at 0.
 *
 * <p>The seed shows the lock and the locked {@code run_thread}:
 *
 * <pre>{@code
 * balance = 0
 * lock = threading.Lock()
 *
 * def run_thread(n):
 *     for i in range(100000):
 *         # 先要获取锁:
 *         lock.acquire()
 *         try:
 *             # 放心地改吧:
 *             change_it(n)
 *         finally:
 *             # 改完了一定要释放锁:
 *             lock.release()
 * }</pre>
 *
 * <p>It names {@code change_it()} and the two threads without repeating their code; this port
 * fills them in the usual way of the tutorial the seed summarises (not in the seed):
 *
 * <pre>{@code
 * import threading
 *
 * def change_it(n):
 *     # 先存后取，结果应该为0:
 *     global balance
 *     balance = balance + n
 *     balance = balance - n
 *
 * t1 = threading.Thread(target=run_thread, args=(5,))
 * t2 = threading.Thread(target=run_thread, args=(8,))
 * t1.start()
 * t2.start()
 * t1.join()
 * t2.join()
 * print(balance)
 * }</pre>
 *
 * <p>{@code lock.acquire(); try { ... } finally { lock.release(); }} is the same in Java; the
 * shorter {@code with lock:} form is {@code try (var held = lock.with()) { changeIt(n); }}.
 * Without the lock the two threads really run at once here (there is no GIL), and the balance
 * comes out wrong far more often than in CPython.
 */
public final class BankBalance {
    private BankBalance() {
    }

    static int balance = 0;
    static final Lock lock = new Lock();

    static void changeIt(int n) {
        // 先存后取，结果应该为0 (deposit, then withdraw: the result should be 0):
        balance = balance + n;
        balance = balance - n;
    }

    static void runThread(int n) {
        try {
            for (int i = 0; i < 100_000; i++) {
                // 先要获取锁 (take the lock first):
                lock.acquire();
                try {
                    // 放心地改吧 (now change it safely):
                    changeIt(n);
                } finally {
                    // 改完了一定要释放锁 (always release it when done):
                    lock.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t1 = Thread.ofPlatform().unstarted(() -> runThread(5));
        Thread t2 = Thread.ofPlatform().unstarted(() -> runThread(8));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        System.out.println(balance);
    }
}
