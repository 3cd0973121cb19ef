package org.pyconcurrent.examples.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ProcessPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）", the {@code shutdown()} program):
 * main submits the twenty calls of {@link ProcessExecutorResult} and keeps their futures, waits
 * for all of them with {@code shutdown()}, then prints every result. {@link ExecutorShutdown} is
 * the same program on a {@code ThreadPoolExecutor}; this is the seed's own, with a
 * {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * # shutdown()
 * from  concurrent.futures import ProcessPoolExecutor
 * from  concurrent.futures import ThreadPoolExecutor
 * import time
 *
 * # 设置进程池的进程数量 , 实例化进程池
 * p = ProcessPoolExecutor(5)
 *
 *
 * def func(n):
 *     print(n)
 *     time.sleep(2)
 *     return n * 2
 *
 *
 * if __name__ == '__main__':
 *     l = []
 *     for i in range(20):
 *         res = p.submit(func, i)
 *         l.append(res)
 *     # 等待进程池中的所有进程任务全部执行完毕
 *     p.shutdown()
 *     for i in l:
 *         print('返回值是',i.result())
 * }</pre>
 *
 * <p>"等待进程池中的所有进程任务全部执行完毕" is "wait until every task in the pool has finished".
 * The calls run five at a time in the worker processes, which print 0 to 19; then main prints,
 * all at once and in submission order, "返回值是 0" to "返回值是 38" ("the return value is"). Every
 * {@code result()} returns at once, since {@code shutdown()} has waited for every call.
 *
 * <p>The one name to watch: Python's {@code shutdown()} waits (its {@code wait} parameter defaults
 * to {@code True}), and it is {@code shutdown(true)} in Java. A {@code ProcessPoolExecutor} is
 * also a {@link java.util.concurrent.ExecutorService}, whose {@code shutdown()} without arguments
 * does not wait; {@code p.shutdown()} would compile and print the results as the calls finish,
 * between the numbers.
 *
 * <p>Changes: the sleep is 100 ms instead of 2 s (the original takes 8 s). The executor is a local
 * of {@code main} rather than a global, for the reason given in {@link ProcessExecutorSubmit}; the
 * argument is captured by the lambda that travels to a worker, as in
 * {@link ProcessExecutorResult}. Python's list {@code l} of futures is a
 * {@code List<Future<Integer>>}.
 */
public final class ProcessExecutorShutdown {
    private ProcessExecutorShutdown() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)

    static int func(int n) throws InterruptedException {
        System.out.println(n);
        Thread.sleep(PAUSE);
        return n * 2;
    }

    public static void main(String[] args) throws InterruptedException {
        // 设置进程池的进程数量, 实例化进程池 (set the number of processes, create the pool)
        ProcessPoolExecutor p = new ProcessPoolExecutor(5);
        List<Future<Integer>> l = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            Future<Integer> res = p.submit(() -> func(n));
            l.add(res);
        }
        // 等待进程池中的所有进程任务全部执行完毕 (wait until every task in the pool has finished)
        p.shutdown(true); // Python's p.shutdown(), which waits
        for (Future<Integer> i : l) {
            System.out.println("返回值是 " + i.result());
        }
    }
}
