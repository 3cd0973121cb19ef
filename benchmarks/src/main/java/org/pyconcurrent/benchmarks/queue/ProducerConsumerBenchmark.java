package org.pyconcurrent.benchmarks.queue;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Producers and consumers sharing one queue (JMHSample_15: {@code @State(Scope.Group)},
 * {@code @Group}, {@code @GroupThreads}); the subclasses choose the queues, each through an enum
 * {@code @Param} whose constants build the variants.
 *
 * <ul>
 *   <li>{@code p1c1}: one producer ({@code put1}) and one consumer ({@code take1}).</li>
 *   <li>{@code p2c2}: two producers ({@code put2}) and two consumers ({@code take2}).</li>
 * </ul>
 *
 * <p>Scores are operations per second. One producer operation puts one item; one consumer
 * operation takes one item (and, in the {@code _TASKS} variants, calls {@code taskDone()} for it).
 * JMH prints the group's total and, beneath it, each side's own rate ({@code p1c1:put1},
 * {@code p1c1:take1}): over an iteration the two differ by at most what the queue held at its end,
 * so for a bounded queue either side's rate is the hand-off rate. The same constant item is put
 * every time, so nothing is allocated per item except by the queue itself.
 *
 * <p>The secondary results {@code putRetries} and {@code takeRetries} count attempts that gave up
 * ({@link Channel}): for a spinning queue each refused {@code offer} (queue full) or empty
 * {@code poll}, so they show how much of its time a side spent spinning; for a blocking queue each
 * {@value Channel#SLICE_MILLIS} ms wait that ran out, which should stay near zero.
 *
 * <p>Stopping (JMHSample_30): no call blocks without a bound. Each side retries its attempt until
 * it succeeds or JMH raises {@link Control#stopMeasurement}, so a side whose partner has stopped
 * gives up within one slice and JMH never needs to interrupt anyone. Between iterations
 * {@link #drain()} empties the queue, so each iteration starts from an empty queue; for the
 * task-tracking variants it also checks that no task is left open.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Group)
public abstract class ProducerConsumerBenchmark {
    /** What the producers put, every time. */
    static final Integer ITEM = 42;

    private Channel channel;

    /** A new, empty queue of the variant being measured. */
    abstract Channel create();

    @Setup(Level.Trial)
    public void setUp() {
        channel = create();
    }

    /** Empties the queue between iterations, when no benchmark thread runs. */
    @TearDown(Level.Iteration)
    public void drain() {
        channel.drain();
    }

    /** Attempts of a producer that gave up: refused offers, or wait slices that ran out. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class PutRetries {
        public long putRetries;

        @Setup(Level.Iteration)
        public void reset() {
            putRetries = 0;
        }
    }

    /** Attempts of a consumer that gave up: empty polls, or wait slices that ran out. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class TakeRetries {
        public long takeRetries;

        @Setup(Level.Iteration)
        public void reset() {
            takeRetries = 0;
        }
    }

    /** The producer of {@code p1c1}. */
    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public boolean put1(Control control, PutRetries retries) throws InterruptedException {
        return put(control, retries);
    }

    /** The consumer of {@code p1c1}. */
    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public Object take1(Control control, TakeRetries retries) throws InterruptedException {
        return take(control, retries);
    }

    /** Each of the two producers of {@code p2c2}. */
    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public boolean put2(Control control, PutRetries retries) throws InterruptedException {
        return put(control, retries);
    }

    /** Each of the two consumers of {@code p2c2}. */
    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public Object take2(Control control, TakeRetries retries) throws InterruptedException {
        return take(control, retries);
    }

    /** Puts one item; false only if the measurement stopped first. */
    private boolean put(Control control, PutRetries retries) throws InterruptedException {
        Channel c = channel;
        while (!c.tryPut(ITEM)) {
            retries.putRetries++;
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    /** Takes one item (returned, so JMH consumes it); null only if the measurement stopped first. */
    private Object take(Control control, TakeRetries retries) throws InterruptedException {
        Channel c = channel;
        Object item;
        while ((item = c.tryTake()) == null) {
            retries.takeRetries++;
            if (control.stopMeasurement) {
                return null;
            }
        }
        return item;
    }
}
