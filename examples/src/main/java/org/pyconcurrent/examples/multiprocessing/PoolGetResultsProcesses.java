package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.examples.futures.PoolGetResults;
import org.pyconcurrent.multiprocessing.AsyncResult;
import org.pyconcurrent.multiprocessing.Pool;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程池中Process可以使用get()获取函数的返回值", a
 * pool's tasks hand their return values back through {@code get()}): as
 * {@link PoolCallbackProcesses}, with five tasks whose {@code AsyncResult}s main keeps; after
 * {@code close()} and {@code join()} it prints each one's value. {@link PoolGetResults} is the
 * same program on a pool of threads; this is the seed's own, with processes.
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
 * time (100 and 101, 102 and 103), which is up to the workers. Each {@code i + 100} is printed by
 * {@code Foo} in a worker process, and its "-->exec done:" line by {@code Bar} in the parent,
 * with the parent's pid. {@code get()} returns at once here: {@code join()} has waited for every
 * task, and a result is ready only after its callback has run. The values, which came back from
 * the workers serialized, are printed in submission order because main asks for them in that
 * order.
 *
 * <p>Changes as in {@link PoolCallbackProcesses}: the sleep is 100 ms instead of 2 s, the
 * {@link org.pyconcurrent.multiprocessing.Pool} has two worker JVMs, the argument is captured by
 * the lambda that travels to a worker, {@code Foo} and {@code Bar} are {@code foo} and
 * {@code bar}, {@code __name__} is printed as the literal {@code __main__}, and
 * {@code freeze_support()} has no counterpart. Python's {@code result = list()} of results is a
 * {@code List<AsyncResult<Integer>>}; {@code get()} may wait, so it throws
 * {@link InterruptedException}.
 */
public final class PoolGetResultsProcesses {
    private PoolGetResultsProcesses() {
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
        Pool pool = new Pool(2);
        List<AsyncResult<Integer>> result = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            result.add(pool.applyAsync(() -> foo(n), PoolGetResultsProcesses::bar));
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
