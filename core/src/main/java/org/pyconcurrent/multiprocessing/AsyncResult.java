package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pyconcurrent.futures.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code multiprocessing.pool.AsyncResult}: the eventual result of
 * {@link WorkerPool#applyAsync} or {@link WorkerPool#mapAsync}.
 *
 * <p>A callback or error callback given with the call runs in the pool's result-handler thread,
 * never in a worker, before the result becomes {@link #ready()}: once {@link #get()} returns,
 * the callback has run. A callback that throws is logged through SLF4J; the result is unchanged
 * and the pool goes on (CPython's result handler would die).
 *
 * <h2>Memory consistency effects</h2>
 * The task's actions <i>happen-before</i> its callback runs, which <i>happens-before</i> any
 * thread returns from {@link #get()} or sees {@link #ready()} as true.
 *
 * @param <R> the result type
 */
public class AsyncResult<R> {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncResult.class);

    private final Future<R> future = new Future<>();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final Consumer<? super R> callback;
    private final Consumer<? super Throwable> errorCallback;
    private final ResultHandler handler;

    AsyncResult(ResultHandler handler, Consumer<? super R> callback,
            Consumer<? super Throwable> errorCallback) {
        this.handler = handler;
        this.callback = callback;
        this.errorCallback = errorCallback;
    }

    /**
     * Python's {@code get()}: waits for the result and returns it.
     *
     * @return the result
     * @throws RuntimeException the task's own unchecked exception or error, as Python re-raises
     *     it; a checked one inside a {@link java.util.concurrent.CompletionException}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public R get() throws InterruptedException {
        return future.result();
    }

    /**
     * Python's {@code get(timeout)}.
     *
     * @param timeout how long to wait; zero does not wait
     * @return the result
     * @throws TimeoutError if the result is not ready within {@code timeout}
     * @throws RuntimeException the task's own exception, as {@link #get()}
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public R get(Duration timeout) throws InterruptedException {
        if (!await(timeout)) {
            throw new TimeoutError("result not ready after " + timeout);
        }
        return future.result();
    }

    /**
     * Python's {@code wait()}: waits until the result is ready.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void await() throws InterruptedException {
        future.exception();
    }

    /**
     * Python's {@code wait(timeout)}: waits until the result is ready or the time is up.
     *
     * @param timeout how long to wait; zero does not wait
     * @return whether the result is ready (Python returns None; test {@link #ready()} there)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            future.exception(timeout);
            return true;
        } catch (org.pyconcurrent.futures.TimeoutError notYet) {
            return false;
        }
    }

    /**
     * Python's {@code ready()}.
     *
     * @return whether the call has completed
     */
    public boolean ready() {
        return future.done();
    }

    /**
     * Python's {@code successful()}.
     *
     * @return whether the call completed without raising an exception
     * @throws IllegalStateException if the result is not ready (Python: ValueError)
     */
    public boolean successful() {
        if (!future.done()) {
            throw new IllegalStateException(this + " not ready");
        }
        try {
            return future.exception() == null;
        } catch (InterruptedException cannotHappen) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * Returns a {@link java.util.concurrent.CompletableFuture} that completes as this result does,
     * for Java code that composes results (Python's AsyncResult has no such form). Cancelling the
     * returned future does not stop the task; a pool task cannot be cancelled.
     *
     * @return a new CompletableFuture mirroring this result
     */
    public java.util.concurrent.CompletableFuture<R> toCompletableFuture() {
        java.util.concurrent.CompletableFuture<R> mirror = new java.util.concurrent.CompletableFuture<>();
        future.addDoneCallback(f -> {
            Throwable failure = f.exception();
            if (failure != null) {
                mirror.completeExceptionally(failure);
            } else {
                mirror.complete(f.result());
            }
        });
        return mirror;
    }

    @Override
    public String toString() {
        return "AsyncResult@" + Integer.toHexString(System.identityHashCode(this))
                + (ready() ? "[ready]" : "[pending]");
    }

    /**
     * Completes the result, unless it already is: with a callback, in the result-handler thread
     * (the callback first, as CPython does); otherwise at once, in this thread.
     *
     * @return whether this call completed it
     */
    boolean finish(R value, Throwable failure) {
        if (!finishing.compareAndSet(false, true)) {
            return false;
        }
        Consumer<?> todo = failure == null ? callback : errorCallback;
        if (todo == null) {
            publish(value, failure);
        } else {
            handler.post(() -> {
                runCallback(value, failure);
                publish(value, failure);
            });
        }
        return true;
    }

    /** Whether a call to {@link #finish} has been made. */
    boolean finishing() {
        return finishing.get();
    }

    private void runCallback(R value, Throwable failure) {
        try {
            if (failure == null) {
                callback.accept(value);
            } else {
                errorCallback.accept(failure);
            }
        } catch (Throwable t) {
            LOG.error("exception in the callback of {}", this, t);
        }
    }

    private void publish(R value, Throwable failure) {
        if (failure == null) {
            future.setResult(value);
        } else {
            future.setException(failure);
        }
    }
}
