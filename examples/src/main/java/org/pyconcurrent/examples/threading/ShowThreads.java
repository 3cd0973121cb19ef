package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "Python线程"): ten "foreground" (non-daemon)
 * threads; main prints its last line first, and the program ends only when the ten are done.
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * # -*- coding:utf-8 -*-
 * import threading
 * import time
 *
 * def show(arg):
 *     time.sleep(2)
 *     print 'thread'+str(arg)
 *
 * for i in range(10):
 *     t = threading.Thread(target=show, args=(i,))  #这里实例化对象的时候传的两个参数第一个参数是，线程需要执行的方法，第二个参数方法的参数
 *     t.start()
 *
 * print 'main thread stop'
 * }</pre>
 *
 * <p>Python 2 in the seed ({@code print 'x'}); the output is the same in Python 3. Change: the
 * sleep is 500 ms instead of 2 s. The ten lines come in any order.
 */
public final class ShowThreads {
    private ShowThreads() {
    }

    static void show(int arg) {
        try {
            Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(2)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println("thread" + arg);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            int arg = i; // args=(i,): the lambda captures this copy of i
            Thread t = Thread.ofPlatform().unstarted(() -> show(arg));
            t.start();
        }

        System.out.println("main thread stop");
    }
}
