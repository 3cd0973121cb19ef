package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.examples.futures.PoolFooBar;
import org.pyconcurrent.multiprocessing.Pool;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "进程池", "进程池中有两个方法: apply, apply_async"):
 * a pool of five worker processes runs {@code Foo(i)} for ten values of {@code i} with
 * {@code apply_async}; the callback {@code Bar}, in the parent, prints each return value. The
 * seed is Python 2 ({@code print arg}). {@link PoolFooBar} is the same program on a pool of
 * threads; this is the seed's own, with processes.
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
 * runs, to say so, and what it receives is {@code Foo}'s return value. "创建一个进程池" is "create a
 * process pool"; "去进程池里去申请一个进程去执行Foo方法", "ask the pool for a process to run Foo". The
 * program prints "end" at once, then 100 to 109, in the order the tasks finish.
 *
 * <p>Changes: the sleep is 100 ms instead of 2 s (the original takes 4 s). {@code Pool(5)} is a
 * {@link org.pyconcurrent.multiprocessing.Pool} of five worker JVMs, started when it is made; the
 * argument is captured by the lambda that travels to a worker,
 * {@code applyAsync(() -> foo(n), PoolFooBarProcesses::bar)}; {@code Foo} and {@code Bar} are
 * {@code foo} and {@code bar}. The seed has no {@code if __name__ == '__main__':}, which Java's
 * {@code main} stands for. The two commented-out lines are kept, in Java.
 */
public final class PoolFooBarProcesses {
    private PoolFooBarProcesses() {
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
        Pool pool = new Pool(5); // 创建一个进程池 (create a process pool)
        // System.out.println(pool.apply(() -> foo(1))); // 去进程池里去申请一个进程去执行Foo方法 (run Foo in a worker and wait)
        // System.out.println(pool.applyAsync(() -> foo(1)).get());

        for (int i = 0; i < 10; i++) {
            int n = i;
            pool.applyAsync(() -> foo(n), PoolFooBarProcesses::bar);
        }

        System.out.println("end");
        pool.close();
        pool.join(); // 进程池中进程执行完毕后再关闭 (waits for the workers; without it main would end now)
    }
}
