package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link SimpleQueue} on {@link Backend#LOCK_FREE}:
 * the {@link SimpleQueueContract} and its {@link SimpleQueueViewContract}.
 */
class LockFreeSimpleQueueTest extends SimpleQueueContract {

    @Override
    protected TestSimpleQueue<Integer> newSimpleQueue() {
        return TestQueues.of(new SimpleQueue<>(Backend.LOCK_FREE));
    }

    @Nested
    class View extends SimpleQueueViewContract {
        @Override
        protected TestSimpleQueue<Integer> newUnboundedQueue() {
            return newSimpleQueue();
        }
    }
}
