package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pyconcurrent.multiprocessing.Lock;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "互斥锁", "加锁处理", the second program): the
 * ticket program of {@link TomTicketUnlocked}, with {@code get} under a process {@code Lock}, and
 * a message for a buyer who finds no ticket: exactly one of the four buys it.
 *
 * <pre>{@code
 * from  multiprocessing import  Process , Lock
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
 *     else:
 *         print(f'{name}购票失败')
 *
 *
 * def task(name,l):
 *     search(name)
 *     l.acquire()
 *     get(name)
 *     l.release()
 *
 *
 * if __name__ == '__main__':
 *     l = Lock()
 *     for i in range(1,5):
 *         p= Process(target=task,args=(f'Tom{i}号',l))
 *         p.start()
 * }</pre>
 *
 * <p>The seed's text: "互斥锁: 就是多个进程同一个资源, 加上互斥锁就是把并发改成串行, 可以保证数据的安全不会错乱;
 * 但是效率比较低" (a mutex: several processes, one resource; the lock turns concurrent into serial,
 * which keeps the data safe but is slower), and "加锁处理: 保证数据安全, 牺牲效率" (locking: safe
 * data at the cost of speed). With one ticket, one buyer prints "Tom<var>i</var>号购票成功" ("bought a
 * ticket") and the three others "Tom<var>i</var>号购票失败" ("could not buy"), whatever the timing: the
 * first to take the lock reads 1 and writes 0 before it lets the next one in. Which Tom wins is
 * up to the race for the lock. The counts shown by {@code search} are read without the lock, so
 * each is 1 or, for a buyer who looked after the sale, 0.
 *
 * <p>Changes as in {@link TomTicketUnlocked}: the sleeps are a tenth as long; the port makes the
 * {@code db.txt}, {@code {"count": 1}}, in the temporary directory, hands its path to each child
 * with the lock, joins the children and deletes the file at the end. {@code l = Lock()} is a
 * {@link org.pyconcurrent.multiprocessing.Lock}, captured by each target as the seed passes it in
 * {@code args}: every child's copy is the same lock, in shared memory. {@code l.acquire()} may
 * wait, so it throws {@link InterruptedException}, which {@code task} catches.
 */
public final class TomTicketLock {
    private TomTicketLock() {
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
        } else {
            System.out.println(name + "购票失败");
        }
    }

    static void task(String name, Lock l, String db) {
        try {
            search(name, db);
            l.acquire();
            get(name, db);
            l.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String db = DbTxt.create(Map.of("count", 1)); // the seed's db.txt
        Lock l = new Lock();
        List<Process> children = new ArrayList<>(); // added
        for (int i = 1; i < 5; i++) {
            String name = "Tom" + i + "号";
            Process p = new Process(() -> task(name, l, db));
            p.start();
            children.add(p);
        }
        for (Process p : children) { // added: wait for the buyers, then delete the file
            p.join();
        }
        DbTxt.delete(db);
    }
}
