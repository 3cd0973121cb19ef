package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pyconcurrent.function.SerializableRunnable;

/**
 * {@link Array}: each type code's elements, slices and extremes, locked and raw arrays, every
 * bad argument, and the same memory seen by child processes. Every child started is stopped in
 * {@link #stopChildren()}.
 */
class ArrayTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<Process> started = new ArrayList<>();

    private Process start(SerializableRunnable target) {
        Process p = new Process(target);
        started.add(p);
        p.start();
        return p;
    }

    private static void joinOk(Process p) throws InterruptedException {
        assertTrue(p.join(PATIENCE), () -> p + " did not exit within " + PATIENCE);
        assertEquals(0, p.exitcode(), () -> p + " failed; its stderr has the reason");
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : started) {
            try {
                if (p.pid() != null && p.isAlive()) {
                    p.kill();
                    p.join(PATIENCE);
                }
                p.close();
            } catch (IllegalStateException closed) {
                // closed already
            }
        }
    }

    private static void assertMessage(Class<? extends Throwable> type, String expected, Executable call) {
        assertEquals(expected, assertThrows(type, call).getMessage());
    }

    // ---------------------------------------------------------------- each type in one process

    @Test
    void intArray() {
        Array.Int zeros = Array.ofInt(4);
        assertEquals(4, zeros.length());
        assertArrayEquals(new int[4], zeros.toArray());
        int[] source = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
        Array.Int a = Array.ofInt(source);
        source[0] = 99;
        assertEquals(Integer.MIN_VALUE, a.get(0), "the array is a copy");
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}, a.toArray());
        assertEquals("Array('i', [-2147483648, -1, 0, 1, 2147483647])", a.toString());
        a.set(2, 42);
        assertEquals(42, a.get(2));
        assertArrayEquals(new int[] {-1, 42}, a.slice(1, 3));
        assertArrayEquals(new int[0], a.slice(5, 5));
        a.setSlice(3, new int[] {7, 8});
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, 42, 7, 8}, a.toArray());
        a.setSlice(5, new int[0]);
        Array.Int raw = Array.rawInt(new int[] {3, 2, 1});
        assertEquals("RawArray('i', [3, 2, 1])", raw.toString());
        assertArrayEquals(new int[3], Array.rawInt(3).toArray());
    }

    @Test
    void longArray() {
        Array.Long a = Array.ofLong(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89ab_cdefL});
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89ab_cdefL}, a.toArray());
        assertEquals("Array('q', [-9223372036854775808, 9223372036854775807, 81985529216486895])", a.toString());
        a.set(1, -1L);
        assertEquals(-1L, a.get(1));
        a.setSlice(0, new long[] {5, 6});
        assertArrayEquals(new long[] {5, 6}, a.slice(0, 2));
        assertArrayEquals(new long[3], Array.ofLong(3).toArray());
        assertEquals("RawArray('q', [0, 0])", Array.rawLong(2).toString());
        assertArrayEquals(new long[] {1, 2}, Array.rawLong(new long[] {1, 2}).toArray());
    }

    @Test
    void doubleArray() {
        double[] extremes = {Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, Double.NaN, -0.0};
        Array.Double a = Array.ofDouble(extremes);
        double[] back = a.toArray();
        for (int i = 0; i < extremes.length; i++) {
            assertEquals(Double.doubleToRawLongBits(extremes[i]), Double.doubleToRawLongBits(back[i]), "element " + i);
        }
        assertEquals("Array('d', [4.9E-324, 1.7976931348623157E308, -Infinity, NaN, -0.0])", a.toString());
        a.set(3, 0.25);
        assertEquals(0.25, a.get(3));
        a.setSlice(0, new double[] {1.5, 2.5});
        assertArrayEquals(new double[] {1.5, 2.5, Double.NEGATIVE_INFINITY}, a.slice(0, 3));
        assertArrayEquals(new double[2], Array.ofDouble(2).toArray());
        assertEquals("RawArray('d', [0.5])", Array.rawDouble(new double[] {0.5}).toString());
        assertArrayEquals(new double[1], Array.rawDouble(1).toArray());
    }

    @Test
    void floatArray() {
        Array.Float a = Array.ofFloat(new float[] {Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY});
        assertEquals(Float.MIN_VALUE, a.get(0));
        assertEquals(Float.MAX_VALUE, a.get(1));
        assertTrue(Float.isNaN(a.get(2)));
        assertEquals(Float.POSITIVE_INFINITY, a.get(3));
        assertEquals("Array('f', [1.4E-45, 3.4028235E38, NaN, Infinity])", a.toString());
        a.set(2, -2.5f);
        a.setSlice(3, new float[] {0.5f});
        assertArrayEquals(new float[] {-2.5f, 0.5f}, a.slice(2, 4));
        assertArrayEquals(new float[5], Array.ofFloat(5).toArray());
        assertEquals("RawArray('f', [0.0])", Array.rawFloat(1).toString());
        assertArrayEquals(new float[] {1f}, Array.rawFloat(new float[] {1f}).toArray());
    }

    @Test
    void shortArray() {
        Array.Short a = Array.ofShort(new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE});
        assertArrayEquals(new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}, a.toArray());
        assertEquals("Array('h', [-32768, -1, 0, 32767])", a.toString());
        a.set(1, (short) 300);
        assertEquals((short) 300, a.get(1));
        a.setSlice(2, new short[] {1, 2});
        assertArrayEquals(new short[] {300, 1, 2}, a.slice(1, 4));
        assertArrayEquals(new short[3], Array.ofShort(3).toArray());
        assertEquals("RawArray('h', [])", Array.rawShort(0).toString());
        assertArrayEquals(new short[] {9}, Array.rawShort(new short[] {9}).toArray());
    }

    @Test
    void byteArray() {
        Array.Byte a = Array.ofByte(new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE});
        assertArrayEquals(new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}, a.toArray());
        assertEquals("Array('b', [-128, -1, 0, 1, 127])", a.toString());
        for (int i = 0; i < a.length(); i++) {
            a.set(i, (byte) (i * 50));
        }
        assertArrayEquals(new byte[] {0, 50, 100, (byte) 150, (byte) 200}, a.toArray(), "setting a byte keeps its neighbours");
        a.setSlice(1, new byte[] {-7, -8});
        assertArrayEquals(new byte[] {-7, -8}, a.slice(1, 3));
        assertArrayEquals(new byte[] {0, -7, -8, (byte) 150, (byte) 200}, a.toArray());
        assertArrayEquals(new byte[9], Array.ofByte(9).toArray());
        assertEquals("RawArray('b', [0, 0, 0])", Array.rawByte(3).toString());
        assertArrayEquals(new byte[] {4}, Array.rawByte(new byte[] {4}).toArray());
    }

    @Test
    void charArray() {
        Array.Char a = Array.ofChar("h\u00e9llo\uFFFF".toCharArray());
        assertEquals(6, a.length());
        assertEquals("h\u00e9llo\uFFFF", new String(a.toArray()));
        assertEquals("Array('u', ['h', '\u00e9', 'l', 'l', 'o', '\\uffff'])", a.toString());
        a.set(0, 'j');
        assertEquals('j', a.get(0));
        a.setSlice(1, "ab".toCharArray());
        assertEquals("jab", new String(a.slice(0, 3)));
        assertArrayEquals(new char[2], Array.ofChar(2).toArray());
        assertEquals("RawArray('u', ['\\u0000'])", Array.rawChar(1).toString());
        assertArrayEquals("xy".toCharArray(), Array.rawChar("xy".toCharArray()).toArray());
    }

    @Test
    void anEmptyArray() {
        Array.Int empty = Array.ofInt(0);
        assertEquals(0, empty.length());
        assertArrayEquals(new int[0], empty.toArray());
        assertArrayEquals(new int[0], empty.slice(0, 0));
        empty.setSlice(0, new int[0]);
        assertEquals("Array('i', [])", empty.toString());
        assertEquals(0, Array.rawByte(new byte[0]).length());
    }

    @Test
    void toStringCountsWhatItDoesNotShow() {
        Array.Int a = Array.rawInt(100);
        a.set(31, 31);
        String s = a.toString();
        assertTrue(s.startsWith("RawArray('i', [0, 0, "), s);
        assertTrue(s.endsWith(", 31, ... 68 more])"), s);
    }

    @Test
    void neighbouringBytesNeverUndoEachOther() throws Exception {
        Array.Byte a = Array.rawByte(16);
        int rounds = 20_000;
        CyclicBarrier go = new CyclicBarrier(2);
        List<Thread> writers = new ArrayList<>();
        for (int parity = 0; parity < 2; parity++) {
            int p = parity;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int r = 1; r <= rounds; r++) {
                    for (int i = p; i < a.length(); i += 2) {
                        a.set(i, (byte) (r * (p + 1)));
                    }
                }
            }));
        }
        for (Thread t : writers) {
            t.join(PATIENCE.toMillis());
            assertFalse(t.isAlive());
        }
        for (int i = 0; i < a.length(); i++) {
            assertEquals((byte) (rounds * (i % 2 + 1)), a.get(i), "byte " + i);
        }
    }

    // ---------------------------------------------------------------- locks

    @Test
    void locks() throws Exception {
        Array.Int a = Array.ofInt(3);
        RLock own = assertInstanceOf(RLock.class, a.getLock());
        assertNotSame(own, Array.ofInt(3).getLock());
        try (var held = a.getLock().with()) {
            try (var again = a.getLock().with()) {
                assertEquals(2, own.holdCount());
            }
        }
        assertFalse(own.locked());
        Lock lock = new Lock();
        RLock rlock = new RLock();
        assertSame(lock, Array.ofInt(1, lock).getLock());
        assertSame(rlock, Array.ofInt(new int[] {1}, rlock).getLock());
        assertSame(lock, Array.ofLong(new long[] {1}, lock).getLock());
        assertSame(rlock, Array.ofDouble(1, rlock).getLock());
        assertSame(lock, Array.ofFloat(new float[] {1}, lock).getLock());
        assertSame(rlock, Array.ofShort(1, rlock).getLock());
        assertSame(lock, Array.ofByte(new byte[] {1}, lock).getLock());
        assertSame(rlock, Array.ofChar(new char[] {'a'}, rlock).getLock());
        List<Array> raws = List.of(Array.rawInt(1), Array.rawLong(new long[2]), Array.rawDouble(3),
                Array.rawFloat(new float[4]), Array.rawShort(5), Array.rawByte(new byte[6]), Array.rawChar(7));
        for (Array raw : raws) {
            IllegalStateException e = assertThrows(IllegalStateException.class, raw::getLock);
            assertTrue(e.getMessage().startsWith("a raw array has no lock"), e.getMessage());
        }
    }

    @Test
    void aCopyIsTheSameMemoryAndTheSameLock() throws Exception {
        Array.Short a = Array.ofShort(new short[] {1, 2, 3});
        Array.Short copy = ValueTest.copy(a);
        assertNotSame(a, copy);
        assertEquals(3, copy.length());
        copy.set(2, (short) -3);
        assertArrayEquals(new short[] {1, 2, -3}, a.toArray());
        a.getLock().acquire();
        assertTrue(((RLock) copy.getLock()).isOwned());
        copy.getLock().release();
        Array.Byte raw = ValueTest.copy(Array.rawByte(new byte[] {5, 6, 7}));
        assertArrayEquals(new byte[] {5, 6, 7}, raw.toArray());
        assertThrows(IllegalStateException.class, raw::getLock);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badIndexesNameTheIndexAndLength() {
        Array.Int a = Array.ofInt(10);
        assertMessage(IndexOutOfBoundsException.class, "Index 10 out of bounds for length 10", () -> a.get(10));
        assertMessage(IndexOutOfBoundsException.class, "Index -1 out of bounds for length 10", () -> a.get(-1));
        assertMessage(IndexOutOfBoundsException.class, "Index 11 out of bounds for length 10", () -> a.set(11, 1));
        assertMessage(IndexOutOfBoundsException.class, "Index 0 out of bounds for length 0",
                () -> Array.rawByte(0).get(0));
        assertMessage(IndexOutOfBoundsException.class, "Index 3 out of bounds for length 3",
                () -> Array.rawByte(3).set(3, (byte) 1));
        assertMessage(IndexOutOfBoundsException.class, "Index -2 out of bounds for length 2",
                () -> Array.ofChar(2).get(-2));
        assertMessage(IndexOutOfBoundsException.class, "Index 5 out of bounds for length 5",
                () -> Array.ofDouble(5).set(5, 1.0));
        for (Executable call : List.<Executable>of(() -> Array.ofLong(1).get(1), () -> Array.ofFloat(1).get(1),
                () -> Array.ofShort(1).get(1), () -> Array.ofLong(1).set(1, 0), () -> Array.ofFloat(1).set(1, 0),
                () -> Array.ofShort(1).set(1, (short) 0), () -> Array.ofChar(1).set(1, 'a'),
                () -> Array.ofByte(1).get(1), () -> Array.ofInt(1).get(1), () -> Array.ofDouble(1).get(1))) {
            assertMessage(IndexOutOfBoundsException.class, "Index 1 out of bounds for length 1", call);
        }
    }

    @Test
    void badSlicesNameTheRangeAndLength() {
        Array.Int a = Array.ofInt(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertMessage(IndexOutOfBoundsException.class, "slice [8, 3) out of bounds for length 10", () -> a.slice(8, 3));
        assertMessage(IndexOutOfBoundsException.class, "slice [-1, 3) out of bounds for length 10", () -> a.slice(-1, 3));
        assertMessage(IndexOutOfBoundsException.class, "slice [0, 11) out of bounds for length 10", () -> a.slice(0, 11));
        assertMessage(IndexOutOfBoundsException.class, "5 values from index 8 do not fit in an array of length 10",
                () -> a.setSlice(8, new int[5]));
        assertMessage(IndexOutOfBoundsException.class, "1 values from index -1 do not fit in an array of length 10",
                () -> a.setSlice(-1, new int[1]));
        assertMessage(IndexOutOfBoundsException.class, "11 values from index 0 do not fit in an array of length 10",
                () -> a.setSlice(0, new int[11]));
        assertMessage(IndexOutOfBoundsException.class, "0 values from index 11 do not fit in an array of length 10",
                () -> a.setSlice(11, new int[0]));
        assertMessage(IndexOutOfBoundsException.class,
                "2 values from index " + Integer.MAX_VALUE + " do not fit in an array of length 10",
                () -> a.setSlice(Integer.MAX_VALUE, new int[2]));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, a.toArray(), "a refused setSlice writes nothing");
        assertMessage(IndexOutOfBoundsException.class, "slice [0, 2) out of bounds for length 1",
                () -> Array.rawByte(1).slice(0, 2));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawChar(1).setSlice(0, new char[2]));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawLong(1).setSlice(0, new long[2]));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawDouble(1).setSlice(0, new double[2]));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawFloat(1).setSlice(0, new float[2]));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawShort(1).setSlice(0, new short[2]));
        assertMessage(IndexOutOfBoundsException.class, "2 values from index 0 do not fit in an array of length 1",
                () -> Array.rawByte(1).setSlice(0, new byte[2]));
    }

    @Test
    void badSizesNameTheSize() {
        for (Executable call : List.<Executable>of(() -> Array.ofInt(-3), () -> Array.rawInt(-3),
                () -> Array.ofLong(-3), () -> Array.rawLong(-3), () -> Array.ofDouble(-3), () -> Array.rawDouble(-3),
                () -> Array.ofFloat(-3), () -> Array.rawFloat(-3), () -> Array.ofShort(-3), () -> Array.rawShort(-3),
                () -> Array.ofByte(-3), () -> Array.rawByte(-3), () -> Array.ofChar(-3), () -> Array.rawChar(-3),
                () -> Array.ofInt(-3, new Lock()), () -> Array.ofInt(-3, new RLock()))) {
            assertMessage(IllegalArgumentException.class, "array size must not be negative, got -3", call);
        }
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> Array.rawLong(Integer.MAX_VALUE));
        assertTrue(tooBig.getMessage().startsWith("an array of 2147483647 'q' elements would take 17179869176 bytes"),
                tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Array.rawInt(Integer.MAX_VALUE / 4 + 1));
    }

    @Test
    void nullsNameTheParameter() {
        for (Executable call : List.<Executable>of(() -> Array.ofInt((int[]) null), () -> Array.rawInt((int[]) null),
                () -> Array.ofLong((long[]) null), () -> Array.rawLong((long[]) null),
                () -> Array.ofDouble((double[]) null), () -> Array.rawDouble((double[]) null),
                () -> Array.ofFloat((float[]) null), () -> Array.rawFloat((float[]) null),
                () -> Array.ofShort((short[]) null), () -> Array.rawShort((short[]) null),
                () -> Array.ofByte((byte[]) null), () -> Array.rawByte((byte[]) null),
                () -> Array.ofChar((char[]) null), () -> Array.rawChar((char[]) null),
                () -> Array.ofInt((int[]) null, new Lock()), () -> Array.ofChar((char[]) null, (RLock) null),
                () -> Array.ofInt(3).setSlice(0, null), () -> Array.ofLong(3).setSlice(0, null),
                () -> Array.ofDouble(3).setSlice(0, null), () -> Array.ofFloat(3).setSlice(0, null),
                () -> Array.ofShort(3).setSlice(0, null), () -> Array.ofByte(3).setSlice(0, null),
                () -> Array.ofChar(3).setSlice(0, null))) {
            assertMessage(NullPointerException.class, "values", call);
        }
        for (Executable call : List.<Executable>of(() -> Array.ofInt(1, (Lock) null),
                () -> Array.ofInt(new int[1], (RLock) null), () -> Array.ofLong(1, (RLock) null),
                () -> Array.ofDouble(new double[1], (Lock) null), () -> Array.ofFloat(1, (Lock) null),
                () -> Array.ofShort(new short[1], (RLock) null), () -> Array.ofByte(1, (Lock) null),
                () -> Array.ofChar(1, (RLock) null))) {
            assertMessage(NullPointerException.class, "lock", call);
        }
    }

    // ---------------------------------------------------------------- across processes

    static void negateAll(Array.Int i, Array.Long l, Array.Double d, Array.Float f, Array.Short s, Array.Byte b,
            Array.Char c) {
        for (int k = 0; k < i.length(); k++) {
            i.set(k, -i.get(k));
        }
        for (int k = 0; k < l.length(); k++) {
            l.set(k, -l.get(k));
        }
        for (int k = 0; k < d.length(); k++) {
            d.set(k, -d.get(k));
        }
        for (int k = 0; k < f.length(); k++) {
            f.set(k, -f.get(k));
        }
        for (int k = 0; k < s.length(); k++) {
            s.set(k, (short) -s.get(k));
        }
        for (int k = 0; k < b.length(); k++) {
            b.set(k, (byte) -b.get(k));
        }
        c.setSlice(0, new String(c.toArray()).toUpperCase().toCharArray());
    }

    @Test
    void aChildNegatesEveryElementOfEveryType() throws Exception {
        Array.Int i = Array.ofInt(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Array.Long l = Array.rawLong(new long[] {Long.MAX_VALUE, 1L << 40});
        Array.Double d = Array.ofDouble(new double[] {0.5, -1e300}, new Lock());
        Array.Float f = Array.rawFloat(new float[] {1.5f, Float.MAX_VALUE});
        Array.Short s = Array.ofShort(new short[] {Short.MAX_VALUE, 7});
        Array.Byte b = Array.rawByte(new byte[] {1, 2, 3, Byte.MAX_VALUE, 5});
        Array.Char c = Array.ofChar("shared".toCharArray(), new RLock());
        joinOk(start(() -> negateAll(i, l, d, f, s, b, c)));
        assertArrayEquals(new int[] {0, -1, -2, -3, -4, -5, -6, -7, -8, -9}, i.toArray());
        assertArrayEquals(new long[] {-Long.MAX_VALUE, -(1L << 40)}, l.toArray());
        assertArrayEquals(new double[] {-0.5, 1e300}, d.toArray());
        assertArrayEquals(new float[] {-1.5f, -Float.MAX_VALUE}, f.toArray());
        assertArrayEquals(new short[] {-Short.MAX_VALUE, -7}, s.toArray());
        assertArrayEquals(new byte[] {-1, -2, -3, -Byte.MAX_VALUE, -5}, b.toArray());
        assertEquals("SHARED", new String(c.toArray()));
    }

    static void addUnderTheLock(Barrier together, Array.Long a, int times) {
        try {
            together.await(PATIENCE);  // both children add at once
            for (int t = 0; t < times; t++) {
                try (var held = a.getLock().with()) {
                    for (int k = 0; k < a.length(); k++) {
                        a.set(k, a.get(k) + k);
                    }
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoChildrenUpdateWholeArraysUnderTheLock() throws Exception {
        Array.Long a = Array.ofLong(8);
        Barrier together = new Barrier(2);
        Process one = start(() -> addUnderTheLock(together, a, 2_000));
        Process two = start(() -> addUnderTheLock(together, a, 2_000));
        joinOk(one);
        joinOk(two);
        for (int k = 0; k < a.length(); k++) {
            assertEquals(4_000L * k, a.get(k), "element " + k);
        }
    }
}
