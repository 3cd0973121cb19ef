package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>The creating process deletes the file when it no longer references the segment, unless the
 * segment was handed to another process ({@link #handle()}): then the file lives until the
 * creating process exits, since other processes may still open it.
 */
public final class Segment {
    /** Volatile, atomic access to the 8-byte aligned longs of a mapped buffer. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Every segment mapped in this process, by path: one mapping per file, and the host's index. */
    private static final ConcurrentHashMap<String, WeakReference<Segment>> MAPPED = new ConcurrentHashMap<>();
    /** Segments made here and handed to other processes: kept until exit. */
    private static final Set<Segment> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final String path;
    private final int size;
    private final MappedByteBuffer buffer;
    /** The host's address for a segment made elsewhere; null for one made here. */
    private final String hostAddress;

    private Segment(String path, int size, MappedByteBuffer buffer, String hostAddress) {
        this.path = path;
        this.size = size;
        this.buffer = buffer;
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
        int size = (bytes + 7) & ~7;
        Path file = SharedFiles.directory().resolve("seg-" + COUNTER.incrementAndGet() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.write(java.nio.ByteBuffer.allocate(1), size - 1L);  // the file really has its size
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new UncheckedIOException("cannot create shared memory of " + size + " bytes in " + file.getParent(), e);
        }
        buffer.order(ByteOrder.nativeOrder());
        return new Segment(file.toString(), size, buffer, null).track();
    }

    /** Indexes a segment made here and deletes its file once this process drops it. */
    private Segment track() {
        String p = path;
        CLEANER.register(this, () -> {
            MAPPED.remove(p);
            try {
                Files.deleteIfExists(Path.of(p));
            } catch (IOException ignored) {
                // the directory goes at exit anyway
            }
        });
        MAPPED.put(path, new WeakReference<>(this));
        return this;
    }

    /**
     * Maps the segment a handle names, once per process: a second call for the same file returns
     * the same segment.
     *
     * @param handle the handle another process made with {@link #handle()}
     * @return the segment
     * @throws IllegalStateException if the file is gone (the process that made it has exited)
     */
    public static Segment open(Handle handle) {
        WeakReference<Segment> ref = MAPPED.get(handle.path());
        Segment known = ref == null ? null : ref.get();
        if (known != null) {
            return known;
        }
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(Path.of(handle.path()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, handle.size());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("shared memory " + handle.path()
                    + " is gone: the process that made it has exited", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map shared memory " + handle.path(), e);
        }
        buffer.order(ByteOrder.nativeOrder());
        Segment segment = new Segment(handle.path(), handle.size(), buffer, handle.host());
        WeakReference<Segment> mine = new WeakReference<>(segment);
        WeakReference<Segment> now = MAPPED.compute(handle.path(), (p, old) -> old != null && old.get() != null ? old : mine);
        return now == mine ? segment : now.get() != null ? now.get() : segment;
    }

    /** The segment made here with this path, if it is still mapped; for the host. */
    static Segment local(String path) {
        WeakReference<Segment> ref = MAPPED.get(path);
        Segment s = ref == null ? null : ref.get();
        return s != null && s.hostAddress == null ? s : null;
    }

    /**
     * What another process needs to map this segment and sleep on its words: starts this
     * process's {@link Host} if it made the segment, and keeps the file until exit.
     *
     * @return the handle, serializable
     */
    public Handle handle() {
        if (hostAddress != null) {
            return new Handle(path, size, hostAddress);
        }
        HANDED_OUT.add(this);
        return new Handle(path, size, Host.address());
    }

    /**
     * The mapped memory, in native byte order; callers use absolute indexes only.
     *
     * @return the buffer shared with other processes
     */
    public MappedByteBuffer buffer() {
        return buffer;
    }

    /** The size in bytes. */
    public int size() {
        return size;
    }

    // ---------------------------------------------------------------- words

    private int check(int offset) {
        if ((offset & 7) != 0 || offset < 0 || offset > size - 8) {
            throw new IndexOutOfBoundsException("no aligned word at offset " + offset + " of a " + size + "-byte segment");
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
            HostClient.of(hostAddress).await(path, offset, expected, nanos);
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
            HostClient.of(hostAddress).wake(path, offset);
        }
    }

    String path() {
        return path;
    }

    @Override
    public String toString() {
        return "Segment[" + path + ", " + size + " bytes" + (hostAddress == null ? "" : ", hosted at " + hostAddress) + "]";
    }

    /**
     * A segment's serializable name: its file, size, and its host's address.
     *
     * @param path the file
     * @param size the size in bytes
     * @param host the address of the creating process's {@link Host}
     */
    public record Handle(String path, int size, String host) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
