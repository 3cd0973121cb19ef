package org.pyconcurrent.benchmarks.queue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.queue.SimpleQueue;

/** The {@link Channel} of each kind of queue the producer/consumer benchmarks compare. */
final class Channels {
    private static final long SLICE_MILLIS = Channel.SLICE_MILLIS;
    private static final Duration SLICE = Duration.ofMillis(SLICE_MILLIS);

    private Channels() {
    }

    /**
     * Our {@link Queue} through {@code put}/{@code get} with a timeout; with {@code tasks}, the
     * consumer calls {@code taskDone()} after each get.
     */
    static Channel of(Queue<Object> queue, boolean tasks) {
        return new PyQueueChannel(queue, tasks);
    }

    /** Our {@link SimpleQueue}: {@code put} never waits, {@code get} with a timeout. */
    static Channel of(SimpleQueue<Object> queue) {
        return new PySimpleQueueChannel(queue);
    }

    /** A JDK {@link BlockingQueue} through {@code offer}/{@code poll} with a timeout. */
    static Channel blocking(BlockingQueue<Object> queue) {
        return new BlockingChannel(queue);
    }

    /** Any non-blocking {@link java.util.Queue}: one {@code offer}/{@code poll}, then a spin hint. */
    static Channel spinning(java.util.Queue<Object> queue) {
        return new SpinningChannel(queue);
    }

    /** {@link Channel} over our {@link Queue}. */
    private static final class PyQueueChannel implements Channel {
        private final Queue<Object> queue;
        private final boolean tasks;

        PyQueueChannel(Queue<Object> queue, boolean tasks) {
            this.queue = queue;
            this.tasks = tasks;
        }

        @Override
        public boolean tryPut(Object item) throws InterruptedException {
            try {
                queue.put(item, SLICE);
                return true;
            } catch (Full stillFull) {
                return false;
            }
        }

        @Override
        public Object tryTake() throws InterruptedException {
            Object item;
            try {
                item = queue.get(SLICE);
            } catch (Empty stillEmpty) {
                return null;
            }
            if (tasks) {
                queue.taskDone();
            }
            return item;
        }

        @Override
        public int drain() {
            int removed = 0;
            while (!queue.empty()) {
                queue.getNowait();
                if (tasks) {
                    queue.taskDone();
                }
                removed++;
            }
            // Every get was followed by its taskDone, so once the queue is empty no task is open.
            if (tasks && queue.unfinishedTasks() != 0) {
                throw new IllegalStateException(
                        "drained, but unfinishedTasks() = " + queue.unfinishedTasks());
            }
            return removed;
        }
    }

    /** {@link Channel} over our {@link SimpleQueue}. */
    private static final class PySimpleQueueChannel implements Channel {
        private final SimpleQueue<Object> queue;

        PySimpleQueueChannel(SimpleQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public boolean tryPut(Object item) {
            queue.put(item);
            return true;
        }

        @Override
        public Object tryTake() throws InterruptedException {
            try {
                return queue.get(SLICE);
            } catch (Empty stillEmpty) {
                return null;
            }
        }

        @Override
        public int drain() {
            int removed = 0;
            while (!queue.empty()) {
                queue.getNowait();
                removed++;
            }
            return removed;
        }
    }

    /** {@link Channel} over a JDK {@link BlockingQueue}. */
    private static final class BlockingChannel implements Channel {
        private final BlockingQueue<Object> queue;

        BlockingChannel(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public boolean tryPut(Object item) throws InterruptedException {
            return queue.offer(item, SLICE_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public Object tryTake() throws InterruptedException {
            return queue.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public int drain() {
            int removed = 0;
            while (queue.poll() != null) {
                removed++;
            }
            return removed;
        }
    }

    /** {@link Channel} over a queue that never blocks, driven by spinning. */
    private static final class SpinningChannel implements Channel {
        private final java.util.Queue<Object> queue;

        SpinningChannel(java.util.Queue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public boolean tryPut(Object item) {
            if (queue.offer(item)) {
                return true;
            }
            Thread.onSpinWait();
            return false;
        }

        @Override
        public Object tryTake() {
            Object item = queue.poll();
            if (item == null) {
                Thread.onSpinWait();
            }
            return item;
        }

        @Override
        public int drain() {
            int removed = 0;
            while (queue.poll() != null) {
                removed++;
            }
            return removed;
        }
    }
}
