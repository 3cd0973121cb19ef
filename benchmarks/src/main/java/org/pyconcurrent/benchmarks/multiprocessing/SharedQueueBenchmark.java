package org.pyconcurrent.benchmarks.multiprocessing;

import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pyconcurrent.multiprocessing.Queue;
import org.pyconcurrent.multiprocessing.SimpleQueue;

/**
 * The cost of a multiprocessing queue used inside the process that made it, with nobody
 * contending: one thread puts an {@link Integer} and gets one back. One operation is that
 * {@code put} followed by that {@code get}; the score is its average time.
 *
 * <p>In the process that made it, a multiprocessing {@link Queue} is an in-process
 * {@link org.pyconcurrent.queue.Queue} of serialized items: {@code put} serializes the item (a
 * boxed integer takes the compact form, a tag byte and four bytes, not an object stream) and
 * {@code get} deserializes a copy. So this measures that encoding and decoding on top of the
 * in-process queue. Compares, in one run, {@link Queue} and {@link SimpleQueue} with
 * {@link org.pyconcurrent.queue.Queue} (the same items, not serialized) and
 * {@link LinkedBlockingQueue}, all unbounded and already holding {@value #BACKLOG} items. The
 * items are {@value #KEYS} boxed integers in a fixed random order, put in turn.
 *
 * <p>The queues are used through their blocking {@code put}/{@code get} (the JDK's through
 * {@code put}/{@code take}); none of them ever waits here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SharedQueueBenchmark {
    /** How many items each queue holds before the measurement starts. */
    static final int BACKLOG = 64;
    /** How many different items there are (a power of two). */
    static final int KEYS = 1024;

    /** One queue: put an item, then get one. */
    interface PutGet {
        void put(Integer item) throws InterruptedException;

        Integer get() throws InterruptedException;
    }

    /** The queues compared; each constant builds an empty, unbounded one. */
    public enum QueueType {
        /** multiprocessing {@link Queue}. */
        MP_QUEUE {
            @Override
            PutGet create() {
                return new MpQueue(new Queue<>());
            }
        },
        /** multiprocessing {@link SimpleQueue}. */
        MP_SIMPLE_QUEUE {
            @Override
            PutGet create() {
                return new MpSimpleQueue(new SimpleQueue<>());
            }
        },
        /** The in-process {@link org.pyconcurrent.queue.Queue}, on its default backend. */
        PY_QUEUE {
            @Override
            PutGet create() {
                return new PyQueue(new org.pyconcurrent.queue.Queue<>());
            }
        },
        /** {@link LinkedBlockingQueue}, unbounded. */
        LBQ {
            @Override
            PutGet create() {
                return new Lbq(new LinkedBlockingQueue<>());
            }
        };

        abstract PutGet create();
    }

    @Param
    public QueueType type;

    private PutGet queue;
    private Integer[] keys;
    private int next;

    @Setup
    public void setUp() throws InterruptedException {
        Random random = new Random(20_240_601);
        keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = random.nextInt(1_000_000);
        }
        queue = type.create();
        for (int i = 0; i < BACKLOG; i++) {
            queue.put(keys[(KEYS - 1) - i]);
        }
    }

    /** Puts the next item, gets one back. */
    @Benchmark
    public Integer putGet() throws InterruptedException {
        queue.put(keys[next++ & (KEYS - 1)]);
        return queue.get();
    }

    private static final class MpQueue implements PutGet {
        private final Queue<Integer> queue;

        MpQueue(Queue<Integer> queue) {
            this.queue = queue;
        }

        @Override
        public void put(Integer item) throws InterruptedException {
            queue.put(item);
        }

        @Override
        public Integer get() throws InterruptedException {
            return queue.get();
        }
    }

    private static final class MpSimpleQueue implements PutGet {
        private final SimpleQueue<Integer> queue;

        MpSimpleQueue(SimpleQueue<Integer> queue) {
            this.queue = queue;
        }

        @Override
        public void put(Integer item) {
            queue.put(item);
        }

        @Override
        public Integer get() throws InterruptedException {
            return queue.get();
        }
    }

    private static final class PyQueue implements PutGet {
        private final org.pyconcurrent.queue.Queue<Integer> queue;

        PyQueue(org.pyconcurrent.queue.Queue<Integer> queue) {
            this.queue = queue;
        }

        @Override
        public void put(Integer item) throws InterruptedException {
            queue.put(item);
        }

        @Override
        public Integer get() throws InterruptedException {
            return queue.get();
        }
    }

    private static final class Lbq implements PutGet {
        private final LinkedBlockingQueue<Integer> queue;

        Lbq(LinkedBlockingQueue<Integer> queue) {
            this.queue = queue;
        }

        @Override
        public void put(Integer item) throws InterruptedException {
            queue.put(item);
        }

        @Override
        public Integer get() throws InterruptedException {
            return queue.take();
        }
    }
}
