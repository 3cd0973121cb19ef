package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.function.SerializableCallable;

/**
 * CPython's {@code multiprocessing.managers.BaseManager}: a server process (a child JVM) that
 * holds objects, and proxies ({@link BaseProxy}) through which any process uses them. This class
 * serves only the types {@link #register registered} with it; {@link SyncManager} adds CPython's
 * shared dict, list, queues, locks and the rest.
 *
 * <pre>{@code
 * interface Maths { int add(int a, int b); }
 * record MathsImpl() implements Maths { public int add(int a, int b) { return a + b; } }
 *
 * try (var manager = new BaseManager()) {
 *     manager.register("Maths", MathsImpl::new);
 *     manager.start();
 *     Maths maths = manager.create("Maths", Maths.class);
 *     maths.add(4, 3);  // 7, computed in the manager's process
 * }
 * }</pre>
 *
 * <h2>Local and remote</h2>
 * {@code new BaseManager()} listens on a Unix-domain socket in a private directory, and every
 * process of this process tree connects with the tree's key. {@code new BaseManager(address,
 * authkey)} is CPython's {@code BaseManager(address, authkey)}: {@link #start()} serves on that
 * address (a TCP {@link java.net.InetSocketAddress}, port 0 for any free one, or a Unix-domain
 * one), and from any other JVM {@link #connect()} reaches it with the same key. Connections
 * authenticate with HMAC-SHA256 both ways before a byte is deserialized; a wrong key is an
 * {@link AuthenticationError}. Proxies handed to another process carry the key with them, as
 * CPython's do when they go to a child process.
 *
 * <h2>Lifetime</h2>
 * {@link #shutdown()} (and {@link #close()}) stops the server process: its objects are gone, and
 * any proxy call fails with an {@link java.io.UncheckedIOException}. So does every call if the
 * server process dies (it is killed, or runs out of memory): at once, never a hang. The server
 * process is a daemon child: it ends when this process exits. Unlike CPython, shared objects are
 * not reference-counted: they live until the manager shuts down.
 */
public class BaseManager implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * Makes the object of a registered type from the arguments of
     * {@link #create(String, Object...)}, in the manager's process. Serializable, so that a lambda
     * or method reference travels to it.
     */
    @FunctionalInterface
    public interface Factory extends Serializable {
        /**
         * Makes an object.
         *
         * @param args the arguments given to {@code create}
         * @return the object to share
         * @throws Exception anything; the caller of {@code create} gets it
         */
        Object create(List<Object> args) throws Exception;
    }

    private enum State { INITIAL, STARTED, CONNECTED, SHUTDOWN }

    private final SocketAddress requestedAddress;
    private final byte[] authkey;
    private final Map<String, ManagerServer.Registration> registry = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state = State.INITIAL;
    private volatile SocketAddress address;
    private Process process;
    private Connection lifeline;

    /** A manager for this process tree: a private Unix-domain socket, the tree's key. */
    public BaseManager() {
        this.requestedAddress = null;
        this.authkey = null;
    }

    /**
     * CPython's {@code BaseManager(address, authkey)}: a manager to {@link #start()} on
     * {@code address}, or a running one to {@link #connect()} to.
     *
     * @param address a TCP address ({@link java.net.InetSocketAddress}) or a Unix-domain one
     * @param authkey the key every client must know (at least one byte)
     * @throws IllegalArgumentException if {@code authkey} is empty
     */
    public BaseManager(SocketAddress address, byte[] authkey) {
        this.requestedAddress = Objects.requireNonNull(address, "address");
        this.authkey = Listener.checkKey(authkey);
    }

    // ---------------------------------------------------------------- registration

    /**
     * CPython's {@code register(typeid, callable)}: {@code create(typeId)} makes an object with
     * {@code factory} in the manager's process; its proxies may call every public method.
     *
     * @param typeId the type's name
     * @param factory makes the object (runs in the manager)
     * @return this manager
     * @throws IllegalStateException if the manager has started
     */
    public BaseManager register(String typeId, SerializableCallable<?> factory) {
        Objects.requireNonNull(factory, "factory");
        return register(typeId, args -> factory.call(), (Set<String>) null);
    }

    /**
     * CPython's {@code register(typeid, callable, exposed=[...])}: as
     * {@link #register(String, SerializableCallable)}, but proxies may call only the methods named;
     * any other call fails with {@link RemoteError}.
     *
     * @param typeId the type's name
     * @param factory makes the object (runs in the manager)
     * @param exposed the method names proxies may call
     * @return this manager
     */
    public BaseManager register(String typeId, SerializableCallable<?> factory, String... exposed) {
        Objects.requireNonNull(factory, "factory");
        return register(typeId, args -> factory.call(), exposedSet(exposed));
    }

    /**
     * As {@link #register(String, SerializableCallable, String...)}, with a factory that takes the
     * arguments given to {@link #create(String, Object...)}.
     *
     * @param typeId the type's name
     * @param factory makes the object from the arguments (runs in the manager)
     * @param exposed the method names proxies may call; none given: every public method
     * @return this manager
     */
    public BaseManager register(String typeId, Factory factory, String... exposed) {
        Objects.requireNonNull(factory, "factory");
        return register(typeId, factory, exposed.length == 0 ? null : exposedSet(exposed));
    }

    private static Set<String> exposedSet(String[] exposed) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : exposed) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("an exposed method name must not be empty: " + Arrays.toString(
                        exposed));
            }
            names.add(name);
        }
        return Set.copyOf(names);
    }

    private BaseManager register(String typeId, Factory factory, Set<String> exposed) {
        if (typeId == null || typeId.isEmpty()) {
            throw new IllegalArgumentException("a type id must not be empty, got " + (typeId == null ? "null" : "''"));
        }
        lock.lock();
        try {
            if (state != State.INITIAL) {
                throw new IllegalStateException("register '" + typeId + "' before start(): the manager is "
                        + state.name().toLowerCase());
            }
            registry.put(typeId, new ManagerServer.Registration(factory, exposed));
        } finally {
            lock.unlock();
        }
        return this;
    }

    // ---------------------------------------------------------------- lifetime

    /**
     * CPython's {@code start()}: starts the server process and waits until it listens.
     *
     * @throws ProcessError if the manager has already started or shut down, or its process could
     *     not start (the message says why, such as an address in use)
     * @throws IllegalArgumentException if a registered factory cannot be serialized
     */
    public void start() {
        lock.lock();
        try {
            switch (state) {
                case STARTED, CONNECTED -> throw new ProcessError("Already started server");
                case SHUTDOWN -> throw new ProcessError("Manager has shut down");
                default -> { }
            }
            Pipe pipe = Pipe.create();
            Process p = new Process(getClass().getSimpleName() + "-" + COUNTER.incrementAndGet(),
                    new ManagerServer.Target(pipe.conn2(), requestedAddress, authkey, new LinkedHashMap<>(registry)));
            p.setDaemon(true);
            p.start();
            pipe.conn2().close();
            Object first;
            try {
                first = pipe.conn1().recv();
            } catch (IOException | InterruptedException e) {
                pipe.conn1().close();
                stopProcess(p);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new ProcessError("the manager process exited before it was ready (exit code " + p.exitcode()
                        + "): " + e.getMessage(), e);
            }
            if (first instanceof RemoteFailure f) {
                pipe.conn1().close();
                stopProcess(p);
                Throwable cause = f.toException();
                throw new ProcessError("the manager process could not start: " + cause.getMessage(), cause);
            }
            process = p;
            lifeline = pipe.conn1();
            address = (SocketAddress) first;
            state = State.STARTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * CPython's {@code connect()}: uses the manager already running at this manager's address.
     *
     * @throws AuthenticationError if the manager does not know this key
     * @throws java.io.UncheckedIOException if nothing answers at the address
     * @throws IllegalStateException if this manager has no address, or has started or shut down
     */
    public void connect() {
        lock.lock();
        try {
            if (requestedAddress == null) {
                throw new IllegalStateException("connect() needs the address and key of a running manager: "
                        + "use new BaseManager(address, authkey)");
            }
            if (state != State.INITIAL) {
                throw new IllegalStateException("cannot connect: the manager is " + state.name().toLowerCase());
            }
            ManagerClient.of(requestedAddress, authkey).verify();
            address = requestedAddress;
            state = State.CONNECTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * CPython's {@code shutdown()}: stops the server process (waits up to a second for it, then
     * kills it) and closes this process's connections to it. Does nothing if it is not running;
     * for a manager reached by {@link #connect()}, only forgets it (the server goes on).
     */
    public void shutdown() {
        lock.lock();
        try {
            if (state == State.STARTED) {
                try {
                    lifeline.send("shutdown");
                } catch (IOException | InterruptedException | IllegalStateException gone) {
                    if (gone instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
                lifeline.close();
                stopProcess(process);
                ManagerClient.forget(address);
            }
            state = State.SHUTDOWN;
        } finally {
            lock.unlock();
        }
    }

    private static void stopProcess(Process p) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!p.join(Duration.ofSeconds(1))) {
                p.terminate();
                if (!p.join(Duration.ofSeconds(1))) {
                    p.kill();
                    p.join(Duration.ofSeconds(5));
                }
            }
            p.close();
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (IllegalStateException stillRunning) {
            // a kill that has not landed yet: the exit hook sees to it
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CPython's {@code __exit__}: {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /**
     * CPython's {@code address}: where the server listens.
     *
     * @return the address; null before {@link #start()} or {@link #connect()}
     */
    public SocketAddress address() {
        return address;
    }

    /** The server process's pid, if this manager started it (for tests). */
    Long pid() {
        Process p = process;
        return p == null ? null : p.pid();
    }

    // ---------------------------------------------------------------- shared objects

    /**
     * CPython's {@code manager.TypeId(*args)}: makes a shared object of a registered type and
     * returns a generic proxy to it; call its methods with {@link BaseProxy#callMethod}.
     *
     * @param typeId the registered type
     * @param args the factory's arguments (serialized)
     * @return the proxy
     * @throws RemoteError if no such type is registered
     * @throws IllegalStateException if the manager is not running
     */
    public BaseProxy create(String typeId, Object... args) {
        return make(ProxyForm.Kind.GENERIC, typeId, args);
    }

    /**
     * As {@link #create(String, Object...)}, returning a proxy that implements {@code type}:
     * each call of one of its methods runs the method of the same name and parameter types on
     * the shared object. A method that declares {@link InterruptedException} can be interrupted
     * while it waits in the manager.
     *
     * @param <T> the interface
     * @param typeId the registered type
     * @param type an interface the shared object's methods match
     * @param args the factory's arguments
     * @return the proxy; it is {@link java.io.Serializable}, and can be handed to other processes
     * @throws IllegalArgumentException if {@code type} is not an interface
     */
    public <T> T create(String typeId, Class<T> type, Object... args) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException("a typed proxy needs an interface, got " + type.getName());
        }
        BaseProxy generic = create(typeId, args);
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new TypedHandler(generic)));
    }

    /** Makes a shared object and its proxy of {@code kind}. */
    @SuppressWarnings("unchecked")
    final <P extends BaseProxy> P make(ProxyForm.Kind kind, String typeId, Object... args) {
        SocketAddress at = address;
        State s = state;
        if (s != State.STARTED && s != State.CONNECTED) {
            throw new IllegalStateException("the manager is " + (s == State.INITIAL ? "not started: call start() or "
                    + "connect() first" : "shut down"));
        }
        long id = ManagerClient.of(at, authkey).create(typeId, Arrays.asList(args));
        return (P) ProxyForm.make(kind, new Token(typeId, at, authkey, id));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + state.name().toLowerCase() + (address == null ? "" : ", " + address)
                + "]";
    }

    /** The handler of a typed proxy: every interface method becomes a call by signature. */
    private record TypedHandler(BaseProxy target) implements InvocationHandler, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object[] a = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> a[0] != null && java.lang.reflect.Proxy.isProxyClass(a[0].getClass())
                            && java.lang.reflect.Proxy.getInvocationHandler(a[0]) instanceof TypedHandler h
                            && h.target.equals(target);
                    case "hashCode" -> target.hashCode();
                    default -> target.toString();
                };
            }
            String signature = ServedReflectively.signatureOf(method);
            for (Class<?> thrown : method.getExceptionTypes()) {
                if (thrown.isAssignableFrom(InterruptedException.class)) {
                    return target.callWaiting(signature, a);
                }
            }
            return target.call(signature, a);
        }
    }
}
