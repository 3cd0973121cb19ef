package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.examples.futures.PoolCallback;
import org.pyconcurrent.multiprocessing.Pool;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程池"): a pool of two worker processes runs
 * {@code Foo(i)} for ten values of {@code i} with {@code apply_async}; each result goes to the
 * callback {@code Bar}, which runs in the main program's process, not in a worker. Main closes
 * the pool and waits for it with {@code join()}. {@link PoolCallback} is the same program on a
 * pool of threads; this is the seed's own, with processes.
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
 * <p>It prints "__main__" and the parent's pid, the ten "Process->i" lines, "end" and
 * "pool close." at once, then, two at a time, each {@code i + 100}, printed by {@code Foo} in a
 * worker process, followed by its "-->exec done:" line, printed by {@code Bar} in the parent with
 * the parent's pid: the seed's comment "callback是父进程进行的操作, 而非子进程" (the callback runs in
 * the parent, not the child) holds. The other comments: "win中启动多进程需要新增这" (Windows needs
 * this to start processes), "允许进程池同时放入5个进程" (the pool may run 5 processes at once; it
 * has 2), "先执行func再执行callback" (func first, then the callback), "写日志之类" (e.g. to write a
 * log), "异步执行->并行" / "同步执行->串行" (asynchronous: parallel; synchronous: serial), "进程池关闭,
 * 需要先于join进行" (close before join), and "如果注释, 那么程序直接关闭" (without join the program
 * would end at once).
 *
 * <p>Changes: the sleep is 100 ms instead of 2 s (the original takes 10 s). {@code Pool(processes=2)}
 * is a {@link org.pyconcurrent.multiprocessing.Pool} of two worker JVMs, started when it is made.
 * {@code apply_async(func=Foo, args=(i,), callback=Bar)} is
 * {@code applyAsync(() -> foo(n), PoolCallbackProcesses::bar)}: the lambda, a
 * {@code SerializableCallable}, travels to a worker with the argument it captured, and the result
 * comes back to {@code bar} in the parent. {@code Foo} and {@code Bar} are {@code foo} and
 * {@code bar}, as Java names methods; {@code __name__} is printed as the literal
 * {@code __main__}; {@code freeze_support()} has no counterpart. The commented-out lines are kept,
 * in Java.
 */
public final class PoolCallbackProcesses {
    private PoolCallbackProcesses() {
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
        Pool pool = new Pool(2); // 允许进程池同时放入5个进程 (the seed's comment says 5; the pool has 2)
        for (int i = 0; i < 10; i++) {
            System.out.println("Process->" + i);
            int n = i;
            pool.applyAsync(() -> foo(n), PoolCallbackProcesses::bar);
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
