package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
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

    private final String address;
    private final Connection connection;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Sleeper> sleepers = new ConcurrentHashMap<>();
    private volatile String broken;

    private HostClient(String address, Connection connection) {
        this.address = address;
        this.connection = connection;
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
                sendQuietly(Wire.cancel(reqId));
            }
        }
        if (me.failed) {
            throw gone(address, null);
        }
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
        boolean interrupted = Thread.interrupted();  // a request goes out whole, even from an interrupted thread
        try {
            connection.sendBytes(message);
        } catch (IOException | IllegalStateException | InterruptedException e) {
            fail(e.toString());
            throw gone(address, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
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
                if (in.get() == Wire.WOKEN) {
                    Sleeper s = sleepers.remove(in.getLong());
                    if (s != null) {
                        s.wake(false);
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
        for (Sleeper s : sleepers.values()) {
            s.wake(true);
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
