package org.pyconcurrent.internal.ipc;

import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The compact form of {@link Serialization} for {@code null}, boxed primitives, strings and
 * {@link ArrayList}s of those (and {@link IntList}s, which arrive as {@code ArrayList}s): a tag
 * byte (never {@code 0xAC}, the first byte of every Java serialization stream) and the value in
 * big-endian order (a string as UTF-8; a list as a count and each item's length and compact
 * form; a list of {@code Integer}s only as a count and the ints). Decoding checks every length
 * against the message, so a corrupt message is an exception, never a huge allocation.
 */
final class Compact {
    private static final byte NULL = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte FLOAT = 5;
    private static final byte SHORT = 6;
    private static final byte BYTE = 7;
    private static final byte CHAR = 8;
    private static final byte TRUE = 9;
    private static final byte FALSE = 10;
    private static final byte STRING = 11;
    /** An {@link ArrayList} of compact items: a count, then each item's length and bytes. */
    private static final byte LIST = 12;
    /** An {@link ArrayList} of {@link Integer}s only: a count, then the ints. */
    private static final byte INT_LIST = 13;

    private Compact() {
    }

    static boolean isCompact(byte first) {
        return first >= NULL && first <= INT_LIST;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** Deepest nesting of lists in the compact form; deeper (or cyclic) lists use Java serialization. */
    private static final int MAX_DEPTH = 16;

    /** The compact form of {@code obj}, or null if it has none. */
    static byte[] encode(Object obj) {
        return encode(obj, 0);
    }

    private static byte[] encode(Object obj, int depth) {
        if (obj == null) {
            return new byte[] {NULL};
        }
        Class<?> c = obj.getClass();
        if (c == Integer.class) {
            return ByteBuffer.allocate(5).put(INT).putInt((Integer) obj).array();
        } else if (c == String.class) {
            String text = (String) obj;
            if (hasSurrogate(text) && !StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
                return null;  // a lone surrogate does not survive UTF-8; Java serialization keeps it
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[1 + utf8.length];
            out[0] = STRING;
            System.arraycopy(utf8, 0, out, 1, utf8.length);
            return out;
        } else if (c == Long.class) {
            return ByteBuffer.allocate(9).put(LONG).putLong((Long) obj).array();
        } else if (c == Double.class) {
            return ByteBuffer.allocate(9).put(DOUBLE).putDouble((Double) obj).array();
        } else if (c == Boolean.class) {
            return new byte[] {(Boolean) obj ? TRUE : FALSE};
        } else if (c == Float.class) {
            return ByteBuffer.allocate(5).put(FLOAT).putFloat((Float) obj).array();
        } else if (c == Short.class) {
            return ByteBuffer.allocate(3).put(SHORT).putShort((Short) obj).array();
        } else if (c == Byte.class) {
            return new byte[] {BYTE, (Byte) obj};
        } else if (c == Character.class) {
            return ByteBuffer.allocate(3).put(CHAR).putChar((Character) obj).array();
        } else if (c == ArrayList.class && depth < MAX_DEPTH) {
            return encodeList((ArrayList<?>) obj, depth);
        } else if (c == IntList.class && depth < MAX_DEPTH) {
            IntList list = (IntList) obj;
            byte[] ints = list.compactOrNull();
            return ints != null ? ints : encodeList(list, depth);
        }
        return null;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An ArrayList whose items all have a compact form (lists included), or null. */
    private static byte[] encodeList(java.util.List<?> list, int depth) {
        byte[] ints = encodeInts(list);
        if (ints != null) {
            return ints;
        }
        byte[][] items = new byte[list.size()][];
        int total = 1 + 4;
        for (int i = 0; i < items.length; i++) {
            byte[] item = encode(list.get(i), depth + 1);
            if (item == null) {
                return null;
            }
            items[i] = item;
            total += 4 + item.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).put(LIST).putInt(items.length);
        for (byte[] item : items) {
            out.putInt(item.length).put(item);
        }
        return out.array();
    }

    /** The INT_LIST form of the first {@code count} of these ints. */
    static byte[] encodeInts(int[] ints, int count) {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 * count).put(INT_LIST).putInt(count);
        out.asIntBuffer().put(ints, 0, count);
        return out.array();
    }

    /**
     * An INT_LIST message as an {@link IntList} that reads its ints from {@code m}, or null if
     * {@code m} is another message.
     */
    static IntList decodeIntList(byte[] m) throws StreamCorruptedException {
        if (m.length == 0 || m[0] != INT_LIST) {
            return null;
        }
        int count = m.length >= 5 ? (int) BIG_ENDIAN_INT.get(m, 1) : -1;
        if (count < 0 || (long) count * 4 != m.length - 5) {
            throw new StreamCorruptedException("a compact int list announces " + count + " ints in " + m.length + " bytes");
        }
        return IntList.of(m, count);
    }

    /** The ints of an INT_LIST message, or null if {@code m} is another message. */
    static int[] decodeIntArray(byte[] m) throws StreamCorruptedException {
        if (m.length == 0 || m[0] != INT_LIST) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(m, 1, m.length - 1);
        int count = b.remaining() >= 4 ? b.getInt() : -1;
        if (count < 0 || (long) count * 4 != b.remaining()) {
            throw new StreamCorruptedException("a compact int list announces " + count + " ints in " + m.length + " bytes");
        }
        int[] ints = new int[count];
        b.slice().asIntBuffer().get(ints);
        return ints;
    }

    /** The INT_LIST form of a list of Integers only, or null. */
    private static byte[] encodeInts(java.util.List<?> list) {
        int n = list.size();
        if (n > 0 && !(list.get(0) instanceof Integer)) {
            return null;
        }
        byte[] out = new byte[1 + 4 + 4 * n];
        out[0] = INT_LIST;
        BIG_ENDIAN_INT.set(out, 1, n);
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Integer value)) {
                return null;
            }
            BIG_ENDIAN_INT.set(out, 5 + 4 * i, (int) value);
        }
        return out;
    }

    /** Room kept by each thread for {@link #writeInts}: a list of up to 16 K ints. */
    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    /**
     * If {@code list} holds {@code Integer}s only, writes the length of its INT_LIST form and the
     * form, and returns true; else writes nothing and returns false. The form is made in an array
     * the thread keeps, and written in one call.
     */
    static boolean writeInts(java.util.List<?> list, java.io.DataOutput out) throws java.io.IOException {
        int n = list.size();
        long length = 1 + 4 + 4L * n;
        if (length > Integer.MAX_VALUE - 8) {
            return false;
        }
        byte[] form = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[(int) length];
        form[0] = INT_LIST;
        BIG_ENDIAN_INT.set(form, 1, n);
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Integer value)) {
                return false;
            }
            BIG_ENDIAN_INT.set(form, 5 + 4 * i, (int) value);
        }
        out.writeInt((int) length);
        out.write(form, 0, (int) length);
        return true;
    }

    /**
     * The compact form an {@code ArrayList} holding the items of {@code list} would have, without
     * the copy; null if it has none.
     */
    static byte[] encodeAsArrayList(java.util.List<?> list) {
        return encodeList(list, 0);
    }

    private static ArrayList<Object> decodeInts(byte[] m) throws StreamCorruptedException {
        ByteBuffer b = ByteBuffer.wrap(m, 1, m.length - 1);
        int count = b.remaining() >= 4 ? b.getInt() : -1;
        if (count < 0 || (long) count * 4 != b.remaining()) {
            throw new StreamCorruptedException("a compact int list announces " + count + " ints in " + m.length + " bytes");
        }
        ArrayList<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(b.getInt());
        }
        return list;
    }

    private static ArrayList<Object> decodeList(byte[] m, int depth) throws StreamCorruptedException {
        if (depth >= MAX_DEPTH) {
            throw new StreamCorruptedException("compact lists nested deeper than " + MAX_DEPTH);
        }
        ByteBuffer b = ByteBuffer.wrap(m);
        b.get();
        int count = b.remaining() >= 4 ? b.getInt() : -1;
        if (count < 0 || count > b.remaining() / 5) {
            throw new StreamCorruptedException("a compact list message announces " + count + " items in "
                    + m.length + " bytes");
        }
        ArrayList<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = b.remaining() >= 4 ? b.getInt() : -1;
            if (length < 1 || length > b.remaining()) {
                throw new StreamCorruptedException("item " + i + " of a compact list has a bad length " + length);
            }
            byte[] item = new byte[length];
            b.get(item);
            if (!isCompact(item[0])) {
                throw new StreamCorruptedException("item " + i + " of a compact list has a bad type " + item[0]);
            }
            list.add(decode(item, depth + 1));
        }
        if (b.hasRemaining()) {
            throw new StreamCorruptedException("a compact list message has " + b.remaining() + " bytes too many");
        }
        return list;
    }

    static Object decode(byte[] m) throws StreamCorruptedException {
        return decode(m, 0);
    }

    private static Object decode(byte[] m, int depth) throws StreamCorruptedException {
        if (m[0] == LIST) {
            return decodeList(m, depth);
        }
        if (m[0] == INT_LIST) {
            return decodeInts(m);
        }
        ByteBuffer b = ByteBuffer.wrap(m, 1, m.length - 1);
        int expected = switch (m[0]) {
            case NULL, TRUE, FALSE -> 0;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case SHORT, CHAR -> 2;
            case BYTE -> 1;
            default -> -1;  // STRING: any length
        };
        if (expected >= 0 && b.remaining() != expected) {
            throw new StreamCorruptedException("a compact message of type " + m[0] + " has " + b.remaining()
                    + " bytes of value, not " + expected);
        }
        return switch (m[0]) {
            case NULL -> null;
            case INT -> b.getInt();
            case LONG -> b.getLong();
            case DOUBLE -> b.getDouble();
            case FLOAT -> b.getFloat();
            case SHORT -> b.getShort();
            case BYTE -> b.get();
            case CHAR -> b.getChar();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> new String(m, 1, m.length - 1, StandardCharsets.UTF_8);
        };
    }
}
