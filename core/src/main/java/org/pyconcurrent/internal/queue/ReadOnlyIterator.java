package org.pyconcurrent.internal.queue;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * An iterator that refuses {@link #remove()}: taking an item out of the middle of a queue would
 * bypass its size and task accounting (Python's queues have no such operation either).
 */
final class ReadOnlyIterator implements Iterator<Object> {
    private final Iterator<?> items;

    private ReadOnlyIterator(Iterator<?> items) {
        this.items = items;
    }

    static Iterator<Object> of(Iterator<?> items) {
        return new ReadOnlyIterator(items);
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public Object next() {
        return items.next();
    }

    @Override
    public void forEachRemaining(Consumer<? super Object> action) {
        items.forEachRemaining(action);
    }
}
