package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link LifoQueue} on {@link Backend#LOCK_FREE}:
 * the {@link QueueContract} and its {@link QueueViewContract}.
 */
class LockFreeLifoQueueTest extends QueueContract {

    @Override
    protected TestQueue<Integer> newQueue(int maxsize) {
        return TestQueues.of(new LifoQueue<>(maxsize, Backend.LOCK_FREE));
    }

    @Nested
    class View extends QueueViewContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return LockFreeLifoQueueTest.this.newQueue(maxsize);
        }
    }
}
