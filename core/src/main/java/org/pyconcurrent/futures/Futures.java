package org.pyconcurrent.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pyconcurrent.internal.Timeouts;

/**
 * The module functions of {@code concurrent.futures}: {@code wait} and {@code as_completed}.
 *
 * <p>{@code wait} keeps Python's name. It is static and takes a collection first, so it cannot be
 * confused with {@link Object#wait()}: {@code Futures.wait(5)} does not compile.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * Python's {@code wait(fs)}: waits until every future is done.
     *
     * @param fs the futures (a future given twice counts once)
     * @param <F> the future type
     * @return the done and not-done futures
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> fs)
            throws InterruptedException {
        return waitFor(fs, -1L, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Python's {@code wait(fs, return_when=...)}, without a time limit.
     *
     * @param fs the futures (a future given twice counts once)
     * @param returnWhen when to return
     * @param <F> the future type
     * @return the done and not-done futures
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> fs,
            ReturnWhen returnWhen) throws InterruptedException {
        return waitFor(fs, -1L, returnWhen);
    }

    /**
     * Python's {@code wait(fs, timeout)}: waits until every future is done or the time is up.
     *
     * @param fs the futures (a future given twice counts once)
     * @param timeout the most to wait; zero does not wait
     * @param <F> the future type
     * @return the done and not-done futures; on a timeout, the partial split
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> fs,
            Duration timeout) throws InterruptedException {
        return waitFor(fs, Timeouts.toNanos(timeout), ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Python's {@code wait(fs, timeout, return_when)}.
     *
     * @param fs the futures (a future given twice counts once)
     * @param timeout the most to wait; zero does not wait
     * @param returnWhen when to return
     * @param <F> the future type
     * @return the done and not-done futures; on a timeout, the partial split
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws NullPointerException if an argument or a future is null
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> fs,
            Duration timeout, ReturnWhen returnWhen) throws InterruptedException {
        return waitFor(fs, Timeouts.toNanos(timeout), returnWhen);
    }

    /**
     * Python's {@code as_completed(fs)}: yields each future once as it completes, those already
     * done first. Iterating blocks; an interrupt while blocked ends it with a
     * {@link java.util.concurrent.CompletionException} caused by {@link InterruptedException},
     * the thread's interrupt flag set again.
     *
     * @param fs the futures (a future given twice is yielded once)
     * @param <F> the future type
     * @return a one-shot iterator, also usable in a for-each loop
     */
    public static <F extends Future<?>> AsCompleted<F> asCompleted(Collection<? extends F> fs) {
        return new AsCompleted<>(distinct(fs), -1L);
    }

    /**
     * Python's {@code as_completed(fs, timeout)}: as {@link #asCompleted(Collection)}, and
     * throws {@link TimeoutError} naming how many of how many futures are unfinished once
     * {@code timeout}, counted from this call, has passed.
     *
     * @param fs the futures (a future given twice is yielded once)
     * @param timeout the most the whole iteration may take
     * @param <F> the future type
     * @return a one-shot iterator, also usable in a for-each loop
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <F extends Future<?>> AsCompleted<F> asCompleted(Collection<? extends F> fs,
            Duration timeout) {
        return new AsCompleted<>(distinct(fs), Timeouts.toNanos(timeout));
    }

    static <F extends Future<?>> Set<F> distinct(Collection<? extends F> fs) {
        Objects.requireNonNull(fs, "fs");
        Set<F> set = new LinkedHashSet<>();
        for (F f : fs) {
            set.add(Objects.requireNonNull(f, "a future in fs is null"));
        }
        return set;
    }

    private static <F extends Future<?>> DoneAndNotDone<F> waitFor(Collection<? extends F> fs,
            long nanos, ReturnWhen returnWhen) throws InterruptedException {
        Objects.requireNonNull(returnWhen, "returnWhen");
        Set<F> all = distinct(fs);
        Set<F> done = new LinkedHashSet<>();
        LinkedBlockingQueue<F> finished = new LinkedBlockingQueue<>();
        List<Object> handles = new ArrayList<>(all.size());
        List<F> registered = new ArrayList<>(all.size());
        try {
            for (F f : all) {
                Object handle = f.addListener(() -> finished.add(f));
                if (handle != null) {
                    handles.add(handle);
                    registered.add(f);
                }
            }
            long deadline = nanos < 0 ? 0L : System.nanoTime() + nanos;
            for (;;) {
                finished.drainTo(done);
                if (satisfied(returnWhen, done, all.size())) {
                    break;
                }
                F next;
                if (nanos < 0) {
                    next = finished.take();
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        break;
                    }
                    next = finished.poll(remaining, TimeUnit.NANOSECONDS);
                }
                if (next != null) {
                    done.add(next);
                }
            }
        } finally {
            for (int i = 0; i < handles.size(); i++) {
                registered.get(i).removeListener(handles.get(i));
            }
        }
        Set<F> doneInOrder = new LinkedHashSet<>();
        Set<F> notDone = new LinkedHashSet<>();
        for (F f : all) {
            (done.contains(f) ? doneInOrder : notDone).add(f);
        }
        return new DoneAndNotDone<>(doneInOrder, notDone);
    }

    private static boolean satisfied(ReturnWhen returnWhen, Set<? extends Future<?>> done, int total) {
        if (done.size() == total) {
            return true;
        }
        return switch (returnWhen) {
            case FIRST_COMPLETED -> !done.isEmpty();
            case FIRST_EXCEPTION -> done.stream().anyMatch(f -> f.failureNow() != null);
            case ALL_COMPLETED -> false;
        };
    }
}
