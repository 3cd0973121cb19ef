package org.pyconcurrent.multiprocessing;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pyconcurrent.function.SerializableRunnable;

/**
 * CPython's {@code multiprocessing.managers.SyncManager}: a {@link BaseManager} whose server
 * also holds CPython's shared types. {@link Manager} is one, started. Each method makes a new
 * shared object in the server and returns its proxy:
 *
 * <table class="striped">
 *   <caption>Shared types</caption>
 *   <tr><th>Python</th><th>here</th><th>proxy</th></tr>
 *   <tr><td>{@code manager.dict()}</td><td>{@link #dict()}</td><td>{@link DictProxy}, a {@code Map}</td></tr>
 *   <tr><td>{@code manager.list()}</td><td>{@link #list()}</td><td>{@link ListProxy}, a {@code List}</td></tr>
 *   <tr><td>{@code manager.Namespace()}</td><td>{@link #namespace()}</td><td>{@link NamespaceProxy}</td></tr>
 *   <tr><td>{@code manager.Queue()}, {@code JoinableQueue()}</td><td>{@link #queue()},
 *       {@link #joinableQueue()}</td><td>{@link QueueProxy}</td></tr>
 *   <tr><td>{@code manager.Lock()}, {@code RLock()}</td><td>{@link #lock()}, {@link #rLock()}</td>
 *       <td>{@link AcquirerProxy}</td></tr>
 *   <tr><td>{@code manager.Semaphore(n)}, {@code BoundedSemaphore(n)}</td><td>{@link #semaphore(int)},
 *       {@link #boundedSemaphore(int)}</td><td>{@link SemaphoreProxy}</td></tr>
 *   <tr><td>{@code manager.Condition()}</td><td>{@link #condition()}</td><td>{@link ConditionProxy}</td></tr>
 *   <tr><td>{@code manager.Event()}</td><td>{@link #event()}</td><td>{@link EventProxy}</td></tr>
 *   <tr><td>{@code manager.Barrier(n)}</td><td>{@link #barrier(int)}</td><td>{@link BarrierProxy}</td></tr>
 *   <tr><td>{@code manager.Value(t, v)}</td><td>{@link #value(String, Object)}</td><td>{@link ValueProxy}</td></tr>
 *   <tr><td>{@code manager.Array(t, seq)}</td><td>{@link #array(String, Collection)}</td>
 *       <td>{@link ListProxy}, of fixed length</td></tr>
 * </table>
 */
public class SyncManager extends BaseManager {
    /** The typecodes {@link #value} and {@link #array} accept: the {@code array} module's. */
    private static final Set<String> TYPECODES = Set.of("b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d",
            "c", "u");

    /** A manager for this process tree, not started: call {@link #start()}. */
    public SyncManager() {
    }

    /**
     * A manager to serve on {@code address}, or to {@link #connect()} to one running there.
     *
     * @param address a TCP address ({@link java.net.InetSocketAddress}) or a Unix-domain one
     * @param authkey the key every client must know
     */
    public SyncManager(SocketAddress address, byte[] authkey) {
        super(address, authkey);
    }

    /**
     * Python's {@code manager.dict()}.
     *
     * @param <K> the keys
     * @param <V> the values
     * @return an empty shared dict
     */
    public <K, V> DictProxy<K, V> dict() {
        return make(ProxyForm.Kind.DICT, "dict");
    }

    /**
     * Python's {@code manager.dict(mapping)}.
     *
     * @param <K> the keys
     * @param <V> the values
     * @param initial the first contents (copied, in its iteration order)
     * @return the shared dict
     */
    public <K, V> DictProxy<K, V> dict(Map<? extends K, ? extends V> initial) {
        return make(ProxyForm.Kind.DICT, "dict", new LinkedHashMap<>(Objects.requireNonNull(initial, "initial")));
    }

    /**
     * Python's {@code manager.list()}.
     *
     * @param <E> the elements
     * @return an empty shared list
     */
    public <E> ListProxy<E> list() {
        return make(ProxyForm.Kind.LIST, "list");
    }

    /**
     * Python's {@code manager.list(iterable)}.
     *
     * @param <E> the elements
     * @param initial the first elements (copied)
     * @return the shared list
     */
    public <E> ListProxy<E> list(Collection<? extends E> initial) {
        return make(ProxyForm.Kind.LIST, "list", new ArrayList<>(Objects.requireNonNull(initial, "initial")));
    }

    /**
     * Python's {@code manager.Namespace()}.
     *
     * @return an empty shared namespace
     */
    public NamespaceProxy namespace() {
        return make(ProxyForm.Kind.NAMESPACE, "Namespace");
    }

    /**
     * Python's {@code manager.Queue()}: unbounded.
     *
     * @param <E> the items
     * @return the shared queue
     */
    public <E> QueueProxy<E> queue() {
        return queue(0);
    }

    /**
     * Python's {@code manager.Queue(maxsize)}.
     *
     * @param <E> the items
     * @param maxsize the bound; 0 or less for none
     * @return the shared queue
     */
    public <E> QueueProxy<E> queue(int maxsize) {
        return make(ProxyForm.Kind.QUEUE, "Queue", maxsize);
    }

    /**
     * Python's {@code manager.JoinableQueue()}: the same {@code queue.Queue} as {@link #queue()}.
     *
     * @param <E> the items
     * @return the shared queue
     */
    public <E> QueueProxy<E> joinableQueue() {
        return joinableQueue(0);
    }

    /**
     * Python's {@code manager.JoinableQueue(maxsize)}.
     *
     * @param <E> the items
     * @param maxsize the bound; 0 or less for none
     * @return the shared queue
     */
    public <E> QueueProxy<E> joinableQueue(int maxsize) {
        return make(ProxyForm.Kind.QUEUE, "JoinableQueue", maxsize);
    }

    /**
     * Python's {@code manager.Lock()}.
     *
     * @return a shared {@code threading.Lock}
     */
    public AcquirerProxy lock() {
        return make(ProxyForm.Kind.ACQUIRER, "Lock");
    }

    /**
     * Python's {@code manager.RLock()}.
     *
     * @return a shared {@code threading.RLock}, owned by a client thread
     */
    public AcquirerProxy rLock() {
        return make(ProxyForm.Kind.ACQUIRER, "RLock");
    }

    /**
     * Python's {@code manager.Semaphore()}: an initial value of 1.
     *
     * @return the shared semaphore
     */
    public SemaphoreProxy semaphore() {
        return semaphore(1);
    }

    /**
     * Python's {@code manager.Semaphore(value)}.
     *
     * @param value the initial value
     * @return the shared semaphore
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public SemaphoreProxy semaphore(int value) {
        checkValue(value);
        return make(ProxyForm.Kind.SEMAPHORE, "Semaphore", value);
    }

    /**
     * Python's {@code manager.BoundedSemaphore()}: an initial value of 1.
     *
     * @return the shared semaphore
     */
    public SemaphoreProxy boundedSemaphore() {
        return boundedSemaphore(1);
    }

    /**
     * Python's {@code manager.BoundedSemaphore(value)}.
     *
     * @param value the initial value, which a release may not pass
     * @return the shared semaphore
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public SemaphoreProxy boundedSemaphore(int value) {
        checkValue(value);
        return make(ProxyForm.Kind.SEMAPHORE, "BoundedSemaphore", value);
    }

    private static void checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
    }

    /**
     * Python's {@code manager.Condition()}: over a new {@code RLock}.
     *
     * @return the shared condition
     */
    public ConditionProxy condition() {
        return make(ProxyForm.Kind.CONDITION, "Condition");
    }

    /**
     * Python's {@code manager.Event()}.
     *
     * @return the shared event
     */
    public EventProxy event() {
        return make(ProxyForm.Kind.EVENT, "Event");
    }

    /**
     * Python's {@code manager.Barrier(parties)}.
     *
     * @param parties the number of parties
     * @return the shared barrier
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public BarrierProxy barrier(int parties) {
        return barrier(parties, null, null);
    }

    /**
     * Python's {@code manager.Barrier(parties, action, timeout)}.
     *
     * @param parties the number of parties
     * @param action run by one party, in the manager's process, when all have arrived; may be null
     * @param timeout the default timeout of {@code await()}; null for none
     * @return the shared barrier
     * @throws IllegalArgumentException if {@code parties} is less than 1 or the timeout negative
     */
    public BarrierProxy barrier(int parties, SerializableRunnable action, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least one party, got " + parties);
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be a non-negative duration, got " + timeout);
        }
        return make(ProxyForm.Kind.BARRIER, "Barrier", parties, action, timeout);
    }

    /**
     * Python's {@code manager.Value(typecode, value)}: the typecode is recorded, not enforced, as
     * in CPython.
     *
     * @param <T> the value's type
     * @param typecode an {@code array} module typecode, such as {@code "i"} or {@code "d"}
     * @param value the initial value
     * @return the shared value
     * @throws IllegalArgumentException if the typecode is not one
     */
    public <T> ValueProxy<T> value(String typecode, T value) {
        return make(ProxyForm.Kind.VALUE, "Value", checkTypecode(typecode), value);
    }

    /**
     * Python's {@code manager.Array(typecode, sequence)}: a list of fixed length.
     *
     * @param <E> the elements
     * @param typecode an {@code array} module typecode
     * @param values the elements
     * @return the shared array
     * @throws IllegalArgumentException if the typecode is not one
     */
    public <E> ListProxy<E> array(String typecode, Collection<? extends E> values) {
        return make(ProxyForm.Kind.LIST, "Array", checkTypecode(typecode),
                new ArrayList<>(Objects.requireNonNull(values, "values")));
    }

    private static String checkTypecode(String typecode) {
        if (typecode == null || !TYPECODES.contains(typecode)) {  // Set.of(...).contains(null) throws NPE
            throw new IllegalArgumentException("bad typecode (must be one of b, B, h, H, i, I, l, L, q, Q, f, d, c, "
                    + "u): " + (typecode == null ? "null" : "'" + typecode + "'"));
        }
        return typecode;
    }

}
