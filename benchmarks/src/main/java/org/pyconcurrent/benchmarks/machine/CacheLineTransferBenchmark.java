package org.pyconcurrent.benchmarks.machine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * How long one cache line takes to move from one CPU to another on this machine: two threads hand
 * a flag back and forth (JMHSample_18_Control's ping-pong), each waiting with
 * {@link Thread#onSpinWait()} until the other has flipped it. An operation of either thread ends
 * when its own flip succeeds, which needs the other's flip in between: it is a round trip, two
 * transfers of the line (each with a compare-and-set), so half the score is one transfer.
 *
 * <p>This is a property of the machine, not of pyconcurrent, and it is here because it decides
 * the contended benchmarks. On the two-vCPU machines this project is measured on it is not fixed:
 * the same kind of machine has shown transfers of 30–45 ns at one hour and 200–240 ns at
 * another, and the lock-free queue's producer/consumer rates move with it (several times over),
 * while a lock-based queue, whose threads take turns rather than share lines, hardly moves. Run it in the
 * same JMH run as the figures it explains ({@code docs/benchmarks.md}). It needs two idle CPUs:
 * with fewer, the waiting thread spins out its time slice and the figure means nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Group)
public class CacheLineTransferBenchmark {
    private final AtomicBoolean flag = new AtomicBoolean();

    /** Flips the flag from false to true, once the other thread has flipped it back. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void ping(Control control) {
        while (!control.stopMeasurement && !flag.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    /** Flips the flag from true to false, once the other thread has flipped it. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void pong(Control control) {
        while (!control.stopMeasurement && !flag.compareAndSet(true, false)) {
            Thread.onSpinWait();
        }
    }
}
