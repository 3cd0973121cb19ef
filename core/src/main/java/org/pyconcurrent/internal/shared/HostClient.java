package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.internal.ipc.ConnectionAccess;
import org.pyconcurrent.internal.ipc.FrameChannel;
import org.pyconcurrent.multiprocessing.Client;
import org.pyconcurrent.multiprocessing.Connection;

/**
 * This process's connection to another process's {@link Host}, one per host, made on first use:
 * sleeps on a word go out as requests and end when the host answers, when the caller's time is
 * up or when it is interrupted (then the request is cancelled; a late answer is dropped). A
 * daemon thread reads the answers. If the host process exits, every sleeper and every later call
 * fails with an {@link IllegalStateException} that says so.
 */
final class HostClient {
    private static final Map<String, HostClient> CLIENTS = new ConcurrentHashMap<>();
    private static final ReentrantLock CONNECT = new ReentrantLock();
    /** A batch this large is written by the caller itself. */
    private static final int FLUSH_AT = 64 * 1024;

    static {
        ExitHooks.register(new ExitHooks.Action() {
            @Override
            public void beginExit() {
                flushAll();
            }

            @Override
            public void finishExit() {
                flushAll();
                // a reader blocked in the kernel would hold the JVM's exit up for 300 ms
                for (HostClient c : CLIENTS.values()) {
                    c.broken = "this process is exiting";
                    c.connection.close();
                }
            }
        });
    }

    private final String address;
    private final Connection connection;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Sleeper> sleepers = new ConcurrentHashMap<>();
    private final Map<Long, Call> calls = new ConcurrentHashMap<>();
    /** Outgoing frames not yet written, in write mode; guarded by {@link #writeLock}. */
    private ByteBuffer out = ByteBuffer.allocate(FLUSH_AT * 2);
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Whether the flusher has been asked to write the batch; guarded by {@link #writeLock}. */
    private boolean flushScheduled;
    private final FrameChannel frames;
    private final Thread flusher;
    private volatile String broken;

    private HostClient(String address, Connection connection) {
        this.address = address;
        this.connection = connection;
        this.frames = ConnectionAccess.frames(connection);
        this.flusher = new Thread(this::flushLoop, "pyconcurrent-host-flusher");
        flusher.setDaemon(true);
    }

    /**
     * The client for the host at {@code address}, connected on first use.
     *
     * @throws IllegalStateException if the host cannot be reached (its process has exited)
     */
    static HostClient of(String address) throws IllegalStateException {
        HostClient c = CLIENTS.get(address);
        if (c != null) {
            return c;
        }
        CONNECT.lock();
        try {
            c = CLIENTS.get(address);
            if (c == null) {
                c = connect(address);
                CLIENTS.put(address, c);
            }
            return c;
        } finally {
            CONNECT.unlock();
        }
    }

    private static HostClient connect(String address) {
        boolean interrupted = Thread.interrupted();  // connecting is short; an interrupt waits for the call
        try {
            HostClient c = new HostClient(address, Client.connect(address, TreeKey.get()));
            Thread reader = new Thread(c::readAnswers, "pyconcurrent-host-client");
            reader.setDaemon(true);
            reader.start();
            c.flusher.start();
            return c;
        } catch (IOException e) {
            throw gone(address, e);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while connecting to " + address, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IllegalStateException gone(String address, Exception cause) {
        return new IllegalStateException("the process that created this shared object has exited (its host "
                + address + " is gone)", cause);
    }

    /** Sleeps on a word of a segment the host made; see {@link Segment#await}. */
    void await(String path, int offset, long expected, long nanos) throws InterruptedException {
        checkOpen();
        long reqId = ids.incrementAndGet();
        Sleeper me = new Sleeper(Thread.currentThread());
        sleepers.put(reqId, me);
        boolean answered = false;
        try {
            send(Wire.wait(reqId, path, offset, expected));
            long deadline = System.nanoTime() + nanos;
            while (!me.woken) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
            answered = me.woken;
        } finally {
            sleepers.remove(reqId);
            if (!answered && broken == null) {
                sendQuietly(Wire.cancel(reqId, Wire.CANCEL));
            }
        }
        if (me.failed) {
            throw gone(address, null);
        }
    }

    /** A call's answer: the status byte and the payload. */
    record Reply(byte status, byte[] payload) {
    }

    /** The next request id on this connection. */
    long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Sends a request the host answers, and waits for the answer. If interrupted, asks the host
     * to interrupt the request and still waits for its answer: a {@link Wire#CANCELLED} answer
     * throws {@link InterruptedException}; any other is returned with the interrupt status set
     * (what the request did, such as taking an item, is not lost).
     *
     * @throws IllegalStateException if the host process has exited
     */
    Reply call(long reqId, byte[] request) throws InterruptedException {
        checkOpen();
        Call me = new Call(Thread.currentThread());
        calls.put(reqId, me);
        boolean interrupted = false;
        try {
            send(request);
            while (me.reply == null && !me.failed) {
                LockSupport.park(this);
                if (Thread.interrupted() && !interrupted) {
                    interrupted = true;
                    sendQuietly(Wire.cancel(reqId, Wire.INTERRUPT));
                }
            }
        } finally {
            calls.remove(reqId);
        }
        if (me.failed) {
            throw gone(address, null);
        }
        if (me.reply.status() == Wire.CANCELLED) {
            throw new InterruptedException();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return me.reply;
    }

    /**
     * Sends a request the host does not answer, in the next batch: it goes out within
     * microseconds, before any later request of this process, and at the latest at exit.
     */
    void post(byte[] request) {
        checkOpen();
        enqueue(request, false);
    }

    /** Wakes the sleepers of a word of a segment the host made. */
    void wake(String path, int offset) {
        checkOpen();
        send(Wire.wake(path, offset));
    }

    private void checkOpen() {
        if (broken != null) {
            throw gone(address, null);
        }
    }

    private void send(byte[] message) {
        enqueue(message, true);
    }

    /**
     * Adds a frame to the outgoing batch; writes the batch now if {@code now} or if it is large,
     * else leaves it to the flusher thread (woken if idle). Frames keep their order either way.
     */
    private void enqueue(byte[] message, boolean now) {
        boolean interrupted = Thread.interrupted();  // a request goes out whole, even from an interrupted thread
        writeLock.lock();
        try {
            if (out.remaining() < 4 + message.length) {
                out = grow(out, 4 + message.length);
            }
            out.putInt(message.length).put(message);
            if (now || out.position() >= FLUSH_AT) {
                flushLocked();
            } else if (!flushScheduled) {
                flushScheduled = true;
                LockSupport.unpark(flusher);
            }
        } catch (IOException | IllegalStateException | InterruptedException e) {
            fail(e.toString());
            throw gone(address, e);
        } finally {
            writeLock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ByteBuffer grow(ByteBuffer b, int more) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + more));
        return bigger.put(b.flip());
    }

    /** Writes the batch (the caller holds the write lock). */
    private void flushLocked() throws IOException, InterruptedException {
        if (out.position() == 0) {
            return;
        }
        out.flip();
        try {
            frames.writeFramed(out);
        } finally {
            out.clear();
            if (out.capacity() > 4 * FLUSH_AT) {
                out = ByteBuffer.allocate(FLUSH_AT * 2);
            }
        }
    }

    /** Writes whatever is waiting; for exit and for the flusher. */
    void flush() {
        boolean interrupted = Thread.interrupted();
        writeLock.lock();
        try {
            flushScheduled = false;
            if (broken == null) {
                flushLocked();
            }
        } catch (IOException | IllegalStateException | InterruptedException e) {
            fail(e.toString());
        } finally {
            writeLock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Flushes every client's batch: at exit, and when a child's target returns. */
    static void flushAll() {
        for (HostClient c : CLIENTS.values()) {
            c.flush();
        }
    }

    private void flushLoop() {
        while (broken == null) {
            LockSupport.park(this);
            if (flushScheduled) {
                flush();
            }
        }
    }

    private void sendQuietly(byte[] message) {
        try {
            send(message);
        } catch (IllegalStateException ignored) {
            // the host is gone: nothing to cancel
        }
    }

    private void readAnswers() {
        try {
            for (;;) {
                ByteBuffer in = ByteBuffer.wrap(connection.recvBytes());
                byte op = in.get();
                if (op == Wire.WOKEN) {
                    Sleeper s = sleepers.remove(in.getLong());
                    if (s != null) {
                        s.wake(false);
                    }
                } else if (op == Wire.REPLY) {
                    Call c = calls.get(in.getLong());
                    if (c != null) {
                        byte status = in.get();
                        c.answer(new Reply(status, Wire.rest(in)));
                    }
                }
            }
        } catch (IOException | IllegalStateException | InterruptedException | java.nio.BufferUnderflowException e) {
            fail(e.toString());
        }
    }

    private void fail(String why) {
        if (broken == null) {
            broken = why;
        }
        CLIENTS.remove(address, this);
        connection.close();
        LockSupport.unpark(flusher);
        for (Sleeper s : sleepers.values()) {
            s.wake(true);
        }
        for (Call c : calls.values()) {
            c.fail();
        }
    }

    private static final class Call {
        private final Thread thread;
        private volatile Reply reply;
        private volatile boolean failed;

        Call(Thread thread) {
            this.thread = thread;
        }

        void answer(Reply r) {
            reply = r;
            LockSupport.unpark(thread);
        }

        void fail() {
            failed = true;
            LockSupport.unpark(thread);
        }
    }

    private static final class Sleeper {
        private final Thread thread;
        private volatile boolean woken;
        private volatile boolean failed;

        Sleeper(Thread thread) {
            this.thread = thread;
        }

        void wake(boolean hostGone) {
            failed = hostGone;
            woken = true;
            LockSupport.unpark(thread);
        }
    }
}
