package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;

/**
 * A {@code queue.Queue} held in a manager, from {@link SyncManager#queue()} and
 * {@link SyncManager#joinableQueue()} (CPython's manager queues are {@code queue.Queue}s, with
 * {@code task_done}, {@code join} and, since 3.13, {@code shutdown}). Items travel serialized. A
 * blocking call waits in the server and can be interrupted there: an interrupted {@code get}
 * takes nothing, an interrupted {@code put} puts nothing.
 *
 * @param <E> the items
 */
public final class QueueProxy<E> extends BaseProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    QueueProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.QUEUE;
    }

    /**
     * Python's {@code put(item)}: waits while the queue is full.
     *
     * @param item the item
     * @throws InterruptedException if interrupted while waiting
     */
    public void put(E item) throws InterruptedException {
        callWaiting("put", item);
    }

    /**
     * Python's {@code put(item, block)}.
     *
     * @param item the item
     * @param block whether to wait while the queue is full
     * @throws Full if not blocking and the queue is full
     * @throws InterruptedException if interrupted while waiting
     */
    public void put(E item, boolean block) throws InterruptedException {
        if (!block) {
            putNowait(item);
        } else {
            put(item);
        }
    }

    /**
     * Python's {@code put(item, timeout=t)}.
     *
     * @param item the item
     * @param timeout the longest wait
     * @throws Full if the queue is still full when the time runs out
     * @throws InterruptedException if interrupted while waiting
     */
    public void put(E item, Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        callWaiting("put", item, timeout);
    }

    /**
     * Python's {@code put_nowait(item)}.
     *
     * @param item the item
     * @throws Full if the queue is full
     */
    public void putNowait(E item) {
        call("putNowait", item);
    }

    /**
     * Python's {@code get()}: waits for an item.
     *
     * @return the item
     * @throws InterruptedException if interrupted while waiting (nothing is taken)
     */
    @SuppressWarnings("unchecked")
    public E get() throws InterruptedException {
        return (E) callWaiting("get");
    }

    /**
     * Python's {@code get(block)}.
     *
     * @param block whether to wait for an item
     * @return the item
     * @throws Empty if not blocking and the queue is empty
     * @throws InterruptedException if interrupted while waiting
     */
    public E get(boolean block) throws InterruptedException {
        return block ? get() : getNowait();
    }

    /**
     * Python's {@code get(timeout=t)}.
     *
     * @param timeout the longest wait
     * @return the item
     * @throws Empty if no item came in time
     * @throws InterruptedException if interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    public E get(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        return (E) callWaiting("get", timeout);
    }

    /**
     * Python's {@code get_nowait()}.
     *
     * @return the item
     * @throws Empty if the queue is empty
     */
    @SuppressWarnings("unchecked")
    public E getNowait() {
        return (E) call("getNowait");
    }

    /**
     * Python's {@code qsize()}.
     *
     * @return the number of items
     */
    public int qsize() {
        return (Integer) call("qsize");
    }

    /**
     * Python's {@code empty()}.
     *
     * @return whether the queue is empty
     */
    public boolean empty() {
        return (Boolean) call("empty");
    }

    /**
     * Python's {@code full()}.
     *
     * @return whether the queue is full
     */
    public boolean full() {
        return (Boolean) call("full");
    }

    /**
     * Python's {@code maxsize}.
     *
     * @return the bound, or 0 for none
     */
    public int maxsize() {
        return (Integer) call("maxsize");
    }

    /**
     * Python's {@code task_done()}.
     *
     * @throws IllegalArgumentException if called more times than items were put (Python's
     *     ValueError)
     */
    public void taskDone() {
        call("taskDone");
    }

    /**
     * Python's {@code join()}: waits until every item put has been marked done.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        callWaiting("join");
    }

    /**
     * Python 3.13's {@code shutdown()}: later puts raise {@link org.pyconcurrent.queue.ShutDown}
     * at once, gets drain what is left and then raise it; every blocked putter in any process is
     * woken with it.
     */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Python 3.13's {@code shutdown(immediate)}: with {@code immediate}, also empties the queue,
     * marks its items done (releasing {@code join()}) and wakes every blocked getter with
     * {@link org.pyconcurrent.queue.ShutDown}.
     *
     * @param immediate whether to drop the items still queued
     */
    public void shutdown(boolean immediate) {
        call("shutdown", immediate);
    }

    /**
     * Python 3.13's {@code is_shutdown}.
     *
     * @return whether {@link #shutdown} was called
     */
    public boolean isShutdown() {
        return (Boolean) call("isShutdown");
    }
}
