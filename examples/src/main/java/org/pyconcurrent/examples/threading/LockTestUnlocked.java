package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "互斥锁加与不加的区别"), {@code lock_test.py} as
 * printed, with the lock commented out: 1000 threads each read {@code nums[0]}, spin a little,
 * and write back one more. Updates get lost, so the result is often below the expected 1001.
 *
 * <pre>{@code
 * import threading, time
 *
 * lock = threading.Lock()  # 生成一把锁 # 在3.0以后版本不会出错,自己加锁了;
 *
 * def run():
 *     # lock.acquire()  # 上锁
 *     n = 0
 *     num = nums[0]
 *     while n < 100: # 循环目的隔开取值与写回内存操作
 *         n += 1     # 同时概率性达到ticks切换GIL的目的
 *     num += 1
 *     nums[0] = num
 *     # lock.release()  # 修改完后,释放锁
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
 * '''
 * RESULT:并不是预期的1001
 * [root@sq ~]# python lock_test.py
 * 955
 * }</pre>
 *
 * <p>The seed's remark that Python 3 "adds the lock by itself" is about the GIL switching less
 * often; Java threads run truly in parallel, so without the lock the read-modify-write of
 * {@code nums[0]} can interleave on every run. How many updates get lost depends on timing (the
 * threads are short and start one after the other, so it may well be none); {@link LockTest} is
 * the version with the lock. {@code threading.active_count()} is {@link Thread#activeCount()},
 * the live platform threads of the main thread group, which counts the main thread too.
 * Python's {@code while ... else} runs the {@code else} when the loop ends, so the print simply
 * follows the loop.
 */
public final class LockTestUnlocked {
    private LockTestUnlocked() {
    }

    static final int[] nums = {1};

    static void run() {
        // lock.acquire();  // 上锁 (lock)
        int n = 0;
        int num = nums[0];
        while (n < 100) { // 循环目的隔开取值与写回内存操作 (keeps the read and the write apart)
            n += 1;
        }
        num += 1;
        nums[0] = num;
        // lock.release();  // 修改完后,释放锁 (release after the change)
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Thread t = Thread.ofPlatform().unstarted(LockTestUnlocked::run);
            t.start();
        }

        while (Thread.activeCount() != 1) {
            Thread.sleep(Duration.ofMillis(100));
        }
        System.out.println(nums[0]);
    }
}
