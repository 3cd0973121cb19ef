package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "互斥锁", the first program): four buyers, Tom1号
 * to Tom4号, each a process, look up the tickets left in {@code db.txt} and then try to buy one.
 * Processes share no memory, so the file is how they share the count, and without a lock they
 * race for it.
 *
 * <pre>{@code
 * from  multiprocessing import  Process
 * import time
 * import json
 *
 *
 * def search(name):
 *     time.sleep(1)
 *     dic = json.load(open('db.txt','r',encoding='utf-8'))
 *     print(f'{name}正在查看票源 ， 当前剩余票数为：{dic["count"]}')
 *
 *
 *
 * def get(name):
 *     time.sleep(1)
 *     dic = json.load(open('db.txt', 'r', encoding='utf-8'))
 *     if dic["count"]>0:
 *         dic["count"]-=1
 *         time.sleep(2)
 *         json.dump(dic , open('db.txt', 'w', encoding='utf-8'))
 *         print(f'{name}购票成功')
 *
 * def task(name):
 *     search(name)
 *     get(name)
 *
 *
 *
 * if __name__ == '__main__':
 *     for i in range(1,5):
 *         p= Process(target=task,args=(f'Tom{i}号',))
 *         p.start()
 * }</pre>
 *
 * <p>The seed's text before it: "进程与进程之间的数据是不共享的, 可以使用文件共享数据实现进程之间通信。
 * 但共享会有竞争, 竞争带来的问题是错乱" (processes share no data; a file can carry it between them,
 * but sharing means competing, and competing means disorder). Each buyer prints
 * "Tom<var>i</var>号正在查看票源 ， 当前剩余票数为：<var>n</var>" ("Tom number i is looking at the tickets, n left")
 * and, if the count it read in {@code get} was above zero, "Tom<var>i</var>号购票成功" ("bought a ticket");
 * a buyer who finds none prints nothing more.
 *
 * <p>How many buy depends on timing: everyone who reads the file before the first buyer has
 * written the new count back (two seconds later in the seed, 200 ms here) buys. In the seed,
 * where {@code fork} starts the four children at once, all four do, with one ticket (the seed
 * does not give the file; with one ticket in it, as in seed 001, the oversale shows). Here each
 * child is a JVM of its own, and they come up some tenths of a second apart, so one to four
 * buy. {@link TomTicketLock} and {@link TomTicketLockJoin} are the seed's versions with a lock.
 *
 * <p>Changes: the sleeps are a tenth as long, 100 ms instead of 1 s and 200 ms instead of 2 s.
 * The port makes the {@code db.txt} in the temporary directory, holding {@code {"count": 1}},
 * hands its path to each child (captured in the target: {@code search}, {@code get} and
 * {@code task} take it as an argument), and, added, joins the children and deletes the file at
 * the end (see {@code DbTxt}, which also stands for {@code json.load} and {@code json.dump}).
 * {@code args=(f'Tom{i}号',)} is the name computed first and captured:
 * {@code new Process(() -> task(name, db))}. {@code task} is a {@code Runnable} target and
 * catches the {@link InterruptedException} of the sleeps.
 */
public final class TomTicketUnlocked {
    private TomTicketUnlocked() {
    }

    static final Duration PAUSE = Duration.ofMillis(100); // Python: time.sleep(1)
    static final Duration WRITE_PAUSE = Duration.ofMillis(200); // Python: time.sleep(2)

    static void search(String name, String db) throws InterruptedException {
        Thread.sleep(PAUSE);
        Map<String, Integer> dic = DbTxt.load(db);
        System.out.println(name + "正在查看票源 ， 当前剩余票数为：" + dic.get("count"));
    }

    static void get(String name, String db) throws InterruptedException {
        Thread.sleep(PAUSE);
        Map<String, Integer> dic = DbTxt.load(db);
        if (dic.get("count") > 0) {
            dic.put("count", dic.get("count") - 1);
            Thread.sleep(WRITE_PAUSE);
            DbTxt.dump(dic, db);
            System.out.println(name + "购票成功");
        }
    }

    static void task(String name, String db) {
        try {
            search(name, db);
            get(name, db);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String db = DbTxt.create(Map.of("count", 1)); // the seed's db.txt
        List<Process> children = new ArrayList<>(); // added
        for (int i = 1; i < 5; i++) {
            String name = "Tom" + i + "号";
            Process p = new Process(() -> task(name, db));
            p.start();
            children.add(p);
        }
        for (Process p : children) { // added: wait for the buyers, then delete the file
            p.join();
        }
        DbTxt.delete(db);
    }
}
