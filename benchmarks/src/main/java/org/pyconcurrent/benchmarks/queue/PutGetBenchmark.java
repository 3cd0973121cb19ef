package org.pyconcurrent.benchmarks.queue;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.LifoQueue;
import org.pyconcurrent.queue.PriorityQueue;
import org.pyconcurrent.queue.Queue;

/**
 * The cost of a queue when nobody contends for it: one thread puts an item and gets one back. One
 * operation is that {@code put} followed by that {@code get}; the score is its average time.
 *
 * <p>Compares, in one run, our {@link Queue}, {@link LifoQueue} and {@link PriorityQueue} on both
 * backends with their JDK counterparts: an {@link ArrayDeque} under a {@link ReentrantLock} (taken
 * once for the put and once for the get, used as a FIFO queue and as a stack), an
 * {@link ArrayBlockingQueue} and a {@link PriorityBlockingQueue}. Every queue is bounded at
 * {@value #CAPACITY} items, except the JDK's priority queue, which has no bound, and already holds
 * {@value #BACKLOG} items, so a priority queue has a real heap or skip list to work on. The items are
 * {@value #KEYS} boxed integers in a fixed random order, put in turn.
 *
 * <p>Our queues are used through their blocking {@code put}/{@code get} and the JDK's through
 * {@code put}/{@code take}; none of them ever waits here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PutGetBenchmark {
    /** The bound of every bounded queue. */
    static final int CAPACITY = 1024;
    /** How many items each queue holds before the measurement starts. */
    static final int BACKLOG = 64;
    /** How many different items there are (a power of two). */
    static final int KEYS = 1024;

    /** One queue: put an item, then get one. */
    interface PutGet {
        void put(Integer item) throws InterruptedException;

        Integer get() throws InterruptedException;
    }

    /** The queues compared; each constant builds an empty one. */
    public enum QueueType {
        /** Our {@link Queue} on {@link Backend#LOCK_FREE}. */
        PY_FIFO_LOCK_FREE {
            @Override
            PutGet create() {
                return new PyQueue(new Queue<>(CAPACITY, Backend.LOCK_FREE));
            }
        },
        /** Our {@link Queue} on {@link Backend#LOCKED}. */
        PY_FIFO_LOCKED {
            @Override
            PutGet create() {
                return new PyQueue(new Queue<>(CAPACITY, Backend.LOCKED));
            }
        },
        /** Our {@link LifoQueue} on {@link Backend#LOCK_FREE}. */
        PY_LIFO_LOCK_FREE {
            @Override
            PutGet create() {
                return new PyQueue(new LifoQueue<>(CAPACITY, Backend.LOCK_FREE));
            }
        },
        /** Our {@link LifoQueue} on {@link Backend#LOCKED}. */
        PY_LIFO_LOCKED {
            @Override
            PutGet create() {
                return new PyQueue(new LifoQueue<>(CAPACITY, Backend.LOCKED));
            }
        },
        /** Our {@link PriorityQueue} (natural order) on {@link Backend#LOCK_FREE}. */
        PY_PRIORITY_LOCK_FREE {
            @Override
            PutGet create() {
                return new PyQueue(new PriorityQueue<>(CAPACITY, null, Backend.LOCK_FREE));
            }
        },
        /** Our {@link PriorityQueue} (natural order) on {@link Backend#LOCKED}. */
        PY_PRIORITY_LOCKED {
            @Override
            PutGet create() {
                return new PyQueue(new PriorityQueue<>(CAPACITY, null, Backend.LOCKED));
            }
        },
        /** An {@link ArrayDeque} used as a FIFO queue, each call under a {@link ReentrantLock}. */
        LOCKED_ARRAY_DEQUE_FIFO {
            @Override
            PutGet create() {
                return new LockedArrayDeque(false);
            }
        },
        /** An {@link ArrayDeque} used as a stack, each call under a {@link ReentrantLock}. */
        LOCKED_ARRAY_DEQUE_LIFO {
            @Override
            PutGet create() {
                return new LockedArrayDeque(true);
            }
        },
        /** {@link ArrayBlockingQueue}, FIFO. */
        ABQ {
            @Override
            PutGet create() {
                return new JucQueue(new ArrayBlockingQueue<>(CAPACITY));
            }
        },
        /** {@link PriorityBlockingQueue} (natural order, unbounded). */
        PBQ {
            @Override
            PutGet create() {
                return new JucQueue(new PriorityBlockingQueue<>());
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

    private static final class PyQueue implements PutGet {
        private final Queue<Integer> queue;

        PyQueue(Queue<Integer> queue) {
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

    private static final class JucQueue implements PutGet {
        private final BlockingQueue<Integer> queue;

        JucQueue(BlockingQueue<Integer> queue) {
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

    private static final class LockedArrayDeque implements PutGet {
        private final ReentrantLock lock = new ReentrantLock();
        private final ArrayDeque<Integer> items = new ArrayDeque<>(CAPACITY);
        private final boolean lifo;

        LockedArrayDeque(boolean lifo) {
            this.lifo = lifo;
        }

        @Override
        public void put(Integer item) {
            lock.lock();
            try {
                items.addLast(item);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Integer get() {
            lock.lock();
            try {
                return lifo ? items.pollLast() : items.pollFirst();
            } finally {
                lock.unlock();
            }
        }
    }
}
