package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A manager's {@link DictProxy} against the {@link Map} contract, {@link ListProxy} against the
 * {@link List} contract (and as a fixed-length array), {@link NamespaceProxy} and
 * {@link ValueProxy}: what each call does to the shared object, that what comes back is a copy,
 * and what bad input does. One manager serves every test; each test makes fresh shared objects.
 * The synchronization types and queues: {@link ManagerContractTest}.
 */
class ManagerCollectionsTest {
    private static Manager manager;

    @BeforeAll
    static void startManager() {
        manager = new Manager();
    }

    @AfterAll
    static void stopManager() {
        if (manager != null) {
            manager.shutdown();
        }
    }

    /** Not Serializable. */
    static final class Local {
        @Override
        public String toString() {
            return "Local";
        }
    }

    /** A predicate that is not Serializable, by name. */
    static final class LocalPredicate implements Predicate<Integer> {
        @Override
        public boolean test(Integer x) {
            return true;
        }
    }

    /** Asserts that {@code call} is refused as unserializable, naming {@code type}. */
    private static void assertUnserializable(Class<?> type, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertMentions(e, type.getName());
    }

    // ================================================================ dict

    @Nested
    class Dict {
        private final DictProxy<String, Integer> d = manager.dict();

        @Test
        void putGetAndTheValuesTheyReturn() {
            assertTrue(d.isEmpty());
            assertEquals(0, d.size());
            assertNull(d.put("a", 1), "a new key had a previous value");
            assertEquals(1, d.put("a", 2), "put returns the value it replaced");
            assertEquals(2, d.get("a"));
            assertNull(d.get("missing"));
            assertEquals(2, d.getOrDefault("a", 9));
            assertEquals(9, d.getOrDefault("missing", 9));
            assertEquals(1, d.size());
            assertFalse(d.isEmpty());
            // None is a key and a value, as in Python; distinct from an absent key
            assertNull(d.put(null, null));
            assertTrue(d.containsKey(null));
            assertTrue(d.containsValue(null));
            assertEquals(7, d.getOrDefault("missing", 7));
            assertNull(d.getOrDefault(null, 7), "a key mapped to null is present");
            assertEquals(2, d.size());
        }

        @Test
        void keysAreComparedByEqualsAfterTheTrip() {
            DictProxy<Object, String> m = manager.dict();
            m.put(1, "int");
            m.put(1L, "long");
            m.put(List.of(1, 2), "list");
            assertEquals("int", m.get(1));
            assertEquals("long", m.get(1L));
            assertEquals("list", m.get(new ArrayList<>(List.of(1, 2))), "an equal key of another class");
            assertEquals(3, m.size());
        }

        @Test
        void removeAndTheConditionalForms() {
            d.putAll(Map.of("a", 1));
            assertNull(d.remove("missing"));
            assertEquals(1, d.remove("a"), "remove returns the value");
            assertFalse(d.containsKey("a"));
            d.put("a", 1);
            assertFalse(d.remove("a", 2), "removed with the wrong value");
            assertTrue(d.containsKey("a"));
            assertTrue(d.remove("a", 1));
            assertFalse(d.containsKey("a"));
            assertFalse(d.remove("a", 1), "removed an absent key");
        }

        @Test
        void replaceAndPutIfAbsent() {
            assertNull(d.replace("a", 1), "replace of an absent key");
            assertFalse(d.containsKey("a"), "replace added a key");
            assertFalse(d.replace("a", null, 1), "a conditional replace of an absent key");
            assertFalse(d.containsKey("a"));
            assertNull(d.putIfAbsent("a", 1));
            assertEquals(1, d.putIfAbsent("a", 2), "putIfAbsent returns the value present");
            assertEquals(1, d.get("a"), "putIfAbsent overwrote");
            assertEquals(1, d.replace("a", 3));
            assertEquals(3, d.get("a"));
            assertFalse(d.replace("a", 1, 4), "replaced with the wrong old value");
            assertEquals(3, d.get("a"));
            assertTrue(d.replace("a", 3, 4));
            assertEquals(4, d.get("a"));
            // the default methods, built from the atomic ones
            assertEquals(5, d.merge("a", 1, Integer::sum));
            assertEquals(1, d.merge("b", 1, Integer::sum));
            assertEquals(10, d.compute("b", (k, v) -> v == null ? 0 : v * 10));
            assertEquals(6, d.computeIfAbsent("c", k -> 6));
            assertEquals(6, d.computeIfAbsent("c", k -> 7));
            assertNull(d.computeIfPresent("c", (k, v) -> null), "computeIfPresent to null removes");
            assertFalse(d.containsKey("c"));
            assertEquals(Map.of("a", 5, "b", 10), d);
        }

        @Test
        void putAllContainsClearAndSize() {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("x", 1);
            m.put("y", 2);
            m.put("z", 2);
            d.putAll(m);
            d.putAll(Map.of());
            assertEquals(3, d.size());
            assertTrue(d.containsKey("y"));
            assertFalse(d.containsKey("w"));
            assertTrue(d.containsValue(2));
            assertFalse(d.containsValue(3));
            d.putAll(Map.of("x", 10));
            assertEquals(10, d.get("x"), "putAll overwrites");
            assertEquals(3, d.size());
            d.clear();
            assertTrue(d.isEmpty());
            assertEquals(0, d.size());
            assertEquals("{}", d.toString());
        }

        @Test
        void orderIsInsertionOrderAsInPython() {
            d.put("b", 2);
            d.put("a", 1);
            d.put("c", 3);
            d.put("b", 20);  // a new value keeps the key's place
            assertEquals("{b=20, a=1, c=3}", d.toString());
            assertEquals(List.of("b", "a", "c"), new ArrayList<>(d.keySet()));
            assertEquals(List.of(20, 1, 3), new ArrayList<>(d.values()));
            d.remove("b");
            d.put("b", 2);  // removed and put again: last
            assertEquals("{a=1, c=3, b=2}", d.toString());
            assertEquals(List.of("a", "c", "b"), new ArrayList<>(d.copy().keySet()));
            Map<String, Integer> initial = new LinkedHashMap<>();
            initial.put("z", 26);
            initial.put("y", 25);
            assertEquals("{z=26, y=25}", manager.dict(initial).toString(), "dict(mapping) keeps its order");
        }

        @Test
        void popitemTakesTheLastInserted() {
            d.put("a", 1);
            d.put("b", 2);
            assertEquals(Map.entry("b", 2), d.popitem());
            assertEquals(Map.entry("a", 1), d.popitem());
            NoSuchElementException e = assertThrows(NoSuchElementException.class, d::popitem);
            assertMentions(e, "empty");
        }

        @Test
        void equalsAndHashCodeAreMapsWhateverTheClass() {
            d.put("a", 1);
            d.put("b", 2);
            Map<String, Integer> hash = new HashMap<>(Map.of("b", 2, "a", 1));
            assertEquals(hash, d);
            assertEquals(d, hash, "Map.equals is symmetric");
            assertEquals(Map.of("a", 1, "b", 2), d);
            assertEquals(d, Map.of("a", 1, "b", 2));
            assertEquals(hash.hashCode(), d.hashCode());
            DictProxy<String, Integer> other = manager.dict(Map.of("a", 1, "b", 2));
            assertEquals(d, other, "two shared dicts with the same contents");
            assertEquals(d.hashCode(), other.hashCode());
            assertEquals(d, d);
            assertNotEquals(d, Map.of("a", 1));
            assertNotEquals(d, Map.of("a", 1, "b", 3));
            assertNotEquals(d, List.of("a", "b"));
            assertNotEquals(d, null);
            other.put("c", 3);
            assertNotEquals(d, other);
        }

        @Test
        void valuesAndCopiesAreCopies() {
            DictProxy<String, List<Integer>> lists = manager.dict();
            lists.put("l", new ArrayList<>(List.of(1)));
            List<Integer> got = lists.get("l");
            got.add(2);
            assertEquals(List.of(1), lists.get("l"), "changing a value got back changed the shared one");
            lists.put("l", got);  // Python's way: write it back
            assertEquals(List.of(1, 2), lists.get("l"));
            LinkedHashMap<String, List<Integer>> copy = lists.copy();
            copy.put("new", List.of());
            copy.get("l").clear();
            assertEquals(Map.of("l", List.of(1, 2)), lists, "changing the copy changed the shared dict");
            // and what is put is a copy too
            List<Integer> local = new ArrayList<>(List.of(5));
            lists.put("m", local);
            local.add(6);
            assertEquals(List.of(5), lists.get("m"));
        }

        @Test
        void anUnserializableKeyOrValueIsRefusedNamingItsClass() {
            DictProxy<Object, Object> m = manager.dict();
            m.put("a", 1);
            assertUnserializable(Local.class, () -> m.put("b", new Local()));
            assertUnserializable(Local.class, () -> m.put(new Local(), 1));
            assertUnserializable(Local.class, () -> m.putAll(Map.of("c", new Local())));
            assertUnserializable(Local.class, () -> m.putIfAbsent("d", new Local()));
            assertEquals(Map.of("a", 1), m, "a refused call changed the dict");
        }

        @Test
        void aProxyStoredAsAValueStaysAProxy() {
            DictProxy<String, Object> outer = manager.dict();
            ListProxy<Integer> inner = manager.list();
            outer.put("inner", inner);
            @SuppressWarnings("unchecked")
            ListProxy<Integer> got = (ListProxy<Integer>) outer.get("inner");
            got.add(1);
            assertEquals(List.of(1), inner, "the proxy got back is not of the same shared list");
        }

        // ------------------------------------------------------------ views

        @Test
        void keySetIsLive() {
            Set<String> keys = d.keySet();
            assertTrue(keys.isEmpty());
            d.put("a", 1);
            d.put("b", 2);
            assertEquals(2, keys.size(), "the key set did not see a put made after it");
            assertTrue(keys.contains("a"));
            assertFalse(keys.contains("z"));
            assertTrue(keys.remove("a"), "remove of a present key");
            assertFalse(d.containsKey("a"), "keySet().remove did not write through");
            assertFalse(keys.remove("a"), "remove of an absent key");
            assertEquals(1, keys.size());
            assertEquals(Set.of("b"), keys);
            keys.clear();
            assertTrue(d.isEmpty(), "keySet().clear did not write through");
        }

        @Test
        void valuesAreLive() {
            Collection<Integer> values = d.values();
            d.put("a", 1);
            d.put("b", 2);
            d.put("c", 2);
            assertEquals(3, values.size());
            assertTrue(values.contains(2));
            assertFalse(values.contains(3));
            assertTrue(values.remove(2), "values().remove of a present value");
            assertEquals(Map.of("a", 1, "c", 2), d, "values().remove removes the first key with that value");
            assertFalse(values.remove(9));
            values.clear();
            assertTrue(d.isEmpty());
        }

        @Test
        void entrySetIsLive() {
            Set<Map.Entry<String, Integer>> entries = d.entrySet();
            d.put("a", 1);
            d.put("b", 2);
            assertEquals(2, entries.size());
            assertTrue(entries.contains(Map.entry("a", 1)));
            assertFalse(entries.contains(Map.entry("a", 2)), "an entry with another value");
            assertFalse(entries.contains("a"), "a key is not an entry");
            assertFalse(entries.remove(Map.entry("a", 2)), "removed an entry by key alone");
            assertTrue(d.containsKey("a"));
            assertTrue(entries.remove(Map.entry("a", 1)));
            assertFalse(d.containsKey("a"), "entrySet().remove did not write through");
            assertEquals(Set.of(Map.entry("b", 2)), entries);
            d.put("c", 3);
            assertEquals(2, entries.size(), "the entry set did not see a later put");
            entries.clear();
            assertTrue(d.isEmpty());
        }

        @Test
        void iteratorsWorkOnASnapshot() {
            d.put("a", 1);
            d.put("b", 2);
            Iterator<String> keys = d.keySet().iterator();
            Iterator<Integer> values = d.values().iterator();
            Iterator<Map.Entry<String, Integer>> entries = d.entrySet().iterator();
            d.put("c", 3);  // no ConcurrentModificationException, and not seen
            d.remove("a");  // still seen
            List<String> k = new ArrayList<>();
            keys.forEachRemaining(k::add);
            List<Integer> v = new ArrayList<>();
            values.forEachRemaining(v::add);
            List<Map.Entry<String, Integer>> e = new ArrayList<>();
            entries.forEachRemaining(e::add);
            assertEquals(List.of("a", "b"), k);
            assertEquals(List.of(1, 2), v);
            assertEquals(List.of(Map.entry("a", 1), Map.entry("b", 2)), e);
            assertFalse(keys.hasNext());
            assertThrows(NoSuchElementException.class, keys::next);
            assertEquals(Map.of("b", 2, "c", 3), d);
        }

        @Test
        void iteratorRemoveWritesThrough() {
            for (int i = 0; i < 6; i++) {
                d.put("k" + i, i);
            }
            Iterator<Map.Entry<String, Integer>> it = d.entrySet().iterator();
            assertThrows(IllegalStateException.class, it::remove, "remove before next");
            while (it.hasNext()) {
                if (it.next().getValue() % 2 == 0) {
                    it.remove();
                    assertThrows(IllegalStateException.class, it::remove, "remove twice");
                }
            }
            assertEquals(Map.of("k1", 1, "k3", 3, "k5", 5), d);
            Iterator<String> keys = d.keySet().iterator();
            keys.next();
            keys.remove();
            assertEquals(Map.of("k3", 3, "k5", 5), d);
            Iterator<Integer> values = d.values().iterator();
            assertEquals(3, values.next());
            values.remove();
            assertEquals(Map.of("k5", 5), d);
            // removeIf on a view goes through the iterator (the predicate runs here)
            d.put("k6", 6);
            assertTrue(d.keySet().removeIf(key -> key.equals("k6")));
            assertFalse(d.values().removeIf(x -> x > 100));
            assertEquals(Map.of("k5", 5), d);
        }

        @Test
        void entrySetValueWritesThrough() {
            d.put("a", 1);
            d.put("b", 2);
            for (Map.Entry<String, Integer> e : d.entrySet()) {
                int old = e.getValue();
                assertEquals(old, e.setValue(old * 10), "setValue returns the value it replaced");
                assertEquals(old * 10, e.getValue(), "the entry shows its new value");
            }
            assertEquals(Map.of("a", 10, "b", 20), d);
            assertEquals("{a=10, b=20}", d.toString(), "setValue moved a key");
            d.replaceAll((k, v) -> v + 1);  // Map's default: entry.setValue for each
            assertEquals(Map.of("a", 11, "b", 21), d);
            Map<String, Integer> seen = new LinkedHashMap<>();
            d.forEach(seen::put);
            assertEquals(Map.of("a", 11, "b", 21), seen);
        }
    }

    // ================================================================ list

    @Nested
    class SharedList {
        private final ListProxy<Integer> l = manager.list();

        @Test
        void addGetSetAndInsert() {
            assertTrue(l.isEmpty());
            assertTrue(l.add(1));
            assertTrue(l.add(3));
            l.add(1, 2);
            l.add(0, 0);
            l.add(4, 4);
            assertEquals(List.of(0, 1, 2, 3, 4), l);
            assertEquals(5, l.size());
            assertEquals(2, l.get(2));
            assertEquals(2, l.set(2, 20), "set returns the element it replaced");
            assertEquals(20, l.get(2));
            assertTrue(l.add(null), "None is an element");
            assertNull(l.get(5));
            assertEquals("[0, 1, 20, 3, 4, null]", l.toString());
        }

        @Test
        void removeByIndexAndByValue() {
            l.addAll(List.of(5, 6, 5, 7));
            assertEquals(6, l.remove(1), "remove(int) returns the element");
            assertEquals(List.of(5, 5, 7), l);
            assertTrue(l.remove(Integer.valueOf(5)), "remove(Object) of a present value");
            assertEquals(List.of(5, 7), l, "remove(Object) removes the first occurrence only");
            assertFalse(l.remove(Integer.valueOf(42)), "remove(Object) of an absent value (Python's ValueError)");
            assertEquals(List.of(5, 7), l);
        }

        @Test
        void searchAndBulkOperations() {
            l.addAll(List.of(1, 2, 3, 2, 1));
            assertEquals(1, l.indexOf(2));
            assertEquals(3, l.lastIndexOf(2));
            assertEquals(-1, l.indexOf(9));
            assertEquals(-1, l.lastIndexOf(9));
            assertTrue(l.contains(3));
            assertFalse(l.contains(9));
            assertTrue(l.containsAll(List.of(1, 3)));
            assertFalse(l.containsAll(List.of(1, 9)));
            assertTrue(l.addAll(2, List.of(8, 9)));
            assertEquals(List.of(1, 2, 8, 9, 3, 2, 1), l);
            assertFalse(l.addAll(List.of()), "addAll of nothing changed the list");
            assertTrue(l.removeAll(List.of(2, 9)));
            assertEquals(List.of(1, 8, 3, 1), l);
            assertFalse(l.removeAll(List.of(42)));
            assertTrue(l.retainAll(List.of(1, 3)));
            assertEquals(List.of(1, 3, 1), l);
            assertFalse(l.retainAll(List.of(1, 3)));
            assertEquals(List.of(1, 3, 1), List.of(l.toArray()));
            assertEquals(List.of(1, 3, 1), List.of(l.toArray(new Integer[0])));
            l.clear();
            assertTrue(l.isEmpty());
            assertEquals("[]", l.toString());
        }

        @Test
        void anIndexOutOfRangeIsAnIndexOutOfBoundsExceptionOfTheSameType() {
            l.addAll(List.of(1, 2, 3));
            List<Executable> calls = List.of(
                    () -> l.get(3),
                    () -> l.get(-1),
                    () -> l.set(3, 0),
                    () -> l.add(4, 0),
                    () -> l.add(-1, 0),
                    () -> l.remove(3),
                    () -> l.addAll(5, List.of(0)),
                    () -> l.subList(0, 4),
                    () -> l.listIterator(4));
            for (Executable call : calls) {
                IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call);
                assertSame(IndexOutOfBoundsException.class, e.getClass(), e.toString());
            }
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> l.get(7));
            assertMentions(e, "7");
            assertEquals(List.of(1, 2, 3), l, "a refused call changed the list");
        }

        @Test
        void subListIsALiveView() {
            l.addAll(List.of(0, 1, 2, 3, 4));
            List<Integer> sub = l.subList(1, 4);
            assertEquals(List.of(1, 2, 3), sub);
            assertEquals(3, sub.size());
            l.set(2, 20);  // a change through the proxy is seen by the view
            assertEquals(20, sub.get(1));
            assertEquals(20, sub.set(1, 200), "set through the view returns the old element");
            assertEquals(List.of(0, 1, 200, 3, 4), l, "set through the view did not write through");
            sub.add(9);  // at the view's end: index 4 of the list
            assertEquals(List.of(0, 1, 200, 3, 9, 4), l);
            assertEquals(1, sub.remove(0));
            assertEquals(List.of(0, 200, 3, 9, 4), l);
            assertEquals(List.of(200, 3, 9), sub);
            sub.clear();
            assertEquals(List.of(0, 4), l, "clear of the view did not remove its range");
            assertThrows(IndexOutOfBoundsException.class, () -> sub.get(0));
        }

        @Test
        void iteratorsWorkOnAReadOnlySnapshot() {
            l.addAll(List.of(1, 2, 3));
            Iterator<Integer> it = l.iterator();
            ListIterator<Integer> lit = l.listIterator();
            ListIterator<Integer> fromTwo = l.listIterator(2);
            l.add(4);  // not seen, and no ConcurrentModificationException
            l.set(0, 10);
            List<Integer> seen = new ArrayList<>();
            it.forEachRemaining(seen::add);
            assertEquals(List.of(1, 2, 3), seen);
            assertEquals(1, lit.next());
            assertThrows(UnsupportedOperationException.class, lit::remove);
            assertThrows(UnsupportedOperationException.class, () -> lit.set(5));
            assertThrows(UnsupportedOperationException.class, () -> lit.add(5));
            assertEquals(3, fromTwo.next());
            assertEquals(3, fromTwo.previous());
            Iterator<Integer> again = l.iterator();
            again.next();
            assertThrows(UnsupportedOperationException.class, again::remove, "the snapshot's remove changed nothing");
            assertEquals(List.of(10, 2, 3, 4), l);
            List<Integer> forEach = new ArrayList<>();
            l.forEach(forEach::add);
            assertEquals(List.of(10, 2, 3, 4), forEach);
        }

        @Test
        void sortRunsInTheManagerWithNaturalOrderOrASerializableComparator() {
            l.addAll(List.of(3, 1, 2));
            l.sort(null);
            assertEquals(List.of(1, 2, 3), l);
            l.sort(Collections.reverseOrder());
            assertEquals(List.of(3, 2, 1), l);
            l.sort((Comparator<Integer> & Serializable) (a, b) -> Integer.compare(a % 2, b % 2));
            assertEquals(List.of(2, 3, 1), l, "a stable sort by parity");
            Comparator<Integer> local = Comparator.naturalOrder();
            Comparator<Integer> lambda = (a, b) -> a - b;
            assertUnserializable(lambda.getClass(), () -> l.sort(lambda));
            assertEquals(List.of(2, 3, 1), l, "a refused sort changed the list");
            l.sort(local);  // Comparator.naturalOrder() is Serializable
            assertEquals(List.of(1, 2, 3), l);
        }

        @Test
        void removeIfAndReplaceAllRunInTheManagerAndNeedSerializableFunctions() {
            l.addAll(List.of(1, 2, 3, 4, 5, 6));
            assertTrue(l.removeIf((Predicate<Integer> & Serializable) x -> x % 2 == 0));
            assertEquals(List.of(1, 3, 5), l);
            assertFalse(l.removeIf((Predicate<Integer> & Serializable) x -> x > 100), "nothing matched");
            l.replaceAll((UnaryOperator<Integer> & Serializable) x -> x * 10);
            assertEquals(List.of(10, 30, 50), l);
            Predicate<Integer> lambda = x -> true;
            assertUnserializable(lambda.getClass(), () -> l.removeIf(lambda));
            assertUnserializable(LocalPredicate.class, () -> l.removeIf(new LocalPredicate()));
            UnaryOperator<Integer> op = x -> 0;
            assertUnserializable(op.getClass(), () -> l.replaceAll(op));
            assertEquals(List.of(10, 30, 50), l, "a refused call changed the list");
        }

        @Test
        void equalsAndHashCodeAreLists() {
            l.addAll(List.of(1, 2, 3));
            assertEquals(List.of(1, 2, 3), l);
            assertEquals(l, List.of(1, 2, 3));
            assertEquals(new ArrayList<>(List.of(1, 2, 3)), l, "List.equals is symmetric");
            assertEquals(List.of(1, 2, 3).hashCode(), l.hashCode());
            ListProxy<Integer> other = manager.list(List.of(1, 2, 3));
            assertEquals(l, other);
            assertEquals(l.hashCode(), other.hashCode());
            assertNotEquals(l, List.of(3, 2, 1), "order matters");
            assertNotEquals(l, Set.of(1, 2, 3), "a list is not a set");
            assertNotEquals(l, null);
            other.add(4);
            assertNotEquals(l, other);
        }

        @Test
        void elementsAndCopiesAreCopies() {
            ListProxy<List<Integer>> lists = manager.list();
            List<Integer> local = new ArrayList<>(List.of(1));
            lists.add(local);
            local.add(99);  // what was put is a copy
            List<Integer> got = lists.get(0);
            got.add(2);
            assertEquals(List.of(List.of(1)), lists, "changing an element got back changed the shared one");
            lists.set(0, got);  // Python's way: write it back
            assertEquals(List.of(1, 2), lists.get(0));
            ArrayList<List<Integer>> copy = lists.copy();
            copy.add(List.of());
            copy.get(0).clear();
            assertEquals(List.of(List.of(1, 2)), lists, "changing the copy changed the shared list");
            // list(initial) copies the collection
            List<Integer> source = new ArrayList<>(List.of(1, 2));
            ListProxy<Integer> fromSource = manager.list(source);
            source.add(3);
            assertEquals(List.of(1, 2), fromSource);
        }

        @Test
        void anUnserializableElementIsRefusedNamingItsClass() {
            ListProxy<Object> objects = manager.list(List.of("a"));
            assertUnserializable(Local.class, () -> objects.add(new Local()));
            assertUnserializable(Local.class, () -> objects.add(0, new Local()));
            assertUnserializable(Local.class, () -> objects.set(0, new Local()));
            assertUnserializable(Local.class, () -> objects.addAll(List.of("b", new Local())));
            assertEquals(List.of("a"), objects, "a refused call changed the list");
        }
    }

    // ================================================================ array

    @Nested
    class SharedArray {
        private final ListProxy<Integer> a = manager.array("i", List.of(3, 1, 2));

        @Test
        void itsElementsChangeButNotItsLength() {
            assertEquals("Array", a.typeId());
            assertEquals(List.of(3, 1, 2), a);
            assertEquals(3, a.set(0, 30));
            a.sort(null);
            assertEquals(List.of(1, 2, 30), a);
            a.replaceAll((UnaryOperator<Integer> & Serializable) x -> -x);
            assertEquals(List.of(-1, -2, -30), a);
            List<Integer> sub = a.subList(0, 2);
            sub.set(1, 7);
            assertEquals(List.of(-1, 7, -30), a);
        }

        @Test
        void whatWouldChangeItsLengthIsUnsupported() {
            // the server's method names, which the message gives
            List<Map.Entry<String, Executable>> calls = List.of(
                    Map.entry("add", () -> a.add(4)),
                    Map.entry("add", () -> a.add(0, 4)),
                    Map.entry("addAll", () -> a.addAll(List.of(4))),
                    Map.entry("addAll", () -> a.addAll(1, List.of(4))),
                    Map.entry("removeAt", () -> a.remove(0)),
                    Map.entry("remove", () -> a.remove(Integer.valueOf(3))),
                    Map.entry("removeAll", () -> a.removeAll(List.of(3))),
                    Map.entry("retainAll", () -> a.retainAll(List.of(3))),
                    Map.entry("removeIf", () -> a.removeIf((Predicate<Integer> & Serializable) x -> true)),
                    Map.entry("clear", a::clear));
            for (Map.Entry<String, Executable> call : calls) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        call.getValue(), call.getKey());
                assertMentions(e, call.getKey() + "()");
                assertMentions(e, "fixed length of 3");
            }
            assertThrows(UnsupportedOperationException.class, () -> a.subList(0, 1).add(5));
            assertEquals(List.of(3, 1, 2), a, "a refused call changed the array");
        }

        @Test
        void anIndexOutOfRangeIsAnIndexOutOfBoundsException() {
            assertThrows(IndexOutOfBoundsException.class, () -> a.get(3));
            assertThrows(IndexOutOfBoundsException.class, () -> a.set(-1, 0));
            assertEquals(List.of(3, 1, 2), a);
        }

        @Test
        void aBadTypecodeIsRefusedNamingIt() {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.array("z", List.of(1))), "'z'");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.array(null, List.of(1))),
                    "null");
            assertThrows(NullPointerException.class, () -> manager.array("i", null));
            assertEquals(List.of(), manager.array("d", List.of()));
        }
    }

    // ================================================================ namespace

    @Nested
    class Namespace {
        private final NamespaceProxy ns = manager.namespace();

        @Test
        void setGetHasDelete() {
            assertFalse(ns.has("a"));
            ns.set("a", 1);
            assertTrue(ns.has("a"));
            assertEquals(1, (int) ns.get("a"));
            ns.set("a", "one");
            assertEquals("one", ns.get("a"));
            ns.set("none", null);
            assertTrue(ns.has("none"), "an attribute set to None exists");
            assertNull(ns.get("none"));
            ns.delete("a");
            assertFalse(ns.has("a"));
            assertEquals(Map.of("none", "x").keySet(), ns.copy().keySet());
        }

        @Test
        void aMissingAttributeIsNoSuchElementNamingIt() {
            NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> ns.get("missing"));
            assertMentions(e, "'missing'");
            e = assertThrows(NoSuchElementException.class, () -> ns.delete("gone"));
            assertMentions(e, "'gone'");
            ns.set("x", 1);
            ns.delete("x");
            assertThrows(NoSuchElementException.class, () -> ns.delete("x"), "deleted twice");
            assertThrows(NoSuchElementException.class, () -> ns.get("x"));
        }

        @Test
        void anEmptyNameIsRefused() {
            for (String name : new String[] {"", null}) {
                String shown = name == null ? "null" : "''";
                assertMentions(assertThrows(IllegalArgumentException.class, () -> ns.set(name, 1)), shown);
                assertMentions(assertThrows(IllegalArgumentException.class, () -> ns.get(name)), shown);
                assertMentions(assertThrows(IllegalArgumentException.class, () -> ns.has(name)), shown);
                assertMentions(assertThrows(IllegalArgumentException.class, () -> ns.delete(name)), shown);
            }
            assertEquals(Map.of(), ns.copy());
        }

        @Test
        void toStringAndCopyAreInTheOrderAttributesWereFirstSet() {
            assertEquals("Namespace()", ns.toString());
            ns.set("a", 1);
            ns.set("b", 2);
            assertEquals("Namespace(a=1, b=2)", ns.toString());
            ns.set("a", 10);  // a new value keeps its place
            assertEquals("Namespace(a=10, b=2)", ns.toString());
            ns.set("c", List.of(1, 2));
            assertEquals("Namespace(a=10, b=2, c=[1, 2])", ns.toString());
            assertEquals(List.of("a", "b", "c"), new ArrayList<>(ns.copy().keySet()));
        }

        @Test
        void valuesAndCopiesAreCopies() {
            ns.set("l", new ArrayList<>(List.of(1)));
            List<Integer> got = ns.get("l");
            got.add(2);
            assertEquals(List.of(1), ns.get("l"), "as in Python: changing a list got from a namespace changes nothing");
            ns.set("l", got);
            assertEquals(List.of(1, 2), ns.get("l"));
            Map<String, Object> copy = ns.copy();
            copy.put("other", 1);
            assertFalse(ns.has("other"), "changing the copy changed the namespace");
            assertUnserializable(Local.class, () -> ns.set("bad", new Local()));
            assertFalse(ns.has("bad"));
        }

        @Test
        void twoProxiesOfOneNamespaceSeeEachOther() throws Exception {
            NamespaceProxy copy = MultiprocessingQueueContractTest.copy(ns);
            assertEquals(ns, copy);
            copy.set("x", 5);
            assertEquals(5, (int) ns.get("x"));
            assertNotEquals(ns, manager.namespace(), "two namespaces are equal");
        }
    }

    // ================================================================ value

    @Nested
    class Value {
        @Test
        void getAndSetWhole() {
            ValueProxy<Integer> v = manager.value("i", 5);
            assertEquals(5, v.get());
            v.set(v.get() + 1);
            assertEquals(6, v.get());
            assertEquals("Value('i', 6)", v.toString());
            v.set(null);
            assertNull(v.get());
            assertEquals("Value", v.typeId());
        }

        @Test
        void theTypecodeIsRecordedNotEnforcedAsInCPython() {
            ValueProxy<Object> v = manager.value("d", 1.5);
            assertEquals(1.5, v.get());
            v.set("text");
            assertEquals("text", v.get());
            assertEquals("Value('d', text)", v.toString());
        }

        @Test
        void theValueIsACopy() {
            ValueProxy<List<Integer>> v = manager.value("i", new ArrayList<>(List.of(1)));
            v.get().add(2);
            assertEquals(List.of(1), v.get());
            assertUnserializable(Local.class, () -> manager.value("i", new Local()));
            @SuppressWarnings("unchecked")
            ValueProxy<Object> raw = (ValueProxy<Object>) (ValueProxy<?>) v;
            assertUnserializable(Local.class, () -> raw.set(new Local()));
            assertEquals(List.of(1), v.get());
        }

        @Test
        void aBadTypecodeIsRefusedNamingIt() {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value("z", 1)), "'z'");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value("I ", 1)), "'I '");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> manager.value(null, 1)), "null");
        }
    }

    // ================================================================ after shutdown

    @Test
    void aManagerThatHasShutDownRefusesNewObjectsAndCallsFailAtOnce() {
        DictProxy<String, Integer> d;
        try (Manager m = new Manager()) {
            d = m.dict();
            d.put("a", 1);
            m.shutdown();
            IllegalStateException e = assertThrows(IllegalStateException.class, m::dict);
            assertMentions(e, "shut down");
        }
        assertThrows(java.io.UncheckedIOException.class, d::size);
    }
}
