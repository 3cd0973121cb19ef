package org.pyconcurrent.benchmarks.multiprocessing;

import org.pyconcurrent.multiprocessing.DictProxy;
import org.pyconcurrent.multiprocessing.Manager;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Manager start to first proxy call with a warm JVM, the figure the manager issue asks for
 * (≤ 300 ms): one process is started and joined so that a standby JVM exists, then, each time
 * after giving the standby three seconds to warm up, a {@code Manager} is started, a dict made
 * and one key set, timed until that call returns; then the manager is shut down (timed apart).
 * Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar org.pyconcurrent.benchmarks.multiprocessing.ManagerStartLatency [rounds]}.
 * (The side-by-side harness row {@code manager_start_first_call} times managers back to back,
 * shutdown included, where the standby never has time to warm up.)
 */
public final class ManagerStartLatency {
    private ManagerStartLatency() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of rounds (default 5)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Process first = new Process(() -> { });
        first.start();
        first.join();
        for (int r = 0; r < rounds; r++) {
            Thread.sleep(3_000);
            long start = System.nanoTime();
            Manager manager = new Manager();
            DictProxy<Integer, Integer> d = manager.dict();
            d.put(0, 0);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long stop = System.nanoTime();
            manager.shutdown();
            long shutdownMillis = (System.nanoTime() - stop) / 1_000_000;
            System.out.println("Manager start to first call: " + millis + " ms (shutdown: " + shutdownMillis + " ms)");
        }
    }
}
