package org.pyconcurrent.examples.multiprocessing;

import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "默认的进程无法进行数据共享"): ten child processes
 * each append their number to the global list {@code li} and print it; the parent prints it
 * too. Processes do not share memory: each child appends to its own copy, and the parent's list
 * stays empty.
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * #coding:utf-8
 *
 * from multiprocessing import Process
 * from multiprocessing import Manager
 *
 * import time
 *
 * li = []
 *
 * def foo(i):
 *     li.append(i)
 *     print 'say hi',li
 *
 * for i in range(10):
 *     p = Process(target=foo,args=(i,))
 *     p.start()
 *
 * print 'ending',li
 * }</pre>
 *
 * <p>Each child prints a list holding only its own number ("say hi [3]"), never two; the parent
 * prints "ending []", usually before most of the children, since it does not wait for them.
 * (Python 2, no {@code __main__} guard: the seed relies on {@code fork}; its unused imports are
 * left out.)
 *
 * <p>{@code li} is a static field of the class. The lesson holds in Java, for a different
 * reason: Python's {@code fork} copies the parent's memory, so a child starts with the list as
 * the parent had it at {@code start()}; a child JVM loads the class afresh, and its static
 * initializer gives it a new empty list, whatever the parent had put in its own. (Python's
 * {@code spawn} is closer: the child re-imports the module and gets {@code li = []} the same way.)
 * Here the parent never changes {@code li}, so both give the same output. What does travel to
 * the child is the target, with what it captured: {@code n}.
 */
public final class GlobalListIsolation {
    private GlobalListIsolation() {
    }

    static final List<Integer> li = new ArrayList<>();

    static void foo(int i) {
        li.add(i);
        System.out.println("say hi " + li);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            int n = i;
            Process p = new Process(() -> foo(n));
            p.start();
        }

        System.out.println("ending " + li);
    }
}
