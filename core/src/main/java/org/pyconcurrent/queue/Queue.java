package org.pyconcurrent.queue;

import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.queue.Items;
import org.pyconcurrent.internal.queue.QueueCore;
import org.pyconcurrent.internal.queue.QueueCores;

/**
 * Python's {@code queue.Queue}: a first-in, first-out queue for handing items between threads,
 * optionally bounded, with task tracking ({@link #taskDone()} / {@link #join()}) and Python
 * 3.13's {@link #shutdown(boolean) shutdown}. {@link LifoQueue} and {@link PriorityQueue} are the
 * same queue with another order.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(10);   // Python: q = queue.Queue(10)
 * q.put("job");                        // blocks while the queue is full
 * String job = q.get();                // blocks while it is empty
 * q.taskDone();                        // the item is processed
 * q.join();                            // every item put so far is processed
 * }</pre>
 *
 * <h2>Blocking forms</h2>
 * Each of {@code put} and {@code get} comes in four forms, as in Python: without timeout (waits as
 * long as it takes), with a {@link Duration} ({@code Full} / {@code Empty} when it runs out; zero
 * does not wait; negative is an {@link IllegalArgumentException}), with {@code block=false}, and
 * as {@code putNowait} / {@code getNowait}. A thread interrupted while it waits gets an
 * {@link InterruptedException} and the queue is unchanged; a call that need not wait does not
 * look at the interrupt status.
 *
 * <h2>{@code None} as a sentinel</h2>
 * Python programs often {@code put(None)} to tell consumers to stop. {@code put(null)} does the
 * same here, and {@code get()} returns {@code null} for it; so {@code get()} never uses null to mean
 * "nothing" (that is what {@link Empty} is for). The {@link #asBlockingQueue() BlockingQueue view}
 * follows the JDK's rule instead and refuses null.
 *
 * <h2>Implementation</h2>
 * The {@link Backend} chosen at construction decides how; without one, the queue gets the faster
 * backend for its kind ({@link Backend#fastestFor}). {@link Backend#LOCK_FREE} never takes a lock
 * on a put or get that need not wait. Either way {@code put}, {@code get},
 * {@code taskDone} and {@code shutdown} are linearizable: each takes effect at one instant
 * between its start and its return. {@code qsize()} (and {@code empty()}, {@code full()}) is,
 * as in Python, only a snapshot: on {@code LOCK_FREE} it counts an item from the moment its
 * producer has claimed room for it, a moment before a consumer can take it.
 *
 * <p>Memory consistency effects: actions in a thread prior to placing an item into a queue
 * <i>happen-before</i> actions subsequent to the retrieval of that item in another thread, and
 * actions prior to {@code taskDone()} <i>happen-before</i> actions after a {@code join()} that it
 * releases.
 *
 * @param <E> the type of the items
 */
public class Queue<E> {
    private final QueueCore core;
    private final Backend backend;

    /** Python's {@code Queue()}: an unbounded queue on the faster backend for it. */
    public Queue() {
        this(0);
    }

    /**
     * Python's {@code Queue(maxsize)}, on the faster backend for it ({@link Backend#fastestFor}).
     *
     * @param maxsize most items the queue holds; 0 or less means no limit, as in Python
     */
    public Queue(int maxsize) {
        this(maxsize, Backend.fastestFor(Queue.class, maxsize));
    }

    /**
     * A queue on a chosen backend.
     *
     * @param maxsize most items the queue holds; 0 or less means no limit
     * @param backend which implementation to use
     * @throws NullPointerException if {@code backend} is null
     */
    public Queue(int maxsize, Backend backend) {
        this(QueueCores.Order.FIFO, maxsize, null, backend);
    }

    Queue(QueueCores.Order order, int maxsize, Comparator<Object> priority, Backend backend) {
        this.core = QueueCores.create(order, maxsize, priority, true, backend);
        this.backend = backend;
    }

    /** A check a subclass makes on each item before it is put; the default accepts anything. */
    void check(E item) {
    }

    // ---------------------------------------------------------------- put

    /**
     * Puts an item, waiting as long as it takes for a free slot. {@code null} is Python's
     * {@code None} and is accepted.
     *
     * @throws ShutDown if the queue is shut down, or is shut down while this call waits
     * @throws InterruptedException if interrupted while waiting; nothing was put
     */
    public final void put(E item) throws InterruptedException {
        check(item);
        core.offer(Items.mask(item), QueueCore.FOREVER);
    }

    /**
     * Python's {@code put(item, block)}: with {@code block=true} as {@link #put(Object)}, with
     * {@code false} as {@link #putNowait(Object)}.
     *
     * @throws Full if {@code block} is false and the queue is full
     * @throws ShutDown if the queue is shut down
     * @throws InterruptedException if interrupted while waiting; nothing was put
     */
    public final void put(E item, boolean block) throws InterruptedException {
        if (block) {
            put(item);
        } else {
            putNowait(item);
        }
    }

    /**
     * Python's {@code put(item, timeout=...)}: waits at most {@code timeout} for a free slot.
     *
     * @throws Full if the queue was still full when the timeout ran out (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ShutDown if the queue is shut down, or is shut down while this call waits
     * @throws InterruptedException if interrupted while waiting; nothing was put
     */
    public final void put(E item, Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        check(item);
        if (!core.offer(Items.mask(item), nanos)) {
            throw new Full("queue still full after waiting " + timeout + " (maxsize=" + maxsize() + ")");
        }
    }

    /**
     * Python's {@code put_nowait(item)}: puts the item only if a slot is free now.
     *
     * @throws Full if the queue is full
     * @throws ShutDown if the queue is shut down
     */
    public final void putNowait(E item) {
        check(item);
        try {
            if (!core.offer(Items.mask(item), 0L)) {
                throw new Full("queue is full (maxsize=" + maxsize() + ")");
            }
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("a put that does not wait was interrupted", cannotHappen);
        }
    }

    // ---------------------------------------------------------------- get

    /**
     * Removes and returns the next item, waiting as long as it takes for one. Returns
     * {@code null} only for an item that was put as {@code null} (Python's {@code None}).
     *
     * @throws ShutDown if the queue is shut down and empty, or becomes so while this call waits
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get() throws InterruptedException {
        return Takes.get(core);
    }

    /**
     * Python's {@code get(block)}: with {@code block=true} as {@link #get()}, with {@code false}
     * as {@link #getNowait()}.
     *
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws ShutDown if the queue is shut down and empty
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get(boolean block) throws InterruptedException {
        return block ? get() : getNowait();
    }

    /**
     * Python's {@code get(timeout=...)}: waits at most {@code timeout} for an item.
     *
     * @throws Empty if no item arrived before the timeout ran out (at once for zero)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ShutDown if the queue is shut down and empty, or becomes so while this call waits
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     */
    public final E get(Duration timeout) throws InterruptedException {
        return Takes.get(core, timeout);
    }

    /**
     * Python's {@code get_nowait()}: removes and returns the next item if there is one now.
     *
     * @throws Empty if the queue is empty
     * @throws ShutDown if the queue is shut down and empty
     */
    public final E getNowait() {
        return Takes.getNowait(core);
    }

    // ---------------------------------------------------------------- size

    /**
     * Python's {@code qsize()}: how many items the queue holds. Like Python's, the answer may be
     * out of date as soon as it returns if other threads are putting or getting.
     */
    public final int qsize() {
        return core.size();
    }

    /** Python's {@code empty()}: whether {@link #qsize()} is 0. */
    public final boolean empty() {
        return core.size() == 0;
    }

    /** Python's {@code full()}: whether the queue is bounded and holds {@link #maxsize()} items. */
    public final boolean full() {
        int max = core.maxsize();
        return max > 0 && core.size() >= max;
    }

    /** Python's {@code maxsize}: the bound given at construction, or 0 if unbounded. */
    public final int maxsize() {
        return core.maxsize();
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Python's {@code task_done()}: tells the queue that one item taken from it has been
     * processed. Every {@code put} adds one unfinished task; each call removes one.
     *
     * @throws IllegalArgumentException if called more times than items were put
     *     ("taskDone() called too many times"; Python raises ValueError)
     */
    public final void taskDone() {
        core.taskDone();
    }

    /**
     * Python's {@code join()}: blocks until every item put into the queue has been marked done by
     * {@link #taskDone()}. Returns at once if none is unfinished; may be called again later.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public final void join() throws InterruptedException {
        core.join();
    }

    /** Python's {@code unfinished_tasks}: items put and not yet marked done. */
    public final long unfinishedTasks() {
        return core.unfinishedTasks();
    }

    // ---------------------------------------------------------------- shutdown

    /** Python 3.13's {@code shutdown()}: the same as {@code shutdown(false)}. */
    public final void shutdown() {
        shutdown(false);
    }

    /**
     * Python 3.13's {@code shutdown(immediate)}. From now on {@code put} raises {@link ShutDown}
     * at once, and so does a {@code put} waiting for room. With {@code immediate=false},
     * {@code get} goes on returning the items left and raises {@code ShutDown} once the queue is
     * empty. With {@code immediate=true} the queue is emptied now, each removed item is marked
     * done as by {@link #taskDone()} (so {@link #join()} returns once the items already taken
     * are done too), and every {@code get} raises {@code ShutDown}. Every thread blocked in
     * {@code get} or {@code put} wakes up. Calling it again does no harm (and can make a shutdown
     * immediate).
     */
    public final void shutdown(boolean immediate) {
        core.shutdown(immediate);
    }

    /** Python 3.13's {@code is_shutdown}. */
    public final boolean isShutdown() {
        return core.isShutdown();
    }

    // ---------------------------------------------------------------- Java

    /**
     * This queue as a {@link BlockingQueue}, for Java code that expects one. Its operations are
     * this queue's: {@code put}/{@code take} are {@link #put(Object)}/{@link #get()},
     * {@code offer}/{@code poll} with or without timeout return {@code false}/{@code null} where
     * Python's raise {@link Full}/{@link Empty}, and every item put through it is a task for
     * {@link #join()}. Unlike the Python API it follows the JDK's null rule: inserting null
     * throws {@link NullPointerException}. Items this queue holds as {@code null} (Python's
     * {@code None}) come out of the view as null, which its {@code poll} cannot tell from "empty";
     * code that shares a queue with Java collections should use a sentinel object instead. After
     * {@link #shutdown()} its inserting methods throw {@link ShutDown}. Removing an item from the
     * middle ({@code remove(Object)}, {@code iterator().remove()}) is not supported.
     */
    public final BlockingQueue<E> asBlockingQueue() {
        return new BlockingQueueView<>(core, this::check);
    }

    /** The backend this queue was built on. */
    public final Backend backend() {
        return backend;
    }

    /** For example {@code Queue(maxsize=10, qsize=3)}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(maxsize=" + maxsize() + ", qsize=" + qsize() + ")";
    }
}
