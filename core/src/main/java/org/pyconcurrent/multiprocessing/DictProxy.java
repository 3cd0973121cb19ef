package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * CPython's {@code DictProxy}, from {@link SyncManager#dict()}: a {@link Map} that lives in a
 * manager, ordered by insertion as a Python dict is. Each method is one round trip and atomic in
 * the server ({@code put}, {@code putIfAbsent}, {@code remove}, {@code replace},
 * {@code putAll}); the default methods {@code compute}, {@code merge} and the like are built from
 * them and are not atomic as a whole.
 *
 * <h2>Views and iteration</h2>
 * {@link #keySet()}, {@link #values()} and {@link #entrySet()} are live views: their
 * {@code size}, {@code contains} and {@code remove} go to the server. Their iterators work on a
 * snapshot taken in one round trip when the iterator is made (CPython's {@code keys()},
 * {@code values()} and {@code items()} return such copies too): changes made after it by
 * anyone are not seen, and {@code Iterator.remove} and {@code Entry.setValue} change the shared
 * dict by key. {@link #copy()} returns the whole dict as a local {@link LinkedHashMap}.
 *
 * <p>Keys and values travel serialized: a value got back is a copy, and changing it does not
 * change the shared dict (write it back with {@code put}). A proxy stored as a value stays a
 * proxy of the same shared object.
 *
 * @param <K> the keys
 * @param <V> the values
 */
public final class DictProxy<K, V> extends BaseProxy implements Map<K, V> {
    @Serial
    private static final long serialVersionUID = 1L;

    DictProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.DICT;
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
    public boolean containsKey(Object key) {
        return (Boolean) call("containsKey", key);
    }

    @Override
    public boolean containsValue(Object value) {
        return (Boolean) call("containsValue", value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        return (V) call("get", key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        return (V) call("getOrDefault", key, defaultValue);
    }

    /**
     * Python's {@code d[key] = value}.
     *
     * @return the value it replaced, or null
     */
    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        return (V) call("put", key, value);
    }

    /** Python's {@code setdefault}, atomic in the server. */
    @Override
    @SuppressWarnings("unchecked")
    public V putIfAbsent(K key, V value) {
        return (V) call("putIfAbsent", key, value);
    }

    /** Python's {@code update(m)}: one round trip. */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        call("putAll", new LinkedHashMap<>(m));
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        return (V) call("remove", key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return (Boolean) call("remove", key, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V replace(K key, V value) {
        return (V) call("replace", key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return (Boolean) call("replace", key, oldValue, newValue);
    }

    @Override
    public void clear() {
        call("clear");
    }

    /**
     * Python's {@code d.copy()}: the whole dict, in one round trip.
     *
     * @return a local copy, in insertion order
     */
    @SuppressWarnings("unchecked")
    public LinkedHashMap<K, V> copy() {
        return (LinkedHashMap<K, V>) call("copy");
    }

    /**
     * Python's {@code popitem()}: removes and returns the pair inserted last.
     *
     * @return the pair
     * @throws NoSuchElementException if the dict is empty (Python's KeyError)
     */
    @SuppressWarnings("unchecked")
    public Map.Entry<K, V> popitem() {
        List<Object> pair = (List<Object>) call("popitem");
        return Map.entry((K) pair.get(0), (V) pair.get(1));
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Iterator<K> iterator() {
                return new Snapshot<>((List<K>) call("keys"), k -> k);
            }

            @Override
            public int size() {
                return DictProxy.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public boolean remove(Object o) {
                boolean had = containsKey(o);
                DictProxy.this.remove(o);
                return had;
            }

            @Override
            public void clear() {
                DictProxy.this.clear();
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                List<Map.Entry<K, V>> entries = new ArrayList<>(copy().entrySet());
                return new Snapshot<>(entries, Map.Entry::getValue);
            }

            @Override
            public int size() {
                return DictProxy.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsValue(o);
            }

            @Override
            public void clear() {
                DictProxy.this.clear();
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                List<Map.Entry<K, V>> entries = new ArrayList<>();
                for (Map.Entry<K, V> e : copy().entrySet()) {
                    entries.add(new SharedEntry(e.getKey(), e.getValue()));
                }
                return new Snapshot<>(entries, e -> e);
            }

            @Override
            public int size() {
                return DictProxy.this.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e)) {
                    return false;
                }
                return copy().entrySet().contains(e);
            }

            @Override
            public boolean remove(Object o) {
                return o instanceof Map.Entry<?, ?> e && DictProxy.this.remove(e.getKey(), e.getValue());
            }

            @Override
            public void clear() {
                DictProxy.this.clear();
            }
        };
    }

    /**
     * Compares contents, as {@link Map#equals} requires (one round trip); nested in a shared
     * object, in the manager, compares tokens: whether {@code o} is a proxy of the same shared dict.
     */
    @Override
    public boolean equals(Object o) {
        if (ServedCollections.serving()) {
            return o instanceof DictProxy<?, ?> p && p.token.equals(token);  // nested: the same shared dict
        }
        return o == this || o instanceof Map<?, ?> m && copy().equals(m);
    }

    /**
     * The contents' hash, as {@link Map#hashCode} requires (one round trip); nested in a shared
     * object, the token's.
     */
    @Override
    public int hashCode() {
        return ServedCollections.serving() ? token.hashCode() : copy().hashCode();
    }

    /**
     * The shared dict's contents, as {@code {k=v, ...}} (one round trip). A proxy it holds shows as
     * {@code <ListProxy object, typeid 'list', id 3>}, CPython's {@code repr} of a proxy.
     */
    @Override
    public String toString() {
        return ServedCollections.serving() ? repr() : (String) call("toString");
    }

    /** An entry of an iterator's snapshot; {@code setValue} writes through to the shared dict. */
    private final class SharedEntry implements Map.Entry<K, V> {
        private final K key;
        private V value;

        SharedEntry(K key, V value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V v) {
            V old = value;
            put(key, v);
            value = v;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && java.util.Objects.equals(key, e.getKey())
                    && java.util.Objects.equals(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(key) ^ java.util.Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** An iterator over a snapshot; {@code remove()} removes the last key from the shared dict. */
    private final class Snapshot<T, E> implements Iterator<E> {
        private final Iterator<T> items;
        private final java.util.function.Function<T, E> view;
        private T last;
        private boolean removable;

        Snapshot(List<T> items, java.util.function.Function<T, E> view) {
            this.items = items.iterator();
            this.view = view;
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public E next() {
            last = items.next();
            removable = true;
            return view.apply(last);
        }

        @Override
        public void remove() {
            if (!removable) {
                throw new IllegalStateException("next() has not been called, or remove() already was");
            }
            removable = false;
            Object key = last instanceof Map.Entry<?, ?> e ? e.getKey() : last;
            DictProxy.this.remove(key);
        }
    }
}
