package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link Queue} on {@link Backend#LOCK_FREE}:
 * the {@link QueueContract} and its {@link QueueViewContract}.
 */
class LockFreeQueueTest extends QueueContract {

    @Override
    protected TestQueue<Integer> newQueue(int maxsize) {
        return TestQueues.of(new Queue<>(maxsize, Backend.LOCK_FREE));
    }

    @Nested
    class View extends QueueViewContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return LockFreeQueueTest.this.newQueue(maxsize);
        }
    }
}
