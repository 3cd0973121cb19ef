package org.pyconcurrent.examples.multiprocessing;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.pyconcurrent.multiprocessing.Pool;

/**
 * Seed 000 ({@code 000_cf123511522bc7f8.txt}, "多进程", "如果要启动大量的子进程, 可以用进程池的方式批量创建子进程":
 * to start many children, make them in bulk with a process pool): a pool of four worker processes
 * runs five tasks of random length; the parent closes the pool and waits for it.
 *
 * <pre>{@code
 * from multiprocessing import Pool
 * import os, time, random
 *
 * def long_time_task(name):
 *     print('Run task %s (%s)...' % (name, os.getpid()))
 *     start = time.time()
 *     time.sleep(random.random() * 3)
 *     end = time.time()
 *     print('Task %s runs %0.2f seconds.' % (name, (end - start)))
 *
 * if __name__=='__main__':
 *     print('Parent process %s.' % os.getpid())
 *     p = Pool(4)
 *     for i in range(5):
 *         p.apply_async(long_time_task, args=(i,))
 *     print('Waiting for all subprocesses done...')
 *     p.close()
 *     p.join()
 *     print('All subprocesses done.')
 * }</pre>
 *
 * <p>It prints the parent's pid, "Waiting for all subprocesses done...", then for each task
 * "Run task i (pid)..." with the pid of the worker process that runs it, and
 * "Task i runs 0.xx seconds." when it ends; "All subprocesses done." comes last, since
 * {@code join()} waits for the workers. There are four workers for five tasks, so one worker runs
 * two of them, and at most four different pids appear. {@code apply_async} does not wait: the
 * parent's "Waiting..." line usually comes before any task's, though nothing orders it against
 * them. Which task waits for a free worker depends on how the tasks are dealt out: CPython's pool
 * gives a worker its next task when it asks for one, so task 4 starts when the first of the others
 * ends; this pool may hand a worker more than one queued task at a time.
 *
 * <p>Changes: a task sleeps {@code random.random() * 0.3} seconds instead of up to 3 (the times
 * printed are a tenth of the seed's). {@code Pool(4)} is a
 * {@link org.pyconcurrent.multiprocessing.Pool} of four worker JVMs, started when it is made;
 * {@code apply_async(long_time_task, args=(i,))} is {@code applyAsync(() -> longTimeTask(n))}, the
 * lambda, a {@code SerializableCallable}, travelling to the worker with the argument it captured.
 * {@code long_time_task} returns nothing (Python's {@code None}); a callable returns a value, so
 * the lambda returns {@code null} after the call. It may throw: {@code longTimeTask} declares the
 * {@link InterruptedException} of its sleep. {@code os.getpid()} is
 * {@code ProcessHandle.current().pid()}; {@code time.time()} differences are
 * {@link System#nanoTime()} differences. Python's {@code %0.2f} is Java's {@code %.2f} (Java's
 * {@code 0} flag needs a width), formatted with {@link Locale#ROOT}, so the decimal point is a
 * point everywhere, as in Python.
 */
public final class PoolLongTimeTask {
    private PoolLongTimeTask() {
    }

    static final double MAX_SECONDS = 0.3; // Python: random.random() * 3

    static void longTimeTask(int name) throws InterruptedException {
        System.out.println("Run task " + name + " (" + ProcessHandle.current().pid() + ")...");
        long start = System.nanoTime();
        Thread.sleep(Duration.ofNanos((long) (ThreadLocalRandom.current().nextDouble() * MAX_SECONDS * 1e9)));
        long end = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, "Task %s runs %.2f seconds.", name, (end - start) / 1e9));
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("Parent process " + ProcessHandle.current().pid() + ".");
        Pool p = new Pool(4);
        for (int i = 0; i < 5; i++) {
            int n = i;
            p.applyAsync(() -> {
                longTimeTask(n);
                return null;
            });
        }
        System.out.println("Waiting for all subprocesses done...");
        p.close();
        p.join();
        System.out.println("All subprocesses done.");
    }
}
