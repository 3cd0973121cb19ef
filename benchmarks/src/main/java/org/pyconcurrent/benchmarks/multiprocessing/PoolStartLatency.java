package org.pyconcurrent.benchmarks.multiprocessing;

import org.pyconcurrent.multiprocessing.Pool;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Pool(2) creation to first result with a warm JVM, the figure process-pool issue asks for
 * (≤ 200 ms): one process is started and joined so that a standby JVM exists, then, each time
 * after giving the standby three seconds to warm up, a {@code Pool(2)} is created and timed until
 * its first {@code apply()} returns. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar org.pyconcurrent.benchmarks.multiprocessing.PoolStartLatency [rounds]}.
 * (The side-by-side harness row {@code pool_start_first_result} times pools back to back instead,
 * where the standby never has time to warm up.)
 */
public final class PoolStartLatency {
    private PoolStartLatency() {
    }

    static int one() {
        return 1;
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
            Pool pool = new Pool(2);
            int one = pool.<Integer>apply(PoolStartLatency::one);
            long millis = (System.nanoTime() - start) / 1_000_000;
            pool.terminate();
            pool.join();
            System.out.println("Pool(2) creation to first result: " + millis + " ms" + (one == 1 ? "" : " (wrong result)"));
        }
    }
}
