package org.pyconcurrent.internal.ipc;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list of {@link Integer}s kept as ints, each boxed when read: what a process pool's
 * {@code map} returns when every result is an {@code Integer}, so that a million results are a
 * few arrays instead of a million objects for the garbage collector to copy. The ints stay in
 * the messages they arrived in (the compact form of {@link Serialization}) until the list is
 * first changed. Otherwise an ordinary mutable list, equal to any list with the same items: it
 * takes any item (from the first one that is not an {@code Integer} on, it keeps objects, as an
 * {@link ArrayList} does), and it is serialized as an {@code ArrayList}. As with an
 * {@code ArrayList}, threads may read it at once, and a thread that changes it must be the only
 * one using it.
 */
public final class IntList extends AbstractList<Object> implements RandomAccess, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** Where the ints start in a compact int-list message (after its tag and count). */
    private static final int HEADER = 5;

    /**
     * The compact int-list messages that hold the ints, until the list is first changed: each
     * holds {@link #partSize} of them but the last, which may hold fewer. Null otherwise.
     */
    private byte[][] parts;
    private int partSize;
    /** The ints, once the list was changed; null while in {@link #parts} or {@link #objects}. */
    private int[] ints;
    private int size;
    /** The items, once one of them was not an Integer; null before. */
    private ArrayList<Object> objects;

    /**
     * A list of these ints (the array is the list's from now on: not copied).
     *
     * @param ints the items
     */
    public IntList(int[] ints) {
        this.ints = Objects.requireNonNull(ints, "ints");
        this.size = ints.length;
    }

    /** A list of the ints of compact int-list messages (checked by the caller), not copied. */
    private IntList(byte[][] parts, int partSize, int size) {
        this.parts = parts;
        this.partSize = Math.max(1, partSize);
        this.size = size;
    }

    /** The list of the ints of a compact int-list message (checked by the caller), not copied. */
    static IntList of(byte[] message, int count) {
        return new IntList(new byte[][] {message}, count, count);
    }

    /**
     * The items of these lists in one list, or null if one of them is not an {@code IntList}
     * of ints. The ints are not copied if every list still holds them as it received them, each
     * list but the last as many as the first.
     *
     * @param lists the lists, in order
     * @return the list of all their items, or null
     */
    public static IntList join(Object[] lists) {
        long total = 0;
        boolean asReceived = true;
        int partSize = lists.length == 0 ? 1 : -1;
        for (int i = 0; i < lists.length; i++) {
            if (!(lists[i] instanceof IntList l) || l.objects != null) {
                return null;
            }
            total += l.size;
            if (partSize < 0) {
                partSize = l.size;
            }
            asReceived &= l.parts != null && l.parts.length == 1
                    && (l.size == partSize || i == lists.length - 1 && l.size < partSize);
        }
        if (total > Integer.MAX_VALUE - 8) {
            return null;
        }
        if (asReceived) {
            byte[][] parts = new byte[lists.length][];
            for (int i = 0; i < lists.length; i++) {
                parts[i] = ((IntList) lists[i]).parts[0];
            }
            return new IntList(parts, partSize, (int) total);
        }
        int[] all = new int[(int) total];
        int at = 0;
        for (Object l : lists) {
            at = ((IntList) l).copyInts(all, at);
        }
        return new IntList(all);
    }

    /** Copies the ints into {@code dest} at {@code at}; returns the index after the last one. */
    private int copyInts(int[] dest, int at) {
        if (parts == null) {
            System.arraycopy(ints, 0, dest, at, size);
            return at + size;
        }
        int left = size;
        for (byte[] part : parts) {
            int n = Math.min(left, (part.length - HEADER) / 4);
            ByteBuffer.wrap(part, HEADER, 4 * n).asIntBuffer().get(dest, at, n);
            at += n;
            left -= n;
        }
        return at;
    }

    /**
     * The compact form of the list (of {@link Compact}); null once the list holds other items.
     */
    byte[] compactOrNull() {
        if (objects != null) {
            return null;
        }
        if (parts == null) {
            return Compact.encodeInts(ints, size);
        }
        if (parts.length == 1) {
            return parts[0].clone();
        }
        int[] all = new int[size];
        copyInts(all, 0);
        return Compact.encodeInts(all, size);
    }

    @Override
    public Object get(int index) {
        if (objects != null) {
            return objects.get(index);
        }
        Objects.checkIndex(index, size);
        if (parts != null) {
            int p = index / partSize;
            return (int) BIG_ENDIAN_INT.get(parts[p], HEADER + 4 * (index - p * partSize));
        }
        return ints[index];
    }

    @Override
    public int size() {
        return objects != null ? objects.size() : size;
    }

    @Override
    public Object set(int index, Object element) {
        if (objects == null && element instanceof Integer value) {
            Objects.checkIndex(index, size);
            int[] array = ints();
            int old = array[index];
            array[index] = value;
            return old;
        }
        return objects().set(index, element);
    }

    @Override
    public void add(int index, Object element) {
        modCount++;
        if (objects == null && element instanceof Integer value) {
            Objects.checkIndex(index, size + 1);
            int[] array = ints();
            if (size == array.length) {
                array = ints = Arrays.copyOf(array, Math.max(10, size + (size >> 1)));
            }
            System.arraycopy(array, index, array, index + 1, size - index);
            array[index] = value;
            size++;
            return;
        }
        objects().add(index, element);
    }

    @Override
    public Object remove(int index) {
        modCount++;
        if (objects != null) {
            return objects.remove(index);
        }
        Objects.checkIndex(index, size);
        int[] array = ints();
        int old = array[index];
        System.arraycopy(array, index + 1, array, index, size - index - 1);
        size--;
        return old;
    }

    @Override
    public void clear() {
        modCount++;
        objects = null;
        parts = null;
        ints = new int[0];
        size = 0;
    }

    @Override
    public Object[] toArray() {
        if (objects != null) {
            return objects.toArray();
        }
        Object[] boxed = new Object[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = get(i);
        }
        return boxed;
    }

    /**
     * The ints in {@link #ints}, copied out of the messages first if need be (only a change does
     * that: reads never change the fields); not after {@link #objects()}.
     */
    private int[] ints() {
        if (parts != null) {
            int[] array = new int[size];
            copyInts(array, 0);
            ints = array;
            parts = null;
        }
        return ints;
    }

    /** The items as objects, from now on. */
    private ArrayList<Object> objects() {
        if (objects == null) {
            int[] array = ints();
            ArrayList<Object> boxed = new ArrayList<>(Math.max(10, size + 1));
            for (int i = 0; i < size; i++) {
                boxed.add(array[i]);
            }
            objects = boxed;
            ints = null;
            size = 0;
        }
        return objects;
    }

    @Serial
    private Object writeReplace() {
        return new ArrayList<>(this);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an IntList travels as an ArrayList");
    }
}
