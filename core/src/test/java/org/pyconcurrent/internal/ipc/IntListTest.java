package org.pyconcurrent.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link IntList}, the list a process pool's {@code map} returns for ints, and the compact forms
 * of {@link Serialization} that carry lists of ints without boxing them.
 */
class IntListTest {
    private static List<Object> boxed(int from, int to) {
        List<Object> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(i * 7 - 3);
        }
        return list;
    }

    private static int[] ints(int from, int to) {
        int[] a = new int[to - from];
        for (int i = from; i < to; i++) {
            a[i - from] = i * 7 - 3;
        }
        return a;
    }

    /** An IntList read from a message, as a worker's answer arrives. */
    private static IntList received(int from, int to) throws IOException {
        Object read = Serialization.fromBytesKeepingInts(Serialization.toBytes(new ArrayList<>(boxed(from, to))));
        return assertInstanceOf(IntList.class, read);
    }

    @Test
    void readsLikeTheListOfItsInts() throws IOException {
        for (IntList list : List.of(new IntList(ints(0, 10)), received(0, 10))) {
            assertEquals(boxed(0, 10), list);
            assertEquals(list, boxed(0, 10));
            assertEquals(boxed(0, 10).hashCode(), list.hashCode());
            assertEquals(10, list.size());
            assertEquals(-3, list.get(0));
            assertEquals(60, list.get(9));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(10));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
            assertArrayEquals(boxed(0, 10).toArray(), list.toArray());
            assertEquals(boxed(2, 5), list.subList(2, 5));
            assertEquals(5, list.indexOf(32));
            assertTrue(list.contains(60));
        }
    }

    @Test
    void changesLikeAnArrayList() throws IOException {
        for (IntList list : List.of(new IntList(ints(0, 10)), received(0, 10))) {
            List<Object> expected = boxed(0, 10);
            assertEquals(expected.set(3, 99), list.set(3, 99));
            expected.add(0, -1);
            list.add(0, -1);
            expected.add(11);
            list.add(11);
            assertEquals(expected.remove(4), list.remove(4));
            assertEquals(expected, list);
            Collections.sort(expected, null);
            list.sort(null);
            assertEquals(expected, list);
            // Anything but an Integer turns it into a list of objects, which keeps working.
            expected.set(2, "two");
            list.set(2, "two");
            expected.add(null);
            list.add(null);
            assertEquals(expected, list);
            assertEquals(expected.remove(0), list.remove(0));
            assertEquals(expected, list);
            list.clear();
            assertTrue(list.isEmpty());
            list.add(5);
            assertEquals(List.of(5), list);
        }
    }

    @Test
    void itsIteratorFailsFastAsArrayListsDo() {
        IntList list = new IntList(ints(0, 5));
        Iterator<Object> it = list.iterator();
        it.next();
        list.add(1);
        assertThrows(ConcurrentModificationException.class, it::next);
    }

    @Test
    void travelsAsAnArrayList() throws Exception {
        for (IntList list : List.of(new IntList(ints(0, 1000)), received(0, 1000))) {
            Object back = Serialization.fromBytes(Serialization.toBytes(list));
            assertInstanceOf(ArrayList.class, back);
            assertEquals(boxed(0, 1000), back);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(list);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                Object copy = in.readObject();
                assertInstanceOf(ArrayList.class, copy);
                assertEquals(boxed(0, 1000), copy);
            }
        }
        IntList mixed = new IntList(ints(0, 3));
        mixed.add("x");
        assertEquals(Arrays.asList(-3, 4, 11, "x"), Serialization.fromBytes(Serialization.toBytes(mixed)));
    }

    @Test
    void joinsReceivedListsWithoutCopyingAndOthersByCopying() throws IOException {
        Object[] parts = {received(0, 1000), received(1000, 2000), received(2000, 2500)};
        IntList joined = IntList.join(parts);
        assertEquals(boxed(0, 2500), joined);
        assertEquals(Serialization.fromBytes(Serialization.toBytes(new ArrayList<>(boxed(0, 2500)))),
                Serialization.fromBytes(Serialization.toBytes(joined)));
        joined.set(1500, 0);  // now a copy of its own
        assertEquals(0, joined.get(1500));
        assertEquals(boxed(1000, 2000), parts[1]);
        // Parts of other sizes, lists made here, and empty ones.
        assertEquals(boxed(0, 30), IntList.join(new Object[] {received(0, 10), new IntList(ints(10, 25)),
                received(25, 25), received(25, 30)}));
        assertEquals(List.of(), IntList.join(new Object[0]));
        IntList changed = received(0, 3);
        changed.set(0, "a");
        assertNull(IntList.join(new Object[] {received(0, 3), changed}));
        assertNull(IntList.join(new Object[] {received(0, 3), new ArrayList<>(boxed(3, 6))}));
    }

    @Test
    void intsTravelInTheirCompactFormOnly() throws IOException {
        assertArrayEquals(ints(0, 100), Serialization.intsOf(Serialization.toBytes(new ArrayList<>(boxed(0, 100)))));
        assertNull(Serialization.intsOf(Serialization.toBytes(new ArrayList<>(List.of(1, "b")))));
        assertNull(Serialization.intsOf(Serialization.toBytes(7)));
        assertEquals(List.of(1, "b"), Serialization.fromBytesKeepingInts(
                Serialization.toBytes(new ArrayList<>(List.of(1, "b")))));
        byte[] corrupt = Serialization.toBytes(new ArrayList<>(boxed(0, 4)));
        byte[] truncated = Arrays.copyOf(corrupt, corrupt.length - 1);
        assertThrows(IOException.class, () -> Serialization.fromBytesKeepingInts(truncated));
        assertThrows(IOException.class, () -> Serialization.intsOf(truncated));
    }

    @Test
    void aListWrittenIntoAStreamIsReadBackAsItsMessage() throws Exception {
        List<List<?>> lists = List.of(boxed(0, 1000).subList(10, 900), List.of(), Arrays.asList("a", null, 3),
                new ArrayList<>(List.of(1L, List.of(2))), boxed(0, 100_000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (List<?> l : lists) {
                Serialization.writeList(l, out);
            }
            out.writeInt(-5);  // a corrupt length
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (List<?> l : lists) {
                Object back = Serialization.fromBytes(Serialization.readMessage(in));
                assertInstanceOf(ArrayList.class, back);
                assertEquals(l, back);
            }
            assertThrows(IOException.class, () -> Serialization.readMessage(in));
        }
        // A length larger than what follows ends the stream, without allocating that much.
        ByteArrayOutputStream lying = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(lying)) {
            out.writeInt(Integer.MAX_VALUE);
            out.writeInt(1);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(lying.toByteArray()))) {
            assertThrows(IOException.class, () -> Serialization.readMessage(in));
        }
    }
}
