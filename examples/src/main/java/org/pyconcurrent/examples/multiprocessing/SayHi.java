package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "Python进程"): ten child processes each print
 * "say hi" and their number. Nobody joins them.
 *
 * <pre>{@code
 * from multiprocessing import Process
 * import threading
 * import time
 *
 * def foo(i):
 *     print 'say hi',i
 *
 * for i in range(10):
 *     p = Process(target=foo,args=(i,))
 *     p.start()
 * }</pre>
 *
 * <p>It prints "say hi 0" to "say hi 9", in whatever order the ten processes get to it. Main
 * returns at once, but the program ends only after the ten children: at exit, Python, and this
 * library, join the children that are not daemons. The seed is Python 2 ({@code print} without
 * parentheses) and has no {@code if __name__ == '__main__':} guard, which works only with the
 * {@code fork} start method; its unused imports are left out.
 *
 * <p>{@code Process(target=foo, args=(i,))} is {@code new Process(() -> foo(n))}, with {@code n}
 * an effectively final copy of the loop variable; the lambda, and {@code n} with it, travels to
 * the child serialized.
 */
public final class SayHi {
    private SayHi() {
    }

    static void foo(int i) {
        System.out.println("say hi " + i);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            int n = i;
            Process p = new Process(() -> foo(n));
            p.start();
        }
    }
}
