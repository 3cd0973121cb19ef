package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.threading.Acquirable;

/**
 * {@link Value}: each type code's get/set and extremes, locked and raw values, their locks and
 * {@code toString}, and the same memory seen by child processes. Every child started is stopped
 * in {@link #stopChildren()}.
 */
class ValueTest {
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

    /** In a child: fails the child (exit code 1) unless {@code ok}. */
    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("child saw wrong " + what);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    // ---------------------------------------------------------------- each type in one process

    @Test
    void intValue() {
        Value.Int v = Value.ofInt(5);
        assertEquals(5, v.get());
        assertEquals("Value('i', 5)", v.toString());
        for (int x : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 42}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        Value.Int raw = Value.rawInt(Integer.MIN_VALUE);
        assertEquals(Integer.MIN_VALUE, raw.get());
        assertEquals("RawValue('i', -2147483648)", raw.toString());
        raw.set(7);
        assertEquals(7, raw.get());
        assertEquals(42, v.get(), "two values are two memories");
    }

    @Test
    void longValue() {
        Value.Long v = Value.ofLong(1L << 40);
        assertEquals(1L << 40, v.get());
        assertEquals("Value('q', 1099511627776)", v.toString());
        for (long x : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 0x0123_4567_89ab_cdefL}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        Value.Long raw = Value.rawLong(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, raw.get());
        assertEquals("RawValue('q', 9223372036854775807)", raw.toString());
    }

    @Test
    void doubleValue() {
        Value.Double v = Value.ofDouble(3.1415927);
        assertEquals(3.1415927, v.get());
        assertEquals("Value('d', 3.1415927)", v.toString());
        for (double x : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, 0.1}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        v.set(-0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v.get()), "-0.0 keeps its sign");
        v.set(Double.NaN);
        assertTrue(Double.isNaN(v.get()));
        assertEquals("Value('d', NaN)", v.toString());
        double oddNaN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        v.set(oddNaN);
        assertEquals(0x7ff8_0000_dead_beefL, Double.doubleToRawLongBits(v.get()), "a NaN's payload survives");
        Value.Double raw = Value.rawDouble(0.5);
        assertEquals(0.5, raw.get());
        assertEquals("RawValue('d', 0.5)", raw.toString());
    }

    @Test
    void floatValue() {
        Value.Float v = Value.ofFloat(2.5f);
        assertEquals(2.5f, v.get());
        assertEquals("Value('f', 2.5)", v.toString());
        for (float x : new float[] {Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.0f, 0.1f}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        v.set(Float.NaN);
        assertTrue(Float.isNaN(v.get()));
        Value.Float raw = Value.rawFloat(-1.25f);
        assertEquals(-1.25f, raw.get());
        assertEquals("RawValue('f', -1.25)", raw.toString());
    }

    @Test
    void shortValue() {
        Value.Short v = Value.ofShort((short) -12);
        assertEquals((short) -12, v.get());
        assertEquals("Value('h', -12)", v.toString());
        for (short x : new short[] {Short.MIN_VALUE, Short.MAX_VALUE, -1, 0}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        Value.Short raw = Value.rawShort(Short.MAX_VALUE);
        assertEquals(Short.MAX_VALUE, raw.get());
        assertEquals("RawValue('h', 32767)", raw.toString());
    }

    @Test
    void byteValue() {
        Value.Byte v = Value.ofByte((byte) 7);
        assertEquals((byte) 7, v.get());
        assertEquals("Value('b', 7)", v.toString());
        for (byte x : new byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0, 1}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        Value.Byte raw = Value.rawByte(Byte.MIN_VALUE);
        assertEquals(Byte.MIN_VALUE, raw.get());
        assertEquals("RawValue('b', -128)", raw.toString());
    }

    @Test
    void charValue() {
        Value.Char v = Value.ofChar('x');
        assertEquals('x', v.get());
        assertEquals("Value('u', 'x')", v.toString());
        for (char x : new char[] {'\u0000', '\uFFFF', '\u00e9', '\ud83d', 'A'}) {
            v.set(x);
            assertEquals(x, v.get());
        }
        v.set('\uFFFF');
        assertEquals("Value('u', '\\uffff')", v.toString());
        Value.Char raw = Value.rawChar('\u00e9');
        assertEquals('\u00e9', raw.get());
        assertEquals("RawValue('u', '\u00e9')", raw.toString());
        raw.set('\n');
        assertEquals("RawValue('u', '\\u000a')", raw.toString());
    }

    // ---------------------------------------------------------------- locks

    @Test
    void theDefaultLockIsANewReentrantLock() throws Exception {
        Value.Int v = Value.ofInt(0);
        Acquirable lock = v.getLock();
        RLock rlock = assertInstanceOf(RLock.class, lock);
        assertSame(lock, v.getLock());
        assertNotSame(lock, Value.ofInt(0).getLock(), "each value has its own lock");
        try (var outer = lock.with()) {
            try (var inner = lock.with()) {
                assertEquals(2, rlock.holdCount());
                v.set(v.get() + 1);
            }
        }
        assertFalse(rlock.locked());
        assertEquals(1, v.get());
    }

    @Test
    void aGivenLockIsTheLock() throws Exception {
        Lock lock = new Lock();
        RLock rlock = new RLock();
        assertSame(lock, Value.ofInt(0, lock).getLock());
        assertSame(rlock, Value.ofInt(0, rlock).getLock());
        Value.Double d = Value.ofDouble(1.0, lock);
        Value.Long l = Value.ofLong(1L, lock);
        assertSame(d.getLock(), l.getLock(), "values may share a lock");
        try (var held = d.getLock().with()) {
            assertTrue(lock.locked());
            assertFalse(l.getLock().acquire(false), "the shared Lock is taken");
        }
        assertSame(lock, Value.ofFloat(0f, lock).getLock());
        assertSame(rlock, Value.ofShort((short) 0, rlock).getLock());
        assertSame(rlock, Value.ofByte((byte) 0, rlock).getLock());
        assertSame(lock, Value.ofChar('a', lock).getLock());
    }

    @Test
    void aRawValueHasNoLock() {
        List<Value> raws = List.of(Value.rawInt(1), Value.rawLong(2), Value.rawDouble(3), Value.rawFloat(4),
                Value.rawShort((short) 5), Value.rawByte((byte) 6), Value.rawChar('7'));
        for (Value raw : raws) {
            IllegalStateException e = assertThrows(IllegalStateException.class, raw::getLock);
            assertTrue(e.getMessage().startsWith("a raw value has no lock"), e.getMessage());
            assertTrue(e.getMessage().contains(raw.toString()), e.getMessage());
        }
    }

    @Test
    void aNullLockIsRefused() {
        assertEquals("lock", assertThrows(NullPointerException.class, () -> Value.ofInt(0, (Lock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class, () -> Value.ofLong(0, (RLock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class, () -> Value.ofDouble(0, (Lock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class, () -> Value.ofFloat(0, (RLock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class,
                () -> Value.ofShort((short) 0, (Lock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class,
                () -> Value.ofByte((byte) 0, (RLock) null)).getMessage());
        assertEquals("lock", assertThrows(NullPointerException.class, () -> Value.ofChar('c', (Lock) null)).getMessage());
    }

    // ---------------------------------------------------------------- serialization

    @Test
    void aCopyIsTheSameMemoryAndTheSameLock() throws Exception {
        Value.Int v = Value.ofInt(1);
        Value.Int copy = copy(v);
        assertNotSame(v, copy);
        assertEquals(1, copy.get());
        copy.set(2);
        assertEquals(2, v.get());
        assertEquals("Value('i', 2)", copy.toString());
        RLock lock = (RLock) v.getLock();
        RLock copiedLock = assertInstanceOf(RLock.class, copy.getLock());
        lock.acquire();
        assertTrue(copiedLock.isOwned(), "the copy's lock is the same lock");
        copiedLock.release();
        assertFalse(lock.locked());

        Value.Char raw = copy(Value.rawChar('z'));
        assertEquals('z', raw.get());
        assertThrows(IllegalStateException.class, raw::getLock);
        Value.Byte b = copy(Value.ofByte((byte) -3, new Lock()));
        assertEquals((byte) -3, b.get());
        assertInstanceOf(Lock.class, b.getLock());
    }

    // ---------------------------------------------------------------- across processes

    static void negate(Value.Double n, Array.Int a) {
        n.set(3.1415927);
        for (int i = 0; i < a.length(); i++) {
            a.set(i, -a.get(i));
        }
    }

    /** The example of Python's docs: {@code num = Value('d', 0.0); arr = Array('i', range(10))}. */
    @Test
    void theDocsExample() throws Exception {
        Value.Double num = Value.ofDouble(0.0);
        Array.Int arr = Array.ofInt(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        joinOk(start(() -> negate(num, arr)));
        assertEquals(3.1415927, num.get());
        assertArrayEquals(new int[] {0, -1, -2, -3, -4, -5, -6, -7, -8, -9}, arr.toArray());
    }

    static void increment(Barrier together, Value.Int v, int times) {
        try {
            together.await(PATIENCE);  // both children count at once
            for (int i = 0; i < times; i++) {
                try (var held = v.getLock().with()) {
                    int now = v.get();
                    Thread.yield();  // v.set(v.get() + 1), with a wider window for a lost update
                    v.set(now + 1);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoChildrenCountUnderTheLock() throws Exception {
        Value.Int counter = Value.ofInt(0);
        Barrier together = new Barrier(2);
        Process a = start(() -> increment(together, counter, 5_000));
        Process b = start(() -> increment(together, counter, 5_000));
        joinOk(a);
        joinOk(b);
        assertEquals(10_000, counter.get());
        assertFalse(((RLock) counter.getLock()).locked());
    }

    @Test
    void aRawValueChangedByAChildIsSeenAfterJoin() throws Exception {
        Value.Long raw = Value.rawLong(1);
        joinOk(start(() -> {
            check(raw.get() == 1, "initial value");
            raw.set(Long.MIN_VALUE);
        }));
        assertEquals(Long.MIN_VALUE, raw.get());
    }

    @Test
    void everyTypeTravelsBothWays() throws Exception {
        Value.Int i = Value.ofInt(Integer.MAX_VALUE);
        Value.Long l = Value.ofLong(Long.MIN_VALUE);
        Value.Double d = Value.rawDouble(Double.NaN);
        Value.Float f = Value.ofFloat(Float.MAX_VALUE, new Lock());
        Value.Short s = Value.rawShort(Short.MIN_VALUE);
        Value.Byte b = Value.ofByte(Byte.MAX_VALUE, new RLock());
        Value.Char c = Value.rawChar('\uFFFF');
        joinOk(start(() -> {
            check(i.get() == Integer.MAX_VALUE && l.get() == Long.MIN_VALUE && Double.isNaN(d.get())
                    && f.get() == Float.MAX_VALUE && s.get() == Short.MIN_VALUE && b.get() == Byte.MAX_VALUE
                    && c.get() == '\uFFFF', "values");
            check(i.getLock() instanceof RLock && f.getLock() instanceof Lock && b.getLock() instanceof RLock,
                    "locks");
            i.set(-1);
            l.set(Long.MAX_VALUE);
            d.set(Double.NEGATIVE_INFINITY);
            f.set(Float.MIN_VALUE);
            s.set((short) 12345);
            b.set(Byte.MIN_VALUE);
            c.set('\u00e9');
        }));
        assertEquals(-1, i.get());
        assertEquals(Long.MAX_VALUE, l.get());
        assertEquals(Double.NEGATIVE_INFINITY, d.get());
        assertEquals(Float.MIN_VALUE, f.get());
        assertEquals((short) 12345, s.get());
        assertEquals(Byte.MIN_VALUE, b.get());
        assertEquals('\u00e9', c.get());
    }

    static void tryTheLock(Value.Int v) {
        try {
            boolean got = v.getLock().acquire(false);
            if (got) {
                v.getLock().release();
            }
            System.exit(got ? 10 : 11);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theChildHasTheSameLock() throws Exception {
        Value.Int v = Value.ofInt(0);
        Process whileHeld;
        try (var held = v.getLock().with()) {
            whileHeld = start(() -> tryTheLock(v));
            assertTrue(whileHeld.join(PATIENCE));
        }
        assertEquals(11, whileHeld.exitcode(), "the child could not take the lock the parent holds");
        Process whileFree = start(() -> tryTheLock(v));
        assertTrue(whileFree.join(PATIENCE));
        assertEquals(10, whileFree.exitcode(), "the child took the free lock");
    }
}
