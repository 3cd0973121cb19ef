package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "线程锁"): ten threads sleep, then add one to a
 * global and print it, with no lock: the increments and prints can interleave (the problem the
 * next program, {@link GlNumRLock}, solves).
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * # -*- coding:utf-8 -*-
 * import threading
 * import time
 *
 * gl_num = 0
 *
 * def show(arg):
 *     global gl_num
 *     time.sleep(1)
 *     gl_num +=1
 *     print gl_num
 *
 * for i in range(10):
 *     t = threading.Thread(target=show, args=(i,))
 *     t.start()
 *
 * print 'main thread stop'
 * }</pre>
 *
 * <p>Python 2 in the seed. Change: the sleep is 500 ms instead of 1 s. The ten threads wake at
 * about the same moment and really run in parallel, so numbers may repeat or come out of order,
 * and an increment may be lost. That is the point of the program, so {@code glNum} is a plain
 * field on purpose.
 */
public final class GlNumUnlocked {
    private GlNumUnlocked() {
    }

    static int glNum = 0;

    static void show(int arg) {
        try {
            Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(1)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        glNum += 1;
        System.out.println(glNum);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            int arg = i;
            Thread t = Thread.ofPlatform().unstarted(() -> show(arg));
            t.start();
        }

        System.out.println("main thread stop");
    }
}
