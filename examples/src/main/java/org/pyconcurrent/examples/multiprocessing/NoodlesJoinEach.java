package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "启动多进程"): ten processes, each joined right
 * after it is started, so they run one after the other.
 *
 * <pre>{@code
 * from multiprocessing import  Process
 *
 * def song(num):
 *     print(f'这是我吃的第{num}碗面')
 *
 *
 * if __name__ == '__main__':
 *     print('主进程开始')
 *     for i in range(10):
 *         p = Process(target=song , args=(i,))
 *         p.start()
 *         p.join()    # 等到子进程结束之后在结束父进程
 *         '''
 *         这样写会出现一种阻塞情况 ，按照顺序启动执行进程
 *         此时有些进程运行时间比较长 ， 需要进行等待 ， 就会出现阻塞情况
 *         '''
 *     print('主进程结束')
 * }</pre>
 *
 * <p>It prints "主进程开始" (main starts), "这是我吃的第0碗面" (this is my bowl of noodles number
 * 0) to number 9 in order, and "主进程结束" (main ends). The seed's comment: written this way the
 * processes run in order, and each one blocks the loop until it ends. {@code join()} may wait,
 * so it throws {@link InterruptedException}.
 */
public final class NoodlesJoinEach {
    private NoodlesJoinEach() {
    }

    static void song(int num) {
        System.out.println("这是我吃的第" + num + "碗面");
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("主进程开始");
        for (int i = 0; i < 10; i++) {
            int n = i;
            Process p = new Process(() -> song(n));
            p.start();
            p.join(); // 等到子进程结束之后在结束父进程 (wait for the child to end before going on)
            // 这样写会出现一种阻塞情况 ，按照顺序启动执行进程 (written this way it blocks: the
            // processes start and run in order); 此时有些进程运行时间比较长 ， 需要进行等待 ， 就会出现阻塞情况
            // (a process that runs long makes the others wait)
        }
        System.out.println("主进程结束");
    }
}
