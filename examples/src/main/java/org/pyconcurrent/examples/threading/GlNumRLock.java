package org.pyconcurrent.examples.threading;

import java.time.Duration;
import org.pyconcurrent.threading.RLock;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "设置线程锁"): the same ten threads, now each
 * increments, sleeps and prints under an RLock, so the numbers come out 1 to 10, in order, one
 * sleep apart.
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * #coding:utf-8
 *
 * import threading
 * import time
 *
 * gl_num = 0
 *
 * lock = threading.RLock() #实例化调用线程锁
 *
 * def Func():
 *     lock.acquire() #获取线程锁
 *     global gl_num
 *     gl_num +=1
 *     time.sleep(1)
 *     print gl_num
 *     lock.release() #释放线程锁，这里注意，在使用线程锁的时候不能把锁，写在代码中，否则会造成阻塞，看起来“像”单线程
 *
 * for i in range(10):
 *     t = threading.Thread(target=Func)
 *     t.start()
 * }</pre>
 *
 * <p>Python 2 in the seed. Changes: the sleep is 100 ms instead of 1 s (the threads take turns,
 * so the original takes 10 s). Because {@code Thread.sleep} can throw
 * {@link InterruptedException}, the release is in a {@code finally} block, so that an interrupted
 * thread does not leave the lock held; {@code try (var held = lock.with())} would do the same.
 */
public final class GlNumRLock {
    private GlNumRLock() {
    }

    static int glNum = 0;

    static final RLock lock = new RLock(); // 实例化调用线程锁 (make the lock)

    static void func() {
        try {
            lock.acquire(); // 获取线程锁 (take the lock)
            try {
                glNum += 1;
                Thread.sleep(Duration.ofMillis(100)); // Python: time.sleep(1)
                System.out.println(glNum);
            } finally {
                lock.release(); // 释放线程锁 (release the lock)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().unstarted(GlNumRLock::func);
            t.start();
        }
    }
}
