package org.pyconcurrent.examples.multiprocessing;

import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "启动多进程"): ten processes are started first and
 * joined afterwards, so they run at the same time.
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
 *     p_list= [] # 把所有启动的进程添加到里面
 *     for i in range(10):
 *         p = Process(target=song , args=(i,))
 *         p.start()
 *         p_list.append(p)
 *         # p.join()    # 等到子进程结束之后在结束父进程
 *         '''
 *         这样写会出现一种阻塞情况 ，按照顺序启动执行进程
 *         此时有些进程运行时间比较长 ， 需要进行等待 ， 就会出现阻塞情况
 *         '''
 *     for p in p_list:
 *         p.join()
 *
 *     print('主进程结束')
 * }</pre>
 *
 * <p>It prints "主进程开始" (main starts), the ten "这是我吃的第N碗面" (this is my bowl of noodles
 * number N) lines in whatever order the processes get to them, and "主进程结束" (main ends) last,
 * once all ten are joined.
 */
public final class NoodlesJoinAll {
    private NoodlesJoinAll() {
    }

    static void song(int num) {
        System.out.println("这是我吃的第" + num + "碗面");
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("主进程开始");
        List<Process> pList = new ArrayList<>(); // 把所有启动的进程添加到里面 (every started process goes here)
        for (int i = 0; i < 10; i++) {
            int n = i;
            Process p = new Process(() -> song(n));
            p.start();
            pList.add(p);
            // p.join();  // 等到子进程结束之后在结束父进程: joining here would run them one by one
        }
        for (Process p : pList) {
            p.join();
        }

        System.out.println("主进程结束");
    }
}
