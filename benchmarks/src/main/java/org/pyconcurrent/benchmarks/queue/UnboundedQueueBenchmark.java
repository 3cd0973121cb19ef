package org.pyconcurrent.benchmarks.queue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.jctools.queues.MpmcUnboundedXaddArrayQueue;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.queue.SimpleQueue;

/**
 * Producer/consumer throughput through an unbounded queue: our {@link Queue} on each
 * {@link Backend}, with and without {@code taskDone()}, and our {@link SimpleQueue} on each,
 * beside an unbounded {@link LinkedBlockingQueue}, {@link LinkedTransferQueue} and JCTools'
 * {@link MpmcUnboundedXaddArrayQueue} driven by spinning, in one run. The groups, the scores and
 * the stopping rule are {@link ProducerConsumerBenchmark}'s.
 *
 * <p>A put never waits here, only a get on an empty queue does. So when the producers are faster
 * than the consumers nothing holds them back: the put rate is then higher than the take rate, the
 * queue grows through the iteration (it is emptied between iterations) and the garbage collector
 * takes part in the score. Compare the take side ({@code p1c1:take1}, {@code p2c2:take2}): it is
 * the rate at which items really get through.
 */
@State(Scope.Group)
public class UnboundedQueueBenchmark extends ProducerConsumerBenchmark {
    /** Chunk size of JCTools' unbounded queue. */
    static final int CHUNK = 1024;

    /** The unbounded queues compared; each constant builds an empty one. */
    public enum UnboundedType {
        /** Our {@link Queue} on {@link Backend#LOCK_FREE}, the default. */
        PY_LOCK_FREE {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(0, Backend.LOCK_FREE), false);
            }
        },
        /** The same, the consumer calling {@code taskDone()} after each get. */
        PY_LOCK_FREE_TASKS {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(0, Backend.LOCK_FREE), true);
            }
        },
        /** Our {@link Queue} on {@link Backend#LOCKED}. */
        PY_LOCKED {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(0, Backend.LOCKED), false);
            }
        },
        /** The same, the consumer calling {@code taskDone()} after each get. */
        PY_LOCKED_TASKS {
            @Override
            Channel create() {
                return Channels.of(new Queue<>(0, Backend.LOCKED), true);
            }
        },
        /** Our {@link SimpleQueue} on {@link Backend#LOCK_FREE}. */
        PY_SIMPLE_LOCK_FREE {
            @Override
            Channel create() {
                return Channels.of(new SimpleQueue<>(Backend.LOCK_FREE));
            }
        },
        /** Our {@link SimpleQueue} on {@link Backend#LOCKED}. */
        PY_SIMPLE_LOCKED {
            @Override
            Channel create() {
                return Channels.of(new SimpleQueue<>(Backend.LOCKED));
            }
        },
        /** Unbounded {@link LinkedBlockingQueue}. */
        LBQ {
            @Override
            Channel create() {
                return Channels.blocking(new LinkedBlockingQueue<>());
            }
        },
        /** {@link LinkedTransferQueue}: lock-free, spins briefly before it parks a consumer. */
        LTQ {
            @Override
            Channel create() {
                return Channels.blocking(new LinkedTransferQueue<>());
            }
        },
        /** JCTools {@link MpmcUnboundedXaddArrayQueue}, chunks of {@value #CHUNK}, spinning poll. */
        JCTOOLS_MPMC_XADD_SPIN {
            @Override
            Channel create() {
                return Channels.spinning(new MpmcUnboundedXaddArrayQueue<>(CHUNK));
            }
        };

        abstract Channel create();
    }

    @Param
    public UnboundedType type;

    @Override
    Channel create() {
        return type.create();
    }
}
