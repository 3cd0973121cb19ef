package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link SimpleQueue} on {@link Backend#LOCKED}:
 * the {@link SimpleQueueContract} and its {@link SimpleQueueViewContract}.
 */
class LockedSimpleQueueTest extends SimpleQueueContract {

    @Override
    protected TestSimpleQueue<Integer> newSimpleQueue() {
        return TestQueues.of(new SimpleQueue<>(Backend.LOCKED));
    }

    @Nested
    class View extends SimpleQueueViewContract {
        @Override
        protected TestSimpleQueue<Integer> newUnboundedQueue() {
            return newSimpleQueue();
        }
    }
}
