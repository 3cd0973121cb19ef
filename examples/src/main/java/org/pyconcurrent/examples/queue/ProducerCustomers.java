package org.pyconcurrent.examples.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.pyconcurrent.queue.Queue;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "生产者消费者模型", "如下面的生产与消费简单举例"): a
 * producer puts 100 products ("产品-0" … "产品-99") into a {@code Queue(10)}; 100 customers come
 * one after the other, each wanting 1 to 4 products. A customer takes a product, marks it done
 * with {@code task_done()} and rests; one who finds the queue empty says he came too late
 * ("来晚了") and leaves. The producer waits in {@code q.join()} until every product has been
 * used, then says so ("共生产了100个[产品-99],且已经用完。"); main waits for it and ends with
 * "所有顾客都走了。" (all the customers have gone).
 *
 * <pre>{@code
 * import threading
 * import queue
 * import time
 * import random
 *
 * q = queue.Queue(10)
 *
 * def produce():
 *     count = 0
 *     while count < 100:
 *         if not q.full():
 *             p = "产品-%s" % count
 *             q.put(p)
 *             print("生产了[%s]" % p)
 *             count += 1
 *             time.sleep(0.1)
 *     q.join() # 等待所有产品被使用完,如果没有task_done的告知并不知道产品是否被使用
 *     print("共生产了%s个[%s],且已经用完。" % (count, p))
 *
 *
 * def customer(num, n):
 *     for i in range(n):
 *         if not q.empty():
 *             print("Customer<%s>消费了[%s]。" % (num, q.get()))
 *             q.task_done() # 告知生产者线程有个产品已经被使用
 *             time.sleep(0.3)
 *         else:
 *             print("Customer<%s>来晚了。" % num)
 *             break
 *
 *
 * p = threading.Thread(target=produce)
 * p.start()
 *
 * for i in range(100):
 *     c = threading.Thread(target=customer, args=(i, random.randint(1, 4)))
 *     c.start()
 *     c.join()
 *
 * while threading.active_count() != 1:
 *     time.sleep(0.1)
 * else:
 *     print("所有顾客都走了。")
 * }</pre>
 *
 * <p>What it shows: the producer makes a product every 0.1 s, a customer uses one every 0.3 s,
 * so the queue soon holds its 10 products and the producer has to wait; the customers use up
 * all 100 products long before the hundredth customer comes (they want 250 on average), and the
 * rest come too late. {@code q.join()} returns when the last product is marked done, not when
 * it is taken: without {@code task_done()} the producer would wait forever.
 *
 * <p>Changes. Every time is divided by twenty: a product every 5 ms, a customer rests 15 ms, main
 * looks every 5 ms (the original takes about 30 s; this one under 2 s). Kept as written: the
 * producer does not sleep while the queue is full but spins on {@code q.full()} (here with
 * {@link Thread#onSpinWait()}), and the customers test {@code q.empty()} before a blocking
 * {@code q.get()}, which is safe only because one customer is in the shop at a time.
 * {@code random.randint(1, 4)} includes both ends: {@code nextInt(1, 5)}.
 *
 * <p>Added, two things, both because Java's {@code Thread.start()} does not wait for the new
 * thread. In CPython, {@code p.start()} returns once the producer runs, and the producer, holding
 * the GIL, puts product 0 before main gets to the first customer. In a fresh JVM the producer's
 * first put is slowed by class loading while main goes on letting customers in, and the first
 * few of them come too late. So main waits for the first product before it lets the first
 * customer in, which gives the original's start. Then, the program ends only if the 100 customers
 * use all 100 products: had they all come too late while products were still coming, the
 * producer would wait in {@code q.join()} forever, and main's loop with it. So main's waiting loop
 * lets another customer in (numbered from 100) whenever products are left and nobody is there to
 * take them. In a normal run none is needed and the output is the original's.
 */
public final class ProducerCustomers {
    private ProducerCustomers() {
    }

    static final Duration PRODUCE_PAUSE = Duration.ofMillis(5); // Python: time.sleep(0.1)
    static final Duration CUSTOMER_PAUSE = Duration.ofMillis(15); // Python: time.sleep(0.3)
    static final Duration MAIN_PAUSE = Duration.ofMillis(5); // Python: time.sleep(0.1)

    static final Queue<String> q = new Queue<>(10);

    static void produce() {
        int count = 0;
        String p = null;
        try {
            while (count < 100) {
                if (!q.full()) {
                    p = "产品-" + count;
                    q.put(p);
                    System.out.printf("生产了[%s]%n", p);
                    count += 1;
                    Thread.sleep(PRODUCE_PAUSE);
                } else {
                    Thread.onSpinWait(); // as in Python, the loop spins while the queue is full
                }
            }
            q.join(); // 等待所有产品被使用完 (wait until every product is used: task_done tells)
            System.out.printf("共生产了%s个[%s],且已经用完。%n", count, p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void customer(int num, int n) {
        try {
            for (int i = 0; i < n; i++) {
                if (!q.empty()) {
                    System.out.printf("Customer<%s>消费了[%s]。%n", num, q.get());
                    q.taskDone(); // 告知生产者线程有个产品已经被使用 (tell the producer one is used)
                    Thread.sleep(CUSTOMER_PAUSE);
                } else {
                    System.out.printf("Customer<%s>来晚了。%n", num);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts customer {@code num}, who wants 1 to 4 products, and waits until he leaves. */
    static void serve(int num) throws InterruptedException {
        int n = ThreadLocalRandom.current().nextInt(1, 5); // Python: random.randint(1, 4)
        Thread c = Thread.ofPlatform().unstarted(() -> customer(num, n));
        c.start();
        c.join();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread p = Thread.ofPlatform().unstarted(ProducerCustomers::produce);
        p.start();
        while (q.empty()) { // added: wait for the first product; see the class comment
            Thread.sleep(Duration.ofMillis(1));
        }

        for (int i = 0; i < 100; i++) {
            serve(i);
        }

        int next = 100; // added: the number of the next extra customer
        while (Thread.activeCount() != 1) {
            if (!q.empty()) { // added: products left and every customer gone; see the class comment
                serve(next++);
            }
            Thread.sleep(MAIN_PAUSE);
        }
        System.out.println("所有顾客都走了。");
    }
}
