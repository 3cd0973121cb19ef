package org.pyconcurrent.internal.ipc;

import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The compact form of {@link Serialization} for {@code null}, boxed primitives and strings: a
 * tag byte (never {@code 0xAC}, the first byte of every Java serialization stream) and the value
 * in big-endian order (a string as UTF-8).
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

    private Compact() {
    }

    static boolean isCompact(byte first) {
        return first >= NULL && first <= STRING;
    }

    /** The compact form of {@code obj}, or null if it has none. */
    static byte[] encode(Object obj) {
        if (obj == null) {
            return new byte[] {NULL};
        }
        Class<?> c = obj.getClass();
        if (c == Integer.class) {
            return ByteBuffer.allocate(5).put(INT).putInt((Integer) obj).array();
        } else if (c == String.class) {
            byte[] utf8 = ((String) obj).getBytes(StandardCharsets.UTF_8);
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
        }
        return null;
    }

    static Object decode(byte[] m) throws StreamCorruptedException {
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
