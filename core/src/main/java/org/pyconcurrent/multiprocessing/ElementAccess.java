package org.pyconcurrent.multiprocessing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Atomic, volatile reads and writes of the elements of {@link Value} and {@link Array}: each type
 * at an offset aligned to its size in a mapped buffer of native order (a segment's mapping starts
 * on a page, so the offsets are aligned in memory too).
 *
 * <p>{@code int}, {@code long}, {@code float}, {@code double}, {@code short} and {@code char} use
 * a byte-buffer view {@link VarHandle}'s {@code getVolatile}/{@code setVolatile}, which are atomic
 * at aligned offsets. There is no such view for {@code byte}: a byte is read as part of the
 * aligned 4-byte word that holds it, with a volatile read, and written by a compare-and-set of
 * that word which changes only its byte. That gives a byte exactly the ordering of the other
 * types (no mix of plain accesses and fences), and concurrent writes to neighbouring bytes never
 * undo each other. Nothing here blocks.
 */
final class ElementAccess {
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle FLOATS = MethodHandles.byteBufferViewVarHandle(float[].class, ByteOrder.nativeOrder());
    private static final VarHandle DOUBLES = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.nativeOrder());
    private static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle CHARS = MethodHandles.byteBufferViewVarHandle(char[].class, ByteOrder.nativeOrder());
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private ElementAccess() {
    }

    static int getInt(ByteBuffer buffer, int offset) {
        return (int) INTS.getVolatile(buffer, offset);
    }

    static void setInt(ByteBuffer buffer, int offset, int value) {
        INTS.setVolatile(buffer, offset, value);
    }

    static long getLong(ByteBuffer buffer, int offset) {
        return (long) LONGS.getVolatile(buffer, offset);
    }

    static void setLong(ByteBuffer buffer, int offset, long value) {
        LONGS.setVolatile(buffer, offset, value);
    }

    static float getFloat(ByteBuffer buffer, int offset) {
        return (float) FLOATS.getVolatile(buffer, offset);
    }

    static void setFloat(ByteBuffer buffer, int offset, float value) {
        FLOATS.setVolatile(buffer, offset, value);
    }

    static double getDouble(ByteBuffer buffer, int offset) {
        return (double) DOUBLES.getVolatile(buffer, offset);
    }

    static void setDouble(ByteBuffer buffer, int offset, double value) {
        DOUBLES.setVolatile(buffer, offset, value);
    }

    static short getShort(ByteBuffer buffer, int offset) {
        return (short) SHORTS.getVolatile(buffer, offset);
    }

    static void setShort(ByteBuffer buffer, int offset, short value) {
        SHORTS.setVolatile(buffer, offset, value);
    }

    static char getChar(ByteBuffer buffer, int offset) {
        return (char) CHARS.getVolatile(buffer, offset);
    }

    static void setChar(ByteBuffer buffer, int offset, char value) {
        CHARS.setVolatile(buffer, offset, value);
    }

    /** Where the byte at {@code offset} sits in its aligned int word, in bits from the right. */
    private static int shift(int offset) {
        int inWord = offset & 3;
        return (LITTLE_ENDIAN ? inWord : 3 - inWord) << 3;
    }

    static byte getByte(ByteBuffer buffer, int offset) {
        return (byte) ((int) INTS.getVolatile(buffer, offset & ~3) >>> shift(offset));
    }

    static void setByte(ByteBuffer buffer, int offset, byte value) {
        int word = offset & ~3;
        int shift = shift(offset);
        int mask = ~(0xFF << shift);
        int bits = (value & 0xFF) << shift;
        int old;
        do {
            old = (int) INTS.getVolatile(buffer, word);
        } while (!INTS.compareAndSet(buffer, word, old, (old & mask) | bits));
    }

    /** A char as {@code toString} shows it: quoted, escaped unless it is printable. */
    static String quote(char c) {
        boolean printable = !Character.isISOControl(c) && !Character.isSurrogate(c) && Character.isDefined(c)
                && !Character.isWhitespace(c) || c == ' ';
        return printable ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
    }
}
