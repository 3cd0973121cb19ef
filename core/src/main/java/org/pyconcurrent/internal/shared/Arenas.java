package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where segments live: small ones (up to {@link #LARGEST_SMALL} bytes) are blocks of 1 MiB arena
 * files, so a program with thousands of shared locks maps a handful of files, not thousands;
 * larger ones get a file each. Blocks come in power-of-two sizes from 16 bytes; a block freed (its
 * segment dropped, never handed to another process) is zeroed and reused. Every process maps each
 * file once ({@link #map}).
 */
final class Arenas {
    /** Largest segment kept in an arena. */
    static final int LARGEST_SMALL = 4096;
    private static final int ARENA_SIZE = 1 << 20;
    private static final int SMALLEST = 16;
    private static final int CLASSES = Integer.numberOfTrailingZeros(LARGEST_SMALL / SMALLEST) + 1;
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Every file this process has mapped, by path. */
    private static final ConcurrentHashMap<String, MappedByteBuffer> MAPPINGS = new ConcurrentHashMap<>();
    @SuppressWarnings("unchecked")
    private static final ConcurrentLinkedQueue<Block>[] FREE = new ConcurrentLinkedQueue[CLASSES];
    private static final ReentrantLock BUMP = new ReentrantLock();
    /** The arena being filled, and its next free offset; guarded by {@link #BUMP}. */
    private static String current;
    private static int next = ARENA_SIZE;

    static {
        for (int i = 0; i < CLASSES; i++) {
            FREE[i] = new ConcurrentLinkedQueue<>();
        }
    }

    private Arenas() {
    }

    /**
     * A place for a segment.
     *
     * @param file the file
     * @param fileSize the file's size (what an opener maps)
     * @param offset where the block starts
     * @param size the block's size
     */
    record Block(String file, int fileSize, int offset, int size) {
    }

    /** A zero-filled block of at least {@code bytes} bytes (a multiple of 8), made by this process. */
    static Block allocate(int bytes) {
        if (bytes > LARGEST_SMALL) {
            int size = (bytes + 7) & ~7;
            String file = newFile(size);
            return new Block(file, size, 0, size);
        }
        int size = Math.max(SMALLEST, Integer.highestOneBit(bytes - 1) << 1);
        Block free = FREE[sizeClass(size)].poll();
        if (free != null) {
            return free;
        }
        BUMP.lock();
        try {
            if (next + size > ARENA_SIZE) {
                current = newFile(ARENA_SIZE);
                next = 0;
            }
            Block b = new Block(current, ARENA_SIZE, next, size);
            next += size;
            return b;
        } finally {
            BUMP.unlock();
        }
    }

    /** Gives a block back: zeroes it and keeps it for the next segment of its size. */
    static void free(Block b) {
        if (b.fileSize() == b.size()) {  // a file of its own
            MAPPINGS.remove(b.file());
            try {
                Files.deleteIfExists(Path.of(b.file()));
            } catch (IOException ignored) {
                // the directory goes at exit anyway
            }
            return;
        }
        ByteBuffer memory = map(b.file(), b.fileSize());
        for (int i = 0; i < b.size(); i += 8) {
            memory.putLong(b.offset() + i, 0L);
        }
        FREE[sizeClass(b.size())].add(b);
    }

    private static int sizeClass(int size) {
        return Integer.numberOfTrailingZeros(size / SMALLEST);
    }

    private static String newFile(int size) {
        Path file = SharedFiles.directory().resolve("seg-" + COUNTER.incrementAndGet() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), size - 1L);  // the file really has its size
            MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            mapping.order(ByteOrder.nativeOrder());
            MAPPINGS.put(file.toString(), mapping);
            return file.toString();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new UncheckedIOException("cannot create shared memory of " + size + " bytes in " + file.getParent(), e);
        }
    }

    /**
     * This process's mapping of a whole file, made on first use.
     *
     * @throws IllegalStateException if the file is gone (the process that made it has exited)
     */
    static MappedByteBuffer map(String file, int fileSize) {
        MappedByteBuffer known = MAPPINGS.get(file);
        if (known != null) {
            return known;
        }
        return MAPPINGS.computeIfAbsent(file, f -> {
            try (FileChannel channel = FileChannel.open(Path.of(f), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
                mapping.order(ByteOrder.nativeOrder());
                return mapping;
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalStateException("shared memory " + f + " is gone: the process that made it has exited", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map shared memory " + f, e);
            }
        });
    }
}
