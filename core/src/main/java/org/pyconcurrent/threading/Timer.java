package org.pyconcurrent.threading;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.internal.Timeouts;

/**
 * Python's {@code threading.Timer}: runs a function once, in a thread of its own, after an
 * interval, unless {@link #cancel() cancelled} first.
 *
 * <p>{@code cancel()} before the function has started guarantees it never runs; after that it has
 * no effect. The choice between firing and cancelling is one atomic step, so there is no window in
 * which both happen. Python's {@code args} become a lambda:
 * {@code new Timer(Duration.ofSeconds(1), () -> hello("Bruce"))}.
 *
 * <p>Like Python's, the timer's thread takes its daemon flag from the thread that creates the
 * timer (a non-daemon timer keeps the JVM alive until it fires or is cancelled); change it with
 * {@link #setDaemon(boolean)} before {@link #start()}. An exception thrown by the function goes to
 * the thread's uncaught-exception handler, as Python's goes to {@code threading.excepthook}.
 * Interrupting the timer's thread while it waits cancels it.
 *
 * <p>Memory consistency effects: actions prior to {@code start()} <i>happen-before</i> the
 * function runs; actions of the function <i>happen-before</i> a successful return of
 * {@code join}.
 */
public final class Timer {
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final int NEW = 0;
    private static final int WAITING = 1;
    private static final int FIRED = 2;
    private static final int CANCELLED = 3;

    private final Duration interval;
    private final Runnable function;
    private final Event cancelled = new Event();
    private final AtomicInteger state = new AtomicInteger(NEW);
    private volatile String name;
    private volatile boolean daemon;
    private volatile Thread thread;

    /**
     * Creates a timer that, once started, runs {@code function} after {@code interval}.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     * @throws NullPointerException if an argument is null
     */
    public Timer(Duration interval, Runnable function) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must be a non-negative duration, got " + interval);
        }
        this.interval = interval;
        this.function = Objects.requireNonNull(function, "function");
        this.name = "Timer-" + NUMBER.incrementAndGet();
        this.daemon = Thread.currentThread().isDaemon();
    }

    /**
     * Starts the timer's thread; the interval counts from now.
     *
     * @throws IllegalStateException if the timer was started before
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("timer " + name + " can only be started once");
        }
        Thread t = Thread.ofPlatform().name(name).daemon(daemon).unstarted(this::run);
        thread = t;
        t.start();
    }

    private void run() {
        try {
            if (cancelled.await(interval)) {
                return;
            }
        } catch (InterruptedException e) {
            state.compareAndSet(NEW, CANCELLED);
            return;
        }
        if (state.compareAndSet(NEW, FIRED)) {
            function.run();
        }
    }

    /**
     * Stops the timer if its function has not started yet; otherwise does nothing. May be called
     * before {@link #start()}: the function then never runs.
     */
    public void cancel() {
        if (state.compareAndSet(NEW, CANCELLED)) {
            cancelled.set();
        }
    }

    /**
     * Waits until the timer's thread has ended (fired or cancelled).
     *
     * @throws IllegalStateException if the timer was not started, or the caller is the timer's own
     *     thread (Python: RuntimeError "cannot join current thread")
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public void join() throws InterruptedException {
        started("join").join();
    }

    /**
     * Waits at most {@code timeout} for the timer's thread to end.
     *
     * @return whether it has ended
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the timer was not started, or the caller is its own thread
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        Thread t = started("join");
        return nanos == 0 ? !t.isAlive() : t.join(Duration.ofNanos(nanos));
    }

    /** Whether the timer's thread has started and not yet ended. */
    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Whether the function ran (or is running): the timer fired rather than being cancelled. */
    public boolean fired() {
        return state.get() == FIRED;
    }

    /** The name of the timer's thread. */
    public String getName() {
        return name;
    }

    /**
     * Names the timer's thread.
     *
     * @throws IllegalStateException if the timer was started
     */
    public synchronized void setName(String name) {
        Objects.requireNonNull(name, "name");
        notStarted("name");
        this.name = name;
    }

    /** Whether the timer's thread is (or will be) a daemon thread. */
    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Python's {@code timer.daemon = flag}: whether the timer's thread keeps the JVM alive.
     *
     * @throws IllegalStateException if the timer was started
     */
    public synchronized void setDaemon(boolean daemon) {
        notStarted("daemon");
        this.daemon = daemon;
    }

    private Thread started(String operation) {
        Thread t = thread;
        if (t == null) {
            throw new IllegalStateException("cannot " + operation + " timer " + name + " before it is started");
        }
        if (t == Thread.currentThread()) {
            throw new IllegalStateException("cannot " + operation + " timer " + name
                    + " from its own thread: it would wait for itself forever");
        }
        return t;
    }

    private void notStarted(String property) {
        if (thread != null) {
            throw new IllegalStateException("cannot set " + property + " of timer " + name + " after it is started");
        }
    }

    @Override
    public String toString() {
        String status = thread == null ? "initial" : isAlive() ? "started" : "stopped";
        return "<Timer(" + name + ", " + status + (daemon ? " daemon" : "") + ") interval=" + interval + ">";
    }
}
