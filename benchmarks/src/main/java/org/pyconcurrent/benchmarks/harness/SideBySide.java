package org.pyconcurrent.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of the CPython side-by-side harness ({@code benchmarks/harness/harness.py}).
 * Runs the ports in {@link Workloads} of the Python workloads in
 * {@code benchmarks/harness/workloads.py}, with the same sizes and the same timing protocol
 * (at least W warm-up runs lasting at least the warm-up time, then at least R timed runs lasting at
 * least the minimum time; the driver takes the median of the timed runs), and prints one JSON line
 * per workload:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.pyconcurrent.benchmarks.harness.SideBySide \
 *     [--warmup W] [--warmup-time SECONDS] [--runs R] [--min-time SECONDS] WORKLOAD N ...
 * java -cp benchmarks/target/benchmarks.jar org.pyconcurrent.benchmarks.harness.SideBySide --list
 * </pre>
 *
 * <p>Exit status: 0 when every workload ran and checked its result, 1 when one failed (its line
 * carries an {@code "error"}), 2 on a usage error.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** The registry: Python's workload name to its Java port. Keep the names of workloads.py. */
    static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("lock_uncontended", Workload.throughput(Workloads::lockUncontended));
        WORKLOADS.put("lock_contended", Workload.throughput(Workloads::lockContended));
        WORKLOADS.put("bounded_semaphore", Workload.throughput(Workloads::boundedSemaphore));
        WORKLOADS.put("event_ping_pong", Workload.throughput(Workloads::eventPingPong));
        WORKLOADS.put("queue_producer_consumer", Workload.throughput(Workloads::queueProducerConsumer));
        WORKLOADS.put("pool_apply_async", Workload.throughput(Workloads::poolApplyAsync));
        WORKLOADS.put("executor_submit", Workload.throughput(Workloads::executorSubmit));
        WORKLOADS.put("process_start_join", Workload.throughput(n -> Workloads.processStartJoin(n, "forkserver")));
        WORKLOADS.put("process_spawn_join", Workload.throughput(n -> Workloads.processStartJoin(n, "spawn")));
        WORKLOADS.put("mp_queue_to_parent", Workload.throughput(Workloads::mpQueueToParent));
        WORKLOADS.put("pipe_ping_pong", Workload.throughput(Workloads::pipePingPong));
        WORKLOADS.put("value_locked_increments", Workload.throughput(Workloads::valueLockedIncrements));
        WORKLOADS.put("pool_process_apply_async", Workload.throughput(Workloads::poolProcessApplyAsync));
        WORKLOADS.put("pool_process_map", Workload.throughput(Workloads::poolProcessMap));
        WORKLOADS.put("pool_start_first_result", Workload.throughput(Workloads::poolStartFirstResult));
        WORKLOADS.put("manager_dict_set", Workload.throughput(Workloads::managerDictSet));
        WORKLOADS.put("manager_start_first_call", Workload.throughput(Workloads::managerStartFirstCall));
        WORKLOADS.put("cpu_two_threads", Workload.speedup(Workloads::cpuSerial, Workloads::cpuThreaded));
    }

    private static final String USAGE =
            "usage: SideBySide [--warmup W] [--warmup-time SECONDS] [--runs R] [--min-time SECONDS]"
                    + " WORKLOAD N [WORKLOAD N ...] | --list";

    /** At most this many warm-up or timed runs, however short they are. */
    private static final int MAX_RUNS = 10_000;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        int warmup = 1;
        double warmupTime = 0;
        int runs = 5;
        double minTime = 0;
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--list" -> {
                        WORKLOADS.keySet().forEach(System.out::println);
                        return 0;
                    }
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-time" -> warmupTime = Double.parseDouble(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--min-time" -> minTime = Double.parseDouble(args[++i]);
                    default -> pairs.add(Map.entry(args[i], Integer.parseInt(args[++i])));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            System.err.println(USAGE);
            return 2;
        }
        List<String> unknown = pairs.stream().map(Map.Entry::getKey)
                .filter(name -> !WORKLOADS.containsKey(name)).toList();
        if (pairs.isEmpty() || !unknown.isEmpty() || runs < 1 || warmup < 0) {
            if (!unknown.isEmpty()) {
                System.err.println("unknown workload(s): " + String.join(", ", unknown)
                        + "; known: " + String.join(", ", WORKLOADS.keySet()));
            }
            System.err.println(USAGE);
            return 2;
        }

        System.out.println(info());
        int failed = 0;
        for (Map.Entry<String, Integer> pair : pairs) {
            String name = pair.getKey();
            int n = pair.getValue();
            String line;
            try {
                line = measure(name, n, warmup, warmupTime, runs, minTime);
            } catch (Throwable e) {   // report, go on with the next workload, exit 1 at the end
                failed++;
                line = "{\"side\": \"java\", \"workload\": " + quote(name) + ", \"n\": " + n
                        + ", \"error\": " + quote(e.getClass().getSimpleName() + ": " + e.getMessage()) + "}";
            }
            System.out.println(line);
            System.out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** What one repetition measures: one time, or a serial and a threaded time. */
    @FunctionalInterface
    private interface Step {
        double[] run() throws Exception;
    }

    /** Runs step at least atLeast times and until minSeconds have passed; its results. */
    static List<double[]> repeat(Step step, int atLeast, double minSeconds) throws Exception {
        List<double[]> results = new ArrayList<>();
        long start = System.nanoTime();
        while (results.size() < atLeast
                || ((System.nanoTime() - start) / 1e9 < minSeconds && results.size() < MAX_RUNS)) {
            results.add(step.run());
        }
        return results;
    }

    /**
     * The harness's timing protocol, the same as workloads.py's: warm-up runs (at least
     * {@code warmup}, lasting at least {@code warmupTime} seconds), then timed runs (at least
     * {@code runs}, lasting at least {@code minTime} seconds).
     */
    static String measure(String name, int n, int warmup, double warmupTime, int runs, double minTime)
            throws Exception {
        Workload w = WORKLOADS.get(name);
        String head = "{\"side\": \"java\", \"workload\": " + quote(name) + ", \"kind\": "
                + quote(w instanceof Workload.Speedup ? "speedup" : "throughput") + ", \"n\": " + n;
        switch (w) {
            case Workload.Throughput t -> {
                Step step = () -> new double[] {timed(t.run(), n)};
                int warm = repeat(step, warmup, warmupTime).size();
                double[] times = column(repeat(step, runs, minTime), 0);
                return head + ", \"warmup\": " + warm + ", \"times\": " + json(times)
                        + ", \"seconds\": " + median(times) + "}";
            }
            case Workload.Speedup s -> {
                // serial and threaded alternate, so that a slow spell of the machine hits both
                Step step = () -> new double[] {timed(s.serial(), n), timed(s.threaded(), n)};
                int warm = repeat(step, warmup, warmupTime).size();
                List<double[]> pairs = repeat(step, runs, minTime);
                double[] serial = column(pairs, 0);
                double[] threaded = column(pairs, 1);
                return head + ", \"warmup\": " + warm + ", \"serial_times\": " + json(serial)
                        + ", \"threaded_times\": " + json(threaded)
                        + ", \"speedup\": " + median(serial) / median(threaded) + "}";
            }
        }
    }

    static double[] column(List<double[]> rows, int index) {
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    static double timed(Workload.Task task, int n) throws Exception {
        long start = System.nanoTime();
        task.run(n);
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String info() {
        return "{\"side\": \"java\", \"info\": {\"version\": " + quote(System.getProperty("java.version"))
                + ", \"runtime\": " + quote(Runtime.version().toString())
                + ", \"vm\": " + quote(System.getProperty("java.vm.name"))
                + ", \"vendor\": " + quote(System.getProperty("java.vendor"))
                + ", \"cpus\": " + Runtime.getRuntime().availableProcessors() + "}}";
    }

    static String json(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : String.valueOf(s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
