package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ProcessPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）", "add_done_callback(func_A)
 * 回调机制", the callback mechanism): main submits five calls, one a second, and gives each
 * future a callback, {@code func_A}, that prints the call's result once it is done.
 * {@link ExecutorDoneCallback} is the same program on a {@code ThreadPoolExecutor}; this is the
 * seed's own, with a {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * # add_done_callback(func_A) 回调机制
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
 * def func_A(fun):
 *     print(f'获取返回值结果{fun.result()}')
 *
 *
 *
 * if __name__ == '__main__':
 *     # l = []
 *     for i in range(5):
 *         res = p.submit(func, i)
 *         time.sleep(1)
 *         # 回调机制
 *         # 回调机制不需要对任务进行参数传递 ， 会自动的传入参数
 *         res.add_done_callback(func_A)
 * }</pre>
 *
 * <p>"获取返回值结果" is "got the return value"; the comment says the callback needs no argument
 * passing: the future is passed to it by itself. The worker processes print 0 to 4 as the calls
 * start, and main's process prints "获取返回值结果0" to "获取返回值结果8" as they end, each after its
 * number. The callback runs in the parent, never in a worker: it is given the future, which lives
 * in the parent, once the result has come back from the worker (in the executor's result-handler
 * thread; or at once, in main, if the call was already done when the callback was added). Its
 * {@code result()} does not wait, since the future is done.
 *
 * <p>Changes: every time is divided by twenty, 50 ms between submissions and 100 ms per call
 * instead of 1 s and 2 s (the original takes 6 s). The executor is a local of {@code main} rather
 * than a global, for the reason given in {@link ProcessExecutorSubmit}. {@code func_A} is
 * {@code funcA}, a {@code DoneCallback<Integer>}; {@code res.add_done_callback(func_A)} is
 * {@code res.addDoneCallback(ProcessExecutorDoneCallback::funcA)}. A callback may throw checked
 * exceptions (they are logged, as Python logs a raising callback), so {@code funcA} simply
 * declares the {@link InterruptedException} of {@code result()}, which a done future never
 * throws. The last call is still
 * running when main is done; as in Python, the executor waits for it at exit.
 */
public final class ProcessExecutorDoneCallback {
    private ProcessExecutorDoneCallback() {
    }

    static final Duration CALL_PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)
    static final Duration SUBMIT_PAUSE = Duration.ofMillis(50); // Python: time.sleep(1)

    static int func(int n) throws InterruptedException {
        System.out.println(n);
        Thread.sleep(CALL_PAUSE);
        return n * 2;
    }

    static void funcA(Future<Integer> fun) throws InterruptedException {
        System.out.println("获取返回值结果" + fun.result());
    }

    public static void main(String[] args) throws InterruptedException {
        // 设置进程池的进程数量, 实例化进程池 (set the number of processes, create the pool)
        ProcessPoolExecutor p = new ProcessPoolExecutor(5);
        for (int i = 0; i < 5; i++) {
            int n = i;
            Future<Integer> res = p.submit(() -> func(n));
            Thread.sleep(SUBMIT_PAUSE);
            // 回调机制 (the callback mechanism)
            // 回调机制不需要对任务进行参数传递, 会自动的传入参数 (no argument passing: the future is passed in)
            res.addDoneCallback(ProcessExecutorDoneCallback::funcA);
        }
    }
}
