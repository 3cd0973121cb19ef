package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.futures.ProcessPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）"): an executor of five worker
 * processes is given twenty calls of {@code func(i)}, each of which prints {@code i} and sleeps.
 * Main submits them and ends; the calls still run. {@link ExecutorSubmit} is the same program on
 * a {@code ThreadPoolExecutor}; this is the seed's own, with a {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
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
 *
 *
 * if __name__ == '__main__':
 *     for i in range(20):
 *         p.submit(func , i)
 * }</pre>
 *
 * <p>"设置进程池的进程数量, 实例化进程池" is "set the number of processes, create the pool". The
 * seed's text before it: a pool holds a fixed number of processes, which take the tasks as they
 * come and go back to the pool instead of ending, saving the cost of starting and stopping
 * processes. It prints 0 to 19, five at a time, from the worker processes. Main returns long
 * before the last call, and never shuts the executor down: Python, when the program ends, shuts
 * down every executor and waits for the calls already submitted, so every call runs.
 *
 * <p>As in Python, the executor finishes the submitted calls at exit, before its worker
 * processes go, so this program needs no {@code shutdown} either.
 *
 * <p>Changes: the sleep is 100 ms instead of 2 s (the original takes 8 s). The executor is a
 * local of {@code main} rather than a global: a static field would be initialized again in every
 * worker JVM that loads this class to run {@code func}, and each would start an executor of its
 * own (CPython's workers, forked, do not run the module again). {@code p.submit(func, i)} is
 * {@code p.submit(() -> { func(n); return null; })}: the call travels to a worker as a
 * {@code SerializableCallable}, which returns a value, so the lambda returns {@code null}, Python's
 * {@code None} (a lambda returning nothing would be a plain {@code Runnable}, which cannot travel
 * to another process, and {@code submit} refuses it). It may throw: {@code func} declares the
 * {@link InterruptedException} of its sleep.
 */
public final class ProcessExecutorSubmit {
    private ProcessExecutorSubmit() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)

    static void func(int n) throws InterruptedException {
        System.out.println(n);
        Thread.sleep(PAUSE);
    }

    public static void main(String[] args) {
        // 设置进程池的进程数量, 实例化进程池 (set the number of processes, create the pool)
        ProcessPoolExecutor p = new ProcessPoolExecutor(5);
        for (int i = 0; i < 20; i++) {
            int n = i;
            p.submit(() -> {
                func(n);
                return null;
            });
        }
    }
}
