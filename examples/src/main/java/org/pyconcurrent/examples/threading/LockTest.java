package org.pyconcurrent.examples.threading;

import java.time.Duration;
import org.pyconcurrent.threading.Lock;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "在Python2上加锁执行"), {@code lock_test.py} with
 * the lock: the seed's second run, "即去掉上面的注释符号" (remove the comment signs above). 1000
 * threads each add one to {@code nums[0]} under the lock; the result is always 1001.
 *
 * <pre>{@code
 * import threading, time
 *
 * lock = threading.Lock()  # 生成一把锁
 *
 * def run():
 *     lock.acquire()  # 上锁
 *     n = 0
 *     num = nums[0]
 *     while n < 100: # 循环目的隔开取值与写回内存操作
 *         n += 1     # 同时概率性达到ticks切换GIL的目的
 *     num += 1
 *     nums[0] = num
 *     lock.release()  # 修改完后,释放锁
 *
 * nums = [1]
 *
 * for i in range(1000):
 *     t = threading.Thread(target=run)
 *     t.start()
 *
 * while threading.active_count() != 1:
 *     time.sleep(0.1)
 * else:
 *     print(nums[0])
 *
 * [root@sq ~]# python lock_test.py
 * 1001
 * }</pre>
 *
 * <p>One change: main reads {@code nums[0]} with the lock held. In Java, seeing a thread gone
 * through {@link Thread#activeCount()} does not make its writes visible (only {@code join()},
 * {@code isAlive()} returning false, or a lock does); taking the lock that every writer released
 * does. {@link LockTestUnlocked} is the version without the lock.
 */
public final class LockTest {
    private LockTest() {
    }

    static final Lock lock = new Lock(); // 生成一把锁 (make a lock)
    static final int[] nums = {1};

    static void run() {
        try {
            lock.acquire(); // 上锁 (lock)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int n = 0;
        int num = nums[0];
        while (n < 100) { // 循环目的隔开取值与写回内存操作 (keeps the read and the write apart)
            n += 1;
        }
        num += 1;
        nums[0] = num;
        lock.release(); // 修改完后,释放锁 (release after the change)
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Thread t = Thread.ofPlatform().unstarted(LockTest::run);
            t.start();
        }

        while (Thread.activeCount() != 1) {
            Thread.sleep(Duration.ofMillis(100));
        }
        lock.acquire(); // added: see the class comment
        try {
            System.out.println(nums[0]);
        } finally {
            lock.release();
        }
    }
}
