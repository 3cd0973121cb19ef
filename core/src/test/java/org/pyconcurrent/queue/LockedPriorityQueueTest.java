package org.pyconcurrent.queue;

import java.util.Comparator;
import org.junit.jupiter.api.Nested;

/**
 * {@link PriorityQueue} on {@link Backend#LOCKED}:
 * the {@link PriorityQueueContract} and its {@link QueueViewContract}.
 */
class LockedPriorityQueueTest extends PriorityQueueContract {

    @Override
    protected <E> TestQueue<E> newPriorityQueue(int maxsize, Comparator<? super E> comparator) {
        return TestQueues.of(new PriorityQueue<>(maxsize, comparator, Backend.LOCKED));
    }

    @Nested
    class View extends QueueViewContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return LockedPriorityQueueTest.this.newQueue(maxsize);
        }
    }
}
