package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.pyconcurrent.threading.Event;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "Event(了解)"): a light thread clears the event
 * (red, "红灯亮起") and sets it (green, "绿灯亮起"); pedestrians ("路人") arrive at random moments,
 * cross at once when it is green ("行人正在通行", crossing) and wait on it when it is red
 * ("行人正在等待", waiting).
 *
 * <pre>{@code
 * from  threading import  Thread , Event
 * import time
 * import random
 *
 *
 * def func():
 *     # 红绿灯
 *     while True:
 *         e.clear()   # 恢复event的状态值为False ， 即将值设置为False
 *         print('红灯亮起')
 *         time.sleep(5)
 *         e.set()     # 设置event的值为True ， 激活线程任务 ， 等待操作系统进行调度执行
 *         print('绿灯亮起')
 *         time.sleep(4)
 *
 * def person(name):
 *     while True:
 *         # 判断event状态值
 *         if e.is_set():
 *             print(f'{name}行人正在通行')
 *             break
 *         else:
 *             print(f'{name}行人正在等待')
 *             e.wait()
 *
 *
 * if __name__ == '__main__':
 *     e = Event() # 默认是False
 *     Thread(target=func).start()
 *     num = 0
 *     while True:
 *         num += 1
 *         # 创建随机时间 ， 在随机时间之后产生一个路人过红绿灯
 *         time.sleep(random.randint(0,3))
 *         t = Thread(target=person , args=(f'路人{num}',))
 *         t.start()
 * }</pre>
 *
 * <p>Changes. The original never ends: main makes pedestrians forever and the light loops
 * forever. Here main stops after ten pedestrians, joins them, and interrupts the light, whose
 * sleep throws {@link InterruptedException}, which ends it. Every time is divided by ten: red
 * 500 ms, green 400 ms, a pedestrian every 0 to 300 ms ({@code random.randint(0, 3)} includes
 * both ends). {@code e.wait()} is {@code e.await()}.
 */
public final class Crosswalk {
    private Crosswalk() {
    }

    static final int PEOPLE = 10; // added: the original makes pedestrians forever

    static Event e;

    static void func() {
        // 红绿灯 (the traffic light)
        try {
            while (true) {
                e.clear(); // 将值设置为False (flag down: red)
                System.out.println("红灯亮起");
                Thread.sleep(Duration.ofMillis(500)); // Python: time.sleep(5)
                e.set(); // 设置event的值为True (flag up: green)
                System.out.println("绿灯亮起");
                Thread.sleep(Duration.ofMillis(400)); // Python: time.sleep(4)
            }
        } catch (InterruptedException ex) {
            // added: main interrupts the light once everyone has crossed; the light goes off
        }
    }

    static void person(String name) {
        try {
            while (true) {
                // 判断event状态值 (look at the event's flag)
                if (e.isSet()) {
                    System.out.println(name + "行人正在通行");
                    break;
                } else {
                    System.out.println(name + "行人正在等待");
                    e.await();
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        e = new Event(); // 默认是False (the flag starts down)
        Thread light = Thread.ofPlatform().start(Crosswalk::func);
        int num = 0;
        List<Thread> people = new ArrayList<>(); // added
        while (num < PEOPLE) { // Python: while True
            num += 1;
            // 创建随机时间, 在随机时间之后产生一个路人过红绿灯 (after a random pause, a pedestrian comes)
            Thread.sleep(Duration.ofMillis(100L * ThreadLocalRandom.current().nextInt(0, 4)));
            String name = "路人" + num;
            Thread t = Thread.ofPlatform().unstarted(() -> person(name));
            t.start();
            people.add(t); // added
        }
        for (Thread t : people) { // added: wait until everyone has crossed,
            t.join();
        }
        light.interrupt(); // added: then switch the light off
    }
}
