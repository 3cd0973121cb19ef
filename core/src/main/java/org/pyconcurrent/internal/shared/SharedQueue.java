package org.pyconcurrent.internal.shared;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;

/**
 * A queue of serialized items shared between processes. The process that made it holds the items
 * (an in-process {@link Queue}, used directly there); every other process reaches it through its
 * {@link Host} ({@link HostClient} calls). A put into an unbounded queue from another process
 * goes out without waiting for an answer: it cannot be refused, and one process's messages to
 * the host arrive in order, so a later call from the same process sees it.
 */
public abstract sealed class SharedQueue permits SharedQueue.Local, SharedQueue.Remote {
    final int maxsize;

    SharedQueue(int maxsize) {
        this.maxsize = maxsize;
    }

    /**
     * A new queue held by this process.
     *
     * @param maxsize most items; 0 or less: unbounded
     * @return the queue
     */
    public static SharedQueue create(int maxsize) {
        return new Local(new Queue<>(maxsize), maxsize);
    }

    /**
     * The queue a handle names: the holder's own queue in the process that made it, else a
     * connection to it.
     *
     * @param handle from {@link #handle()}
     * @return the queue
     */
    public static SharedQueue open(Handle handle) {
        if (handle.host().equals(Host.addressIfStarted())) {
            Queue<byte[]> q = QueueHost.queue(handle.id());
            if (q != null) {
                return new Local(q, handle.maxsize(), handle.id());
            }
        }
        return new Remote(handle);
    }

    /** What another process needs to use this queue (starts this process's host if it holds it). */
    public abstract Handle handle();

    /**
     * Puts a serialized item.
     *
     * @param nanos negative: wait as long as needed; 0: do not wait; else at most that long
     * @throws Full if there was no room in time
     */
    public abstract void put(byte[] item, long nanos) throws InterruptedException;

    /**
     * Takes a serialized item.
     *
     * @param nanos negative: wait as long as needed; 0: do not wait; else at most that long
     * @throws Empty if there was none in time
     */
    public abstract byte[] get(long nanos) throws InterruptedException;

    /** The number of items (exact at the holder; from another process, as of its call). */
    public abstract int qsize();

    /**
     * Marks one task done.
     *
     * @throws IllegalArgumentException if called more times than items were put
     */
    public abstract void taskDone();

    /** Waits until every item put has been marked done. */
    public abstract void join() throws InterruptedException;

    /** The bound, or 0 or less for none. */
    public int maxsize() {
        return maxsize;
    }

    /**
     * A queue's serializable name.
     *
     * @param host the holder's host address
     * @param id the queue's id at the holder
     * @param maxsize the bound
     */
    public record Handle(String host, long id, int maxsize) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final class Local extends SharedQueue {
        private final Queue<byte[]> queue;
        private volatile long id;

        Local(Queue<byte[]> queue, int maxsize) {
            this(queue, maxsize, 0L);
        }

        Local(Queue<byte[]> queue, int maxsize, long id) {
            super(maxsize);
            this.queue = queue;
            this.id = id;
        }

        @Override
        public Handle handle() {
            String host = Host.address();
            if (id == 0L) {
                id = QueueHost.register(queue);  // a race registers it twice: harmless, both ids name it
            }
            return new Handle(host, id, maxsize);
        }

        @Override
        public void put(byte[] item, long nanos) throws InterruptedException {
            put(queue, item, nanos);
        }

        @Override
        public byte[] get(long nanos) throws InterruptedException {
            return get(queue, nanos);
        }

        /** A put into {@code q} in the form {@code nanos} says (for the holder and its host). */
        static void put(Queue<byte[]> q, byte[] item, long nanos) throws InterruptedException {
            if (nanos < 0) {
                q.put(item);
            } else if (nanos == 0) {
                q.putNowait(item);
            } else {
                q.put(item, Duration.ofNanos(nanos));
            }
        }

        /** A get from {@code q} in the form {@code nanos} says (for the holder and its host). */
        static byte[] get(Queue<byte[]> q, long nanos) throws InterruptedException {
            if (nanos < 0) {
                return q.get();
            }
            return nanos == 0 ? q.getNowait() : q.get(Duration.ofNanos(nanos));
        }

        @Override
        public int qsize() {
            return queue.qsize();
        }

        @Override
        public void taskDone() {
            queue.taskDone();
        }

        @Override
        public void join() throws InterruptedException {
            queue.join();
        }
    }

    static final class Remote extends SharedQueue {
        private final Handle handle;

        Remote(Handle handle) {
            super(handle.maxsize());
            this.handle = handle;
        }

        private HostClient host() {
            return HostClient.of(handle.host());
        }

        @Override
        public Handle handle() {
            return handle;
        }

        @Override
        public void put(byte[] item, long nanos) throws InterruptedException {
            HostClient host = host();
            if (maxsize <= 0) {
                host.post(asyncPut(item));
                return;
            }
            long reqId = host.nextId();
            ByteBuffer b = Wire.request(Wire.PUT, reqId, handle.id(), 8 + item.length).putLong(nanos).put(item);
            check(host.call(reqId, b.array()), nanos);
        }

        private byte[] asyncPut(byte[] item) {
            return ByteBuffer.allocate(1 + 8 + item.length).put(Wire.PUT_ASYNC).putLong(handle.id()).put(item).array();
        }

        @Override
        public byte[] get(long nanos) throws InterruptedException {
            HostClient host = host();
            long reqId = host.nextId();
            ByteBuffer b = Wire.request(Wire.GET, reqId, handle.id(), 8).putLong(nanos);
            return check(host.call(reqId, b.array()), nanos);
        }

        @Override
        public int qsize() {
            HostClient host = host();
            long reqId = host.nextId();
            byte[] size = uninterruptibly(host, reqId, Wire.request(Wire.QSIZE, reqId, handle.id(), 0).array());
            return (int) ByteBuffer.wrap(size).getLong();
        }

        @Override
        public void taskDone() {
            HostClient host = host();
            long reqId = host.nextId();
            uninterruptibly(host, reqId, Wire.request(Wire.TASK_DONE, reqId, handle.id(), 0).array());
        }

        @Override
        public void join() throws InterruptedException {
            HostClient host = host();
            long reqId = host.nextId();
            check(host.call(reqId, Wire.request(Wire.JOIN, reqId, handle.id(), 0).array()), -1L);
        }

        /** A call that never waits at the host: an interrupt only stays set. */
        private byte[] uninterruptibly(HostClient host, long reqId, byte[] request) {
            boolean interrupted = Thread.interrupted();
            try {
                return check(host.call(reqId, request), 0L);
            } catch (InterruptedException cannotHappen) {
                interrupted = true;
                throw new IllegalStateException("a call that does not wait was interrupted", cannotHappen);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private byte[] check(HostClient.Reply reply, long nanos) {
            return switch (reply.status()) {
                case Wire.OK -> reply.payload();
                case Wire.FULL -> throw new Full(nanos == 0 ? "queue full (maxsize=" + maxsize + ")"
                        : "queue still full after waiting " + Duration.ofNanos(nanos) + " (maxsize=" + maxsize + ")");
                case Wire.EMPTY -> throw new Empty(nanos == 0 ? "queue empty"
                        : "queue still empty after waiting " + Duration.ofNanos(nanos));
                case Wire.REFUSED -> throw new IllegalArgumentException(new String(reply.payload(), StandardCharsets.UTF_8));
                case Wire.GONE -> throw new IllegalStateException("the queue is gone from the process that made it");
                default -> throw new IllegalStateException("unexpected answer " + reply.status());
            };
        }
    }
}
