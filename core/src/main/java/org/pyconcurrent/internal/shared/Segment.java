package org.pyconcurrent.internal.shared;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A block of memory shared between processes: a file in {@link SharedFiles#directory()}, mapped
 * by every process that uses it, so a write by one is a write to the memory the others read.
 *
 * <p>Words used for synchronization are 8-byte aligned {@code long}s read and written with
 * volatile semantics (sequentially consistent, also across processes: the same cache-coherent
 * memory, the same locked instructions). A thread can sleep until a word changes
 * ({@link #await}) and wake the sleepers of a word ({@link #wake}); the process that created the
 * segment hosts those sleeps ({@link Host}).
 *
 * <p>Small segments share files ({@link Arenas}). The creating process gives a segment's memory
 * back when it no longer references the segment, unless the segment was handed to another process
 * ({@link #handle()}): then it lives until the creating process exits, since other processes may
 * still open it.
 */
public final class Segment {
    /** Volatile, atomic access to the 8-byte aligned longs of a mapped buffer. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Cleaner CLEANER = Cleaner.create();
    /** Every segment in use in this process, by id: one object per segment, and the host's index. */
    private static final ConcurrentHashMap<String, WeakReference<Segment>> MAPPED = new ConcurrentHashMap<>();
    /** Segments made here and handed to other processes: kept until exit. */
    private static final Set<Segment> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Arenas.Block block;
    private final String id;
    private final ByteBuffer buffer;
    /** The host's address for a segment made elsewhere; null for one made here. */
    private final String hostAddress;

    private Segment(Arenas.Block block, String hostAddress) {
        this.block = block;
        this.id = block.file() + "@" + block.offset();
        this.buffer = Arenas.map(block.file(), block.fileSize()).slice(block.offset(), block.size())
                .order(ByteOrder.nativeOrder());
        this.hostAddress = hostAddress;
    }

    /**
     * Creates a zero-filled segment of at least {@code bytes} bytes.
     *
     * @param bytes the size (at least 1)
     * @return the segment, mapped in this process
     * @throws IllegalArgumentException if {@code bytes} is not positive
     * @throws UncheckedIOException if the file cannot be made or mapped
     */
    public static Segment create(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a shared segment needs a positive size, got " + bytes);
        }
        Arenas.Block block = Arenas.allocate((bytes + 7) & ~7);
        Segment segment = new Segment(block, null);
        CLEANER.register(segment, () -> {  // dropped here and never handed out: the block is reused
            MAPPED.remove(block.file() + "@" + block.offset());
            Arenas.free(block);
        });
        MAPPED.put(segment.id, new WeakReference<>(segment));
        return segment;
    }

    /**
     * The segment a handle names, once per process: a second call for the same segment returns
     * the same object.
     *
     * @param handle the handle another process made with {@link #handle()}
     * @return the segment
     * @throws IllegalStateException if the file is gone (the process that made it has exited)
     */
    public static Segment open(Handle handle) {
        String id = handle.path() + "@" + handle.offset();
        WeakReference<Segment> ref = MAPPED.get(id);
        Segment known = ref == null ? null : ref.get();
        if (known != null) {
            return known;
        }
        Segment segment = new Segment(new Arenas.Block(handle.path(), handle.fileSize(), handle.offset(), handle.size()),
                handle.host());
        WeakReference<Segment> mine = new WeakReference<>(segment);
        WeakReference<Segment> now = MAPPED.compute(id, (p, old) -> old != null && old.get() != null ? old : mine);
        return now == mine ? segment : now.get() != null ? now.get() : segment;
    }

    /** The segment made here with this id, if it is still in use; for the host. */
    static Segment local(String id) {
        WeakReference<Segment> ref = MAPPED.get(id);
        Segment s = ref == null ? null : ref.get();
        return s != null && s.hostAddress == null ? s : null;
    }

    /**
     * What another process needs to map this segment and sleep on its words: starts this
     * process's {@link Host} if it made the segment, and keeps the segment until exit.
     *
     * @return the handle, serializable
     */
    public Handle handle() {
        if (hostAddress != null) {
            return new Handle(block.file(), block.fileSize(), block.offset(), block.size(), hostAddress);
        }
        HANDED_OUT.add(this);
        return new Handle(block.file(), block.fileSize(), block.offset(), block.size(), Host.address());
    }

    /**
     * The shared memory, in native byte order, index 0 at the segment's start; callers use
     * absolute indexes only.
     *
     * @return the buffer shared with other processes
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** The size in bytes. */
    public int size() {
        return block.size();
    }

    // ---------------------------------------------------------------- words

    private int check(int offset) {
        if ((offset & 7) != 0 || offset < 0 || offset > block.size() - 8) {
            throw new IndexOutOfBoundsException("no aligned word at offset " + offset + " of a " + block.size()
                    + "-byte segment");
        }
        return offset;
    }

    /** Volatile read of the word at {@code offset}. */
    public long get(int offset) {
        return (long) LONGS.getVolatile(buffer, check(offset));
    }

    /** Volatile write of the word at {@code offset}. */
    public void set(int offset, long value) {
        LONGS.setVolatile(buffer, check(offset), value);
    }

    /** Atomic compare-and-set of the word at {@code offset}. */
    public boolean compareAndSet(int offset, long expected, long value) {
        return LONGS.compareAndSet(buffer, check(offset), expected, value);
    }

    /** Atomic add to the word at {@code offset}; returns the value before. */
    public long getAndAdd(int offset, long delta) {
        return (long) LONGS.getAndAdd(buffer, check(offset), delta);
    }

    /**
     * Sleeps until the word at {@code offset} may have changed from {@code expected}: returns at
     * once if it already differs, else when a {@link #wake} for it arrives or {@code nanos} have
     * passed. It may also return for no reason; callers check the word again.
     *
     * @param offset the word
     * @param expected the value seen
     * @param nanos the most to wait (positive)
     * @throws InterruptedException if interrupted while sleeping
     * @throws IllegalStateException if the process hosting the segment has exited
     */
    public void await(int offset, long expected, long nanos) throws InterruptedException {
        check(offset);
        if (hostAddress == null) {
            Host.waits().awaitLocal(this, offset, expected, nanos);
        } else {
            HostClient.of(hostAddress).await(id, offset, expected, nanos);
        }
    }

    /**
     * Wakes every thread sleeping on the word at {@code offset}, in every process.
     *
     * @param offset the word
     * @throws IllegalStateException if the process hosting the segment has exited
     */
    public void wake(int offset) {
        check(offset);
        if (hostAddress == null) {
            Host.waits().wake(this, offset);
        } else {
            HostClient.of(hostAddress).wake(id, offset);
        }
    }

    /** The segment's name in this process tree: its file and offset. */
    String id() {
        return id;
    }

    @Override
    public String toString() {
        return "Segment[" + id + ", " + block.size() + " bytes"
                + (hostAddress == null ? "" : ", hosted at " + hostAddress) + "]";
    }

    /**
     * A segment's serializable name: its file, where in the file, and its host's address.
     *
     * @param path the file
     * @param fileSize the file's size
     * @param offset where the segment starts in the file
     * @param size the segment's size in bytes
     * @param host the address of the creating process's {@link Host}
     */
    public record Handle(String path, int fileSize, int offset, int size, String host) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
