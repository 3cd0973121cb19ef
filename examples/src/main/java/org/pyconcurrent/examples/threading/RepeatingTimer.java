package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.threading.Timer;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的Timer"): a function that, each time a
 * Timer runs it, starts the next Timer for itself, then keeps its own thread busy; the live
 * thread count grows while the timers pile up (the "进程的积压", the backlog, the author asks
 * about).
 *
 * <pre>{@code
 * import threading
 * import time
 *
 * def hello(name):
 *     print("Hello %s" %name)
 *     print("活跃的线程数量: %s" % threading.active_count())
 *     global timer
 *     timer = threading.Timer(1.0, hello, ["Bruce"])
 *     timer.start()
 *     time.sleep(10)
 *     print("线程 %s is over." % threading.current_thread().ident)
 *
 *
 * if __name__ == "__main__":
 *     timer = threading.Timer(1.0, hello, ["Bruce"])
 *     timer.start()
 * }</pre>
 *
 * <p>Changes: the original never stops; this one starts no new timer after the fifth round, so
 * the program ends. The interval is 200 ms instead of 1 s and the sleep 1 s instead of 10 s (the
 * same ratio, so about five timer threads are alive at the peak). {@code ["Bruce"]}, the
 * argument list, becomes a lambda; {@code ident} is {@link Thread#threadId()}. The timer's
 * thread is not a daemon (it inherits main's flag, as in Python), so the JVM waits for it.
 */
public final class RepeatingTimer {
    private RepeatingTimer() {
    }

    static final int ROUNDS = 5; // added: the original repeats forever
    static final AtomicInteger round = new AtomicInteger();

    static volatile Timer timer; // global timer

    static void hello(String name) {
        System.out.printf("Hello %s%n", name);
        System.out.printf("活跃的线程数量: %s%n", Thread.activeCount()); // live thread count
        if (round.incrementAndGet() < ROUNDS) { // added
            timer = new Timer(Duration.ofMillis(200), () -> hello("Bruce")); // Python: 1.0
            timer.start();
        }
        try {
            Thread.sleep(Duration.ofSeconds(1)); // Python: time.sleep(10)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.printf("线程 %s is over.%n", Thread.currentThread().threadId()); // thread .. is over
    }

    public static void main(String[] args) {
        timer = new Timer(Duration.ofMillis(200), () -> hello("Bruce")); // Python: 1.0
        timer.start();
    }
}
