package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ProcessPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）", the second program): as
 * {@link ProcessExecutorSubmit}, but {@code func} returns {@code n * 2}, and main asks each call's
 * future for its result right after submitting it. {@link ExecutorResult} is the same program on a
 * {@code ThreadPoolExecutor}; this is the seed's own, with a {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * # submit(func , i)该返回是有返回值的 ， 返回的是Future对象 ， 这个对象有result方法
 * # 可以通过这个方法获取返回提交的任务的返回值结果
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
 *     for i in range(20):
 *         res = p.submit(func, i)
 *         print('返回值是',res.result())
 * }</pre>
 *
 * <p>The comment says: {@code submit(func, i)} returns a {@code Future}, whose {@code result()}
 * gives the call's return value. "返回值是" is "the return value is". {@code result()} waits until
 * the call is done, so the calls run one after the other although there are five workers: the
 * output is 0 (printed by a worker process), "返回值是 0" (printed by main), 1, "返回值是 2", and so
 * on to 19 and 38, always in that order.
 *
 * <p>Changes: the sleep is 50 ms instead of 2 s (the original takes 40 s; this one, with the
 * worker JVMs' start, about two seconds). The executor is a local of {@code main} rather than a
 * global, for the reason given in {@link ProcessExecutorSubmit}. {@code p.submit(func, i)} is
 * {@code p.submit(() -> func(n))}: the lambda is a {@code SerializableCallable}, which travels to
 * a worker with the argument it captured; the result comes back serialized. {@code func} declares
 * {@link InterruptedException}, which {@code result()} would rethrow to main inside a
 * {@link java.util.concurrent.CompletionException}; {@code result()} itself waits, so it throws
 * {@link InterruptedException} too. Python's {@code print} puts a space between its arguments.
 */
public final class ProcessExecutorResult {
    private ProcessExecutorResult() {
    }

    static final Duration PAUSE = Duration.ofMillis(50); // Python: time.sleep(2)

    static int func(int n) throws InterruptedException {
        System.out.println(n);
        Thread.sleep(PAUSE);
        return n * 2;
    }

    public static void main(String[] args) throws InterruptedException {
        // 设置进程池的进程数量, 实例化进程池 (set the number of processes, create the pool)
        ProcessPoolExecutor p = new ProcessPoolExecutor(5);
        for (int i = 0; i < 20; i++) {
            int n = i;
            Future<Integer> res = p.submit(() -> func(n));
            System.out.println("返回值是 " + res.result());
        }
    }
}
