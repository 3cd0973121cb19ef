package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.multiprocessing.AuthenticationError;
import org.pyconcurrent.multiprocessing.Connection;
import org.pyconcurrent.multiprocessing.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server every process runs once it hands a shared object to another process: a
 * {@link Listener} in its {@link SharedFiles} directory, authenticated with the {@link TreeKey},
 * through which threads of other processes sleep on words of segments this process made and wake
 * their sleepers, and use the queues this process made ({@link QueueHost}). One daemon thread accepts; one daemon thread per connected process reads its
 * requests. A connection that ends (its process exited) takes its sleepers with it.
 */
public final class Host {
    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    private static final ReentrantLock START = new ReentrantLock();
    private static final WaitTable WAITS = new WaitTable();
    private static volatile Host instance;
    private static volatile Adopter adopter;

    /** Takes over a connection whose process asked to adopt a handed-off end. */
    @FunctionalInterface
    public interface Adopter {
        /**
         * Handles an adoption request.
         *
         * @param id the end's id
         * @param socket the authenticated connection the request came on
         * @return true if the socket now belongs to the adopted end (the host stops reading it)
         */
        boolean adopt(long id, Connection socket);
    }

    /**
     * Registers the adoption handler (once, by the connection class).
     *
     * @param handler the handler
     */
    public static void onAdopt(Adopter handler) {
        adopter = handler;
    }

    /**
     * The request that adopts the handed-off end {@code id}.
     *
     * @param id the end's id
     * @return the message to send first on a fresh connection to the host
     */
    public static byte[] adoptRequest(long id) {
        return ByteBuffer.allocate(1 + 8).put(Wire.ADOPT).putLong(id).array();
    }

    /**
     * This process's host address, starting the host if needed.
     *
     * @return the address
     */
    public static String address() {
        return get().address;
    }

    private final Listener listener;
    /** Every connection being served, closed at exit so that no reader holds the exit up. */
    private final java.util.Set<Connection> peers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    private Host(Listener listener) {
        this.listener = listener;
        this.address = listener.address();
    }

    /** This process's sleepers. */
    static WaitTable waits() {
        return WAITS;
    }

    /**
     * This process's host, started on first call.
     *
     * @return the host
     */
    static Host get() {
        Host h = instance;
        if (h == null) {
            START.lock();
            try {
                h = instance;
                if (h == null) {
                    h = start();
                    instance = h;
                }
            } finally {
                START.unlock();
            }
        }
        return h;
    }

    private static Host start() {
        Listener listener = new Listener(SharedFiles.directory().resolve("host").toString(), TreeKey.get());
        Host host = new Host(listener);
        Thread acceptor = new Thread(host::acceptLoop, "pyconcurrent-host");
        acceptor.setDaemon(true);
        acceptor.start();
        ExitHooks.registerLast(new ExitHooks.Action() {
            @Override
            public void beginExit() {
                // children are still being joined and may still sleep here
            }

            @Override
            public void finishExit() {
                listener.close();
                host.peers.forEach(Connection::close);
            }
        });
        return host;
    }

    /**
     * Writes every request this process has batched for other processes' hosts (puts into their
     * queues); a child calls it when its target returns, before it exits.
     */
    public static void flushClients() {
        HostClient.flushAll();
    }

    /** This process's host address if its host runs, else null. */
    static String addressIfStarted() {
        Host h = instance;
        return h == null ? null : h.address;
    }

    private final String address;

    private void acceptLoop() {
        for (;;) {
            Connection peer;
            try {
                peer = listener.accept();
            } catch (AuthenticationError e) {
                LOG.warn("a process without this tree's key tried to connect: {}", e.getMessage());
                continue;
            } catch (IllegalStateException closed) {
                return;
            } catch (IOException e) {
                LOG.debug("a connection broke during its handshake", e);
                continue;
            } catch (InterruptedException e) {
                return;
            }
            Thread reader = new Thread(() -> serve(peer), "pyconcurrent-host-" + connections.incrementAndGet());
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Reads one connected process's requests until it goes. */
    private void serve(Connection peer) {
        Map<Long, Pending> pending = new ConcurrentHashMap<>();
        QueueHost.Calls queueCalls = new QueueHost.Calls(peer);
        boolean adopted = false;
        peers.add(peer);
        try {
            for (;;) {
                ByteBuffer in = ByteBuffer.wrap(peer.recvBytes());
                byte op = in.get();
                switch (op) {
                    case Wire.WAIT -> {
                        long reqId = in.getLong();
                        int offset = in.getInt();
                        long expected = in.getLong();
                        String path = Wire.path(in);
                        Segment segment = Segment.local(path);
                        RemoteSleeper sleeper = new RemoteSleeper(peer, reqId, pending);
                        if (segment == null) {
                            sleeper.wake();  // dropped here: the client finds out on its next look
                            continue;
                        }
                        pending.put(reqId, new Pending(path, offset, sleeper));
                        if (!WAITS.add(segment, offset, expected, sleeper)) {
                            pending.remove(reqId);
                            sleeper.wake();
                        }
                    }
                    case Wire.CANCEL -> {
                        Pending p = pending.remove(in.getLong());
                        if (p != null) {
                            WAITS.remove(p.path, p.offset, p.sleeper);
                        }
                    }
                    case Wire.ADOPT -> {
                        Adopter a = adopter;
                        if (a != null && a.adopt(in.getLong(), peer)) {
                            adopted = true;
                            return;
                        }
                        throw new IOException("adoption refused");
                    }
                    case Wire.WAKE -> {
                        int offset = in.getInt();
                        WAITS.wake(Wire.path(in), offset);
                    }
                    default -> {
                        if (!queueCalls.handle(op, in)) {
                            throw new IOException("unknown request " + op);
                        }
                    }
                }
            }
        } catch (IOException | IllegalStateException | InterruptedException | java.nio.BufferUnderflowException gone) {
            LOG.debug("a connected process has gone: {}", gone.toString());
        } finally {
            queueCalls.cancelAll();
            for (Pending p : pending.values()) {
                WAITS.remove(p.path, p.offset, p.sleeper);
            }
            peers.remove(peer);
            if (!adopted) {
                peer.close();
            }
        }
    }

    private record Pending(String path, int offset, RemoteSleeper sleeper) {
    }

    /** A sleeping request from another process: waking it answers the request. */
    private static final class RemoteSleeper implements WaitTable.Sleeper {
        private final Connection peer;
        private final long reqId;
        private final Map<Long, Pending> pending;

        RemoteSleeper(Connection peer, long reqId, Map<Long, Pending> pending) {
            this.peer = peer;
            this.reqId = reqId;
            this.pending = pending;
        }

        @Override
        public void wake() {
            pending.remove(reqId);
            boolean interrupted = Thread.interrupted();  // a waker's interrupt must not lose the answer
            try {
                peer.sendBytes(Wire.woken(reqId));
            } catch (IOException | IllegalStateException | InterruptedException gone) {
                // the process has gone; its reader cleans up
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
