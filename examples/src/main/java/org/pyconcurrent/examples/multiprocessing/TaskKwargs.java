package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "带参子进程"): a child process runs
 * {@code task(name='哈巴罗')}; the parent starts it and ends without joining it.
 *
 * <pre>{@code
 * # 带参子进程
 * from  multiprocessing import Process
 * import time
 *
 *
 * def task(name):
 *     print('我是子进程')
 *     time.sleep(2)
 *     print(f'我是{name}在跳舞')
 *     time.sleep(1)
 *     print('子进程结束')
 *
 * if __name__ == '__main__':
 *     print('我是父进程')
 *     # 创建好了子进程对象
 *     # p = Process(target=task , args=('哈巴罗',))
 *     p = Process(target=task , kwargs={'name':'哈巴罗'})
 *     # 启动子进程执行代码
 *     p.start()
 * }</pre>
 *
 * <p>It prints "我是父进程" (I am the parent), then from the child "我是子进程" (I am the child),
 * "我是哈巴罗在跳舞" (I am 哈巴罗, dancing) and "子进程结束" (the child ends): the program does
 * not end before its non-daemon child, although main does not join it.
 *
 * <p>Changes: the sleeps are 200 and 100 ms instead of 2 and 1 s. Java has no keyword
 * arguments: {@code args=('哈巴罗',)} and {@code kwargs={'name':'哈巴罗'}} are both
 * {@code new Process(() -> task("哈巴罗"))}.
 */
public final class TaskKwargs {
    private TaskKwargs() {
    }

    static void task(String name) {
        System.out.println("我是子进程");
        sleep(Duration.ofMillis(200)); // Python: time.sleep(2)
        System.out.println("我是" + name + "在跳舞");
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
        // 创建好了子进程对象 (the child's process object is created)
        // Process p = new Process(() -> task("哈巴罗"));  // Python: args=('哈巴罗',)
        Process p = new Process(() -> task("哈巴罗")); // Python: kwargs={'name':'哈巴罗'}
        // 启动子进程执行代码 (start the child, which runs the code)
        p.start();
    }
}
