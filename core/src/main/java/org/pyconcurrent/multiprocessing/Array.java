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
 * Python's {@code multiprocessing.Array} and {@code multiprocessing.RawArray}: a fixed-length
 * array of numbers or characters in shared memory. Hand it to a child in its target (it is
 * {@link Serializable}): the child maps the same memory, so a {@code set} in one process is seen
 * by a {@code get} in the other, and every copy is the same array.
 *
 * <p>Python's type codes become subclasses and factories, so nothing is boxed:
 * <table class="striped">
 *   <caption>Type codes</caption>
 *   <thead><tr><th>Python</th><th>class</th><th>Java type</th><th>with a lock</th><th>raw</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code 'i'}</td><td>{@link Int}</td><td>{@code int}</td><td>{@link #ofInt(int) ofInt}</td><td>{@link #rawInt(int) rawInt}</td></tr>
 *   <tr><td>{@code 'q'}</td><td>{@link Long}</td><td>{@code long}</td><td>{@link #ofLong(int) ofLong}</td><td>{@link #rawLong(int) rawLong}</td></tr>
 *   <tr><td>{@code 'd'}</td><td>{@link Double}</td><td>{@code double}</td><td>{@link #ofDouble(int) ofDouble}</td><td>{@link #rawDouble(int) rawDouble}</td></tr>
 *   <tr><td>{@code 'f'}</td><td>{@link Float}</td><td>{@code float}</td><td>{@link #ofFloat(int) ofFloat}</td><td>{@link #rawFloat(int) rawFloat}</td></tr>
 *   <tr><td>{@code 'h'}</td><td>{@link Short}</td><td>{@code short}</td><td>{@link #ofShort(int) ofShort}</td><td>{@link #rawShort(int) rawShort}</td></tr>
 *   <tr><td>{@code 'b'}</td><td>{@link Byte}</td><td>{@code byte}</td><td>{@link #ofByte(int) ofByte}</td><td>{@link #rawByte(int) rawByte}</td></tr>
 *   <tr><td>{@code 'u'}</td><td>{@link Char}</td><td>{@code char}</td><td>{@link #ofChar(int) ofChar}</td><td>{@link #rawChar(int) rawChar}</td></tr>
 *   </tbody>
 * </table>
 * ({@code 'q'} is also what {@code 'l'} is on 64-bit Unix; {@code 'u'} holds UTF-16 units.) Each
 * factory takes either a size, for a zero-filled array (Python's {@code Array('i', 10)}), or a
 * Java array whose elements it copies (Python's {@code Array('i', range(10))}).
 *
 * <p>Python's indexing becomes methods: {@code a[i]} is {@code get(i)}, {@code a[i] = x} is
 * {@code set(i, x)}, {@code len(a)} is {@link #length()}, {@code a[i:j]} is {@code slice(i, j)}
 * (a new Java array), {@code a[:]} is {@code toArray()}, and
 * {@code a[i:i + len(xs)] = xs} is {@code setSlice(i, xs)}. Unlike Python, indexes are never
 * negative and slices are not clipped: an index or range outside the array is an
 * {@link IndexOutOfBoundsException} that names it and the length.
 *
 * <p>{@code Array.ofInt(10)} comes with a new {@link RLock} (CPython's default
 * {@code lock=True}), which {@link #getLock()} returns; {@code Array.ofInt(10, lock)} uses the
 * given {@link Lock} or {@link RLock}; {@code Array.rawInt(10)} is Python's
 * {@code RawArray('i', 10)}: no lock. The lock travels with the array, so every copy, in every
 * process, has the same lock.
 *
 * <p>Unlike CPython's synchronized wrapper, no method takes the lock, and nothing here ever
 * blocks. Each {@code get} and {@code set} of one element is atomic without it; {@code slice},
 * {@code setSlice}, {@code toArray} and {@code toString} access one element at a time, so they are
 * a consistent snapshot or update of several elements only while the caller holds the lock (and
 * every writer does too):
 * <pre>{@code
 * try (var held = a.getLock().with()) {
 *     int[] snapshot = a.toArray();
 * }
 * }</pre>
 *
 * <p>{@link #toString()} is like the call that makes such an array: {@code Array('i', [0, 1, 2])}
 * or {@code RawArray('i', [0, 1, 2])}; past 32 elements it shows how many more there
 * are instead of them.
 *
 * <p>Memory consistency effects: each {@code get} and {@code set} of one element is a single
 * atomic access with volatile semantics, also between processes (a {@code byte}'s {@code set} is
 * a compare-and-set of the 4 bytes around it, so writes to neighbouring bytes never undo each
 * other). These accesses, of all arrays and {@link Value}s, in all threads of all processes, take
 * effect in one total order consistent with each thread's program order, and a {@code get}
 * returns the last {@code set} of that element before it. So actions prior to a {@code set} in
 * one thread <i>happen-before</i> actions after a {@code get} that reads the element it wrote, in
 * any thread of any process, for data in shared memory. Compound actions, such as
 * {@code a.set(i, a.get(i) + 1)} or a whole slice, are not atomic: hold {@link #getLock()} around
 * them (see {@link Lock} for the lock's own ordering).
 */
public abstract sealed class Array implements Serializable
        permits Array.Int, Array.Long, Array.Double, Array.Float, Array.Short, Array.Byte, Array.Char {
    @Serial
    private static final long serialVersionUID = 1L;
    /** The most bytes an array may take: a mapped segment holds at most 2 GiB - 8. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 7;
    /** How many elements {@link #toString()} shows. */
    static final int SHOWN = 32;

    private final transient char typecode;
    private final transient Segment segment;
    /** The segment's memory, in native order; element {@code i} is at {@code i << shift}. */
    final transient ByteBuffer buffer;
    /** The number of elements. */
    final transient int length;
    /** The lock, or null for a raw array. */
    private final transient Acquirable lock;

    Array(char typecode, Segment segment, int length, Acquirable lock) {
        this.typecode = typecode;
        this.segment = segment;
        this.buffer = segment.buffer();
        this.length = length;
        this.lock = lock;
    }

    /** New zero-filled memory for {@code size} elements of {@code 1 << shift} bytes. */
    private static Segment allocate(char typecode, int size, int shift) {
        if (size < 0) {
            throw new IllegalArgumentException("array size must not be negative, got " + size);
        }
        long bytes = (long) size << shift;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("an array of " + size + " '" + typecode + "' elements would take "
                    + bytes + " bytes, more than the " + MAX_BYTES + " that shared memory can hold");
        }
        return Segment.create((int) Math.max(bytes, 1L));
    }

    private static Acquirable given(Acquirable lock) {
        return Objects.requireNonNull(lock, "lock");
    }

    private static <T> T values(T values) {
        return Objects.requireNonNull(values, "values");
    }

    /**
     * Python's {@code len(a)}.
     *
     * @return the number of elements, fixed when the array was made
     */
    public final int length() {
        return length;
    }

    /**
     * Python's {@code get_lock()}: the lock that came with this array, the same in every process.
     *
     * @return the lock: a new {@link RLock} unless one was given when the array was made
     * @throws IllegalStateException if this is a raw array (Python's {@code RawArray} has no
     *     {@code get_lock()} at all)
     */
    public final Acquirable getLock() {
        if (lock == null) {
            throw new IllegalStateException("a raw array has no lock: RawArray('" + typecode + "', length " + length + ")");
        }
        return lock;
    }

    /** Checks that {@code [from, to)} is a range of this array. */
    final void checkRange(int from, int to) {
        if (from < 0 || from > to || to > length) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") out of bounds for length " + length);
        }
    }

    /** Checks that {@code count} elements from {@code from} fit in this array. */
    final void checkFit(int from, int count) {
        if (from < 0 || from > length - count) {
            throw new IndexOutOfBoundsException(count + " values from index " + from
                    + " do not fit in an array of length " + length);
        }
    }

    /** Appends element {@code index} as {@link #toString()} shows it. */
    abstract void show(StringBuilder out, int index);

    /**
     * Like the Python call that makes such an array: {@code Array('i', [0, 1, 2])}, or
     * {@code RawArray(...)} for a raw one; past 32 elements, the rest are counted
     * ({@code ..., 68 more}) rather than shown. Reads each element once, without the lock.
     *
     * @return the type code and the elements
     */
    @Override
    public final String toString() {
        StringBuilder out = new StringBuilder(lock == null ? "RawArray('" : "Array('").append(typecode).append("', [");
        int shown = Math.min(length, SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append(", ");
            }
            show(out, i);
        }
        if (shown < length) {
            out.append(", ... ").append(length - shown).append(" more");
        }
        return out.append("])").toString();
    }

    /**
     * Serialization writes the {@code Form} instead: type code, memory handle, length and lock.
     *
     * @return the serialized form
     */
    @Serial
    final Object writeReplace() {
        return new Form(typecode, segment.handle(), length, lock);
    }

    /**
     * Refuses a stream that holds the class itself rather than its {@code Form}.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an Array travels as its shared memory's handle");
    }

    /**
     * Refuses a stream that holds a subclass without this class's data.
     *
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObjectNoData() throws InvalidObjectException {
        throw new InvalidObjectException("an Array travels as its shared memory's handle");
    }

    /**
     * How an array travels to another process: its type code, the handle of its memory, its
     * length and its lock (null for a raw array). The receiver maps the same memory.
     *
     * @param typecode Python's type code
     * @param handle the shared memory
     * @param length the number of elements
     * @param lock the lock, or null
     */
    private record Form(char typecode, Segment.Handle handle, int length, Acquirable lock) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws ObjectStreamException {
            int shift = switch (typecode) {
                case 'i' -> 2;
                case 'q' -> 3;
                case 'd' -> 3;
                case 'f' -> 2;
                case 'h' -> 1;
                case 'b' -> 0;
                case 'u' -> 1;
                default -> throw new InvalidObjectException("no Array has type code '" + typecode + "'");
            };
            if (handle == null || length < 0 || (long) length << shift > handle.size()) {
                throw new InvalidObjectException("an Array of " + length + " '" + typecode
                        + "' elements does not fit in shared memory " + handle);
            }
            Segment segment = Segment.open(handle);
            return switch (typecode) {
                case 'i' -> new Int(segment, length, lock);
                case 'q' -> new Long(segment, length, lock);
                case 'd' -> new Double(segment, length, lock);
                case 'f' -> new Float(segment, length, lock);
                case 'h' -> new Short(segment, length, lock);
                case 'b' -> new Byte(segment, length, lock);
                case 'u' -> new Char(segment, length, lock);
                default -> throw new InvalidObjectException("no Array has type code '" + typecode + "'");
            };
        }
    }

    // ---------------------------------------------------------------- 'i': int

    /**
     * Python's {@code Array('i', size)}: {@code size} shared {@code int}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int size) {
        return makeInt(size, new RLock());
    }

    /**
     * Python's {@code Array('i', size, lock=lock)}: {@code size} shared {@code int}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int size, Lock lock) {
        return makeInt(size, given(lock));
    }

    /**
     * Python's {@code Array('i', size, lock=lock)}: {@code size} shared {@code int}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int size, RLock lock) {
        return makeInt(size, given(lock));
    }

    /**
     * Python's {@code Array('i', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int[] values) {
        return copyInt(values(values), new RLock());
    }

    /**
     * Python's {@code Array('i', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int[] values, Lock lock) {
        return copyInt(values(values), given(lock));
    }

    /**
     * Python's {@code Array('i', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int ofInt(int[] values, RLock lock) {
        return copyInt(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('i', size)}: {@code size} shared {@code int}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int rawInt(int size) {
        return makeInt(size, null);
    }

    /**
     * Python's {@code RawArray('i', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Int rawInt(int[] values) {
        return copyInt(values(values), null);
    }

    private static Int makeInt(int size, Acquirable lock) {
        return new Int(allocate('i', size, 2), size, lock);
    }

    private static Int copyInt(int[] values, Acquirable lock) {
        Int array = makeInt(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'q': long

    /**
     * Python's {@code Array('q', size)}: {@code size} shared {@code long}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(int size) {
        return makeLong(size, new RLock());
    }

    /**
     * Python's {@code Array('q', size, lock=lock)}: {@code size} shared {@code long}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(int size, Lock lock) {
        return makeLong(size, given(lock));
    }

    /**
     * Python's {@code Array('q', size, lock=lock)}: {@code size} shared {@code long}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(int size, RLock lock) {
        return makeLong(size, given(lock));
    }

    /**
     * Python's {@code Array('q', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long[] values) {
        return copyLong(values(values), new RLock());
    }

    /**
     * Python's {@code Array('q', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long[] values, Lock lock) {
        return copyLong(values(values), given(lock));
    }

    /**
     * Python's {@code Array('q', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long ofLong(long[] values, RLock lock) {
        return copyLong(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('q', size)}: {@code size} shared {@code long}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long rawLong(int size) {
        return makeLong(size, null);
    }

    /**
     * Python's {@code RawArray('q', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Long rawLong(long[] values) {
        return copyLong(values(values), null);
    }

    private static Long makeLong(int size, Acquirable lock) {
        return new Long(allocate('q', size, 3), size, lock);
    }

    private static Long copyLong(long[] values, Acquirable lock) {
        Long array = makeLong(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'd': double

    /**
     * Python's {@code Array('d', size)}: {@code size} shared {@code double}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(int size) {
        return makeDouble(size, new RLock());
    }

    /**
     * Python's {@code Array('d', size, lock=lock)}: {@code size} shared {@code double}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(int size, Lock lock) {
        return makeDouble(size, given(lock));
    }

    /**
     * Python's {@code Array('d', size, lock=lock)}: {@code size} shared {@code double}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(int size, RLock lock) {
        return makeDouble(size, given(lock));
    }

    /**
     * Python's {@code Array('d', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double[] values) {
        return copyDouble(values(values), new RLock());
    }

    /**
     * Python's {@code Array('d', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double[] values, Lock lock) {
        return copyDouble(values(values), given(lock));
    }

    /**
     * Python's {@code Array('d', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double ofDouble(double[] values, RLock lock) {
        return copyDouble(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('d', size)}: {@code size} shared {@code double}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double rawDouble(int size) {
        return makeDouble(size, null);
    }

    /**
     * Python's {@code RawArray('d', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Double rawDouble(double[] values) {
        return copyDouble(values(values), null);
    }

    private static Double makeDouble(int size, Acquirable lock) {
        return new Double(allocate('d', size, 3), size, lock);
    }

    private static Double copyDouble(double[] values, Acquirable lock) {
        Double array = makeDouble(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'f': float

    /**
     * Python's {@code Array('f', size)}: {@code size} shared {@code float}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(int size) {
        return makeFloat(size, new RLock());
    }

    /**
     * Python's {@code Array('f', size, lock=lock)}: {@code size} shared {@code float}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(int size, Lock lock) {
        return makeFloat(size, given(lock));
    }

    /**
     * Python's {@code Array('f', size, lock=lock)}: {@code size} shared {@code float}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(int size, RLock lock) {
        return makeFloat(size, given(lock));
    }

    /**
     * Python's {@code Array('f', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float[] values) {
        return copyFloat(values(values), new RLock());
    }

    /**
     * Python's {@code Array('f', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float[] values, Lock lock) {
        return copyFloat(values(values), given(lock));
    }

    /**
     * Python's {@code Array('f', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float ofFloat(float[] values, RLock lock) {
        return copyFloat(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('f', size)}: {@code size} shared {@code float}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float rawFloat(int size) {
        return makeFloat(size, null);
    }

    /**
     * Python's {@code RawArray('f', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Float rawFloat(float[] values) {
        return copyFloat(values(values), null);
    }

    private static Float makeFloat(int size, Acquirable lock) {
        return new Float(allocate('f', size, 2), size, lock);
    }

    private static Float copyFloat(float[] values, Acquirable lock) {
        Float array = makeFloat(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'h': short

    /**
     * Python's {@code Array('h', size)}: {@code size} shared {@code short}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(int size) {
        return makeShort(size, new RLock());
    }

    /**
     * Python's {@code Array('h', size, lock=lock)}: {@code size} shared {@code short}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(int size, Lock lock) {
        return makeShort(size, given(lock));
    }

    /**
     * Python's {@code Array('h', size, lock=lock)}: {@code size} shared {@code short}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(int size, RLock lock) {
        return makeShort(size, given(lock));
    }

    /**
     * Python's {@code Array('h', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short[] values) {
        return copyShort(values(values), new RLock());
    }

    /**
     * Python's {@code Array('h', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short[] values, Lock lock) {
        return copyShort(values(values), given(lock));
    }

    /**
     * Python's {@code Array('h', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short ofShort(short[] values, RLock lock) {
        return copyShort(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('h', size)}: {@code size} shared {@code short}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short rawShort(int size) {
        return makeShort(size, null);
    }

    /**
     * Python's {@code RawArray('h', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Short rawShort(short[] values) {
        return copyShort(values(values), null);
    }

    private static Short makeShort(int size, Acquirable lock) {
        return new Short(allocate('h', size, 1), size, lock);
    }

    private static Short copyShort(short[] values, Acquirable lock) {
        Short array = makeShort(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'b': byte

    /**
     * Python's {@code Array('b', size)}: {@code size} shared {@code byte}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(int size) {
        return makeByte(size, new RLock());
    }

    /**
     * Python's {@code Array('b', size, lock=lock)}: {@code size} shared {@code byte}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(int size, Lock lock) {
        return makeByte(size, given(lock));
    }

    /**
     * Python's {@code Array('b', size, lock=lock)}: {@code size} shared {@code byte}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(int size, RLock lock) {
        return makeByte(size, given(lock));
    }

    /**
     * Python's {@code Array('b', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte[] values) {
        return copyByte(values(values), new RLock());
    }

    /**
     * Python's {@code Array('b', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte[] values, Lock lock) {
        return copyByte(values(values), given(lock));
    }

    /**
     * Python's {@code Array('b', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte ofByte(byte[] values, RLock lock) {
        return copyByte(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('b', size)}: {@code size} shared {@code byte}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte rawByte(int size) {
        return makeByte(size, null);
    }

    /**
     * Python's {@code RawArray('b', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Byte rawByte(byte[] values) {
        return copyByte(values(values), null);
    }

    private static Byte makeByte(int size, Acquirable lock) {
        return new Byte(allocate('b', size, 0), size, lock);
    }

    private static Byte copyByte(byte[] values, Acquirable lock) {
        Byte array = makeByte(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    // ---------------------------------------------------------------- 'u': char

    /**
     * Python's {@code Array('u', size)}: {@code size} shared {@code char}s, all zero, with a
     * new {@link RLock}.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(int size) {
        return makeChar(size, new RLock());
    }

    /**
     * Python's {@code Array('u', size, lock=lock)}: {@code size} shared {@code char}s, all
     * zero, guarded by a given {@link Lock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(int size, Lock lock) {
        return makeChar(size, given(lock));
    }

    /**
     * Python's {@code Array('u', size, lock=lock)}: {@code size} shared {@code char}s, all
     * zero, guarded by a given {@link RLock}.
     *
     * @param size the length
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws NullPointerException if {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(int size, RLock lock) {
        return makeChar(size, given(lock));
    }

    /**
     * Python's {@code Array('u', values)}: a shared copy of {@code values}, with a new
     * {@link RLock}.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char[] values) {
        return copyChar(values(values), new RLock());
    }

    /**
     * Python's {@code Array('u', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link Lock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char[] values, Lock lock) {
        return copyChar(values(values), given(lock));
    }

    /**
     * Python's {@code Array('u', values, lock=lock)}: a shared copy of {@code values},
     * guarded by a given {@link RLock}.
     *
     * @param values the elements, copied
     * @param lock the lock, which {@link #getLock()} returns
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} or {@code lock} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char ofChar(char[] values, RLock lock) {
        return copyChar(values(values), given(lock));
    }

    /**
     * Python's {@code RawArray('u', size)}: {@code size} shared {@code char}s, all zero,
     * without a lock.
     *
     * @param size the length
     * @return the array, in new shared memory
     * @throws IllegalArgumentException if {@code size} is negative or too large for shared memory
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char rawChar(int size) {
        return makeChar(size, null);
    }

    /**
     * Python's {@code RawArray('u', values)}: a shared copy of {@code values}, without a
     * lock.
     *
     * @param values the elements, copied
     * @return the array, in new shared memory
     * @throws NullPointerException if {@code values} is null
     * @throws java.io.UncheckedIOException if the shared memory cannot be made
     */
    public static Char rawChar(char[] values) {
        return copyChar(values(values), null);
    }

    private static Char makeChar(int size, Acquirable lock) {
        return new Char(allocate('u', size, 1), size, lock);
    }

    private static Char copyChar(char[] values, Acquirable lock) {
        Char array = makeChar(values.length, lock);
        array.setSlice(0, values);
        return array;
    }

    /**
     * Shared {@code int}s: Python's {@code Array('i', ...)} or {@code RawArray('i', ...)}
     * (ctypes {@code c_int}, C {@code int}). Made by the {@code ofInt} and {@code rawInt} factories of
     * {@link Array}.
     */
    public static final class Int extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Int(Segment segment, int length, Acquirable lock) {
            super('i', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public int get(int index) {
            return ElementAccess.getInt(buffer, Objects.checkIndex(index, length) << 2);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, int value) {
            ElementAccess.setInt(buffer, Objects.checkIndex(index, length) << 2, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public int[] slice(int from, int to) {
            checkRange(from, to);
            int[] out = new int[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getInt(buffer, (from + i) << 2);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, int[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setInt(buffer, (from + i) << 2, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public int[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code long}s: Python's {@code Array('q', ...)} or {@code RawArray('q', ...)}
     * (ctypes {@code c_longlong}, C {@code long long}; also {@code 'l'} on 64-bit Unix). Made by the {@code ofLong} and {@code rawLong} factories of
     * {@link Array}.
     */
    public static final class Long extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Long(Segment segment, int length, Acquirable lock) {
            super('q', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public long get(int index) {
            return ElementAccess.getLong(buffer, Objects.checkIndex(index, length) << 3);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, long value) {
            ElementAccess.setLong(buffer, Objects.checkIndex(index, length) << 3, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public long[] slice(int from, int to) {
            checkRange(from, to);
            long[] out = new long[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getLong(buffer, (from + i) << 3);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, long[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setLong(buffer, (from + i) << 3, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public long[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code double}s: Python's {@code Array('d', ...)} or {@code RawArray('d', ...)}
     * (ctypes {@code c_double}, C {@code double}). Made by the {@code ofDouble} and {@code rawDouble} factories of
     * {@link Array}.
     */
    public static final class Double extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Double(Segment segment, int length, Acquirable lock) {
            super('d', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public double get(int index) {
            return ElementAccess.getDouble(buffer, Objects.checkIndex(index, length) << 3);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, double value) {
            ElementAccess.setDouble(buffer, Objects.checkIndex(index, length) << 3, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public double[] slice(int from, int to) {
            checkRange(from, to);
            double[] out = new double[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getDouble(buffer, (from + i) << 3);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, double[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setDouble(buffer, (from + i) << 3, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public double[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code float}s: Python's {@code Array('f', ...)} or {@code RawArray('f', ...)}
     * (ctypes {@code c_float}, C {@code float}). Made by the {@code ofFloat} and {@code rawFloat} factories of
     * {@link Array}.
     */
    public static final class Float extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Float(Segment segment, int length, Acquirable lock) {
            super('f', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public float get(int index) {
            return ElementAccess.getFloat(buffer, Objects.checkIndex(index, length) << 2);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, float value) {
            ElementAccess.setFloat(buffer, Objects.checkIndex(index, length) << 2, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public float[] slice(int from, int to) {
            checkRange(from, to);
            float[] out = new float[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getFloat(buffer, (from + i) << 2);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, float[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setFloat(buffer, (from + i) << 2, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public float[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code short}s: Python's {@code Array('h', ...)} or {@code RawArray('h', ...)}
     * (ctypes {@code c_short}, C {@code short}). Made by the {@code ofShort} and {@code rawShort} factories of
     * {@link Array}.
     */
    public static final class Short extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Short(Segment segment, int length, Acquirable lock) {
            super('h', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public short get(int index) {
            return ElementAccess.getShort(buffer, Objects.checkIndex(index, length) << 1);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, short value) {
            ElementAccess.setShort(buffer, Objects.checkIndex(index, length) << 1, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public short[] slice(int from, int to) {
            checkRange(from, to);
            short[] out = new short[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getShort(buffer, (from + i) << 1);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, short[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setShort(buffer, (from + i) << 1, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public short[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code byte}s: Python's {@code Array('b', ...)} or {@code RawArray('b', ...)}
     * (ctypes {@code c_byte}, C {@code signed char}). Made by the {@code ofByte} and {@code rawByte} factories of
     * {@link Array}.
     */
    public static final class Byte extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Byte(Segment segment, int length, Acquirable lock) {
            super('b', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public byte get(int index) {
            return ElementAccess.getByte(buffer, Objects.checkIndex(index, length));
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, byte value) {
            ElementAccess.setByte(buffer, Objects.checkIndex(index, length), value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public byte[] slice(int from, int to) {
            checkRange(from, to);
            byte[] out = new byte[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getByte(buffer, (from + i));
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, byte[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setByte(buffer, (from + i), values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public byte[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(get(index));
        }
    }

    /**
     * Shared {@code char}s: Python's {@code Array('u', ...)} or {@code RawArray('u', ...)}
     * (ctypes {@code c_wchar}, one UTF-16 unit where CPython has a {@code wchar_t}). Made by the {@code ofChar} and {@code rawChar} factories of
     * {@link Array}.
     */
    public static final class Char extends Array {
        @Serial
        private static final long serialVersionUID = 1L;

        private Char(Segment segment, int length, Acquirable lock) {
            super('u', segment, length, lock);
        }

        /**
         * Python's {@code a[index]}: one atomic, volatile read.
         *
         * @param index the element, from 0
         * @return its value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public char get(int index) {
            return ElementAccess.getChar(buffer, Objects.checkIndex(index, length) << 1);
        }

        /**
         * Python's {@code a[index] = value}: one atomic, volatile write.
         *
         * @param index the element, from 0
         * @param value its new value
         * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
         */
        public void set(int index, char value) {
            ElementAccess.setChar(buffer, Objects.checkIndex(index, length) << 1, value);
        }

        /**
         * Python's {@code a[from:to]}: a copy of the elements from {@code from} up to, not
         * including, {@code to}, read one at a time (see {@link Array} for when that is a
         * snapshot).
         *
         * @param from the first index
         * @param to one past the last index
         * @return a new array of {@code to - from} elements
         * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
         *     {@code to > length()}
         */
        public char[] slice(int from, int to) {
            checkRange(from, to);
            char[] out = new char[to - from];
            for (int i = 0; i < out.length; i++) {
                out[i] = ElementAccess.getChar(buffer, (from + i) << 1);
            }
            return out;
        }

        /**
         * Python's {@code a[from:from + len(values)] = values}: writes {@code values} over the
         * elements from {@code from}, one at a time (see {@link Array} for when that is atomic).
         *
         * @param from the first index written
         * @param values the new values
         * @throws NullPointerException if {@code values} is null
         * @throws IndexOutOfBoundsException if {@code from} is negative or the values do not fit
         *     between it and the end; nothing is written then
         */
        public void setSlice(int from, char[] values) {
            checkFit(from, values(values).length);
            for (int i = 0; i < values.length; i++) {
                ElementAccess.setChar(buffer, (from + i) << 1, values[i]);
            }
        }

        /**
         * Python's {@code a[:]}: a copy of every element, read one at a time.
         *
         * @return a new array of {@link #length()} elements
         */
        public char[] toArray() {
            return slice(0, length);
        }

        @Override
        void show(StringBuilder out, int index) {
            out.append(ElementAccess.quote(get(index)));
        }
    }
}
