package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link Queue} on {@link Backend#LOCKED}:
 * the {@link QueueContract} and its {@link QueueViewContract}.
 */
class LockedQueueTest extends QueueContract {

    @Override
    protected TestQueue<Integer> newQueue(int maxsize) {
        return TestQueues.of(new Queue<>(maxsize, Backend.LOCKED));
    }

    @Nested
    class View extends QueueViewContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return LockedQueueTest.this.newQueue(maxsize);
        }
    }
}
