package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.Map;
import org.pyconcurrent.multiprocessing.Lock;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "互斥锁", the third program): {@link TomTicketLock}
 * with {@code p.join()} right after each {@code p.start()}, so the buyers come one after the
 * other, and the output is fixed: Tom1号 sees one ticket and buys it, the three others see none
 * and fail.
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
 *         p.join()
 * }</pre>
 *
 * <p>It prints, in this order: "Tom1号正在查看票源 ， 当前剩余票数为：1" ("Tom number 1 is looking at
 * the tickets, 1 left"), "Tom1号购票成功" ("bought a ticket"), then for Tom2号 to Tom4号 the same
 * look-up with 0 left and "购票失败" ("could not buy"). The lock is never contended here: the
 * joins alone make the purchase serial, and the search too.
 *
 * <p>Changes as in {@link TomTicketUnlocked}: the sleeps are a tenth as long; the port makes the
 * {@code db.txt}, {@code {"count": 1}}, in the temporary directory, hands its path to each child
 * with the lock, and deletes the file at the end (added). The lock is a
 * {@link org.pyconcurrent.multiprocessing.Lock} captured by each target, as in
 * {@link TomTicketLock}.
 */
public final class TomTicketLockJoin {
    private TomTicketLockJoin() {
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
        for (int i = 1; i < 5; i++) {
            String name = "Tom" + i + "号";
            Process p = new Process(() -> task(name, l, db));
            p.start();
            p.join();
        }
        DbTxt.delete(db); // added
    }
}
