package org.pyconcurrent.queue;

import org.junit.jupiter.api.Nested;

/**
 * {@link LifoQueue} on {@link Backend#LOCKED}:
 * the {@link QueueContract} and its {@link QueueViewContract}.
 */
class LockedLifoQueueTest extends QueueContract {

    @Override
    protected TestQueue<Integer> newQueue(int maxsize) {
        return TestQueues.of(new LifoQueue<>(maxsize, Backend.LOCKED));
    }

    @Nested
    class View extends QueueViewContract {
        @Override
        protected TestQueue<Integer> newQueue(int maxsize) {
            return LockedLifoQueueTest.this.newQueue(maxsize);
        }
    }
}
