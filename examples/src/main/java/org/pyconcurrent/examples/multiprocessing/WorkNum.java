package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "线程", threads against processes): the child sets
 * the global {@code num} to 150 and prints it; the parent, after joining it, still has 250. (The
 * seed's thread version, commented out, would print 150 twice: threads share their process's
 * memory.)
 *
 * <pre>{@code
 * from threading import Thread
 * from  multiprocessing import Process
 *
 *
 * def work(name):
 *     print(f'{name}在种田')
 *     global num
 *     num = 150
 *     print(num)
 *
 *
 * if __name__ == '__main__':
 *     # 线程
 *     # 在同一个进程当中 多个线程之间的数据是共享这个进程中的数据
 *     # num = 250
 *     # t = Thread(target=work , args=('张三',))
 *     # t.start()
 *     # t.join()
 *     # print(num)
 *
 *     # 进程
 *     num = 250
 *     p = Process(target=work, args=('张三',))
 *     p.start()
 *     p.join()
 *     print(num)
 * }</pre>
 *
 * <p>It prints "张三在种田" (Zhang San is farming) and 150 from the child, then 250 from the parent.
 *
 * <p>{@code num} is a static field. Here Java and Python's {@code fork} differ in what the child
 * starts with, not in the result: {@code fork} copies the parent's memory, so the child starts
 * with {@code num = 250}; a child JVM loads the class afresh and starts with the field's initial
 * value, 0, not the 250 the parent set in {@code main} (under {@code spawn} a Python child would
 * not have {@code num} at all until {@code work} sets it, since {@code num = 250} is under the
 * {@code __main__} guard). Either way the child sets its own copy to 150, and the parent's stays
 * 250. To hand the child a value, capture it in the target: only what the target (or a
 * {@code Process} subclass's fields) holds at {@code start()} travels.
 */
public final class WorkNum {
    private WorkNum() {
    }

    static int num;

    static void work(String name) {
        System.out.println(name + "在种田");
        num = 150;
        System.out.println(num);
    }

    public static void main(String[] args) throws InterruptedException {
        // 线程 (threads)
        // 在同一个进程当中 多个线程之间的数据是共享这个进程中的数据 (threads of one process share its data)
        // num = 250;
        // Thread t = Thread.ofPlatform().unstarted(() -> work("张三"));
        // t.start();
        // t.join();
        // System.out.println(num);

        // 进程 (processes)
        num = 250;
        Process p = new Process(() -> work("张三"));
        p.start();
        p.join();
        System.out.println(num);
    }
}
