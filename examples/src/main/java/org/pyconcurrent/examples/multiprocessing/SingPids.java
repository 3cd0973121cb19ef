package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "os.getppid() 在子进程中获取父进程编号"): the parent
 * prints its pid; the child prints its own pid and its parent's, which is the parent's.
 *
 * <pre>{@code
 * from multiprocessing import  Process
 * import os
 *
 * def sing(name):
 *     # 获取当前进程的编号(子进程)
 *     print(f'子进程编号:{os.getpid()}')
 *     print(f'{name}在唱歌')
 *     # 获取父进程编号
 *     print(f'父进程编号为:{os.getppid()}')
 *
 *
 * if __name__ == '__main__':
 *     # 获取当前进程的编号（主/父进程）
 *     print(f'父进程编号:{os.getpid()}')
 *     # 创建子进程
 *     p = Process(target=sing , args=('美女',))
 *     p.start()
 * }</pre>
 *
 * <p>It prints "父进程编号:" (the parent's number) and the parent's pid, then from the child
 * "子进程编号:" (the child's number) with another pid, "美女在唱歌" (the beauty is singing) and
 * "父进程编号为:" with the parent's pid again.
 *
 * <p>{@code os.getpid()} is {@code ProcessHandle.current().pid()}. {@code os.getppid()} is
 * {@code ProcessHandle.current().parent()}: the child's JVM was started by the parent's JVM, so
 * its OS parent is the parent process. In a child, {@code Process.parentProcess().pid()} gives
 * the same number, from what the parent told the child at {@code start()}.
 */
public final class SingPids {
    private SingPids() {
    }

    static void sing(String name) {
        // 获取当前进程的编号(子进程) (the current process's number: the child)
        System.out.println("子进程编号:" + ProcessHandle.current().pid());
        System.out.println(name + "在唱歌");
        // 获取父进程编号 (the parent's number)
        System.out.println("父进程编号为:" + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    }

    public static void main(String[] args) {
        // 获取当前进程的编号（主/父进程） (the current process's number: main, the parent)
        System.out.println("父进程编号:" + ProcessHandle.current().pid());
        // 创建子进程 (create the child)
        Process p = new Process(() -> sing("美女"));
        p.start();
    }
}
