package org.pyconcurrent.queue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/** The thin wrappers that adapt this package's queue classes to the contracts' interfaces. */
public final class TestQueues {
    private TestQueues() {
    }

    /** A {@link Queue}, {@link LifoQueue} or {@link PriorityQueue} as a {@link TestQueue}. */
    public static <E> TestQueue<E> of(Queue<E> queue) {
        ItemOrder order = queue instanceof LifoQueue<?> ? ItemOrder.LIFO
                : queue instanceof PriorityQueue<?> ? ItemOrder.PRIORITY
                : ItemOrder.FIFO;
        return new TestQueue<>() {
            @Override
            public ItemOrder order() {
                return order;
            }

            @Override
            public void put(E item) throws InterruptedException {
                queue.put(item);
            }

            @Override
            public void put(E item, boolean block) throws InterruptedException {
                queue.put(item, block);
            }

            @Override
            public void put(E item, Duration timeout) throws InterruptedException {
                queue.put(item, timeout);
            }

            @Override
            public void putNowait(E item) {
                queue.putNowait(item);
            }

            @Override
            public E get() throws InterruptedException {
                return queue.get();
            }

            @Override
            public E get(boolean block) throws InterruptedException {
                return queue.get(block);
            }

            @Override
            public E get(Duration timeout) throws InterruptedException {
                return queue.get(timeout);
            }

            @Override
            public E getNowait() {
                return queue.getNowait();
            }

            @Override
            public int qsize() {
                return queue.qsize();
            }

            @Override
            public boolean empty() {
                return queue.empty();
            }

            @Override
            public boolean full() {
                return queue.full();
            }

            @Override
            public int maxsize() {
                return queue.maxsize();
            }

            @Override
            public void taskDone() {
                queue.taskDone();
            }

            @Override
            public void join() throws InterruptedException {
                queue.join();
            }

            @Override
            public long unfinishedTasks() {
                return queue.unfinishedTasks();
            }

            @Override
            public void shutdown() {
                queue.shutdown();
            }

            @Override
            public void shutdown(boolean immediate) {
                queue.shutdown(immediate);
            }

            @Override
            public boolean isShutdown() {
                return queue.isShutdown();
            }

            @Override
            public BlockingQueue<E> asBlockingQueue() {
                return queue.asBlockingQueue();
            }

            @Override
            public String toString() {
                return queue + " on " + queue.backend();
            }
        };
    }

    /** A {@link SimpleQueue} as a {@link TestSimpleQueue}. */
    public static <E> TestSimpleQueue<E> of(SimpleQueue<E> queue) {
        return new TestSimpleQueue<>() {
            @Override
            public ItemOrder order() {
                return ItemOrder.FIFO;
            }

            @Override
            public void put(E item) {
                queue.put(item);
            }

            @Override
            public void putNowait(E item) {
                queue.putNowait(item);
            }

            @Override
            public E get() throws InterruptedException {
                return queue.get();
            }

            @Override
            public E get(boolean block) throws InterruptedException {
                return queue.get(block);
            }

            @Override
            public E get(Duration timeout) throws InterruptedException {
                return queue.get(timeout);
            }

            @Override
            public E getNowait() {
                return queue.getNowait();
            }

            @Override
            public int qsize() {
                return queue.qsize();
            }

            @Override
            public boolean empty() {
                return queue.empty();
            }

            @Override
            public BlockingQueue<E> asBlockingQueue() {
                return queue.asBlockingQueue();
            }

            @Override
            public String toString() {
                return queue + " on " + queue.backend();
            }
        };
    }
}
