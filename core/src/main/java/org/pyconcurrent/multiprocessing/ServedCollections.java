package org.pyconcurrent.multiprocessing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The data a manager's server holds for {@link DictProxy}, {@link ListProxy},
 * {@link NamespaceProxy} and {@link ValueProxy}: plain collections, each behind a lock of its own
 * (CPython's GIL makes each dict or list operation atomic; these locks do the same and never
 * wait for anything else while held). Results are copies by the time the client has them.
 */
final class ServedCollections {
    /** Set while this thread runs a call on a dict, list, namespace or value: see {@link #serving()}. */
    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();

    private ServedCollections() {
    }

    /**
     * Whether this thread runs a call on a shared dict, list, namespace or value, in the manager. A
     * proxy held there (a shared object nested in another) then answers {@code toString},
     * {@code equals} and {@code hashCode} by itself, from its token, as CPython's {@code repr} of a
     * proxy does, instead of by a round trip to the manager: such a round trip, made with the
     * object's lock held, waits for another server thread, which deadlocks when a list holds a
     * proxy of itself (or two dicts hold each other's) and blocks every other caller of the object.
     */
    static boolean serving() {
        return SERVING.get() != null;
    }

    /** {@code manager.dict()}: insertion-ordered, as a Python dict. */
    static final class Dict implements Served {
        static final List<String> EXPOSED = List.of("get", "getOrDefault", "put", "putIfAbsent", "putAll",
                "remove", "replace", "containsKey", "containsValue", "size", "clear", "copy", "keys", "values",
                "popitem", "toString");
        private final ReentrantLock lock = new ReentrantLock();
        private final LinkedHashMap<Object, Object> map;

        Dict(Map<?, ?> initial) {
            map = initial == null ? new LinkedHashMap<>() : new LinkedHashMap<>(initial);
        }

        @Override
        public Object call(String method, List<Object> a) {
            lock.lock();
            SERVING.set(Boolean.TRUE);
            try {
                return switch (method) {
                    case "get" -> map.get(a.get(0));
                    case "getOrDefault" -> map.getOrDefault(a.get(0), a.get(1));
                    case "put" -> map.put(a.get(0), a.get(1));
                    case "putIfAbsent" -> map.putIfAbsent(a.get(0), a.get(1));
                    case "putAll" -> {
                        map.putAll((Map<?, ?>) a.get(0));
                        yield null;
                    }
                    case "remove" -> a.size() == 1 ? map.remove(a.get(0)) : (Object) map.remove(a.get(0), a.get(1));
                    case "replace" -> a.size() == 2 ? map.replace(a.get(0), a.get(1))
                            : (Object) map.replace(a.get(0), a.get(1), a.get(2));
                    case "containsKey" -> map.containsKey(a.get(0));
                    case "containsValue" -> map.containsValue(a.get(0));
                    case "size" -> map.size();
                    case "clear" -> {
                        map.clear();
                        yield null;
                    }
                    case "copy" -> new LinkedHashMap<>(map);
                    case "keys" -> new ArrayList<>(map.keySet());
                    case "values" -> new ArrayList<>(map.values());
                    case "popitem" -> popLast();
                    case "toString" -> map.toString();
                    default -> throw Served.notExposed("dict", method, EXPOSED);
                };
            } finally {
                SERVING.remove();
                lock.unlock();
            }
        }

        /** Python's {@code popitem()}: removes and returns the last pair inserted. */
        private Object popLast() {
            if (map.isEmpty()) {
                throw new NoSuchElementException("popitem(): dictionary is empty");
            }
            Map.Entry<Object, Object> last = map.pollLastEntry();
            return new ArrayList<>(List.of(last.getKey(), last.getValue()));
        }
    }

    /** {@code manager.list()} and, fixed in size, {@code manager.array()}. */
    static final class Seq implements Served {
        static final List<String> EXPOSED = List.of("get", "set", "add", "addAll", "removeAt", "remove",
                "removeAll", "retainAll", "removeIf", "replaceAll", "indexOf", "lastIndexOf", "contains", "size", "clear",
                "copy", "slice", "sort", "toString");
        private final ReentrantLock lock = new ReentrantLock();
        private final ArrayList<Object> list;
        private final boolean fixedSize;
        private final String type;

        Seq(Collection<?> initial, boolean fixedSize) {
            this.list = initial == null ? new ArrayList<>() : new ArrayList<>(initial);
            this.fixedSize = fixedSize;
            this.type = fixedSize ? "array" : "list";
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object call(String method, List<Object> a) {
            lock.lock();
            SERVING.set(Boolean.TRUE);
            try {
                return switch (method) {
                    case "get" -> list.get((Integer) a.get(0));
                    case "set" -> list.set((Integer) a.get(0), a.get(1));
                    case "add" -> {
                        resizing(method);
                        if (a.size() == 1) {
                            yield list.add(a.get(0));
                        }
                        list.add((Integer) a.get(0), a.get(1));
                        yield null;
                    }
                    case "addAll" -> {
                        resizing(method);
                        yield a.size() == 1 ? list.addAll((Collection<?>) a.get(0))
                                : list.addAll((Integer) a.get(0), (Collection<?>) a.get(1));
                    }
                    case "removeAt" -> {
                        resizing(method);
                        yield list.remove((int) (Integer) a.get(0));
                    }
                    case "remove" -> {
                        resizing(method);
                        yield list.remove(a.get(0));
                    }
                    case "removeAll" -> {
                        resizing(method);
                        yield list.removeAll((Collection<?>) a.get(0));
                    }
                    case "retainAll" -> {
                        resizing(method);
                        yield list.retainAll((Collection<?>) a.get(0));
                    }
                    case "removeIf" -> {
                        resizing(method);
                        yield list.removeIf((java.util.function.Predicate<Object>) a.get(0));
                    }
                    case "replaceAll" -> {
                        list.replaceAll((java.util.function.UnaryOperator<Object>) a.get(0));
                        yield null;
                    }
                    case "indexOf" -> list.indexOf(a.get(0));
                    case "lastIndexOf" -> list.lastIndexOf(a.get(0));
                    case "contains" -> list.contains(a.get(0));
                    case "size" -> list.size();
                    case "clear" -> {
                        resizing(method);
                        list.clear();
                        yield null;
                    }
                    case "copy" -> new ArrayList<>(list);
                    case "slice" -> new ArrayList<>(list.subList((Integer) a.get(0), (Integer) a.get(1)));
                    case "sort" -> {
                        list.sort((Comparator<Object>) a.get(0));
                        yield null;
                    }
                    case "toString" -> list.toString();
                    default -> throw Served.notExposed(type, method, EXPOSED);
                };
            } finally {
                SERVING.remove();
                lock.unlock();
            }
        }

        private void resizing(String method) {
            if (fixedSize) {
                throw new UnsupportedOperationException(method + "(): a shared array has a fixed length of "
                        + list.size());
            }
        }
    }

    /** {@code manager.namespace()}: attributes by name. */
    static final class Namespace implements Served {
        static final List<String> EXPOSED = List.of("get", "set", "delete", "has", "copy", "toString");
        private final ReentrantLock lock = new ReentrantLock();
        private final LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();

        @Override
        public Object call(String method, List<Object> a) {
            lock.lock();
            SERVING.set(Boolean.TRUE);
            try {
                return switch (method) {
                    case "get" -> {
                        String name = (String) a.get(0);
                        if (!attributes.containsKey(name)) {
                            throw noAttribute(name);
                        }
                        yield attributes.get(name);
                    }
                    case "set" -> {
                        attributes.put((String) a.get(0), a.get(1));
                        yield null;
                    }
                    case "delete" -> {
                        String name = (String) a.get(0);
                        if (!attributes.containsKey(name)) {
                            throw noAttribute(name);
                        }
                        attributes.remove(name);
                        yield null;
                    }
                    case "has" -> attributes.containsKey((String) a.get(0));
                    case "copy" -> new LinkedHashMap<>(attributes);
                    case "toString" -> NamespaceProxy.format(attributes);
                    default -> throw Served.notExposed("namespace", method, EXPOSED);
                };
            } finally {
                SERVING.remove();
                lock.unlock();
            }
        }

        private static NoSuchElementException noAttribute(String name) {
            return new NoSuchElementException("'Namespace' object has no attribute '" + name + "'");
        }
    }

    /** {@code manager.value(typecode, value)}: one value, got and set whole. */
    static final class Cell implements Served {
        static final List<String> EXPOSED = List.of("get", "set", "toString");
        private final String typecode;
        private volatile Object value;

        Cell(String typecode, Object value) {
            this.typecode = typecode;
            this.value = value;
        }

        @Override
        public Object call(String method, List<Object> a) {
            SERVING.set(Boolean.TRUE);
            try {
                return switch (method) {
                    case "get" -> value;
                    case "set" -> {
                        value = a.get(0);
                        yield null;
                    }
                    case "toString" -> "Value('" + typecode + "', " + value + ")";
                    default -> throw Served.notExposed("value", method, EXPOSED);
                };
            } finally {
                SERVING.remove();
            }
        }
    }
}
