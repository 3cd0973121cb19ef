package org.pyconcurrent.examples.threading;

import java.time.Duration;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的两种实现 / 方式二:继承式调用"): a subclass
 * of Thread that overrides {@code run}.
 *
 * <pre>{@code
 * import threading, time
 * """
 * the threading of a class;
 * """
 *
 * class Mythread(threading.Thread):
 *
 *     def __init__(self, n):
 *         super(Mythread, self).__init__()
 *         self.n = n
 *
 *     def run(self):
 *         print("running task", self.n)
 *         time.sleep(10)
 *
 *
 * t1 = Mythread("t1")
 * t2 = Mythread("t2")
 * t1.start()
 * t2.start()
 * }</pre>
 *
 * <p>{@link Thread} can be subclassed the same way: override {@code run()}, call
 * {@code start()}. {@code run()} cannot throw {@link InterruptedException}, so it catches it and
 * restores the flag. Change: the sleep is 500 ms instead of 10 s.
 */
public final class SubclassThreads {
    private SubclassThreads() {
    }

    static final class Mythread extends Thread {
        private final String n;

        Mythread(String n) {
            super();
            this.n = n;
        }

        @Override
        public void run() {
            System.out.println("running task " + n);
            try {
                Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(10)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) {
        Mythread t1 = new Mythread("t1");
        Mythread t2 = new Mythread("t2");
        t1.start();
        t2.start();
    }
}
