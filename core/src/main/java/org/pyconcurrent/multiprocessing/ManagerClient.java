package org.pyconcurrent.multiprocessing;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.internal.ipc.ConnectionAccess;
import org.pyconcurrent.internal.ipc.FrameChannel;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.shared.TreeKey;

/**
 * This process's way to one manager: a connection per calling thread, as CPython's proxies have,
 * made on the thread's first call, and one more for interrupts. A call is a round trip on the
 * calling thread's connection, answered in the server by the thread that serves it. If the
 * manager process has gone, the call fails at once with an {@link UncheckedIOException} that says
 * so (the end of the stream arrives when its process dies); so does every later call.
 */
final class ManagerClient {
    private static final Map<Key, ManagerClient> CLIENTS = new ConcurrentHashMap<>();

    static {
        ExitHooks.register(new ExitHooks.Action() {
            @Override
            public void beginExit() {
                // children may still be running calls through their own connections
            }

            @Override
            public void finishExit() {
                CLIENTS.values().forEach(ManagerClient::closeAll);
            }
        });
    }

    private record Key(SocketAddress address, List<Byte> authkey) {
    }

    private final SocketAddress address;
    /** The key; null for the process tree's. */
    private final byte[] authkey;
    private final Map<Thread, Channel> channels = new ConcurrentHashMap<>();
    private final ReentrantLock controlLock = new ReentrantLock();
    /** For interrupts; guarded by {@link #controlLock}. */
    private Channel control;

    private ManagerClient(SocketAddress address, byte[] authkey) {
        this.address = address;
        this.authkey = authkey;
    }

    /** The client of the manager at {@code address}; {@code authkey} null for the tree's key. */
    static ManagerClient of(SocketAddress address, byte[] authkey) {
        Key key = new Key(address, authkey == null ? null : boxed(authkey));
        return CLIENTS.computeIfAbsent(key, k -> new ManagerClient(address, authkey));
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    SocketAddress address() {
        return address;
    }

    byte[] authkey() {
        return authkey;
    }

    /** Checks that the manager answers and knows our key (a fresh connection, then closed). */
    void verify() throws AuthenticationError {
        open().connection.close();
    }

    /** Makes a shared object of type {@code typeId}; returns its id. */
    long create(String typeId, List<Object> args) {
        boolean interrupted = Thread.interrupted();
        try {
            return (Long) exchange(ManagerWire.CREATE, 0L, typeId, args, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Calls a method that does not wait: an interrupt of the caller does not stop it (the
     * interrupt status stays set).
     */
    Object call(long id, String method, Object... args) {
        boolean interrupted = Thread.interrupted();
        try {
            return exchange(ManagerWire.CALL, id, method, Arrays.asList(args), false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Calls a method that may wait. An interrupt of the caller interrupts the call in the server:
     * if it was still waiting, nothing happened and this throws {@link InterruptedException};
     * if it had finished, its result is returned with the interrupt status set. A caller whose
     * interrupt status is already set sends it with the request ({@link ManagerWire#CALL_INTERRUPTED}),
     * and the call runs with its server thread interrupted: the shared object decides, as
     * in-process (a put on a queue with room, the wait of a set event, succeed with the status
     * still set; a wait that would block throws).
     */
    Object callInterruptibly(long id, String method, Object... args) throws InterruptedException {
        boolean interrupted = Thread.interrupted();
        try {
            return exchange(interrupted ? ManagerWire.CALL_INTERRUPTED : ManagerWire.CALL, id, method,
                    Arrays.asList(args), true);
        } catch (RuntimeException | Error e) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private Object exchange(byte op, long id, String name, List<Object> args, boolean interruptible)
            throws InterruptedException {
        byte[] argBytes = args.isEmpty() ? new byte[0] : Serialization.toBytes(new ArrayList<>(args));
        Channel ch = channel();
        long seq = ++ch.seq;
        byte[] answer;
        boolean interrupted = op == ManagerWire.CALL_INTERRUPTED;
        boolean asked = interrupted;  // the request itself says so
        try {
            try {
                ch.connection.sendBytes(ManagerWire.request(op, seq, id, name, argBytes));
            } catch (InterruptedException e) {
                interrupted = true;  // the request's rest still goes out: a half request would break the stream
                finishWrite(ch);
            }
            for (;;) {
                if (interrupted && interruptible && !asked) {
                    asked = true;
                    askToInterrupt(ch, seq);
                }
                try {
                    answer = ch.connection.recvBytes();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            drop(ch);
            throw gone(name, e);
        }
        Object payload;
        try {
            payload = answer.length > 1 ? Serialization.fromBytes(Arrays.copyOfRange(answer, 1, answer.length)) : null;
        } catch (IOException e) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot read the manager's answer to " + name + ": " + e.getMessage(), e);
        }
        switch (answer[0]) {
            case ManagerWire.OK -> {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return payload;
            }
            case ManagerWire.CANCELLED -> throw new InterruptedException();
            default -> {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw rethrow(((RemoteFailure) payload).toException());
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new RemoteError(t.toString() + " (a checked exception raised in the manager)",
                t.getCause() instanceof RemoteTraceback tb ? tb : null);
    }

    private static void finishWrite(Channel ch) throws IOException {
        FrameChannel frames = ConnectionAccess.frames(ch.connection);
        for (;;) {
            try {
                frames.finishPendingWrite();
                return;
            } catch (InterruptedException again) {
                // keep writing; the caller restores the interrupt status
            }
        }
    }

    private void askToInterrupt(Channel ch, long seq) {
        controlLock.lock();
        try {
            if (control == null) {
                control = open();
            }
            control.connection.sendBytes(ManagerWire.request(ManagerWire.INTERRUPT, seq, ch.id, "", new byte[0]));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the manager has gone: the call's own connection will say so
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            controlLock.unlock();
        }
    }

    /** This thread's connection, made if needed. */
    private Channel channel() {
        Thread me = Thread.currentThread();
        Channel ch = channels.get(me);
        if (ch == null) {
            closeChannelsOfDeadThreads();
            ch = open();
            channels.put(me, ch);
        }
        return ch;
    }

    private Channel open() {
        boolean interrupted = Thread.interrupted();  // connecting is short; an interrupt waits for the call
        try {
            Connection c = Client.connect(address, authkey == null ? TreeKey.get() : authkey);
            long id = ByteBuffer.wrap(c.recvBytes()).getLong();
            return new Channel(c, id);
        } catch (EOFException e) {
            throw new UncheckedIOException("the manager at " + address + " closed the connection: it is shutting down",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the manager at " + address
                    + " (has its process exited?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while connecting to the manager at " + address, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private UncheckedIOException gone(String what, Exception cause) {
        IOException io = cause instanceof IOException e ? e : new IOException(cause.getMessage(), cause);
        return new UncheckedIOException("the manager at " + address + " has gone (its process exited or it was shut "
                + "down); " + what + " could not complete", io);
    }

    private void drop(Channel ch) {
        channels.remove(Thread.currentThread(), ch);
        ch.connection.close();
    }

    private void closeChannelsOfDeadThreads() {
        channels.entrySet().removeIf(e -> {
            if (e.getKey().isAlive()) {
                return false;
            }
            e.getValue().connection.close();
            return true;
        });
    }

    /** Closes every connection to this manager (it has been shut down, or this process exits). */
    void closeAll() {
        channels.values().forEach(c -> c.connection.close());
        channels.clear();
        controlLock.lock();
        try {
            if (control != null) {
                control.connection.close();
                control = null;
            }
        } finally {
            controlLock.unlock();
        }
    }

    /** Forgets the clients of a manager that has been shut down. */
    static void forget(SocketAddress address) {
        CLIENTS.entrySet().removeIf(e -> {
            if (!e.getKey().address().equals(address)) {
                return false;
            }
            e.getValue().closeAll();
            return true;
        });
    }

    /** One thread's connection and the server's id for it. */
    private static final class Channel {
        final Connection connection;
        final long id;
        long seq;

        Channel(Connection connection, long id) {
            this.connection = connection;
            this.id = id;
        }
    }
}
