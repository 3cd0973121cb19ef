package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;

/**
 * A proxy on its way to another process (or into a manager, nested in a shared object): which
 * proxy class and the {@link Token}. The receiver rebuilds the same proxy, which reaches the same
 * shared object (CPython's {@code RebuildProxy}).
 *
 * @param kind the proxy class
 * @param token the shared object
 */
record ProxyForm(Kind kind, Token token) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The proxy classes. */
    enum Kind { GENERIC, DICT, LIST, NAMESPACE, QUEUE, ACQUIRER, SEMAPHORE, CONDITION, EVENT, BARRIER, VALUE }

    @Serial
    private Object readResolve() {
        return make(kind, token);
    }

    /** A proxy of {@code kind} for {@code token}. */
    static BaseProxy make(Kind kind, Token token) {
        return switch (kind) {
            case GENERIC -> new BaseProxy(token);
            case DICT -> new DictProxy<>(token);
            case LIST -> new ListProxy<>(token);
            case NAMESPACE -> new NamespaceProxy(token);
            case QUEUE -> new QueueProxy<>(token);
            case ACQUIRER -> new AcquirerProxy(token);
            case SEMAPHORE -> new SemaphoreProxy(token);
            case CONDITION -> new ConditionProxy(token);
            case EVENT -> new EventProxy(token);
            case BARRIER -> new BarrierProxy(token);
            case VALUE -> new ValueProxy<>(token);
        };
    }
}
