package org.pyconcurrent.benchmarks.threading;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pyconcurrent.threading.Timer;

/**
 * Arming a one-shot timer and cancelling it before it fires: one operation is create, start,
 * cancel and wait until nothing is left running.
 *
 * <p>Compares, in one run:
 * <ul>
 *   <li>{@link Timer}: {@code new Timer(1 minute, task)}, {@code start()}, {@code cancel()},
 *       {@code join()}. Like Python's {@code threading.Timer} it has a thread of its own, so this
 *       is mostly the cost of creating, starting and ending a platform thread (tens of
 *       microseconds), which is what porting Python's Timer as it is costs.</li>
 *   <li>A shared {@link ScheduledThreadPoolExecutor} (one thread, started before measuring,
 *       remove-on-cancel): {@code schedule} and {@code cancel}. No thread is created per timer:
 *       the Java way to run many timers, and the bar for a timer service of ours.</li>
 *   <li>A {@link ScheduledThreadPoolExecutor} per timer: create, {@code schedule},
 *       {@code cancel}, {@code shutdown}, {@code awaitTermination}. Like ours it starts and ends
 *       a thread per timer: the like-for-like comparison.</li>
 * </ul>
 * Timer threads are daemon threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TimerBenchmark {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Runnable TASK = () -> {
        throw new AssertionError("a cancelled timer fired");
    };
    private static final ThreadFactory DAEMONS = Thread.ofPlatform().daemon(true).factory();

    /** One timer, armed and cancelled before it fires. */
    interface OneShot extends AutoCloseable {
        /** Arms a timer, cancels it, and returns once nothing of it runs; whether it was cancelled. */
        boolean armAndCancel() throws InterruptedException;

        @Override
        void close() throws InterruptedException;
    }

    /** The timers compared. */
    public enum TimerType {
        /** pyconcurrent {@link Timer}: a thread per timer. */
        PY_TIMER {
            @Override
            OneShot create() {
                return new PyTimer();
            }
        },
        /** One shared single-thread scheduled executor. */
        JUC_SCHEDULED_EXECUTOR {
            @Override
            OneShot create() {
                return new SharedExecutor();
            }
        },
        /** A new single-thread scheduled executor per timer. */
        JUC_SCHEDULED_EXECUTOR_PER_TIMER {
            @Override
            OneShot create() {
                return new ExecutorPerTimer();
            }
        };

        abstract OneShot create();
    }

    @Param
    public TimerType type;

    private OneShot timers;

    @Setup
    public void setUp() {
        timers = type.create();
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        timers.close();
    }

    /** Create, start, cancel, wait for the end. */
    @Benchmark
    public boolean startCancelJoin() throws InterruptedException {
        return timers.armAndCancel();
    }

    private static final class PyTimer implements OneShot {
        @Override
        public boolean armAndCancel() throws InterruptedException {
            Timer timer = new Timer(INTERVAL, TASK);
            timer.setDaemon(true);
            timer.start();
            timer.cancel();
            timer.join();
            return !timer.fired();
        }

        @Override
        public void close() {
        }
    }

    private static final class SharedExecutor implements OneShot {
        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DAEMONS);

        SharedExecutor() {
            executor.setRemoveOnCancelPolicy(true);
            executor.prestartAllCoreThreads();
        }

        @Override
        public boolean armAndCancel() {
            ScheduledFuture<?> future = executor.schedule(TASK, INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            return future.cancel(false);
        }

        @Override
        public void close() throws InterruptedException {
            executor.shutdownNow();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static final class ExecutorPerTimer implements OneShot {
        @Override
        public boolean armAndCancel() throws InterruptedException {
            var executor = new ScheduledThreadPoolExecutor(1, DAEMONS);
            executor.setRemoveOnCancelPolicy(true);
            ScheduledFuture<?> future = executor.schedule(TASK, INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            boolean cancelled = future.cancel(false);
            executor.shutdown();
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("executor did not terminate: " + executor);
            }
            return cancelled;
        }

        @Override
        public void close() {
        }
    }
}
