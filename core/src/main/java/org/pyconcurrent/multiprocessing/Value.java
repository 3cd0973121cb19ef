package org.pyconcurrent.multiprocessing;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.pyconcurrent.internal.shared.Segment;
import org.pyconcurrent.threading.Acquirable;

/**
 * Python's {@code multiprocessing.Value} and {@code multiprocessing.RawValue}: one number or
 * character in shared memory. Hand it to a child in its target (it is {@link Serializable}): the
 * child maps the same memory, so a {@code set} in one process is seen by a {@code get} in the
 * other, and every copy is the same value.
 *
 * <p>Python's type codes become subclasses and factories, so nothing is boxed:
 * <table class="striped">
 *   <caption>Type codes</caption>
 *   <thead><tr><th>Python</th><th>class</th><th>Java type</th><th>with a lock</th><th>raw</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code 'i'}</td><td>{@link Int}</td><td>{@code int}</td><td>{@link #ofInt ofInt}</td><td>{@link #rawInt rawInt}</td></tr>
 *   <tr><td>{@code 'q'}</td><td>{@link Long}</td><td>{@code long}</td><td>{@link #ofLong ofLong}</td><td>{@link #rawLong rawLong}</td></tr>
 *   <tr><td>{@code 'd'}</td><td>{@link Double}</td><td>{@code double}</td><td>{@link #ofDouble ofDouble}</td><td>{@link #rawDouble rawDouble}</td></tr>
 *   <tr><td>{@code 'f'}</td><td>{@link Float}</td><td>{@code float}</td><td>{@link #ofFloat ofFloat}</td><td>{@link #rawFloat rawFloat}</td></tr>
 *   <tr><td>{@code 'h'}</td><td>{@link Short}</td><td>{@code short}</td><td>{@link #ofShort ofShort}</td><td>{@link #rawShort rawShort}</td></tr>
 *   <tr><td>{@code 'b'}</td><td>{@link Byte}</td><td>{@code byte}</td><td>{@link #ofByte ofByte}</td><td>{@link #rawByte rawByte}</td></tr>
 *   <tr><td>{@code 'u'}</td><td>{@link Char}</td><td>{@code char}</td><td>{@link #ofChar ofChar}</td><td>{@link #rawChar rawChar}</td></tr>
 *   </tbody>
 * </table>
 * {@code 'q'} is also what {@code 'l'} is on 64-bit Unix; {@code 'u'} holds one UTF-16 unit
 * (CPython's {@code wchar_t} is 4 bytes on Linux). Python's {@code v.value} is {@code get()} and
 * {@code v.value = x} is {@code set(x)}.
 *
 * <p>{@code Value.ofInt(5)} is Python's {@code Value('i', 5)}: it comes with a new {@link RLock}
 * (CPython's default {@code lock=True}), which {@link #getLock()} returns.
 * {@code Value.ofInt(5, lock)} uses the given {@link Lock} or {@link RLock} (Python's
 * {@code lock=lock}), and {@code Value.rawInt(5)} is Python's {@code RawValue('i', 5)} (or
 * {@code Value('i', 5, lock=False)}): no lock. The lock travels with the value, so every copy of
 * a value, in every process, has the same lock.
 *
 * <p>Unlike CPython's synchronized wrapper, {@code get} and {@code set} do not take the lock, and
 * nothing here ever blocks: each is one atomic access of shared memory already. The lock is for
 * compound actions, which are several accesses:
 * <pre>{@code
 * Value.Int counter = Value.ofInt(0);
 * try (var held = counter.getLock().with()) {
 *     counter.set(counter.get() + 1);
 * }
 * }</pre>
 * Without the lock two processes may read the same value and one increment is lost, as in
 * Python, where {@code v.value += 1} is a read and a write too.
 *
 * <p>{@link #toString()} is like the call that makes such a value: {@code Value('i', 5)} or
 * {@code RawValue('d', 0.5)} (a {@code char} is quoted, as <code>'x'</code> or <code>'&#92;uffff'</code>). It
 * reads the value without the lock.
 *
 * <p>Memory consistency effects: each {@code get} and {@code set} is a single atomic access with
 * volatile semantics, also between processes (the same memory, the same instructions as a Java
 * {@code volatile} field). The gets and sets of all values and {@link Array} elements, in all
 * threads of all processes, take effect in one total order consistent with each thread's program
 * order, and a {@code get} returns the last {@code set} before it in that order. So actions prior
 * to a {@code set} in one thread <i>happen-before</i> actions after a {@code get} that reads the
 * value it wrote, in any thread of any process, for data in shared memory. A compound action such
 * as {@code v.set(v.get() + 1)} is not atomic: hold {@link #getLock()} around it (see {@link Lock}
 * for the lock's own ordering).
 */
public abstract sealed class Value implements Serializable
        permits Value.Int, Value.Long, Value.Double, Value.Float, Value.Short, Value.Byte, Value.Char {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Every value takes one 8-byte word, at offset 0 of its own segment. */
    private static final int SIZE = 8;

    private final transient char typecode;
    private final transient Segment segment;
    /** The segment's memory, in native order; the value is at offset 0. */
    final transient ByteBuffer buffer;
    /** The lock, or null for a raw value. */
    private final transient Acquirable lock;

    Value(char typecode, Segment segment, Acquirable lock) {
        this.typecode = typecode;
        this.segment = segment;
        this.buffer = segment.buffer();
        this.lock = lock;
    }

    private static Segment allocate() {
        return Segment.create(SIZE);
    }

    private static Acquirable given(Acquirable lock) {
        return Objects.requireNonNull(lock, "lock");
    }

    /**
     * Python's {@code get_lock()}: the lock that came with this value, the same in every process.
     *
     * @return the lock: a new {@link RLock} unless one was given when the value was made
     * @throws IllegalStateException if this is a raw value (Python's {@code RawValue} has no
     *     {@code get_lock()} at all)
     */
    public final Acquirable getLock() {
        if (lock == null) {
            throw new IllegalStateException("a raw value has no lock: " + this);
        }
        return lock;
    }

    /** The value as {@link #toString()} shows it. */
    abstract String show();

    /**
     * Like the Python call that makes such a value: {@code Value('i', 5)}, or
     * {@code RawValue('i', 5)} for a raw one.
     *
     * @return the type code and current value
     */
    @Override
    public final String toString() {
        return (lock == null ? "RawValue('" : "Value('") + typecode + "', " + show() + ")";
    }

    /**
     * Serialization writes the {@code Form} instead: type code, memory handle and lock.
     *
     * @return the serialized form
     */
    @Serial
    final Object writeReplace() {
        return new Form(typecode, segment.handle(), lock);
    }

    /**
     * Refuses a stream that holds the class itself rather than its {@code Form}.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a Value travels as its shared memory's handle");
    }

    /**
     * Refuses a stream that holds a subclass without this class's data.
     *
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObjectNoData() throws InvalidObjectException {
        throw new InvalidObjectException("a Value travels as its shared memory's handle");
    }

    /**
     * How a value travels to another process: its type code, the handle of its memory, and its
     * lock (null for a raw value). The receiver maps the same memory.
     *
     * @param typecode Python's type code
     * @param handle the shared memory
     * @param lock the lock, or null
     */
    private record Form(char typecode, Segment.Handle handle, Acquirable lock) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws ObjectStreamException {
            if (handle == null || handle.size() < SIZE) {
                throw new InvalidObjectException("a Value needs a handle to " + SIZE + " bytes of shared memory, got " + handle);
            }
            return switch (typecode) {
                case 'i' -> new Int(Segment.open(handle), lock);
                case 'q' -> new Long(Segment.open(handle), lock);
                case 'd' -> new Double(Segment.open(handle), lock);
                case 'f' -> new Float(Segment.open(handle), lock);
                case 'h' -> new Short(Segment.open(handle), lock);
                case 'b' -> new Byte(Segment.open(handle), lock);
                case 'u' -> new Char(Segment.open(handle), lock);
                default -> throw new InvalidObjectException("no Value has type code '" + typecode + "'");
            };
        }
    }

    // ---------------------------------------------------------------- 'i': int

    /**
     * Python's {@code Value('i', initial)}: a shared {@code int} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int initial) {
        return makeInt(initial, new RLock());
    }

    /**
     * Python's {@code Value('i', initial, lock=lock)}: a shared {@code int} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int initial, Lock lock) {
        return makeInt(initial, given(lock));
    }

    /**
     * Python's {@code Value('i', initial, lock=lock)}: a shared {@code int} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int initial, RLock lock) {
        return makeInt(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('i', initial)}: a shared {@code int} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int rawInt(int initial) {
        return makeInt(initial, null);
    }

    private static Int makeInt(int initial, Acquirable lock) {
        Int value = new Int(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'q': long

    /**
     * Python's {@code Value('q', initial)}: a shared {@code long} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long initial) {
        return makeLong(initial, new RLock());
    }

    /**
     * Python's {@code Value('q', initial, lock=lock)}: a shared {@code long} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long initial, Lock lock) {
        return makeLong(initial, given(lock));
    }

    /**
     * Python's {@code Value('q', initial, lock=lock)}: a shared {@code long} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long initial, RLock lock) {
        return makeLong(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('q', initial)}: a shared {@code long} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long rawLong(long initial) {
        return makeLong(initial, null);
    }

    private static Long makeLong(long initial, Acquirable lock) {
        Long value = new Long(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'd': double

    /**
     * Python's {@code Value('d', initial)}: a shared {@code double} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double initial) {
        return makeDouble(initial, new RLock());
    }

    /**
     * Python's {@code Value('d', initial, lock=lock)}: a shared {@code double} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double initial, Lock lock) {
        return makeDouble(initial, given(lock));
    }

    /**
     * Python's {@code Value('d', initial, lock=lock)}: a shared {@code double} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double initial, RLock lock) {
        return makeDouble(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('d', initial)}: a shared {@code double} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double rawDouble(double initial) {
        return makeDouble(initial, null);
    }

    private static Double makeDouble(double initial, Acquirable lock) {
        Double value = new Double(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'f': float

    /**
     * Python's {@code Value('f', initial)}: a shared {@code float} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float initial) {
        return makeFloat(initial, new RLock());
    }

    /**
     * Python's {@code Value('f', initial, lock=lock)}: a shared {@code float} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float initial, Lock lock) {
        return makeFloat(initial, given(lock));
    }

    /**
     * Python's {@code Value('f', initial, lock=lock)}: a shared {@code float} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float initial, RLock lock) {
        return makeFloat(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('f', initial)}: a shared {@code float} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float rawFloat(float initial) {
        return makeFloat(initial, null);
    }

    private static Float makeFloat(float initial, Acquirable lock) {
        Float value = new Float(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'h': short

    /**
     * Python's {@code Value('h', initial)}: a shared {@code short} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short initial) {
        return makeShort(initial, new RLock());
    }

    /**
     * Python's {@code Value('h', initial, lock=lock)}: a shared {@code short} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short initial, Lock lock) {
        return makeShort(initial, given(lock));
    }

    /**
     * Python's {@code Value('h', initial, lock=lock)}: a shared {@code short} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short initial, RLock lock) {
        return makeShort(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('h', initial)}: a shared {@code short} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short rawShort(short initial) {
        return makeShort(initial, null);
    }

    private static Short makeShort(short initial, Acquirable lock) {
        Short value = new Short(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'b': byte

    /**
     * Python's {@code Value('b', initial)}: a shared {@code byte} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte initial) {
        return makeByte(initial, new RLock());
    }

    /**
     * Python's {@code Value('b', initial, lock=lock)}: a shared {@code byte} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte initial, Lock lock) {
        return makeByte(initial, given(lock));
    }

    /**
     * Python's {@code Value('b', initial, lock=lock)}: a shared {@code byte} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte initial, RLock lock) {
        return makeByte(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('b', initial)}: a shared {@code byte} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte rawByte(byte initial) {
        return makeByte(initial, null);
    }

    private static Byte makeByte(byte initial, Acquirable lock) {
        Byte value = new Byte(allocate(), lock);
        value.set(initial);
        return value;
    }

    // ---------------------------------------------------------------- 'u': char

    /**
     * Python's {@code Value('u', initial)}: a shared {@code char} with a new {@link RLock}.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char initial) {
        return makeChar(initial, new RLock());
    }

    /**
     * Python's {@code Value('u', initial, lock=lock)}: a shared {@code char} guarded by a
     * given {@link Lock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char initial, Lock lock) {
        return makeChar(initial, given(lock));
    }

    /**
     * Python's {@code Value('u', initial, lock=lock)}: a shared {@code char} guarded by a
     * given {@link RLock}, which {@link #getLock()} returns.
     *
     * @param initial the value
     * @param lock the lock
     * @return the value, in new shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char initial, RLock lock) {
        return makeChar(initial, given(lock));
    }

    /**
     * Python's {@code RawValue('u', initial)}: a shared {@code char} without a lock.
     *
     * @param initial the value
     * @return the value, in new shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char rawChar(char initial) {
        return makeChar(initial, null);
    }

    private static Char makeChar(char initial, Acquirable lock) {
        Char value = new Char(allocate(), lock);
        value.set(initial);
        return value;
    }

    /**
     * A shared {@code int}: Python's {@code Value('i', ...)} or {@code RawValue('i', ...)}
     * (ctypes {@code c_int}, C {@code int}). Made by {@link Value#ofInt} or {@link Value#rawInt}.
     */
    public static final class Int extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Int(Segment segment, Acquirable lock) {
            super('i', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public int get() {
            return ElementAccess.getInt(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(int value) {
            ElementAccess.setInt(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code long}: Python's {@code Value('q', ...)} or {@code RawValue('q', ...)}
     * (ctypes {@code c_longlong}, C {@code long long}; also {@code 'l'} on 64-bit Unix). Made by {@link Value#ofLong} or {@link Value#rawLong}.
     */
    public static final class Long extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Long(Segment segment, Acquirable lock) {
            super('q', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public long get() {
            return ElementAccess.getLong(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(long value) {
            ElementAccess.setLong(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code double}: Python's {@code Value('d', ...)} or {@code RawValue('d', ...)}
     * (ctypes {@code c_double}, C {@code double}). Made by {@link Value#ofDouble} or {@link Value#rawDouble}.
     */
    public static final class Double extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Double(Segment segment, Acquirable lock) {
            super('d', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public double get() {
            return ElementAccess.getDouble(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(double value) {
            ElementAccess.setDouble(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code float}: Python's {@code Value('f', ...)} or {@code RawValue('f', ...)}
     * (ctypes {@code c_float}, C {@code float}). Made by {@link Value#ofFloat} or {@link Value#rawFloat}.
     */
    public static final class Float extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Float(Segment segment, Acquirable lock) {
            super('f', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public float get() {
            return ElementAccess.getFloat(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(float value) {
            ElementAccess.setFloat(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code short}: Python's {@code Value('h', ...)} or {@code RawValue('h', ...)}
     * (ctypes {@code c_short}, C {@code short}). Made by {@link Value#ofShort} or {@link Value#rawShort}.
     */
    public static final class Short extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Short(Segment segment, Acquirable lock) {
            super('h', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public short get() {
            return ElementAccess.getShort(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(short value) {
            ElementAccess.setShort(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code byte}: Python's {@code Value('b', ...)} or {@code RawValue('b', ...)}
     * (ctypes {@code c_byte}, C {@code signed char}). Made by {@link Value#ofByte} or {@link Value#rawByte}.
     */
    public static final class Byte extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Byte(Segment segment, Acquirable lock) {
            super('b', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public byte get() {
            return ElementAccess.getByte(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(byte value) {
            ElementAccess.setByte(buffer, 0, value);
        }

        @Override
        String show() {
            return String.valueOf(get());
        }
    }

    /**
     * A shared {@code char}: Python's {@code Value('u', ...)} or {@code RawValue('u', ...)}
     * (ctypes {@code c_wchar}, one UTF-16 unit where CPython has a {@code wchar_t}). Made by {@link Value#ofChar} or {@link Value#rawChar}.
     */
    public static final class Char extends Value {
        @Serial
        private static final long serialVersionUID = 1L;

        private Char(Segment segment, Acquirable lock) {
            super('u', segment, lock);
        }

        /**
         * Python's {@code v.value}: one atomic, volatile read.
         *
         * @return the value
         */
        public char get() {
            return ElementAccess.getChar(buffer, 0);
        }

        /**
         * Python's {@code v.value = value}: one atomic, volatile write.
         *
         * @param value the new value
         */
        public void set(char value) {
            ElementAccess.setChar(buffer, 0, value);
        }

        @Override
        String show() {
            return ElementAccess.quote(get());
        }
    }
}
