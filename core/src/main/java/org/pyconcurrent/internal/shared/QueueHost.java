package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pyconcurrent.multiprocessing.Connection;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Full;
import org.pyconcurrent.queue.Queue;

/**
 * The host's side of queues shared between processes: the queues this process made (each an
 * in-process {@link Queue} of serialized items, so every {@code queue} rule holds as is), and the
 * requests other processes send about them. A request that may wait (a blocking put or get, a
 * join) runs in a virtual thread of its own, so one process's wait never holds up another's
 * requests; the caller can interrupt it, and it is answered exactly once either way.
 */
final class QueueHost {
    private static final AtomicLong IDS = new AtomicLong();
    /** Queues made here, by id. Kept until exit once handed out: other processes may use them. */
    private static final Map<Long, Queue<byte[]>> QUEUES = new ConcurrentHashMap<>();

    private QueueHost() {
    }

    static long register(Queue<byte[]> queue) {
        long id = IDS.incrementAndGet();
        QUEUES.put(id, queue);
        return id;
    }

    static Queue<byte[]> queue(long id) {
        return QUEUES.get(id);
    }

    /** One connected process's requests in flight, so that they can be interrupted. */
    static final class Calls {
        private final Connection peer;
        private final Map<Long, Thread> running = new ConcurrentHashMap<>();

        Calls(Connection peer) {
            this.peer = peer;
        }

        /** Handles a queue request; returns false if {@code op} is not one. */
        boolean handle(byte op, ByteBuffer in) throws IOException {
            switch (op) {
                case Wire.PUT_ASYNC -> {
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    if (q != null) {
                        q.putNowait(Wire.rest(in));  // unbounded: never full
                    }
                }
                case Wire.PUT -> {
                    long reqId = in.getLong();
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    long nanos = in.getLong();
                    byte[] item = Wire.rest(in);
                    maybeWaiting(reqId, q, nanos, () -> {
                        SharedQueue.Local.put(q, item, nanos);
                        return null;
                    }, null);
                }
                case Wire.GET -> {
                    long reqId = in.getLong();
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    long nanos = in.getLong();
                    // an item taken for a process that has gone goes back (at the end of the queue)
                    maybeWaiting(reqId, q, nanos, () -> SharedQueue.Local.get(q, nanos), q::putNowait);
                }
                case Wire.QSIZE -> {
                    long reqId = in.getLong();
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    answer(reqId, q == null ? Wire.GONE : Wire.OK,
                            q == null ? null : ByteBuffer.allocate(8).putLong(q.qsize()).array());
                }
                case Wire.TASK_DONE -> {
                    long reqId = in.getLong();
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    if (q == null) {
                        answer(reqId, Wire.GONE, null);
                    } else {
                        try {
                            q.taskDone();
                            answer(reqId, Wire.OK, null);
                        } catch (IllegalArgumentException e) {
                            answer(reqId, Wire.REFUSED, e.getMessage().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                case Wire.JOIN -> {
                    long reqId = in.getLong();
                    Queue<byte[]> q = QUEUES.get(in.getLong());
                    maybeWaiting(reqId, q, -1L, () -> {
                        q.join();
                        return null;
                    }, null);
                }
                case Wire.INTERRUPT -> {
                    Thread t = running.get(in.getLong());
                    if (t != null) {
                        t.interrupt();
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        @FunctionalInterface
        private interface Work {
            byte[] run() throws InterruptedException;
        }

        /** Runs {@code work} here if it cannot wait, else in a virtual thread; answers once. */
        private void maybeWaiting(long reqId, Queue<byte[]> q, long nanos, Work work,
                java.util.function.Consumer<byte[]> undelivered) throws IOException {
            if (q == null) {
                answer(reqId, Wire.GONE, null);
                return;
            }
            if (nanos == 0) {
                answerWith(reqId, work, undelivered);
                return;
            }
            Thread t = Thread.ofVirtual().name("pyconcurrent-queue-call-" + reqId).unstarted(() -> {
                try {
                    answerWith(reqId, work, undelivered);
                } catch (IOException gone) {
                    // the caller's process has gone
                } finally {
                    running.remove(reqId);
                }
            });
            running.put(reqId, t);
            t.start();
        }

        private void answerWith(long reqId, Work work, java.util.function.Consumer<byte[]> undelivered)
                throws IOException {
            byte status;
            byte[] payload = null;
            try {
                payload = work.run();
                status = Wire.OK;
            } catch (Full e) {
                status = Wire.FULL;
            } catch (Empty e) {
                status = Wire.EMPTY;
            } catch (InterruptedException e) {
                status = Wire.CANCELLED;
            }
            try {
                answer(reqId, status, payload);
            } catch (IOException gone) {
                if (status == Wire.OK && payload != null && undelivered != null) {
                    undelivered.accept(payload);
                }
                throw gone;
            }
        }

        private void answer(long reqId, byte status, byte[] payload) throws IOException {
            try {
                peer.sendBytes(Wire.reply(reqId, status, payload));
            } catch (IllegalStateException closed) {
                throw new IOException("the calling process has gone", closed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while answering", e);
            }
        }

        /** The process has gone: its waiting requests end. */
        void cancelAll() {
            running.values().forEach(Thread::interrupt);
        }
    }
}
