package org.pyconcurrent.examples.futures;

import java.time.Duration;
import org.pyconcurrent.futures.ThreadPoolExecutor;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程池（线程池）"): an executor of five workers is
 * given twenty calls of {@code func(i)}, each of which prints {@code i} and sleeps. Main submits
 * them and ends; the calls still run.
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
 * <p>"设置进程池的进程数量 , 实例化进程池" is "set the number of workers, create the pool". It prints
 * 0 to 19, five at a time, the five of a round in any order. Main returns long before the last
 * call, and never shuts the executor down: Python, when the program ends, shuts down every
 * executor and waits for the calls already submitted. pyconcurrent does the same from a JVM
 * shutdown hook, so here too every call runs, although the workers are daemon threads.
 *
 * <p>This is the {@code ThreadPoolExecutor} twin of the seed's program, which imports both
 * executors and uses the process one; the {@code ProcessPoolExecutor} version comes with the
 * process pool. Changes: the sleep is 100 ms instead of 2 s (the original takes 8 s; this one
 * under half a second). {@code p.submit(func, i)} is {@code p.submit(() -> func(n))}, with
 * {@code n} an effectively final copy of the loop variable. {@code func} returns nothing, so the
 * lambda is a {@code Runnable}, which may not throw {@link InterruptedException}: {@code func}
 * catches it and restores the interrupt flag.
 */
public final class ExecutorSubmit {
    private ExecutorSubmit() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(2)

    // 设置进程池的进程数量, 实例化进程池 (set the number of workers, create the pool)
    static final ThreadPoolExecutor p = new ThreadPoolExecutor(5);

    static void func(int n) {
        System.out.println(n);
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 20; i++) {
            int n = i;
            p.submit(() -> func(n));
        }
    }
}
