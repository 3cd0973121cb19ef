package org.pyconcurrent.examples.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "创建进程类"): a subclass of Process that overrides
 * {@code run}.
 *
 * <pre>{@code
 * from  multiprocessing import  Process
 * import  time
 *
 *
 * class MyProcess(Process):
 *
 *     def __init__(self):
 *         super().__init__()
 *
 *     def func(self):
 *         for i in range(5):
 *             print(f'在第{i}次干饭')
 *             time.sleep(1)
 *
 *     def run(self):
 *         print('开始进程类函数')
 *         self.func()
 *         print('结束进程类函数')
 *
 * if __name__ == '__main__':
 *     p = MyProcess()
 *     p.start()
 * }</pre>
 *
 * <p>It prints "开始进程类函数" (the process class's function starts), "在第0次干饭" (meal number 0)
 * to number 4, and "结束进程类函数" (it ends), all from the child; main returns at once and the
 * program ends when the child has.
 *
 * <p>Changes: the sleep is 100 ms instead of 1 s. {@code MyProcess} extends {@link Process} with
 * the protected no-argument constructor, which is {@code super().__init__()}. The object itself
 * travels to the child serialized, so a subclass must be serializable ({@code Process} is
 * {@link java.io.Serializable}; its fields must be too; this one has none) and, being nested,
 * static.
 */
public final class MyProcessClass {
    private MyProcessClass() {
    }

    static final class MyProcess extends Process {
        @Serial
        private static final long serialVersionUID = 1L;

        MyProcess() {
            super();
        }

        void func() {
            for (int i = 0; i < 5; i++) {
                System.out.println("在第" + i + "次干饭");
                try {
                    Thread.sleep(Duration.ofMillis(100)); // Python: time.sleep(1)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void run() {
            System.out.println("开始进程类函数");
            func();
            System.out.println("结束进程类函数");
        }
    }

    public static void main(String[] args) {
        MyProcess p = new MyProcess();
        p.start();
    }
}
