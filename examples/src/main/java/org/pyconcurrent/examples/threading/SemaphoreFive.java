package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.threading.Semaphore;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "threading.Semaphore(num),即信号量"): 100 threads
 * share a {@code Semaphore(5)}, so at most five are between {@code acquire()} and
 * {@code release()} at any time.
 *
 * <pre>{@code
 * import threading
 * import time
 *
 * def get_time():
 *     print("{} is waiting sq.".format(threading.current_thread()))
 *     sq.acquire()
 *     print("{} is get sq.".format(threading.current_thread()))
 *     print(sq._value) # semaphore的计数
 *     time.sleep(1)
 *     print(time.ctime())
 *     sq.release()
 *     print("{} release sq.".format(threading.current_thread()))
 *
 * sq = threading.Semaphore(5)
 *
 * for i in range(100):
 *     t = threading.Thread(target=get_time)
 *     t.start()
 *
 * while threading.active_count() != 1:
 *     time.sleep(0.1)
 * else:
 *     print("All Thread is over....")
 * }</pre>
 *
 * <p>Changes: the sleep is 100 ms instead of 1 s (the original takes 20 s; this one 2 s). The
 * private {@code sq._value} is the public {@link Semaphore#value()}. A thread prints as
 * {@code Thread[#23,Thread-0,5,main]} rather than {@code <Thread(Thread-1, started 38160)>}.
 * Added, to show the point of the program: a counter of the threads inside, and a last line
 * with the most there ever were at once (5).
 */
public final class SemaphoreFive {
    private SemaphoreFive() {
    }

    /** Python's {@code time.ctime()} format: "Tue Mar  5 14:03:01 2024". */
    static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    static final Semaphore sq = new Semaphore(5);

    // added: how many threads hold a permit now, and the most at once
    static final AtomicInteger inside = new AtomicInteger();
    static final AtomicInteger mostInside = new AtomicInteger();

    static void getTime() {
        System.out.printf("%s is waiting sq.%n", Thread.currentThread());
        try {
            sq.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max); // added
        try {
            System.out.printf("%s is get sq.%n", Thread.currentThread());
            System.out.println(sq.value()); // semaphore的计数 (the semaphore's count)
            Thread.sleep(Duration.ofMillis(100)); // Python: time.sleep(1)
            System.out.println(LocalDateTime.now().format(CTIME));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet(); // added
            sq.release();
        }
        System.out.printf("%s release sq.%n", Thread.currentThread());
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Thread t = Thread.ofPlatform().unstarted(SemaphoreFive::getTime);
            t.start();
        }

        while (Thread.activeCount() != 1) {
            Thread.sleep(Duration.ofMillis(100));
        }
        System.out.println("All Thread is over....");
        System.out.println("at most " + mostInside.get() + " threads held the semaphore at once"); // added
    }
}
