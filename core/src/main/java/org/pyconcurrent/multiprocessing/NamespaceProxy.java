package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * CPython's {@code NamespaceProxy}, from {@link SyncManager#namespace()}: attributes by name,
 * shared. {@code ns.x = 1} becomes {@code ns.set("x", 1)}, {@code ns.x} becomes
 * {@code ns.get("x")}, {@code del ns.x} becomes {@code ns.delete("x")}. Values are copies: as in
 * Python, changing a list got from a namespace does not change the shared one (set it again).
 */
public final class NamespaceProxy extends BaseProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    NamespaceProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.NAMESPACE;
    }

    /**
     * Python's {@code ns.name = value}.
     *
     * @param name the attribute
     * @param value its value (serialized)
     */
    public void set(String name, Object value) {
        call("set", checked(name), value);
    }

    /**
     * Python's {@code ns.name}.
     *
     * @param <T> the type the caller expects
     * @param name the attribute
     * @return a copy of its value
     * @throws NoSuchElementException if there is no such attribute (Python's AttributeError)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) call("get", checked(name));
    }

    /**
     * Python's {@code del ns.name}.
     *
     * @param name the attribute
     * @throws NoSuchElementException if there is no such attribute (Python's AttributeError)
     */
    public void delete(String name) {
        call("delete", checked(name));
    }

    /**
     * Python's {@code hasattr(ns, name)}.
     *
     * @param name the attribute
     * @return whether it is set
     */
    public boolean has(String name) {
        return (Boolean) call("has", checked(name));
    }

    /**
     * Python's {@code vars(ns)}: every attribute, in the order they were first set.
     *
     * @return a local copy
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> copy() {
        return (Map<String, Object>) call("copy");
    }

    private static String checked(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an attribute name must not be empty, got " + (name == null ? "null"
                    : "''"));
        }
        return name;
    }

    /** CPython's {@code Namespace(a=1, b=2)} text. */
    static String format(Map<String, Object> attributes) {
        StringBuilder s = new StringBuilder("Namespace(");
        String sep = "";
        for (Map.Entry<String, Object> e : new LinkedHashMap<>(attributes).entrySet()) {
            s.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return s.append(')').toString();
    }
}
