package org.pyconcurrent.internal.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.ExitHooks;

/**
 * This process's private directory for shared-memory files and the host's socket: made on first
 * use, mode 0700, in {@code /dev/shm} (memory, never written to disk) where there is one, else in
 * the temporary directory. Deleted at exit, after children have been joined; if this process is
 * killed, its children delete it as they exit (they know its path from their start message).
 */
public final class SharedFiles {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile Path directory;
    /** Children started and not yet seen exit: their directories go at this process's exit too. */
    private static final java.util.Set<Long> CHILDREN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SharedFiles() {
    }

    /**
     * The directory, created on first call.
     *
     * @return its path
     * @throws UncheckedIOException if it cannot be created
     */
    public static Path directory() {
        Path dir = directory;
        if (dir == null) {
            LOCK.lock();
            try {
                dir = directory;
                if (dir == null) {
                    dir = create();
                    directory = dir;
                }
            } finally {
                LOCK.unlock();
            }
        }
        return dir;
    }

    /**
     * The directory if this process has made one, else null (nothing to hand to children).
     *
     * @return its path as a string, or null
     */
    public static String existing() {
        Path dir = directory;
        return dir == null ? null : dir.toString();
    }

    /** Where the directories are made: {@code /dev/shm} if usable, else the temporary directory. */
    private static Path base() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Records a child process, whose directories this process deletes when it sees the child
     * exit ({@link #deleteDirectoriesOf}) or, at the latest, when it exits itself.
     *
     * @param pid the child's pid
     */
    public static void childStarted(long pid) {
        CHILDREN.add(pid);
    }

    /**
     * Deletes the directories a child process made, once it has exited: one that exited normally
     * deleted its own, but a killed one could not.
     *
     * @param pid the child's pid
     */
    public static void deleteDirectoriesOf(long pid) {
        CHILDREN.remove(pid);
        String prefix = "pyc-shm-" + pid + "-";
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base(), prefix + "*")) {
            for (Path d : dirs) {
                deleteTree(d.toString());
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            // nothing to delete
        }
    }

    private static Path create() {
        Path base = base();
        try {
            Path dir = Files.createTempDirectory(base, "pyc-shm-" + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ExitHooks.registerLast(new ExitHooks.Action() {
                @Override
                public void beginExit() {
                    // children are still being joined; they may yet open a file here
                }

                @Override
                public void finishExit() {
                    for (Long child : CHILDREN.toArray(new Long[0])) {
                        if (ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true)) {
                            deleteDirectoriesOf(child);  // gone, maybe killed: its directory with it
                        }
                    }
                    deleteTree(dir.toString());
                }

                @Override
                public String toString() {
                    return "delete " + dir;
                }
            });
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for shared memory in " + base, e);
        }
    }

    /**
     * Deletes a directory made by this class and the files it holds (it has no subdirectories),
     * quietly and file by file, so that a file deleted meanwhile by another thread stops nothing.
     * Does
     * nothing for a null path or one that is not a pyconcurrent shared directory.
     *
     * @param path the directory
     */
    public static void deleteTree(String path) {
        if (path == null || !Path.of(path).getFileName().toString().startsWith("pyc-shm-")) {
            return;
        }
        Path dir = Path.of(path);
        for (int attempt = 0; attempt < 3; attempt++) {
            // flat: one level of files, which other threads (a segment's cleaner) may delete meanwhile
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort: the directory is private and in memory
                    }
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException gone) {
                // the directory is gone already, or unreadable: try to remove it anyway
            }
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException raced) {
                // a file was made meanwhile: once more
            } catch (IOException ignored) {
                return;
            }
        }
    }
}
