package org.pyconcurrent.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.ThreadPoolExecutor;
import org.pyconcurrent.multiprocessing.AsyncResult;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.ThreadPool;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.threading.BoundedSemaphore;
import org.pyconcurrent.threading.Event;
import org.pyconcurrent.threading.Lock;

/**
 * The Java ports of the Python workloads in {@code benchmarks/harness/workloads.py}: the same code,
 * statement for statement, with {@code org.pyconcurrent.threading}, {@code org.pyconcurrent.queue},
 * {@code org.pyconcurrent.futures} and {@code org.pyconcurrent.multiprocessing} in place of
 * Python's {@code threading}, {@code queue}, {@code concurrent.futures} and
 * {@code multiprocessing.pool}, and
 * {@code java.lang.Thread} (platform threads) in place of {@code threading.Thread}. Each throws if
 * its result is wrong, so a broken primitive cannot look fast.
 */
final class Workloads {
    private Workloads() {
    }

    /** Python: the module-level {@code counter}, guarded by the lock. */
    static long counter = 0;

    /** The bank-balance loop: n times take the lock, add one to the shared counter, release. */
    static void increment(Lock lock, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            try (var held = lock.with()) {   // with lock:
                counter += 1;
            }
        }
    }

    /** One thread, one Lock: n acquire/increment/release. */
    static void lockUncontended(int n) throws Exception {
        counter = 0;
        Lock lock = new Lock();
        increment(lock, n);
        check(counter == n, "counter is " + counter + ", expected " + n);
    }

    /** Two threads share one Lock, each doing n/2 acquire/increment/release. */
    static void lockContended(int n) throws Exception {
        counter = 0;
        Lock lock = new Lock();
        PyThread[] threads = {
            new PyThread(() -> increment(lock, n / 2)),
            new PyThread(() -> increment(lock, n / 2)),
        };
        for (PyThread t : threads) {
            t.start();
        }
        for (PyThread t : threads) {
            t.join();
        }
        check(counter == 2L * (n / 2), "counter is " + counter + ", expected " + 2L * (n / 2));
    }

    /** One thread: n times acquire and release a BoundedSemaphore. */
    static void boundedSemaphore(int n) throws Exception {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        for (int i = 0; i < n; i++) {
            sem.acquire();
            sem.release();
        }
        check(sem.acquire(false), "semaphore left without its permit");
        sem.release();
    }

    /** Two threads bounce a ball n times with two Events: set, wait, clear. */
    static void eventPingPong(int n) throws Exception {
        Event ping = new Event();
        Event pong = new Event();
        int[] returned = {0};   // Python: nonlocal returned

        PyThread t = new PyThread(() -> {
            for (int i = 0; i < n; i++) {
                ping.await();
                ping.clear();
                returned[0] += 1;
                pong.set();
            }
        });
        t.start();
        for (int i = 0; i < n; i++) {
            ping.set();
            pong.await();
            pong.clear();
        }
        t.join();
        check(returned[0] == n, returned[0] + " round trips, expected " + n);
    }

    /**
     * A producer thread puts n items into a Queue(1024); a consumer thread gets each one and marks
     * it done; the main thread waits for the producer, joins the queue, then the consumer.
     */
    static void queueProducerConsumer(int n) throws Exception {
        Queue<Integer> q = new Queue<>(1024);
        long[] total = {0};   // Python: nonlocal total

        PyThread[] threads = {
            new PyThread(() -> {   // producer
                for (int i = 0; i < n; i++) {
                    q.put(i);
                }
            }),
            new PyThread(() -> {   // consumer
                for (int i = 0; i < n; i++) {
                    total[0] += q.get();
                    q.taskDone();
                }
            }),
        };
        for (PyThread t : threads) {
            t.start();
        }
        threads[0].join();
        q.join();
        threads[1].join();
        long expected = (long) n * (n - 1) / 2;
        check(total[0] == expected, "consumer got a total of " + total[0] + ", expected " + expected);
        check(q.unfinishedTasks() == 0, q.unfinishedTasks() + " tasks left unfinished");
    }

    /** Pure CPU work: how many primes are below limit, by trial division. */
    static int countPrimes(int limit) {
        int count = 0;
        for (int candidate = 2; candidate < limit; candidate++) {
            boolean prime = true;   // Python: the while loop's else clause
            int divisor = 2;
            while (divisor * divisor <= candidate) {
                if (candidate % divisor == 0) {
                    prime = false;
                    break;
                }
                divisor += 1;
            }
            if (prime) {
                count += 1;
            }
        }
        return count;
    }

    /** countPrimes(n) twice, one after the other. */
    static void cpuSerial(int n) {
        int[] results = {countPrimes(n), countPrimes(n)};
        check(results[0] == results[1], "results differ: " + results[0] + ", " + results[1]);
    }

    /** countPrimes(n) twice, in two threads at once. */
    static void cpuThreaded(int n) throws Exception {
        Integer[] results = {null, null};
        PyThread[] threads = new PyThread[2];
        for (int i = 0; i < 2; i++) {
            int index = i;
            threads[i] = new PyThread(() -> results[index] = countPrimes(n));
        }
        for (PyThread t : threads) {
            t.start();
        }
        for (PyThread t : threads) {
            t.join();
        }
        check(results[0] != null && results[0].equals(results[1]),
                "results differ: " + results[0] + ", " + results[1]);
    }

    /** The trivial task of the pool workloads. */
    static int one() {
        return 1;
    }

    /**
     * n trivial tasks into a ThreadPool(2) with applyAsync, then get() of each result in order. The
     * pool is created and terminated within the run (Python's {@code with} block calls
     * {@code terminate()}; Java's try-with-resources would call {@code close()}, so say it).
     */
    static void poolApplyAsync(int n) throws Exception {
        ThreadPool pool = new ThreadPool(2);
        long total;
        try {
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.applyAsync(Workloads::one));
            }
            total = 0;
            for (AsyncResult<Integer> r : results) {
                total += r.get();
            }
        } finally {
            pool.terminate();
        }
        check(total == n, "results add up to " + total + ", expected " + n);
    }

    /** The writer process of mpQueueToParent: for each count it is sent, puts that many ints, then null. */
    static void queueWriter(org.pyconcurrent.multiprocessing.Queue<Integer> commands,
            org.pyconcurrent.multiprocessing.Queue<Integer> q) {
        try {
            for (;;) {
                int n = commands.get();
                for (int i = 0; i < n; i++) {
                    q.put(i);
                }
                q.put(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static org.pyconcurrent.multiprocessing.Queue<Integer> writerCommands;
    private static org.pyconcurrent.multiprocessing.Queue<Integer> writerQueue;

    /**
     * One writer process puts n ints into a multiprocessing Queue; the parent gets them all, in
     * order, up to the null that ends the batch. The writer process (a daemon) is started once,
     * by the first (warm-up) run, so the timed runs measure messages, not a process start.
     */
    static void mpQueueToParent(int n) throws Exception {
        if (writerQueue == null) {
            var commands = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            var q = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            Process p = new Process(() -> queueWriter(commands, q));
            p.setDaemon(true);
            p.start();
            writerCommands = commands;
            writerQueue = q;
        }
        writerCommands.put(n);
        int count = 0;
        for (Integer item; (item = writerQueue.get()) != null; count++) {
            check(item == count, "got " + item + ", expected " + count);
        }
        check(count == n, "got " + count + " items, expected " + n);
    }

    /** The echo process of pipePingPong: sends back every message it receives. */
    static void pipeEcho(org.pyconcurrent.multiprocessing.Connection conn) {
        try {
            for (;;) {
                conn.send(conn.recv());
            }
        } catch (java.io.IOException | InterruptedException endOfRun) {
            // the parent has gone
        }
    }

    private static org.pyconcurrent.multiprocessing.Connection echo;

    /**
     * n round trips over a Pipe to an echo process: send an int, receive it back. The echo
     * process (a daemon) is started once, by the first (warm-up) run.
     */
    static void pipePingPong(int n) throws Exception {
        if (echo == null) {
            var pipe = org.pyconcurrent.multiprocessing.Pipe.create();
            var there = pipe.conn2();
            Process p = new Process(() -> pipeEcho(there));
            p.setDaemon(true);
            p.start();
            echo = pipe.conn1();
        }
        for (int i = 0; i < n; i++) {
            echo.send(i);
            Integer back = echo.recv();
            check(back == i, "the echo differs");
        }
    }

    /**
     * A worker of valueLockedIncrements: for each count it is sent, adds 1 to the shared value that
     * many times under its lock, then says so.
     */
    static void valueAdder(org.pyconcurrent.multiprocessing.Value.Int value,
            org.pyconcurrent.multiprocessing.Queue<Integer> commands,
            org.pyconcurrent.multiprocessing.Queue<Integer> done) {
        try {
            for (;;) {
                int n = commands.get();
                for (int i = 0; i < n; i++) {
                    try (var held = value.getLock().with()) {
                        value.set(value.get() + 1);
                    }
                }
                done.put(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static org.pyconcurrent.multiprocessing.Value.Int adderValue;
    private static org.pyconcurrent.multiprocessing.Queue<Integer> adderCommands;
    private static org.pyconcurrent.multiprocessing.Queue<Integer> adderDone;

    /**
     * Two processes each add 1 to a shared Value.ofInt n/2 times, under its lock; nothing may be
     * lost. The two processes (daemons) are started once, by the first (warm-up) run.
     */
    static void valueLockedIncrements(int n) throws Exception {
        if (adderValue == null) {
            var value = org.pyconcurrent.multiprocessing.Value.ofInt(0);
            var commands = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            var done = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            for (int i = 0; i < 2; i++) {
                Process p = new Process(() -> valueAdder(value, commands, done));
                p.setDaemon(true);
                p.start();
            }
            adderValue = value;
            adderCommands = commands;
            adderDone = done;
        }
        adderValue.set(0);
        int half = n / 2;
        adderCommands.put(half);
        adderCommands.put(half);
        adderDone.get();
        adderDone.get();
        check(adderValue.get() == 2 * half, "value " + adderValue.get() + ", expected " + 2 * half);
    }

    /**
     * A worker of managerDictSet: for each count it is sent, sets that many keys of the shared
     * dict, then says so.
     */
    static void managerDictWriter(java.util.Map<Integer, Integer> d,
            org.pyconcurrent.multiprocessing.Queue<Integer> commands,
            org.pyconcurrent.multiprocessing.Queue<Integer> done) {
        try {
            for (;;) {
                int n = commands.get();
                for (int i = 0; i < n; i++) {
                    d.put(i, i);
                }
                done.put(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static org.pyconcurrent.multiprocessing.DictProxy<Integer, Integer> dictWriterDict;
    private static org.pyconcurrent.multiprocessing.Queue<Integer> dictWriterCommands;
    private static org.pyconcurrent.multiprocessing.Queue<Integer> dictWriterDone;

    /**
     * A child process sets n keys of a Manager's dict; the manager and the child (a daemon) are
     * started once, by the first (warm-up) run.
     */
    static void managerDictSet(int n) throws Exception {
        if (dictWriterDict == null) {
            var manager = new org.pyconcurrent.multiprocessing.Manager();
            org.pyconcurrent.multiprocessing.DictProxy<Integer, Integer> d = manager.dict();
            var commands = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            var done = new org.pyconcurrent.multiprocessing.Queue<Integer>();
            Process p = new Process(() -> managerDictWriter(d, commands, done));
            p.setDaemon(true);
            p.start();
            dictWriterDict = d;
            dictWriterCommands = commands;
            dictWriterDone = done;
        }
        dictWriterCommands.put(n);
        dictWriterDone.get();
        check(dictWriterDict.get(n - 1) == n - 1, "the last key differs");
    }

    /** n times: a Manager started, a dict made and one key set, the manager shut down. */
    static void managerStartFirstCall(int n) {
        for (int i = 0; i < n; i++) {
            try (var manager = new org.pyconcurrent.multiprocessing.Manager()) {
                org.pyconcurrent.multiprocessing.DictProxy<Integer, Integer> d = manager.dict();
                d.put(0, 0);
                check(d.get(0) == 0, "the key differs");
            }
        }
    }

    private static org.pyconcurrent.multiprocessing.Pool processPool;

    /** A process Pool(2), created by the first (warm-up) run and kept. */
    private static org.pyconcurrent.multiprocessing.Pool processPool() {
        if (processPool == null) {
            processPool = new org.pyconcurrent.multiprocessing.Pool(2);
        }
        return processPool;
    }

    /** The function of poolProcessMap. */
    static Integer square(Integer x) {
        return x * x;
    }

    /**
     * n trivial tasks into a process Pool(2) with applyAsync and a callback, then get() of each
     * result in order.
     */
    static void poolProcessApplyAsync(int n) throws Exception {
        var pool = processPool();
        List<AsyncResult<Integer>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(pool.applyAsync(Workloads::one, r -> { }));
        }
        long total = 0;
        for (AsyncResult<Integer> r : results) {
            total += r.get();
        }
        check(total == n, "results add up to " + total + ", expected " + n);
    }

    /** map(square, range(n), chunksize=1000) on a process Pool(2). */
    static void poolProcessMap(int n) throws Exception {
        List<Integer> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.add(i);
        }
        List<Integer> out = processPool().map(Workloads::square, in, 1000);
        check(out.size() == n && out.get(n - 1) == (n - 1) * (n - 1), "map results differ");
    }

    /** n times: a process Pool(2) created, its first apply() answered, the pool terminated. */
    static void poolStartFirstResult(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            var pool = new org.pyconcurrent.multiprocessing.Pool(2);
            try {
                check(pool.<Integer>apply(Workloads::one) == 1, "apply differs");
            } finally {
                pool.terminate();  // Python's with block
                pool.join();
            }
        }
    }

    /** The target of the process workloads: does nothing. */
    static void noop() {
    }

    /**
     * n processes one after another, each started and joined: {@code new Process(Workloads::noop)}
     * with the default start method (a warm standby JVM), or the one named.
     */
    static void processStartJoin(int n, String method) throws Exception {
        String before = Process.getStartMethod();
        Process.setStartMethod(method);
        try {
            for (int i = 0; i < n; i++) {
                Process p = new Process(Workloads::noop);
                p.start();
                p.join();
                check(p.exitcode() == 0, "exitcode " + p.exitcode());
            }
        } finally {
            Process.setStartMethod(before);
        }
    }

    /**
     * n trivial calls submitted to a ThreadPoolExecutor(2), then result() of each future in order.
     * The executor is created and shut down within the run (try-with-resources: Python's
     * {@code with} block, {@code shutdown(wait=True)}).
     */
    static void executorSubmit(int n) throws Exception {
        long total;
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(2)) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(executor.submit(Workloads::one));
            }
            total = 0;
            for (Future<Integer> f : futures) {
                total += f.result();
            }
        }
        check(total == n, "results add up to " + total + ", expected " + n);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** What a thread runs: may throw, like a Python target. */
    @FunctionalInterface
    interface Target {
        void run() throws Exception;
    }

    /**
     * Python's {@code threading.Thread(target=...)} as a platform thread, except that
     * {@link #join()} rethrows what the target threw, so the harness reports it as a failure, and
     * the thread is a daemon, so that a stuck workload cannot keep the JVM alive.
     */
    static final class PyThread {
        private final Thread thread;
        private volatile Throwable failure;

        PyThread(Target target) {
            thread = Thread.ofPlatform().daemon(true).unstarted(() -> {
                try {
                    target.run();
                } catch (Throwable e) {
                    failure = e;
                }
            });
        }

        void start() {
            thread.start();
        }

        void join() throws Exception {
            thread.join();
            Throwable e = failure;
            if (e instanceof Exception ex) {
                throw ex;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }
}
