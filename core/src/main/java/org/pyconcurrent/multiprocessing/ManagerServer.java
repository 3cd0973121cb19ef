package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.Serial;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.shared.SharedFiles;
import org.pyconcurrent.internal.shared.TreeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's server: the shared objects, a {@link Listener} that clients connect to, and one
 * daemon thread per connection that runs its requests in order. Clients use one connection per
 * thread (as CPython's proxies do), so the server thread of a connection stands for one client
 * thread: a shared {@code RLock} or {@code Condition} knows its owner, and a call that waits
 * holds up nobody else. Objects live until the server stops.
 */
final class ManagerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerServer.class);
    private static final AtomicInteger SERVERS = new AtomicInteger();

    /**
     * A type registered with {@link BaseManager#register}.
     *
     * @param factory makes an object from the arguments of {@code create}
     * @param exposed the method names proxies may call; null for every public method
     */
    record Registration(BaseManager.Factory factory, Set<String> exposed) implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * The manager process's target: starts the server, sends the parent its address (or why it
     * could not start), and serves until the parent says stop or goes.
     *
     * @param parent the pipe to the process that started the manager
     * @param listenAt a TCP address, or null for a Unix-domain socket in this process's private
     *     directory
     * @param authkey the key clients must know; null for the process tree's key
     * @param registry the registered types
     */
    record Target(Connection parent, SocketAddress listenAt, byte[] authkey, Map<String, Registration> registry)
            implements SerializableRunnable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
            ManagerServer server;
            try {
                server = new ManagerServer(listenAt, authkey, registry);
            } catch (RuntimeException e) {
                sendQuietly(RemoteFailure.of(e));
                return;
            }
            try (server) {
                parent.send(server.address());
                parent.recv();  // "shutdown", or the end of the stream when the parent has gone
            } catch (IOException | InterruptedException | IllegalStateException stop) {
                // the parent has gone, or this process is being stopped
            } finally {
                parent.close();
            }
        }

        private void sendQuietly(Object message) {
            try {
                parent.send(message);
            } catch (IOException | InterruptedException | RuntimeException gone) {
                // nobody is listening
            }
        }
    }

    private final Listener listener;
    private final Map<String, Registration> registry;
    private final Map<Long, Served> objects = new ConcurrentHashMap<>();
    private final Map<Long, Worker> connections = new ConcurrentHashMap<>();
    private final AtomicLong objectIds = new AtomicLong();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    ManagerServer(SocketAddress listenAt, byte[] authkey, Map<String, Registration> registry) {
        byte[] key = authkey == null ? TreeKey.get() : authkey;
        if (listenAt == null) {
            String path = SharedFiles.directory().resolve("manager-" + SERVERS.incrementAndGet()).toString();
            listener = new Listener(path, key);
        } else if (listenAt instanceof UnixDomainSocketAddress unix) {
            listener = new Listener(unix.getPath().toString(), key);
        } else {
            listener = Listener.tcp((java.net.InetSocketAddress) listenAt, key);
        }
        this.registry = Map.copyOf(registry);
        acceptor = Thread.ofPlatform().name("pyconcurrent-manager").daemon(true).start(this::acceptLoop);
    }

    SocketAddress address() {
        return listener.socketAddress();
    }

    /** Stops: no more connections, every connection closed, every waiting call interrupted. */
    @Override
    public void close() {
        closed = true;
        listener.close();
        acceptor.interrupt();
        for (Worker w : connections.values()) {
            w.stop();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Connection peer;
            try {
                peer = listener.accept();
            } catch (AuthenticationError e) {
                LOG.warn("a client without the manager's key tried to connect: {}", e.getMessage());
                continue;
            } catch (IllegalStateException | InterruptedException stopped) {
                return;
            } catch (IOException e) {
                LOG.debug("a connection broke during its handshake", e);
                continue;
            }
            long id = connectionIds.incrementAndGet();
            Thread.ofPlatform().name("pyconcurrent-manager-" + id).daemon(true).start(() -> serve(peer, id));
        }
    }

    /** Runs one connection's requests until it ends. */
    private void serve(Connection peer, long id) {
        Worker me = new Worker(Thread.currentThread(), peer);
        connections.put(id, me);
        try {
            if (closed) {
                return;
            }
            peer.sendBytes(ByteBuffer.allocate(8).putLong(id).array());
            for (;;) {
                ManagerWire.Request r = ManagerWire.Request.decode(peer.recvBytes());
                switch (r.op()) {
                    case ManagerWire.INTERRUPT -> {
                        Worker target = connections.get(r.id());
                        if (target != null) {
                            target.interrupt(r.seq());
                        }
                    }
                    case ManagerWire.CREATE -> peer.sendBytes(me.run(r.seq(), false, () -> create(r.name(), args(r))));
                    case ManagerWire.CALL, ManagerWire.CALL_INTERRUPTED -> peer.sendBytes(me.run(r.seq(),
                            r.op() == ManagerWire.CALL_INTERRUPTED, () -> call(r.id(), r.name(), args(r))));
                    default -> throw new IOException("unknown request " + r.op());
                }
            }
        } catch (IOException | IllegalStateException | InterruptedException | java.nio.BufferUnderflowException e) {
            LOG.debug("a manager connection has ended: {}", e.toString());
        } finally {
            connections.remove(id);
            peer.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> args(ManagerWire.Request r) throws Exception {
        if (r.args().length == 0) {
            return List.of();
        }
        try {
            return (List<Object>) Serialization.fromBytes(r.args());
        } catch (IOException e) {
            throw new IllegalArgumentException("the manager cannot read the arguments of " + r.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private Object call(long id, String method, List<Object> args) throws Exception {
        Served target = objects.get(id);
        if (target == null) {
            throw new RemoteError("no shared object with id " + id + " in this manager", null);
        }
        return target.call(method, args);
    }

    /** Makes a shared object; returns its id. */
    private Object create(String typeId, List<Object> args) throws Exception {
        Registration r = registry.get(typeId);
        Served made;
        if (r != null) {
            Object obj = r.factory().create(args);
            made = obj instanceof Served s ? s : new ServedReflectively(typeId, obj, r.exposed());
        } else {
            made = builtin(typeId, args);
        }
        long id = objectIds.incrementAndGet();
        objects.put(id, made);
        return id;
    }

    /** The types every manager serves (CPython's SyncManager's). */
    private static Served builtin(String typeId, List<Object> a) {
        return switch (typeId) {
            case "dict" -> new ServedCollections.Dict(a.isEmpty() ? null : (Map<?, ?>) a.get(0));
            case "list" -> new ServedCollections.Seq(a.isEmpty() ? null : (Collection<?>) a.get(0), false);
            case "Array" -> new ServedCollections.Seq((Collection<?>) a.get(1), true);
            case "Namespace" -> new ServedCollections.Namespace();
            case "Value" -> new ServedCollections.Cell((String) a.get(0), a.get(1));
            case "Queue", "JoinableQueue" -> new ServedSync.Q(a.isEmpty() ? 0 : (Integer) a.get(0));
            case "Lock" -> new ServedSync.Acquirer("lock", new org.pyconcurrent.threading.Lock());
            case "RLock" -> new ServedSync.Acquirer("rlock", new org.pyconcurrent.threading.RLock());
            case "Semaphore" -> new ServedSync.Acquirer("semaphore",
                    new org.pyconcurrent.threading.Semaphore((Integer) a.get(0)));
            case "BoundedSemaphore" -> new ServedSync.Acquirer("bounded semaphore",
                    new org.pyconcurrent.threading.BoundedSemaphore((Integer) a.get(0)));
            case "Condition" -> new ServedSync.Cond();
            case "Event" -> new ServedSync.Ev();
            case "Barrier" -> new ServedSync.Bar(new org.pyconcurrent.threading.Barrier((Integer) a.get(0),
                    (Runnable) a.get(1), (Duration) a.get(2)));
            default -> throw new RemoteError("no type '" + typeId + "' is registered with this manager", null);
        };
    }

    /** What a call does. */
    @FunctionalInterface
    private interface Body {
        Object run() throws Exception;
    }

    /**
     * The server side of one connection: its thread, and which call it runs, so that the client
     * can interrupt exactly that call.
     */
    private static final class Worker {
        private final Thread thread;
        private final Connection peer;
        private final ReentrantLock lock = new ReentrantLock();
        /** The call running, or 0; guarded by {@link #lock}. */
        private long running;
        /** Whether the client asked to interrupt the call running; guarded by {@link #lock}. */
        private boolean interruptAsked;
        /** A call the client asked to interrupt before it started; guarded by {@link #lock}. */
        private long interruptEarly;
        /** The last call started; guarded by {@link #lock}. */
        private long lastStarted;

        Worker(Thread thread, Connection peer) {
            this.thread = thread;
            this.peer = peer;
        }

        /**
         * Runs a call and returns its answer: the result, the failure, or "cancelled".
         * {@code interrupted}: the caller's interrupt status was set when it made the call.
         */
        byte[] run(long seq, boolean interrupted, Body body) {
            lock.lock();
            try {
                running = seq;
                lastStarted = seq;
                interruptAsked = interrupted || interruptEarly == seq;
                if (interruptAsked) {
                    thread.interrupt();  // the caller was interrupted, or the request to interrupt overtook the call
                }
            } finally {
                lock.unlock();
            }
            try {
                Object result = body.run();
                try {
                    return ManagerWire.answer(ManagerWire.OK, Serialization.toBytes(result));
                } catch (IllegalArgumentException notSerializable) {
                    return failure(new IllegalArgumentException("the result cannot be sent from the manager: "
                            + notSerializable.getMessage()));
                }
            } catch (InterruptedException e) {
                return asked() ? ManagerWire.answer(ManagerWire.CANCELLED, new byte[0]) : failure(e);
            } catch (Throwable t) {
                return failure(t);
            } finally {
                lock.lock();
                try {
                    running = 0;
                    Thread.interrupted();  // an interrupt asked for this call must not hit the next
                } finally {
                    lock.unlock();
                }
            }
        }

        private boolean asked() {
            lock.lock();
            try {
                return interruptAsked;
            } finally {
                lock.unlock();
            }
        }

        private static byte[] failure(Throwable t) {
            return ManagerWire.answer(ManagerWire.FAILED, Serialization.toBytes(RemoteFailure.of(t)));
        }

        /** Interrupts call {@code seq} if it is still running. */
        void interrupt(long seq) {
            lock.lock();
            try {
                if (running == seq) {
                    interruptAsked = true;
                    thread.interrupt();
                } else if (seq > lastStarted) {
                    interruptEarly = seq;
                }
            } finally {
                lock.unlock();
            }
        }

        void stop() {
            peer.close();
            thread.interrupt();
        }
    }

    /** For {@link #builtin}: the arguments of a barrier with neither action nor timeout. */
    static List<Object> barrierArgs(int parties, SerializableRunnable action, Duration timeout) {
        List<Object> a = new ArrayList<>(3);
        a.add(parties);
        a.add(action);
        a.add(timeout);
        return a;
    }
}
