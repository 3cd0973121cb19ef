package org.pyconcurrent.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.pyconcurrent.internal.Outcomes;
import org.pyconcurrent.internal.Timeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code concurrent.futures.Future}: the eventual result of a call, pending, running,
 * cancelled or finished with a result or an exception.
 *
 * <p>Executors create futures ({@link ThreadPoolExecutor#submit}); the setters
 * {@link #setRunningOrNotifyCancel()}, {@link #setResult} and {@link #setException} are, as in
 * Python, for executor implementations and tests.
 *
 * <p>It is a {@link java.util.concurrent.Future}: {@link #get()} wraps a failure in
 * {@link ExecutionException} and {@link #get(long, TimeUnit)} throws the checked
 * {@link TimeoutException}, as that interface promises, while the Python forms {@link #result()}
 * and {@link #exception()} behave as in Python. {@link #toCompletableFuture()} adapts it for
 * {@code CompletableFuture} pipelines.
 *
 * <h2>Callbacks</h2>
 * {@link #addDoneCallback} callbacks run exactly once each, in the order they were added, in the
 * thread that completes or cancels the future, or at once in the adding thread if the future is
 * already done. A callback that throws is logged through SLF4J and the others still run.
 *
 * <h2>Memory consistency effects</h2>
 * Actions in the thread that completes the future (the task's actions, then {@code setResult} or
 * {@code setException}) <i>happen-before</i> actions in any thread after it returns from
 * {@code result}, {@code exception}, {@code get}, or observes {@code done()} as true, and before
 * the callbacks run.
 *
 * @param <R> the result type
 */
public class Future<R> implements java.util.concurrent.Future<R> {
    private static final Logger LOG = LoggerFactory.getLogger(Future.class);

    static final int PENDING = 0;
    static final int RUNNING = 1;
    /** Claimed by setResult/setException; the outcome is being written. Not yet done. */
    static final int COMPLETING = 2;
    static final int CANCELLED = 3;
    static final int CANCELLED_AND_NOTIFIED = 4;
    static final int FINISHED = 5;

    private static final VarHandle STATE;
    private static final VarHandle STACK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Future.class, "state", int.class);
            STACK = lookup.findVarHandle(Future.class, "stack", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Marks the stack of a future whose waiters and callbacks have been released. */
    private static final Node RELEASED = new Node();

    private volatile int state;
    /** The result; written before {@code state} becomes FINISHED, read after seeing it. */
    private R result;
    /** The exception, or null; same publication as {@link #result}. */
    private Throwable failure;
    /** Waiting threads, listeners and callbacks, newest first; {@link #RELEASED} once done. */
    private volatile Node stack;

    /** Creates a pending future. */
    public Future() {
    }

    // ---------------------------------------------------------------- Python's query methods

    /**
     * Python's {@code cancel()}: cancels the future if it is still pending.
     *
     * @return true if the future is cancelled now (also if it already was); false if it is
     *     running or finished
     */
    public boolean cancel() {
        for (;;) {
            int s = state;
            if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
                return true;
            }
            if (s != PENDING) {
                return false;
            }
            if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
                release();
                return true;
            }
        }
    }

    /**
     * Python's {@code cancelled()}.
     *
     * @return true if the future was cancelled
     */
    public boolean cancelled() {
        int s = state;
        return s == CANCELLED || s == CANCELLED_AND_NOTIFIED;
    }

    /**
     * Python's {@code running()}.
     *
     * @return true if the call is running now and cannot be cancelled
     */
    public boolean running() {
        int s = state;
        return s == RUNNING || s == COMPLETING;
    }

    /**
     * Python's {@code done()}.
     *
     * @return true if the future finished or was cancelled
     */
    public boolean done() {
        return state >= CANCELLED;
    }

    /**
     * Python's {@code result()}: waits for the call to finish and returns its result.
     *
     * @return the call's result
     * @throws CancelledError if the future was cancelled
     * @throws RuntimeException the call's own unchecked exception or error, as Python re-raises
     *     it; a checked one inside a {@link java.util.concurrent.CompletionException}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public R result() throws InterruptedException {
        awaitDone(false, 0L);
        return report();
    }

    /**
     * Python's {@code result(timeout)}.
     *
     * @param timeout how long to wait; zero does not wait
     * @return the call's result
     * @throws TimeoutError if the future is not done within {@code timeout}
     * @throws CancelledError if the future was cancelled
     * @throws RuntimeException the call's own exception, as {@link #result()}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public R result(Duration timeout) throws InterruptedException {
        if (!awaitDone(true, Timeouts.toNanos(timeout))) {
            throw new TimeoutError(this + " not done after " + timeout);
        }
        return report();
    }

    /**
     * Python's {@code exception()}: waits for the call to finish and returns what it threw.
     *
     * @return the call's exception, or null if it returned normally
     * @throws CancelledError if the future was cancelled
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Throwable exception() throws InterruptedException {
        awaitDone(false, 0L);
        return reportException();
    }

    /**
     * Python's {@code exception(timeout)}.
     *
     * @param timeout how long to wait; zero does not wait
     * @return the call's exception, or null if it returned normally
     * @throws TimeoutError if the future is not done within {@code timeout}
     * @throws CancelledError if the future was cancelled
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Throwable exception(Duration timeout) throws InterruptedException {
        if (!awaitDone(true, Timeouts.toNanos(timeout))) {
            throw new TimeoutError(this + " not done after " + timeout);
        }
        return reportException();
    }

    /**
     * Python's {@code add_done_callback(fn)}: runs {@code fn} with this future once it is done
     * (at once, in this thread, if it already is). Each callback runs exactly once, in the order
     * added; one that throws (a checked exception too: a callback may call {@link #result()}
     * without catching) is logged and does not stop the others.
     *
     * @param fn the callback
     * @throws NullPointerException if {@code fn} is null
     */
    public void addDoneCallback(DoneCallback<R> fn) {
        Objects.requireNonNull(fn, "fn");
        if (!push(new CallbackNode<>(fn))) {
            invokeCallback(fn);
        }
    }

    // ---------------------------------------------------------------- setters, for executors

    /**
     * Python's {@code set_running_or_notify_cancel()}: an executor calls it before running the
     * call.
     *
     * @return true if the future is now running; false if it was cancelled (the call must not run)
     * @throws IllegalStateException if the future is already running or done
     */
    public boolean setRunningOrNotifyCancel() {
        if (STATE.compareAndSet(this, PENDING, RUNNING)) {
            return true;
        }
        if (STATE.compareAndSet(this, CANCELLED, CANCELLED_AND_NOTIFIED)) {
            return false;
        }
        throw new IllegalStateException("Future in unexpected state: " + this);
    }

    /**
     * Python's {@code set_result(result)}: completes the future normally.
     *
     * @param value the result (may be null, Python's {@code None})
     * @throws InvalidStateError if the future is already done or cancelled
     */
    public void setResult(R value) {
        if (!complete(value, null)) {
            throw new InvalidStateError("setResult on " + this);
        }
    }

    /**
     * Python's {@code set_exception(exception)}: completes the future with an exception.
     *
     * @param exception what the call threw
     * @throws NullPointerException if {@code exception} is null
     * @throws InvalidStateError if the future is already done or cancelled
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        if (!complete(null, exception)) {
            throw new InvalidStateError("setException on " + this);
        }
    }

    /**
     * Completes the future unless it is already done; for executors that may race with a
     * cancellation or a shutdown.
     *
     * @param value the result, used when {@code exception} is null
     * @param exception the failure, or null
     * @return true if this call completed the future
     */
    boolean complete(R value, Throwable exception) {
        for (;;) {
            int s = state;
            if (s >= COMPLETING) {
                return false;
            }
            if (STATE.compareAndSet(this, s, COMPLETING)) {
                break;
            }
        }
        result = value;
        failure = exception;
        state = FINISHED;
        release();
        return true;
    }

    // ---------------------------------------------------------------- java.util.concurrent.Future

    /**
     * Cancels as {@link #cancel()}: a running call is never interrupted (Python cannot cancel a
     * running call), so {@code mayInterruptIfRunning} is ignored.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel();
    }

    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    @Override
    public boolean isDone() {
        return done();
    }

    /** Waits and returns the result; a failure comes wrapped in {@link ExecutionException}. */
    @Override
    public R get() throws InterruptedException, ExecutionException {
        awaitDone(false, 0L);
        return reportJdk();
    }

    /** As {@link #get()}, throwing the checked {@link TimeoutException} when time runs out. */
    @Override
    public R get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!awaitDone(true, Math.max(0L, unit.toNanos(timeout)))) {
            throw new TimeoutException(this + " not done after " + timeout + " " + unit);
        }
        return reportJdk();
    }

    /**
     * Returns a {@link CompletableFuture} that completes as this future does; cancelling it
     * cancels this future if that is still possible.
     *
     * @return a new CompletableFuture mirroring this one
     */
    public CompletableFuture<R> toCompletableFuture() {
        CompletableFuture<R> mirror = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return Future.this.cancel() && super.cancel(mayInterruptIfRunning);
            }
        };
        addDoneCallback(f -> {
            int s = state;
            if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
                mirror.completeExceptionally(new CancelledError(this + " was cancelled"));
            } else if (failure != null) {
                mirror.completeExceptionally(failure);
            } else {
                mirror.complete(result);
            }
        });
        return mirror;
    }

    /** Returns Python's repr, such as {@code Future@1b6d3586[state=finished returned Integer]}. */
    @Override
    public String toString() {
        String at = "Future@" + Integer.toHexString(System.identityHashCode(this));
        return switch (state) {
            case PENDING -> at + "[state=pending]";
            case RUNNING, COMPLETING -> at + "[state=running]";
            case CANCELLED, CANCELLED_AND_NOTIFIED -> at + "[state=cancelled]";
            default -> failure != null
                    ? at + "[state=finished raised " + failure.getClass().getSimpleName() + "]"
                    : at + "[state=finished returned "
                            + (result == null ? "None" : result.getClass().getSimpleName()) + "]";
        };
    }

    // ---------------------------------------------------------------- listeners, for Futures

    /**
     * Registers {@code listener} to run when the future is done, before any user callback, or runs
     * it at once if it already is. Returns a handle for {@link #removeListener}, or null if it ran.
     */
    Object addListener(Runnable listener) {
        ListenerNode node = new ListenerNode(listener);
        if (push(node)) {
            return node;
        }
        listener.run();
        return null;
    }

    /** Forgets a listener added by {@link #addListener} that is no longer wanted. */
    void removeListener(Object handle) {
        if (handle instanceof ListenerNode node) {
            node.dead = true;
            unlinkDead();
        }
    }

    /** Returns the exception of a future that finished with one, else null; never waits. */
    Throwable failureNow() {
        return state == FINISHED ? failure : null;
    }

    // ---------------------------------------------------------------- internals

    private R report() {
        int s = state;
        if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
            throw new CancelledError(this + " was cancelled");
        }
        if (failure != null) {
            throw Outcomes.rethrow(failure);
        }
        return result;
    }

    private Throwable reportException() {
        int s = state;
        if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
            throw new CancelledError(this + " was cancelled");
        }
        return failure;
    }

    private R reportJdk() throws ExecutionException {
        int s = state;
        if (s == CANCELLED || s == CANCELLED_AND_NOTIFIED) {
            throw new CancelledError(this + " was cancelled");
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return result;
    }

    /**
     * Waits until the future is done, or until {@code nanos} have passed when {@code timed}.
     * Returns whether it is done.
     */
    private boolean awaitDone(boolean timed, long nanos) throws InterruptedException {
        if (state >= CANCELLED) {
            return true;
        }
        final long deadline = timed ? System.nanoTime() + nanos : 0L;
        WaiterNode waiter = null;
        boolean queued = false;
        for (;;) {
            if (Thread.interrupted()) {
                if (waiter != null) {
                    removeWaiter(waiter);
                }
                throw new InterruptedException();
            }
            if (state >= CANCELLED) {
                if (waiter != null) {
                    waiter.thread = null;
                }
                return true;
            }
            long remaining = timed ? deadline - System.nanoTime() : 1L;
            if (remaining <= 0L) {
                if (waiter != null) {
                    removeWaiter(waiter);
                }
                return state >= CANCELLED;
            }
            if (waiter == null) {
                waiter = new WaiterNode(Thread.currentThread());
            } else if (!queued) {
                queued = push(waiter);
            } else if (timed) {
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void removeWaiter(WaiterNode waiter) {
        waiter.thread = null;
        waiter.dead = true;
        unlinkDead();
    }

    /** Pushes {@code node} unless the future is done; returns whether it was pushed. */
    private boolean push(Node node) {
        for (;;) {
            Node head = stack;
            if (head == RELEASED) {
                return false;
            }
            node.next = head;
            if (STACK.compareAndSet(this, head, node)) {
                return true;
            }
        }
    }

    /**
     * Unlinks nodes marked dead, as FutureTask.removeWaiter does: interior nodes by plain unlinking
     * (retrying when the predecessor died meanwhile), the head by CAS.
     */
    private void unlinkDead() {
        retry:
        for (;;) {
            Node pred = null;
            for (Node q = stack, s; q != null && q != RELEASED; q = s) {
                s = q.next;
                if (!q.dead) {
                    pred = q;
                } else if (pred != null) {
                    pred.next = s;
                    if (pred.dead) {
                        continue retry;
                    }
                } else if (!STACK.compareAndSet(this, q, s)) {
                    continue retry;
                }
            }
            return;
        }
    }

    /**
     * Wakes every waiter, runs every listener, then every callback in the order added. The stack
     * is read, never relinked here: an {@link #unlinkDead} may still be walking it.
     */
    private void release() {
        Node head = (Node) STACK.getAndSet(this, RELEASED);
        if (head == null) {
            return;
        }
        if (head.next == null) {
            wake(head);
            runCallback(head);
            return;
        }
        ArrayList<Node> nodes = new ArrayList<>();
        for (Node q = head; q != null; q = q.next) {
            nodes.add(q);
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            wake(nodes.get(i));
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            runCallback(nodes.get(i));
        }
    }

    private static void wake(Node node) {
        if (node instanceof WaiterNode w) {
            Thread t = w.thread;
            if (t != null) {
                w.thread = null;
                LockSupport.unpark(t);
            }
        } else if (node instanceof ListenerNode l && !l.dead) {
            l.listener.run();
        }
    }

    private void runCallback(Node node) {
        if (node instanceof CallbackNode<?> c) {
            @SuppressWarnings("unchecked")
            DoneCallback<R> fn = (DoneCallback<R>) c.fn;
            invokeCallback(fn);
        }
    }

    private void invokeCallback(DoneCallback<R> fn) {
        try {
            fn.call(this);
        } catch (Throwable t) {
            LOG.error("exception calling callback for {}", this, t);
        }
    }

    /** A node of the waiter/callback stack. */
    private static class Node {
        volatile Node next;
        volatile boolean dead;
    }

    private static final class WaiterNode extends Node {
        volatile Thread thread;

        WaiterNode(Thread thread) {
            this.thread = thread;
        }
    }

    private static final class ListenerNode extends Node {
        final Runnable listener;

        ListenerNode(Runnable listener) {
            this.listener = listener;
        }
    }

    private static final class CallbackNode<R> extends Node {
        final DoneCallback<R> fn;

        CallbackNode(DoneCallback<R> fn) {
            this.fn = fn;
        }
    }
}
