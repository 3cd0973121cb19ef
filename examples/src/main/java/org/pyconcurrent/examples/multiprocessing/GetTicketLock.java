package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pyconcurrent.multiprocessing.Lock;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程同步", the program with a lock): the ticket
 * program of {@link GetTicketUnlocked}, with the purchase under a process {@code Lock}, so that
 * one buyer at a time reads, decrements and writes back the count: one ticket is sold.
 *
 * <pre>{@code
 * from multiprocessing import Process, Lock
 * import json
 * import time
 *
 * def showCounts():
 *     tickets = json.load(open("db.txt", "r", encoding="utf-8"))
 *     time.sleep(0.1)
 *     print("\033[41m目前还剩[%s]张票.\033[0m" % tickets["num"])
 *
 * def getTicket():
 *     tickets = json.load(open("db.txt", "r", encoding="utf-8"))
 *     time.sleep(0.1)
 *     if tickets["num"] > 0:
 *         tickets["num"] -= 1
 *         time.sleep(2)
 *         json.dump(tickets,open("db.txt", "w", encoding="utf-8"))
 *         print('\033[42m购票成功\033[0m')
 *
 * def main(lock):
 *     showCounts()
 *     lock.acquire()
 *     getTicket()
 *     lock.release()
 *
 *
 * if __name__ == "__main__":
 *     procLock = Lock()
 *     for i in range(3):
 *         p = Process(target=main, args=(procLock,))
 *         p.start()
 * '''
 * Result:->成功卖出一次这是合理的
 * 目前还剩[1]张票.
 * 目前还剩[1]张票.
 * 目前还剩[1]张票.
 * 购票成功
 * '''
 * }</pre>
 *
 * <p>The seed introduces it with "而加锁让对db.txt的访问由并行变为串行": the lock turns access to
 * {@code db.txt} from parallel into serial. The result comment says "sold once, which is right".
 * Exactly one "购票成功" ("ticket bought") is printed, whatever the timing: the first buyer to take
 * the lock reads 1 and writes 0 before it lets the next one in, and the next ones read 0. The
 * counts shown ("目前还剩[n]张票.", "n tickets left") are read without the lock, before buying, so
 * each is 1 or, for a buyer whose JVM came up late, 0 (in the seed, started by {@code fork}, all
 * three read 1).
 *
 * <p>Changes as in {@link GetTicketUnlocked}: the 2 s sleep is 200 ms; the port makes the
 * {@code db.txt}, {@code {"num": 1}}, in the temporary directory, hands its path to each child
 * with the lock, joins the children and deletes the file at the end; Python's {@code main(lock)}
 * is {@code mainTask(lock, db)}. {@code procLock = Lock()} is a
 * {@link org.pyconcurrent.multiprocessing.Lock}, captured by each child's target as the seed
 * passes it in {@code args}: every child's copy is the same lock, in shared memory.
 * {@code lock.acquire()} may wait, so it throws {@link InterruptedException}, which
 * {@code mainTask}, a {@code Runnable} target, catches. Python's {@code %} formatting is string
 * concatenation, each line printed with one {@code println}, so that the children's lines cannot
 * mix (see {@link PoolLongTimeTask}).
 */
public final class GetTicketLock {
    private GetTicketLock() {
    }

    static final Duration READ_PAUSE = Duration.ofMillis(100); // Python: time.sleep(0.1)
    static final Duration WRITE_PAUSE = Duration.ofMillis(200); // Python: time.sleep(2)

    static void showCounts(String db) throws InterruptedException {
        Map<String, Integer> tickets = DbTxt.load(db);
        Thread.sleep(READ_PAUSE);
        System.out.println("\033[41m目前还剩[" + tickets.get("num") + "]张票.\033[0m");
    }

    static void getTicket(String db) throws InterruptedException {
        Map<String, Integer> tickets = DbTxt.load(db);
        Thread.sleep(READ_PAUSE);
        if (tickets.get("num") > 0) {
            tickets.put("num", tickets.get("num") - 1);
            Thread.sleep(WRITE_PAUSE);
            DbTxt.dump(tickets, db);
            System.out.println("\033[42m购票成功\033[0m");
        }
    }

    static void mainTask(Lock lock, String db) { // Python: main(lock)
        try {
            showCounts(db);
            lock.acquire();
            getTicket(db);
            lock.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String db = DbTxt.create(Map.of("num", 1)); // the seed's db.txt
        Lock procLock = new Lock();
        List<Process> children = new ArrayList<>(); // added
        for (int i = 0; i < 3; i++) {
            Process p = new Process(() -> mainTask(procLock, db));
            p.start();
            children.add(p);
        }
        for (Process p : children) { // added: wait for the buyers, then delete the file
            p.join();
        }
        DbTxt.delete(db);
    }
}
