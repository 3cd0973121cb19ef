package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pyconcurrent.internal.ipc.ConnectionAccess;
import org.pyconcurrent.internal.ipc.FrameChannel;
import org.pyconcurrent.internal.shared.Host;
import org.pyconcurrent.internal.shared.TreeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handing a {@link Connection} to another process. Serializing an end exports it: it is kept
 * here under an id, and the serialized form names this process's host and the id. The process
 * that deserializes it connects to the host, authenticates with the tree's key and asks to adopt
 * the id; the host answers, then either moves the peer end's traffic to that socket (the peer is
 * a {@link Pipe} end still in this process: the two processes then talk directly) or relays
 * between the exported end's socket and the new one (two daemon threads).
 *
 * <p>An end exported while a {@link Process} is being started belongs to that start: if the child
 * exits without adopting it, the end is closed, so its peer sees the end of the stream instead of
 * waiting forever.
 */
final class Handoff {
    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Long, Connection> EXPORTED = new ConcurrentHashMap<>();
    /** The ends exported by the {@link Process#start()} running in this thread, if any. */
    private static final ThreadLocal<List<Long>> SCOPE = new ThreadLocal<>();
    private static final java.util.concurrent.locks.ReentrantLock EXPORT = new java.util.concurrent.locks.ReentrantLock();
    private static final byte ACCEPTED = 0;
    private static final byte REFUSED = 1;

    private Handoff() {
    }

    /** Registers the host's adoption handler; called once, when {@link Connection} loads. */
    static void install() {
        Host.onAdopt(Handoff::adopt);
    }

    // ---------------------------------------------------------------- exporting side

    /** The serialized form of {@code end}; exports it on first call. */
    static Object export(Connection end) {
        if (end.closed() && end.exportId == 0L) {
            throw new IllegalStateException("cannot hand a closed connection to another process: " + end);
        }
        long id;
        EXPORT.lock();
        try {
            id = end.exportId;
            if (id == 0L) {
                id = IDS.incrementAndGet();
                EXPORTED.put(id, end);
                end.exportId = id;
                List<Long> scope = SCOPE.get();
                if (scope != null) {
                    scope.add(id);
                }
            }
        } finally {
            EXPORT.unlock();
        }
        return new Form(Host.address(), id, end.readable(), end.writable());
    }

    /** Starts collecting the ends a process start exports (this thread). */
    static void beginScope() {
        SCOPE.set(new ArrayList<>());
    }

    /** Stops collecting; returns what was exported since {@link #beginScope()}. */
    static List<Long> endScope() {
        List<Long> ids = SCOPE.get();
        SCOPE.remove();
        return ids == null ? List.of() : ids;
    }

    /** The start that exported these ends failed before any process got them: they are usable here again. */
    static void cancel(List<Long> ids) {
        for (long id : ids) {
            Connection end = EXPORTED.remove(id);
            if (end != null) {
                end.exportId = 0L;
            }
        }
    }

    /** The process the ends were handed to has exited: closes those it never adopted. */
    static void dropUnadopted(List<Long> ids) {
        for (long id : ids) {
            Connection end = EXPORTED.remove(id);
            if (end != null) {
                end.closeChannels();
            }
        }
    }

    // ---------------------------------------------------------------- host side

    /** A process asks to adopt {@code id} over {@code socket}; returns true if it took the socket. */
    private static boolean adopt(long id, Connection socket) {
        Connection end = EXPORTED.remove(id);
        try {
            if (end == null) {
                socket.sendBytes(refusal("no connection " + id + " to hand over: it was taken already, or closed"));
                return false;
            }
            socket.sendBytes(new byte[] {ACCEPTED});
            FrameChannel target = ConnectionAccess.frames(socket);
            Connection peer = end.peer;
            if (peer != null && peer.exportId == 0L && !peer.closed()) {
                peer.redirectTo(end, target);
            } else {
                relay(end, socket);
            }
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOG.warn("handing {} to another process failed", end, e);
            if (end != null) {
                end.closeChannels();
            }
            return false;
        }
    }

    private static byte[] refusal(String why) {
        byte[] text = why.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + text.length];
        out[0] = REFUSED;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    /** Pumps frames both ways between the exported end's socket and the adopter's socket. */
    private static void relay(Connection end, Connection socket) {
        FrameChannel here = end.readChannel();
        FrameChannel there = ConnectionAccess.frames(socket);
        pump(here, there, end, socket, "pyconcurrent-relay-out-" + end.exportId);
        pump(there, here, end, socket, "pyconcurrent-relay-in-" + end.exportId);
    }

    private static void pump(FrameChannel from, FrameChannel to, Connection end, Connection socket, String name) {
        Thread t = new Thread(() -> {
            try {
                for (;;) {
                    from.nextLength();
                    byte[] m = from.readBody();
                    to.write(m, 0, m.length);
                }
            } catch (IOException | InterruptedException | RuntimeException endOfEitherSide) {
                end.closeChannels();
                socket.closeChannels();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    // ---------------------------------------------------------------- adopting side

    /**
     * A connection in transit: the exporting host's address, the id there, and the directions.
     *
     * @param host the exporting process's host address
     * @param id the end's id there
     * @param readable whether the end receives
     * @param writable whether the end sends
     */
    record Form(String host, long id, boolean readable, boolean writable) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws IOException {
            boolean interrupted = Thread.interrupted();  // adopting is short; an interrupt waits for it
            try {
                Connection c = Client.connect(host, TreeKey.get());
                c.sendBytes(Host.adoptRequest(id));
                byte[] answer = c.recvBytes();
                if (answer.length == 0 || answer[0] != ACCEPTED) {
                    c.close();
                    throw new IOException("cannot take the connection: "
                            + new String(answer, 1, Math.max(0, answer.length - 1), StandardCharsets.UTF_8));
                }
                c.restrict(readable, writable);
                return c;
            } catch (InterruptedException e) {
                throw new IOException("interrupted while taking a connection from " + host, e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
