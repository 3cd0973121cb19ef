package org.pyconcurrent.threading;

import java.time.Duration;

/**
 * Something that is acquired and released: Python's lock protocol ({@code acquire(blocking=True,
 * timeout=-1)}, {@code release()}, {@code with x:}), shared by {@link Lock}, {@link RLock},
 * {@link Semaphore}, {@link BoundedSemaphore} and {@link Condition}, and by their
 * {@code multiprocessing} counterparts.
 *
 * <p>Python's keyword arguments become overloads: {@code acquire()} blocks,
 * {@code acquire(false)} never blocks, {@code acquire(Duration)} waits at most that long, and
 * {@code acquire(boolean, Duration)} keeps Python's rule that a non-blocking call takes no
 * timeout. Python's {@code with lock:} becomes {@code try (var held = lock.with()) { ... }}.
 *
 * <p>Every blocking form throws {@link InterruptedException} if the calling thread is interrupted
 * before or while it waits, and then has acquired nothing.
 *
 * <p>Memory consistency effects: actions in a thread prior to a successful {@code release()}
 * <i>happen-before</i> actions following the successful acquire that it enables in another thread.
 * See the {@linkplain org.pyconcurrent.threading package documentation}.
 */
public interface Acquirable {

    /**
     * Acquires, blocking for as long as it takes (Python: {@code acquire()}).
     *
     * @throws InterruptedException if the calling thread is interrupted; nothing is acquired then
     */
    void acquire() throws InterruptedException;

    /**
     * Python's {@code acquire(blocking)}: with {@code true} the same as {@link #acquire()}; with
     * {@code false} acquires only if that is possible at once, never waits, and never throws
     * {@code InterruptedException}.
     *
     * @param blocking whether to wait
     * @return whether it was acquired ({@code true} whenever {@code blocking} is {@code true})
     * @throws InterruptedException if {@code blocking} and the thread is interrupted
     */
    boolean acquire(boolean blocking) throws InterruptedException;

    /**
     * Python's {@code acquire(timeout=t)}: waits at most {@code timeout}. A zero timeout does not
     * wait at all.
     *
     * @param timeout how long to wait at most; not negative
     * @return {@code true} if acquired, {@code false} if the timeout elapsed first
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean acquire(Duration timeout) throws InterruptedException;

    /**
     * Python's {@code acquire(blocking, timeout)} with both arguments. A {@code null} timeout means
     * none was given.
     *
     * @param blocking whether to wait
     * @param timeout how long to wait at most, or {@code null} for no limit
     * @return whether it was acquired
     * @throws IllegalArgumentException if {@code blocking} is {@code false} and a timeout is given
     *     (Python: "can't specify a timeout for a non-blocking call"), or the timeout is negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    default boolean acquire(boolean blocking, Duration timeout) throws InterruptedException {
        if (timeout == null) {
            return acquire(blocking);
        }
        if (!blocking) {
            throw new IllegalArgumentException(
                    "can't specify a timeout (" + timeout + ") for a non-blocking acquire");
        }
        return acquire(timeout);
    }

    /**
     * Releases once (Python: {@code release()}). What counts as an error depends on the type: an
     * unlocked {@link Lock}, an {@link RLock} the caller does not own, a {@link BoundedSemaphore}
     * at its initial value.
     */
    void release();

    /**
     * Python's {@code with x:}. Acquires, blocking, and returns a handle whose
     * {@link Held#close() close()} releases once:
     * <pre>{@code
     * try (var held = lock.with()) {
     *     balance += n;
     * }
     * }</pre>
     *
     * @return the handle that releases on close
     * @throws InterruptedException if the thread is interrupted while waiting; nothing is held then
     */
    default Held with() throws InterruptedException {
        acquire();
        return new Held(this);
    }
}
