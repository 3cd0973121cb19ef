package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * CPython's {@code ListProxy}, from {@link SyncManager#list()}, and its {@code ArrayProxy}, from
 * {@link SyncManager#array}: a {@link List} that lives in a manager. Each method is one round
 * trip and atomic in the server. An array has a fixed length: what would change it throws
 * {@link UnsupportedOperationException}.
 *
 * <h2>Iteration and views</h2>
 * {@link #iterator()} and {@link #listIterator()} work on a snapshot taken in one round trip (an
 * iterator sees the list as it was; it cannot change it: {@code remove}, {@code set} and
 * {@code add} on it throw {@link UnsupportedOperationException}). {@link #subList} is a live
 * view: each of its calls is a round trip by index. {@link #copy()} returns the whole list.
 * {@code sort}, {@code removeIf} and {@code replaceAll} run in the server, so their comparator,
 * predicate or operator must be serializable (a lambda cast to an intersection with
 * {@code Serializable}, or {@code null} for natural order).
 *
 * <p>Elements travel serialized: an element got back is a copy. A proxy stored as an element
 * stays a proxy of the same shared object.
 *
 * @param <E> the elements
 */
public final class ListProxy<E> extends BaseProxy implements List<E> {
    @Serial
    private static final long serialVersionUID = 1L;

    ListProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.LIST;
    }

    @Override
    public int size() {
        return (Integer) call("size");
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean contains(Object o) {
        return (Boolean) call("contains", o);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) call("get", index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E element) {
        return (E) call("set", index, element);
    }

    /** Python's {@code append}. */
    @Override
    public boolean add(E e) {
        return (Boolean) call("add", e);
    }

    /** Python's {@code insert}. */
    @Override
    public void add(int index, E element) {
        call("add", index, element);
    }

    /** Python's {@code extend}: one round trip. */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        return (Boolean) call("addAll", new ArrayList<>(c));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return (Boolean) call("addAll", index, new ArrayList<>(c));
    }

    /** Python's {@code pop(index)}. */
    @Override
    @SuppressWarnings("unchecked")
    public E remove(int index) {
        return (E) call("removeAt", index);
    }

    /** Python's {@code remove(value)}, without its error: false if absent. */
    @Override
    public boolean remove(Object o) {
        return (Boolean) call("remove", o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return copy().containsAll(c);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return (Boolean) call("removeAll", new ArrayList<>(c));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return (Boolean) call("retainAll", new ArrayList<>(c));
    }

    /** Runs in the server: {@code filter} must be serializable. */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return (Boolean) call("removeIf", filter);
    }

    /** Runs in the server: {@code operator} must be serializable. */
    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        call("replaceAll", operator);
    }

    /** Runs in the server: {@code c} must be serializable, or null for natural order. */
    @Override
    public void sort(Comparator<? super E> c) {
        call("sort", c);
    }

    @Override
    public void clear() {
        call("clear");
    }

    @Override
    public int indexOf(Object o) {
        return (Integer) call("indexOf", o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return (Integer) call("lastIndexOf", o);
    }

    /**
     * Python's {@code l[:]}: the whole list, in one round trip.
     *
     * @return a local copy
     */
    @SuppressWarnings("unchecked")
    public ArrayList<E> copy() {
        return (ArrayList<E>) call("copy");
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableList(copy()).iterator();
    }

    @Override
    public ListIterator<E> listIterator() {
        return Collections.unmodifiableList(copy()).listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return Collections.unmodifiableList(copy()).listIterator(index);
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        return live().subList(fromIndex, toIndex);
    }

    @Override
    public Object[] toArray() {
        return copy().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return copy().toArray(a);
    }

    /**
     * Compares contents, as {@link List#equals} requires (one round trip); nested in a shared
     * object, in the manager, compares tokens: whether {@code o} is a proxy of the same shared list.
     */
    @Override
    public boolean equals(Object o) {
        if (ServedCollections.serving()) {
            return o instanceof ListProxy<?> p && p.token.equals(token);  // nested: the same shared list
        }
        return o == this || o instanceof List<?> l && copy().equals(l);
    }

    /**
     * The contents' hash, as {@link List#hashCode} requires (one round trip); nested in a shared
     * object, the token's.
     */
    @Override
    public int hashCode() {
        return ServedCollections.serving() ? token.hashCode() : copy().hashCode();
    }

    /**
     * The shared list's contents, as {@code [a, b, ...]} (one round trip). A proxy it holds shows as
     * {@code <DictProxy object, typeid 'dict', id 3>}, CPython's {@code repr} of a proxy.
     */
    @Override
    public String toString() {
        return ServedCollections.serving() ? repr() : (String) call("toString");
    }

    /** The list as an {@link AbstractList} whose every call is a round trip, for live views. */
    private List<E> live() {
        return new AbstractList<>() {
            @Override
            public E get(int index) {
                return ListProxy.this.get(index);
            }

            @Override
            public E set(int index, E element) {
                return ListProxy.this.set(index, element);
            }

            @Override
            public void add(int index, E element) {
                ListProxy.this.add(index, element);
            }

            @Override
            public E remove(int index) {
                return ListProxy.this.remove(index);
            }

            @Override
            public int size() {
                return ListProxy.this.size();
            }
        };
    }
}
