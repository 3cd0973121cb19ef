package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import org.pyconcurrent.internal.shared.SharedQueue;

/**
 * Python's {@code multiprocessing.JoinableQueue}: a {@link Queue} with task tracking across
 * processes: {@link #taskDone()} in any process marks one item processed, {@link #join()} in any
 * process waits until every item put has been.
 *
 * <p>Memory consistency effects: actions prior to {@code taskDone()} <i>happen-before</i> actions
 * after the {@code join()} it releases, in any process.
 *
 * @param <E> the type of the items (serializable)
 */
public final class JoinableQueue<E> extends Queue<E> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** An unbounded joinable queue. */
    public JoinableQueue() {
        this(0);
    }

    /**
     * A joinable queue of at most {@code maxsize} items (0 or less: unbounded).
     *
     * @param maxsize the bound
     */
    public JoinableQueue(int maxsize) {
        super(SharedQueue.create(maxsize));
    }

    JoinableQueue(SharedQueue shared) {
        super(shared);
    }

    /**
     * Python's {@code task_done()}.
     *
     * @throws IllegalArgumentException if called more times than items were put
     * @throws IllegalStateException if this handle is closed or the holding process has exited
     */
    public void taskDone() {
        checkOpen();
        shared().taskDone();
    }

    /**
     * Python's {@code join()}: waits until every item put has been marked done.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the holding process has exited
     */
    public void join() throws InterruptedException {
        shared().join();
    }

    @Override
    @Serial
    Object writeReplace() {
        return new QueueForm(QueueForm.Kind.JOINABLE, shared().handle());
    }
}
