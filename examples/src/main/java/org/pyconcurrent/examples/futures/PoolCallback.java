package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.ThreadPool;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程池"): a pool of two workers runs {@code Foo(i)}
 * for ten values of {@code i} with {@code apply_async}; each result goes to the callback
 * {@code Bar}, which runs in the main program's process, not in a worker. Main closes the pool
 * and waits for it with {@code join()}.
 *
 * <pre>{@code
 * from multiprocessing import Process, Pool
 * from multiprocessing import freeze_support # win中启动多进程需要新增这
 * import time
 * import os
 *
 *
 * def Foo(i):
 *     time.sleep(2)
 *     print(i+100)
 *     return i + 100
 *
 *
 * def Bar(arg):
 *     print('-->exec done:', arg, os.getpid()) #-> -->exec done: 100 11958
 *
 *
 * if __name__ == '__main__':
 *     print(__name__, os.getpid())
 *     freeze_support()
 *     pool = Pool(processes=2) #允许进程池同时放入5个进程,交由CPU运行;启动的是10个;
 *     for i in range(10):
 *         print("Process->%s" % i)
 *         pool.apply_async(func=Foo, args=(i,), callback=Bar)
 *         # callback回调函数,意为先执行func再执行callback;
 *         # 可以在执行相关操作后,写日志之类
 *         # callback是父进程进行的操作,而非子进程;
 *
 *         #pool.apply_async(func=Foo, args=(i,))  # 异步执行->并行
 *         #pool.apply(func=Foo, args=(i, )) # 同步执行->串行
 *
 *     print('end')
 *     pool.close() # 进程池关闭,需要先于join进行;
 *     print("pool close.")
 *     pool.join()  # 进程池中进程执行完毕后再关闭,如果注释,那么程序直接关闭。
 * }</pre>
 *
 * <p>It prints the ten "Process->i" lines, "end" and "pool close." at once, then, two at a time,
 * each {@code i + 100} followed by its "-->exec done:" line. {@code apply_async} returns at once;
 * the callback runs after {@code Foo} has returned, with its result, in the pool's
 * result-handler thread of the main program, so the pid it prints is main's.
 *
 * <p>This is the thread twin of the seed's process pool: {@code Pool(processes=2)} becomes a
 * {@link ThreadPool} of two worker threads, which has the same API ({@code WorkerPool}); the
 * seed's version with worker processes comes with the process {@code Pool}. Every pid printed is
 * main's, as in the seed, where the callback runs in the parent process too.
 *
 * <p>Changes: the sleep is 100 ms instead of 2 s (the original takes 10 s; this one half a
 * second). {@code apply_async(func=Foo, args=(i,), callback=Bar)} is
 * {@code applyAsync(() -> foo(n), PoolCallback::bar)}: the argument is captured by the lambda,
 * from {@code n}, an effectively final copy of the loop variable. Python's {@code Foo} and
 * {@code Bar} are {@code foo} and {@code bar}, as Java names methods. {@code __name__} is
 * {@code __main__} when Python runs the file as a program; Java has no such name, and the port
 * prints the literal. {@code freeze_support()} only matters for frozen Windows executables; Java
 * has nothing to call.
 */
public final class PoolCallback {
    private PoolCallback() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)

    static int foo(int i) throws InterruptedException {
        Thread.sleep(PAUSE);
        System.out.println(i + 100);
        return i + 100;
    }

    static void bar(int arg) {
        System.out.println("-->exec done: " + arg + " " + ProcessHandle.current().pid()); //-> -->exec done: 100 11958
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("__main__ " + ProcessHandle.current().pid());
        ThreadPool pool = new ThreadPool(2); // 允许进程池同时放入5个进程 (the seed's comment says 5; the pool has 2)
        for (int i = 0; i < 10; i++) {
            System.out.println("Process->" + i);
            int n = i;
            pool.applyAsync(() -> foo(n), PoolCallback::bar);
            // callback回调函数,意为先执行func再执行callback: the callback runs after func
            // 可以在执行相关操作后,写日志之类: after the work, e.g. to write a log
            // callback是父进程进行的操作,而非子进程: the callback runs in the parent, not a worker

            // pool.applyAsync(() -> foo(n));  // 异步执行->并行 (asynchronous: in parallel)
            // pool.apply(() -> foo(n));       // 同步执行->串行 (synchronous: one after the other)
        }

        System.out.println("end");
        pool.close(); // 进程池关闭,需要先于join进行 (close comes before join)
        System.out.println("pool close.");
        pool.join(); // 进程池中进程执行完毕后再关闭 (waits for the workers; without it main would end now)
    }
}
