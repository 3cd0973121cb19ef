package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ThreadPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）", "add_done_callback(func_A)
 * 回调机制", the callback mechanism): main submits five calls, one a second, and gives each
 * future a callback, {@code func_A}, that prints the call's result once it is done.
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
 * passing: the future is passed to it by itself. The program prints 0 to 4 as the calls start, a
 * second apart, and "获取返回值结果0" to "获取返回值结果8" as they end, each two seconds after its
 * number. The last call is still running when main returns; as in {@link ExecutorSubmit}, the
 * executor is shut down at exit and waited for, so its callback prints too.
 *
 * <p>Where the callback runs: main adds it a second into a call of two, so the call is still
 * running, and the callback runs later in the thread that finishes the call, a worker. Had the
 * call already been done, {@code addDoneCallback} would have run it at once in main. The callback
 * receives the future; its {@code result()} does not wait, since the future is done.
 *
 * <p>This is the {@code ThreadPoolExecutor} twin of the seed's program; the
 * {@code ProcessPoolExecutor} version comes with the process pool. Changes: every time is divided
 * by twenty, 50 ms between submissions and 100 ms per call instead of 1 s and 2 s (the original
 * takes 6 s; this one a third of a second). {@code func_A} is {@code funcA}, a
 * {@code DoneCallback<Integer>}; {@code res.add_done_callback(func_A)} is
 * {@code res.addDoneCallback(ExecutorDoneCallback::funcA)}. A callback may throw checked
 * exceptions (they are logged, as Python logs a raising callback), so {@code funcA} simply
 * declares the {@link InterruptedException} of {@code result()}, which a done future never throws.
 */
public final class ExecutorDoneCallback {
    private ExecutorDoneCallback() {
    }

    static final Duration CALL_PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)
    static final Duration SUBMIT_PAUSE = Duration.ofMillis(50); // Python: time.sleep(1)

    // 设置进程池的进程数量, 实例化进程池 (set the number of workers, create the pool)
    static final ThreadPoolExecutor p = new ThreadPoolExecutor(5);

    static int func(int n) throws InterruptedException {
        System.out.println(n);
        Thread.sleep(CALL_PAUSE);
        return n * 2;
    }

    static void funcA(Future<Integer> fun) throws InterruptedException {
        System.out.println("获取返回值结果" + fun.result());
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            int n = i;
            Future<Integer> res = p.submit(() -> func(n));
            Thread.sleep(SUBMIT_PAUSE);
            // 回调机制 (the callback mechanism)
            // 回调机制不需要对任务进行参数传递, 会自动的传入参数 (no argument passing: the future is passed in)
            res.addDoneCallback(ExecutorDoneCallback::funcA);
        }
    }
}
