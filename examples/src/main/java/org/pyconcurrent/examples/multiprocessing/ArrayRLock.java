package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Array;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.RLock;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "进程的锁"): twenty processes write the first
 * element of a shared array and print the whole array, each under a process {@code RLock}, so
 * that no other process changes the array while one prints it. The seed is Python 2.
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * # -*- coding:utf-8 -*-
 *
 * from multiprocessing import Process, Array, RLock
 *
 * def Foo(lock,temp,i):
 *     """
 *     将第0个数加100
 *     """
 *     lock.acquire()
 *     temp[0] = 100+i
 *     for item in temp:
 *         print i,'----->',item
 *     lock.release()
 *
 * lock = RLock()
 * temp = Array('i', [11, 22, 33, 44])
 *
 * for i in range(20):
 *     p = Process(target=Foo,args=(lock,temp,i,))
 *     p.start()
 * }</pre>
 *
 * <p>The seed asks: if processes can share data, will several changing it at once make it dirty,
 * so that it needs a lock? And answers: "进程的锁和线程的锁使用方式是非常一样的" (a process lock is
 * used just like a thread lock, only the class comes from another module). The docstring says
 * "add 100 to element 0". Each child prints four lines together, never mixed with another's:
 * "i -----> 100+i" (its own write, which no one can undo while it holds the lock), then
 * "i -----> 22", "i -----> 33" and "i -----> 44". The order of the twenty blocks is up to the
 * race for the lock.
 *
 * <p>Changes: the lock and the array are made in {@code main} and captured by each target,
 * {@code new Process(() -> foo(lock, temp, n))}, as the seed passes them in {@code args}; every
 * child's copy is the same lock and the same memory. (They are globals in the seed, made before
 * the children are forked; here they could not be statics, which a child JVM would make afresh.)
 * {@code RLock()} is a {@link org.pyconcurrent.multiprocessing.RLock}; {@code acquire()} may wait,
 * so it throws {@link InterruptedException}, which {@code foo}, a {@code Runnable} target,
 * catches. The array as in {@link ArrayShared}. Twenty processes are twenty JVMs, so this is one
 * of the slower examples (several seconds).
 */
public final class ArrayRLock {
    private ArrayRLock() {
    }

    static void foo(RLock lock, Array.Int temp, int i) {
        // 将第0个数加100 (add 100 to element 0)
        try {
            lock.acquire();
            temp.set(0, 100 + i);
            for (int k = 0; k < temp.length(); k++) {
                int item = temp.get(k);
                System.out.println(i + " -----> " + item);
            }
            lock.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        RLock lock = new RLock();
        Array.Int temp = Array.ofInt(new int[] {11, 22, 33, 44});

        for (int i = 0; i < 20; i++) {
            int n = i;
            Process p = new Process(() -> foo(lock, temp, n));
            p.start();
        }
    }
}
