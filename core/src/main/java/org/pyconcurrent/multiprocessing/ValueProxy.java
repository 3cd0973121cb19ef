package org.pyconcurrent.multiprocessing;

import java.io.Serial;

/**
 * CPython's {@code ValueProxy}, from {@link SyncManager#value}: one value in a manager, got and
 * set whole. Unlike a {@link Value} in shared memory, {@code v.set(v.get() + 1)} from two
 * processes can lose an update: guard it with a manager {@link SyncManager#lock() lock}, as in
 * Python.
 *
 * @param <T> the value's type
 */
public final class ValueProxy<T> extends BaseProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    ValueProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.VALUE;
    }

    /**
     * Python's {@code v.value} (or {@code get()}).
     *
     * @return a copy of the value
     */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call("get");
    }

    /**
     * Python's {@code v.value = x} (or {@code set(x)}).
     *
     * @param value the new value
     */
    public void set(T value) {
        call("set", value);
    }
}
