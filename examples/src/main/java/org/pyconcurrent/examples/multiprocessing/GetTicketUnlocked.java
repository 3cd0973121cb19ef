package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "进程同步", the program without a lock): a file,
 * {@code db.txt}, holds the number of tickets left, one; three processes each show the count and
 * then try to buy the ticket. Nothing stops them from all reading the same count before any of
 * them writes it back, so more tickets can be sold than there are.
 *
 * <pre>{@code
 * """
 * 如果有个文件内是票的数量1个;
 * 3个进程同时买票,如果没有锁在同一时间可能卖出>1个;
 * """
 *
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
 * def main():
 *     showCounts()
 *     getTicket()
 *
 *
 * if __name__ == "__main__":
 *     for i in range(3):
 *         p = Process(target=main)
 *         p.start()
 * '''
 * Result:->成功卖出三次这是不合理的
 * 目前还剩[1]张票.
 * 目前还剩[1]张票.
 * 目前还剩[1]张票.
 * 购票成功
 * 购票成功
 * 购票成功
 * '''
 * }</pre>
 *
 * <p>(The seed's page lost the backslashes of {@code \033}; they are put back.) The docstring
 * says: "if a file holds the number of tickets, 1, and 3 processes buy at once, without a lock
 * more than one may be sold". "目前还剩[1]张票." is "1 ticket left", "购票成功" "ticket bought"; the
 * result comment, "sold three times, which is wrong". Each process prints the count it read (red)
 * and, if that count was above zero when it read it again, "购票成功" (green).
 *
 * <p>How many buy depends on timing: a buyer who reads the file before the first one has written
 * 0 back (the write comes two seconds after the read in the seed, 200 ms here) buys too. In the
 * seed, {@code fork} starts the three children within a millisecond, and all three buy. Each
 * child here is a JVM of its own, and they come up some tenths of a second apart, so on a busy
 * machine a late one may already read 0 and print nothing: one, two or three tickets are sold.
 * {@link GetTicketLock} is the same program with the lock.
 *
 * <p>Changes: the sleep of 2 s is 200 ms (the 0.1 s ones are kept). The seed reads and writes a
 * {@code db.txt} it does not give, in the current directory; the port makes one in the temporary
 * directory holding {@code {"num": 1}}, hands its path to each child (captured in the target:
 * {@code showCounts} and {@code getTicket} take it as an argument), and, added, joins the
 * children and deletes the file at the end (see {@code DbTxt}, which also stands for
 * {@code json.load} and {@code json.dump}). Python's {@code main()} is {@code mainTask}, since
 * Java's {@code main} is the program's entry point; it is a {@code Runnable} target, so it catches
 * the {@link InterruptedException} of the sleeps. Python's {@code %} formatting is string
 * concatenation, each line printed with one {@code println}, so that the children's lines cannot
 * mix (see {@link PoolLongTimeTask}).
 */
public final class GetTicketUnlocked {
    private GetTicketUnlocked() {
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

    static void mainTask(String db) { // Python: main()
        try {
            showCounts(db);
            getTicket(db);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String db = DbTxt.create(Map.of("num", 1)); // the seed's db.txt
        List<Process> children = new ArrayList<>(); // added
        for (int i = 0; i < 3; i++) {
            Process p = new Process(() -> mainTask(db));
            p.start();
            children.add(p);
        }
        for (Process p : children) { // added: wait for the buyers, then delete the file
            p.join();
        }
        DbTxt.delete(db);
    }
}
