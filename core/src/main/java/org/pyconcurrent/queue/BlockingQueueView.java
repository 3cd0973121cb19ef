package org.pyconcurrent.queue;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pyconcurrent.internal.queue.Items;
import org.pyconcurrent.internal.queue.QueueCore;

/**
 * A Python queue seen as a {@link BlockingQueue}: the same items, the same waits, the JDK's
 * contract. The rules that differ from the Python API are listed on
 * {@link Queue#asBlockingQueue()}; in short: null may not be inserted; the non-throwing forms
 * return {@code false}/{@code null} where Python raises {@code Full}/{@code Empty}; on a queue that
 * is shut down, inserting throws {@link ShutDown}, {@link #take()} throws it once the queue is
 * empty, and {@code poll} returns null without waiting.
 */
final class BlockingQueueView<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    private final QueueCore core;
    private final Consumer<? super E> check;

    BlockingQueueView(QueueCore core, Consumer<? super E> check) {
        this.core = core;
        this.check = check;
    }

    private Object admit(E item) {
        Objects.requireNonNull(item, "a BlockingQueue does not take null; the Python API's put(null) does");
        check.accept(item);
        return item;
    }

    @Override
    public boolean offer(E item) {
        try {
            return core.offer(admit(item), 0L);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("an offer that does not wait was interrupted", cannotHappen);
        }
    }

    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        return core.offer(admit(item), Math.max(0L, unit.toNanos(timeout)));
    }

    @Override
    public void put(E item) throws InterruptedException {
        core.offer(admit(item), QueueCore.FOREVER);
    }

    @Override
    public E take() throws InterruptedException {
        return Items.unmask(core.poll(QueueCore.FOREVER));
    }

    @Override
    public E poll() {
        try {
            return Items.unmask(core.poll(0L));
        } catch (ShutDown emptyForGood) {
            return null;
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("a poll that does not wait was interrupted", cannotHappen);
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return Items.unmask(core.poll(Math.max(0L, unit.toNanos(timeout))));
        } catch (ShutDown emptyForGood) {
            return null;
        }
    }

    @Override
    public E peek() {
        return Items.unmask(core.peek());
    }

    @Override
    public int size() {
        return core.size();
    }

    @Override
    public int remainingCapacity() {
        int max = core.maxsize();
        return max > 0 ? Math.max(0, max - core.size()) : Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super E> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> sink, int maxElements) {
        Objects.requireNonNull(sink, "sink");
        if (sink == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        int drained = 0;
        while (drained < maxElements) {
            Object item = pollStored();
            if (item == null) {
                break;
            }
            sink.add(Items.unmask(item));
            drained++;
        }
        return drained;
    }

    /** Empties the queue, None items included (the inherited clear() would stop at one). */
    @Override
    public void clear() {
        while (pollStored() != null) {
            // discard
        }
    }

    /** The next stored item, {@link Items#NONE} for a null one, or null if there is none now. */
    private Object pollStored() {
        try {
            return core.poll(0L);
        } catch (ShutDown emptyForGood) {
            return null;
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("a poll that does not wait was interrupted", cannotHappen);
        }
    }

    @Override
    public Iterator<E> iterator() {
        Iterator<Object> stored = core.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return stored.hasNext();
            }

            @Override
            public E next() {
                return Items.unmask(stored.next());
            }
        };
    }

    /** The items, or just the size where the backend cannot list them. */
    @Override
    public String toString() {
        try {
            return super.toString();
        } catch (UnsupportedOperationException cannotIterate) {
            return "[" + size() + " items]";
        }
    }
}
