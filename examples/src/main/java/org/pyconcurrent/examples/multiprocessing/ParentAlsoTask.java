package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "创建进程"): a child process runs {@code task};
 * meanwhile the parent runs {@code task} itself, then prints how long it took.
 *
 * <pre>{@code
 * from  multiprocessing import Process
 * import time
 *
 *
 * def task():
 *     print('我是子进程')
 *     time.sleep(2)
 *     print('我在跳舞')
 *     time.sleep(1)
 *     print('子进程结束')
 *
 * if __name__ == '__main__':
 *     print('我是父进程')
 *     s = time.time()
 *     # 创建好了子进程对象
 *     p = Process(target=task)
 *     # 启动子进程执行代码
 *     p.start()
 *     task()
 *     print(time.time() - s)
 *     print('父进程结束')
 * }</pre>
 *
 * <p>"我是父进程" (I am the parent) first, then each of "我是子进程" (I am the child), "我在跳舞"
 * (I am dancing) and "子进程结束" (the child ends) twice, once from the child and once from the
 * parent, which runs the same function, interleaved as the two processes go; then the seconds
 * the parent took and "父进程结束" (the parent ends). The child may still be running then; the
 * program ends when it has, since non-daemon children are joined at exit.
 *
 * <p>Changes: the sleeps are 200 and 100 ms instead of 2 and 1 s. {@code Process(target=task)}
 * is {@code new Process(ParentAlsoTask::task)}, a method reference that is a
 * {@code SerializableRunnable}. {@code time.time() - s} is measured with {@link System#nanoTime()}.
 */
public final class ParentAlsoTask {
    private ParentAlsoTask() {
    }

    static void task() {
        System.out.println("我是子进程");
        sleep(Duration.ofMillis(200)); // Python: time.sleep(2)
        System.out.println("我在跳舞");
        sleep(Duration.ofMillis(100)); // Python: time.sleep(1)
        System.out.println("子进程结束");
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        System.out.println("我是父进程");
        long s = System.nanoTime();
        // 创建好了子进程对象 (the child's process object is created)
        Process p = new Process(ParentAlsoTask::task);
        // 启动子进程执行代码 (start the child, which runs the code)
        p.start();
        task();
        System.out.println((System.nanoTime() - s) / 1e9);
        System.out.println("父进程结束");
    }
}
