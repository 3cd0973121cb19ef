package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 000 ({@code 000_cf123511522bc7f8.txt}, "多进程"), and the same program in seed 002
 * ({@code 002_84be55c787a36604.txt}): a child process runs {@code run_proc('test')}; the parent
 * waits for it with {@code join()}.
 *
 * <pre>{@code
 * from multiprocessing import Process
 * import os
 *
 * # 子进程要执行的代码
 * def run_proc(name):
 *     print('Run child process %s (%s)...' % (name, os.getpid()))
 *
 * if __name__=='__main__':
 *     print('Parent process %s.' % os.getpid())
 *     p = Process(target=run_proc, args=('test',))
 *     print('Child process will start.')
 *     p.start()
 *     p.join()
 *     print('Child process end.')
 * }</pre>
 *
 * <p>It prints the parent's pid, "Child process will start.", the child's line with a different
 * pid (the child is a JVM of its own), and "Child process end." last, since {@code join()}
 * waits. {@code Process(target=run_proc, args=('test',))} is
 * {@code new Process(() -> runProc("test"))}: the lambda is a {@code SerializableRunnable}, and
 * travels to the child serialized, its captured arguments with it. {@code os.getpid()} is
 * {@code ProcessHandle.current().pid()}. {@code join()} may wait, so it throws
 * {@link InterruptedException}.
 *
 * <p>The seed's first program, {@code os.fork()}, is not ported: a JVM cannot fork.
 */
public final class RunProc {
    private RunProc() {
    }

    // 子进程要执行的代码 (the code the child runs)
    static void runProc(String name) {
        System.out.printf("Run child process %s (%s)...%n", name, ProcessHandle.current().pid());
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.printf("Parent process %s.%n", ProcessHandle.current().pid());
        Process p = new Process(() -> runProc("test"));
        System.out.println("Child process will start.");
        p.start();
        p.join();
        System.out.println("Child process end.");
    }
}
