package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "多进程的创建及进程id查看"): {@code info} prints the
 * module name, the parent's pid and the process's own pid, first in the main process, then in a
 * child, whose parent is the main process.
 *
 * <pre>{@code
 * """
 * # 基本的进程创建,类似于thread的语法;
 * Linux中,每一个进程都是由父进程启动的;
 * os.getppid() 获取当前进程的父进程的pid
 * os.getpid() 获取当前进程的pid
 * """
 * import os
 * import multiprocessing
 *
 * def info(title):
 *     print(title)
 *     print('module name:', __name__)
 *     print('parent process:', os.getppid())
 *     print('process id:', os.getpid())
 *     print("\n\n")
 *
 * def f(name):
 *     info('\033[31;1mfunction f\033[0m')
 *     print('hello', name)
 *
 * if __name__ == "__main__":
 *     info('\033[41;1mmain    \033[0m')
 *     p = multiprocessing.Process(target=f, args=('Bruce', ))
 *     p.start()
 *     p.join()
 * }</pre>
 *
 * <p>(The seed's page lost the backslashes of {@code \033} and split {@code "\n\n"} across two
 * lines; the listing above restores them.) The main process prints its parent (the shell, or
 * whatever started the program) and its pid; the child prints the main process's pid as its
 * parent, and its own pid. The titles are in color (ANSI escapes).
 *
 * <p>{@code os.getpid()} is {@code ProcessHandle.current().pid()}; {@code os.getppid()} is
 * {@code ProcessHandle.current().parent()}, an {@link java.util.Optional} that is empty only if
 * the parent is already gone (the port prints -1 then). In the child it is the main JVM, which
 * started the child's JVM; {@code Process.parentProcess().pid()} says the same there, but is null
 * in the main process. {@code __name__} is {@code __main__} in the main process, and in a child
 * under the {@code fork} start method the seed ran with (under {@code spawn} and
 * {@code forkserver} Python's child would print {@code __mp_main__}); Java has no such name, and
 * the port prints the literal in both.
 */
public final class ProcessInfo {
    private ProcessInfo() {
    }

    /** Python's {@code os.getppid()}. */
    static long getppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    static void info(String title) {
        System.out.println(title);
        System.out.println("module name: __main__");
        System.out.println("parent process: " + getppid());
        System.out.println("process id: " + ProcessHandle.current().pid());
        System.out.println("\n\n");
    }

    static void f(String name) {
        info("\033[31;1mfunction f\033[0m");
        System.out.println("hello " + name);
    }

    public static void main(String[] args) throws InterruptedException {
        info("\033[41;1mmain    \033[0m");
        Process p = new Process(() -> f("Bruce"));
        p.start();
        p.join();
    }
}
