package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.Semaphore;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "信号量"): nine processes, Tom0号 to Tom8号, go
 * into a small dark room that holds three: a process {@code Semaphore(3)} lets at most three in
 * at a time.
 *
 * <pre>{@code
 * from  multiprocessing import  Process , Semaphore
 * import time
 *
 *
 * def home(name,s):
 *     # 拿到锁
 *     s.acquire()
 *     print(f'{name}猥琐的进入小黑屋')
 *     time.sleep(3)
 *     print(f'{name}惊恐的跑出房间')
 *     # 归还锁
 *     s.release()
 *
 *
 * if __name__ == '__main__':
 *     # 设置信号量 ， 设置有多少锁
 *     s = Semaphore(3)
 *     for i in range(9):
 *         p = Process(target=home,args=(f'Tom{i}号',s))
 *         p.start()
 * }</pre>
 *
 * <p>The seed's text: "信号量也是一把锁; 互斥锁是同一时间是有一个任务能抢到锁; 信号量同一时间有多个任务拿到锁去执行"
 * (a semaphore is a lock too: a mutex lets one task take it at a time, a semaphore several). The
 * comments: "拿到锁" take the lock, "归还锁" give it back, "设置信号量, 设置有多少锁" make the
 * semaphore, with how many locks. Each Tom prints "Tom<var>i</var>号猥琐的进入小黑屋" (sneaks into
 * the dark room) once it holds the semaphore and "Tom<var>i</var>号惊恐的跑出房间" (runs out of
 * the room in fright) before it gives it back, so in the output there are never more than three
 * in the room: a leaving line is printed before its permit is released, an entering line after a
 * permit is taken, and every child prints to the same standard output. Who goes in when depends
 * on when each child's JVM comes up.
 *
 * <p>Changes: the sleep is 300 ms instead of 3 s (the original takes 9 s). {@code Semaphore(3)} is
 * a {@link org.pyconcurrent.multiprocessing.Semaphore}, captured by each target as the seed passes
 * it in {@code args}: every child's copy is the same semaphore, in shared memory.
 * {@code args=(f'Tom{i}号', s)} is the name computed first and captured with it:
 * {@code new Process(() -> home(name, s))}. {@code s.acquire()} may wait, so it throws
 * {@link InterruptedException}, which {@code home}, a {@code Runnable} target, catches. The
 * children are not joined, as in the seed: the program ends when the last one has.
 */
public final class SemaphoreHome {
    private SemaphoreHome() {
    }

    static final Duration PAUSE = Duration.ofMillis(300); // Python: time.sleep(3)

    static void home(String name, Semaphore s) {
        try {
            // 拿到锁 (take the lock)
            s.acquire();
            System.out.println(name + "猥琐的进入小黑屋");
            Thread.sleep(PAUSE);
            System.out.println(name + "惊恐的跑出房间");
            // 归还锁 (give it back)
            s.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        // 设置信号量, 设置有多少锁 (make the semaphore, with how many locks)
        Semaphore s = new Semaphore(3);
        for (int i = 0; i < 9; i++) {
            String name = "Tom" + i + "号";
            Process p = new Process(() -> home(name, s));
            p.start();
        }
    }
}
