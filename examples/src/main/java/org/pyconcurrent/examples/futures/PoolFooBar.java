package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.ThreadPool;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "进程池", "进程池中有两个方法: apply, apply_async"):
 * a pool of five runs {@code Foo(i)} for ten values of {@code i} with {@code apply_async}; the
 * callback {@code Bar} prints each return value. The seed is Python 2 ({@code print arg}).
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * # -*- coding:utf-8 -*-
 * from  multiprocessing import Process,Pool
 * import time
 *
 * def Foo(i):
 *     time.sleep(2)
 *     return i+100
 *
 * def Bar(arg):
 *     print arg
 *
 * pool = Pool(5) #创建一个进程池
 * #print pool.apply(Foo,(1,))#去进程池里去申请一个进程去执行Foo方法
 * #print pool.apply_async(func =Foo, args=(1,)).get()
 *
 * for i in range(10):
 *     pool.apply_async(func=Foo, args=(i,),callback=Bar)
 *
 * print 'end'
 * pool.close()
 * pool.join()#进程池中进程执行完毕后再关闭，如果注释，那么程序直接关闭。
 *
 * '''
 * apply 主动的去执行
 * pool.apply_async(func=Foo, args=(i,),callback=Bar) 相当于异步，当申请一个线程之后，执行FOO方法就不管了，执行完之后就在执行callback ，当你执行完之后，在执行一个方法告诉我执行完了
 * callback 有个函数，这个函数就是操作的Foo函数的返回值！
 * '''
 * }</pre>
 *
 * <p>The closing note says: {@code apply} runs the call itself and waits; {@code apply_async}
 * hands {@code Foo} to a worker and does not wait for it; once {@code Foo} is done the callback
 * runs, to say so, and what it receives is {@code Foo}'s return value. The program prints "end"
 * at once, then 100 to 109, five at a time, in the order the tasks finish.
 *
 * <p>This is the thread twin of the seed's process pool: {@code Pool(5)} becomes a
 * {@link ThreadPool} of five worker threads; the version with worker processes comes with the
 * process {@code Pool}. Changes: the sleep is 100 ms instead of 2 s (the original takes 4 s; this
 * one a fifth of a second). The argument is captured by a lambda, {@code applyAsync(() -> foo(n),
 * PoolFooBar::bar)}; {@code Foo} and {@code Bar} are {@code foo} and {@code bar}. The two
 * commented-out lines are kept, in Java.
 */
public final class PoolFooBar {
    private PoolFooBar() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)

    static int foo(int i) throws InterruptedException {
        Thread.sleep(PAUSE);
        return i + 100;
    }

    static void bar(int arg) {
        System.out.println(arg);
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadPool pool = new ThreadPool(5); // 创建一个进程池 (create a pool)
        // System.out.println(pool.apply(() -> foo(1))); // 去进程池里去申请一个进程去执行Foo方法 (run Foo in a worker and wait)
        // System.out.println(pool.applyAsync(() -> foo(1)).get());

        for (int i = 0; i < 10; i++) {
            int n = i;
            pool.applyAsync(() -> foo(n), PoolFooBar::bar);
        }

        System.out.println("end");
        pool.close();
        pool.join(); // 进程池中进程执行完毕后再关闭 (waits for the workers; without it main would end now)
    }
}
