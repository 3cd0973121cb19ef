package org.pyconcurrent.benchmarks.queue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Queue;

/**
 * Producer/consumer throughput through a queue bounded at {@value #CAPACITY} items: our
 * {@link Queue} on each {@link Backend}, with and without {@code taskDone()}, beside
 * {@link ArrayBlockingQueue}, a bounded {@link LinkedBlockingQueue} and JCTools'
 * {@link MpmcArrayQueue} driven by spinning, in one run. The groups, the scores and the stopping
 * rule are {@link ProducerConsumerBenchmark}'s.
 *
 * <p>The blocking queues are used through their blocking put and get, so a producer that finds the
 * queue full, or a consumer that finds it empty, waits for the other side's signal, which is how
 * Python programs use {@code queue.Queue}. Which queue spends less time waking its threads decides
 * most of the score. The spinning JCTools queue never parks: it is the algorithm of the array
 * underneath our lock-free backend (which uses its VarHandle build, {@code MpmcVarHandleArrayQueue})
 * with nothing around it, at its best when each thread has a CPU of its own. With more threads
 * than free CPUs (on a two-CPU machine always in {@code p2c2}, and in {@code p1c1} as soon as
 * anything else runs) a spinning side burns the time slice its partner needs, and its score
 * collapses.
 *
 * <p>The target is our default backend with {@code taskDone()} ({@code PY_LOCK_FREE_TASKS}) at
 * least as fast as {@code ABQ}, in both groups.
 */
@State(Scope.Group)
public class BoundedQueueBenchmark extends ProducerConsumerBenchmark {
    /** The bound of every queue: Python's {@code Queue(1024)}. */
    static final int CAPACITY = 1024;

    /** The bounded queues compared; each constant builds an empty one of {@value #CAPACITY} items. */
    public enum BoundedType {
        /** Our {@link Queue} on {@link Backend#LOCK_FREE}, the default. */
        PY_LOCK_FREE {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(CAPACITY, Backend.LOCK_FREE), false);
            }
        },
        /** The same, the consumer calling {@code taskDone()} after each get. */
        PY_LOCK_FREE_TASKS {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(CAPACITY, Backend.LOCK_FREE), true);
            }
        },
        /** Our {@link Queue} on {@link Backend#LOCKED}: CPython's one lock and three conditions. */
        PY_LOCKED {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(CAPACITY, Backend.LOCKED), false);
            }
        },
        /** The same, the consumer calling {@code taskDone()} after each get. */
        PY_LOCKED_TASKS {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(CAPACITY, Backend.LOCKED), true);
            }
        },
        /** {@link ArrayBlockingQueue} (non-fair): one lock, two conditions, an array. */
        ABQ {
            @Override
            Channel create() {
                return Channels.blocking(new ArrayBlockingQueue<>(CAPACITY));
            }
        },
        /** Bounded {@link LinkedBlockingQueue}: a put lock and a take lock, linked nodes. */
        LBQ {
            @Override
            Channel create() {
                return Channels.blocking(new LinkedBlockingQueue<>(CAPACITY));
            }
        },
        /** JCTools {@link MpmcArrayQueue} (its Unsafe build), spinning offer and poll. */
        JCTOOLS_MPMC_SPIN {
            @Override
            Channel create() {
                return Channels.spinning(new MpmcArrayQueue<>(CAPACITY));
            }
        };

        abstract Channel create();
    }

    @Param
    public BoundedType type;

    @Override
    Channel create() {
        return type.create();
    }
}
