package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "启动多进程", the {@code daemon} program): a daemon
 * child would print five lines a second apart, but the parent ends after two seconds, and a
 * daemon child is terminated when its parent ends.
 *
 * <pre>{@code
 * from  multiprocessing import  Process
 * import time
 *
 *
 * def func():
 *     for i in range(5):
 *         print(f'在第{i}次干饭')
 *         time.sleep(1)
 *
 *
 * if __name__ == '__main__':
 *
 *     p = Process(target=func)
 *     # 当主进程结束的时候 ， 也立刻结束掉子进程
 *     p.daemon = True
 *     p.start()
 *     time.sleep(2)
 *     print('结束')
 * }</pre>
 *
 * <p>It prints "在第0次干饭" (meal number 0) and "在第1次干饭" (number 1), or fewer if the child
 * starts late, then "结束" (the end), and the child is gone: never all five meals. The seed's
 * comment: when the main process ends, the child is ended at once too.
 *
 * <p>Changes: the sleeps are 250 and 500 ms instead of 1 and 2 s. {@code p.daemon = True} is
 * {@code p.setDaemon(true)}, before {@code start()}. At exit the library terminates daemon
 * children, as Python does, and then waits for them.
 */
public final class DaemonMeal {
    private DaemonMeal() {
    }

    static void func() {
        for (int i = 0; i < 5; i++) {
            System.out.println("在第" + i + "次干饭");
            try {
                Thread.sleep(Duration.ofMillis(250)); // Python: time.sleep(1)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Process p = new Process(DaemonMeal::func);
        // 当主进程结束的时候 ， 也立刻结束掉子进程 (when main ends, end the child at once too)
        p.setDaemon(true);
        p.start();
        Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(2)
        System.out.println("结束");
    }
}
