package org.pyconcurrent.benchmarks.harness;

/**
 * One entry of the side-by-side registry in {@link SideBySide}: either a throughput workload
 * (N operations per run) or a speed-up workload (the same work done serially and in threads).
 * Labels, sizes and targets live with the Python registry in {@code benchmarks/harness/workloads.py}.
 */
sealed interface Workload {

    /** The body of a workload: does its work for size {@code n} and throws if the result is wrong. */
    @FunctionalInterface
    interface Task {
        void run(int n) throws Exception;
    }

    /** N operations per run; the harness reports operations per second. */
    record Throughput(Task run) implements Workload {
    }

    /** The same work serially and in threads; the harness reports serial time / threaded time. */
    record Speedup(Task serial, Task threaded) implements Workload {
    }

    static Workload throughput(Task run) {
        return new Throughput(run);
    }

    static Workload speedup(Task serial, Task threaded) {
        return new Speedup(serial, threaded);
    }
}
