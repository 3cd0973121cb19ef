package org.pyconcurrent.examples.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.multiprocessing.AsyncResult;
import org.pyconcurrent.multiprocessing.ThreadPool;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程池中Process可以使用get()获取函数的返回值", a
 * pool's tasks hand their return values back through {@code get()}): as {@link PoolCallback},
 * with five tasks whose {@code AsyncResult}s main keeps; after {@code close()} and
 * {@code join()} it prints each one's value.
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
 *     pool = Pool(processes=2)
 *     result = list()
 *     for i in range(5):
 *         result.append(pool.apply_async(func=Foo, args=(i,), callback=Bar))
 *
 *     print('end')
 *     pool.close()
 *     print("pool close.")
 *     pool.join()
 *
 *     for res in result:
 *         print("res-->%s" % res.get())
 * '''
 * result:
 * __main__ 936
 * end
 * pool close.
 * 100
 * -->exec done: 100 936
 * 101
 * -->exec done: 101 936
 * 102
 * -->exec done: 102 936
 * 103
 * -->exec done: 103 936
 * 104
 * -->exec done: 104 936
 * res-->100
 * res-->101
 * res-->102
 * res-->103
 * res-->104
 * '''
 * }</pre>
 *
 * <p>The output is the seed's, but for the order within each pair of tasks that run at the same
 * time (100 and 101, 102 and 103), which is up to the workers. {@code get()} returns at once
 * here: {@code join()} has waited for every task, and a result is ready only after its callback
 * has run. The values come back in submission order because main asks for them in that order.
 *
 * <p>This is the thread twin of the seed's process pool, on a {@link ThreadPool}; the version with
 * worker processes comes with the process {@code Pool}. Changes as in {@link PoolCallback}: the
 * sleep is 100 ms instead of 2 s, the argument is captured by a lambda, {@code Foo} and
 * {@code Bar} are {@code foo} and {@code bar}, {@code __name__} is printed as the literal
 * {@code __main__}, and {@code freeze_support()} has no counterpart. Python's
 * {@code result = list()} of results is a {@code List<AsyncResult<Integer>>}.
 */
public final class PoolGetResults {
    private PoolGetResults() {
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
        ThreadPool pool = new ThreadPool(2);
        List<AsyncResult<Integer>> result = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            result.add(pool.applyAsync(() -> foo(n), PoolGetResults::bar));
        }

        System.out.println("end");
        pool.close();
        System.out.println("pool close.");
        pool.join();

        for (AsyncResult<Integer> res : result) {
            System.out.println("res-->" + res.get());
        }
    }
}
