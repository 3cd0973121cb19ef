package org.pyconcurrent.examples.threading;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "线程"): one thread runs a function with one
 * argument.
 *
 * <pre>{@code
 * from threading import Thread
 *
 * def work(name):
 *     print(f'{name}在种田')
 *
 *
 * if __name__ == '__main__':
 *
 *     t = Thread(target=work , args=('张三',))
 *     t.start()
 * }</pre>
 *
 * <p>It prints "张三在种田" (Zhang San is farming). {@code if __name__ == '__main__':} is
 * {@code main}; {@code args=('张三',)} is a lambda.
 */
public final class WorkThread {
    private WorkThread() {
    }

    static void work(String name) {
        System.out.println(name + "在种田");
    }

    public static void main(String[] args) {
        Thread t = Thread.ofPlatform().unstarted(() -> work("张三"));
        t.start();
    }
}
