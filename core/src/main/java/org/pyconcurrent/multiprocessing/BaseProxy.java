package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;

/**
 * CPython's {@code multiprocessing.managers.BaseProxy}: a reference to an object that lives in a
 * manager's server process. Every method call is a round trip to the server, where the call
 * runs; arguments travel serialized, and results come back as copies (changing a returned object
 * does not change the shared one, as in Python). A proxy can be handed to another process (a
 * {@link Process} target, a {@link Pool} task, a queue) and reaches the same object from there;
 * a proxy stored inside a shared object stays a proxy.
 *
 * <p>Each thread talks to the server over a connection of its own, served by a thread of its
 * own there, as in CPython: a lock or condition in the manager knows which client thread holds
 * it. If the manager process has gone, a call fails at once with an
 * {@link java.io.UncheckedIOException} that says so.
 *
 * <p>Two proxies are equal when they refer to the same shared object, except where the proxy's
 * Java interface defines equality by content ({@link DictProxy}, {@link ListProxy}).
 *
 * <h2>Memory consistency effects</h2>
 * A call returns after the server has run it: what the call did is visible to every later call
 * on the same shared object, from any process.
 */
public class BaseProxy implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The shared object. */
    final transient Token token;

    BaseProxy(Token token) {
        this.token = token;
    }

    /**
     * CPython's {@code _callmethod(name, args)}: calls a method of the shared object by name, with
     * the overload chosen by the arguments' run-time types (or named outright, as in
     * {@code "add(int,int)"}).
     *
     * @param method the method's name
     * @param args its arguments (serialized)
     * @return its result, a copy
     * @throws RemoteError if the method is not exposed by the shared object's type
     * @throws IllegalArgumentException if an argument cannot be serialized (nothing was sent)
     * @throws java.io.UncheckedIOException if the manager has gone
     * @throws InterruptedException if interrupted while the call waits in the server (it is then
     *     interrupted there)
     */
    public Object callMethod(String method, Object... args) throws InterruptedException {
        return token.client().callInterruptibly(token.id(), method, args);
    }

    /**
     * The type the shared object was registered as (CPython's {@code _token.typeid}).
     *
     * @return the type id
     */
    public final String typeId() {
        return token.typeId();
    }

    /** A call of a method that does not wait. */
    final Object call(String method, Object... args) {
        return token.client().call(token.id(), method, args);
    }

    /** A call of a method that may wait. */
    final Object callWaiting(String method, Object... args) throws InterruptedException {
        return token.client().callInterruptibly(token.id(), method, args);
    }

    /** Which proxy class rebuilds this one in another process. */
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.GENERIC;
    }

    @Serial
    final Object writeReplace() {
        return new ProxyForm(kind(), token);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseProxy p && p.getClass() == getClass() && p.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    /**
     * The shared object's own {@code toString()}, from the server (CPython's {@code str(proxy)}).
     * A proxy held in a shared dict, list, namespace or value shows there as {@link #repr()}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return ServedCollections.serving() ? repr() : (String) call("toString");
    }

    /**
     * CPython's {@code repr(proxy)}, made here without a round trip:
     * {@code <DictProxy object, typeid 'dict', id 3>}. What a proxy nested in a shared dict, list,
     * namespace or value shows in that object's {@code toString()}, as in CPython.
     */
    final String repr() {
        return "<" + getClass().getSimpleName() + " object, typeid '" + token.typeId() + "', id " + token.id() + ">";
    }
}
