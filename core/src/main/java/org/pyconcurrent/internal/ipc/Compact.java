package org.pyconcurrent.internal.ipc;

import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The compact form of {@link Serialization} for {@code null}, boxed primitives, strings and
 * {@link ArrayList}s of those: a tag byte (never {@code 0xAC}, the first byte of every Java
 * serialization stream) and the value in big-endian order (a string as UTF-8; a list as a count
 * and each item's length and compact form). Decoding checks every length against the message,
 * so a corrupt message is an exception, never a huge allocation.
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
    private static byte[] encodeList(ArrayList<?> list, int depth) {
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

    /** The INT_LIST form of a list of Integers only, or null. */
    private static byte[] encodeInts(ArrayList<?> list) {
        int n = list.size();
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Integer)) {
                return null;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 * n).put(INT_LIST).putInt(n);
        for (int i = 0; i < n; i++) {
            out.putInt((Integer) list.get(i));
        }
        return out.array();
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
