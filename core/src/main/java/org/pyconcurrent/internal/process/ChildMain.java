package org.pyconcurrent.internal.process;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.shared.SharedFiles;
import org.pyconcurrent.internal.shared.TreeKey;

/**
 * The entry point of a child JVM. Reads one {@link StartMessage} from standard input (waiting, as
 * a warm standby, until the parent sends it), then watches standard input for its end, which means
 * the parent is gone, and halts the JVM then. Runs the process and exits with its exit code. The
 * process sees an empty standard input, as a Python child does.
 */
public final class ChildMain {
    /**
     * Exit code of a child whose standard input ended: its parent died, or terminated it (the
     * JDK's {@code Process.destroy()} closes the child's input as it sends SIGTERM, so the two race).
     * 128 + SIGTERM, what a JVM killed by SIGTERM reports, so the parent reads -15 either way.
     */
    static final int PARENT_GONE = 128 + 15;

    /**
     * The byte a parent writes on the control pipe before closing it to terminate the child: an
     * end of the pipe after it is a termination, an end without it means the parent died.
     */
    public static final int TERMINATE = 'T';

    /** Set once the parent has written anything after the start message: it terminates us. */
    private static volatile boolean terminated;

    /** The parent's shared-memory directory, deleted here if the parent dies first. */
    private static volatile String parentSharedDir;

    private ChildMain() {
    }

    /**
     * Runs the child.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        warmUp();
        DataInputStream control = new DataInputStream(new FileInputStream(FileDescriptor.in));
        byte[] message;
        try {
            byte[] key = new byte[TreeKey.LENGTH];
            control.readFully(key);
            TreeKey.inherit(key);
            int length = control.readInt();
            message = control.readNBytes(length);
            if (message.length != length) {
                throw new EOFException();
            }
        } catch (IOException parentGoneOrStandbyDismissed) {
            Runtime.getRuntime().halt(PARENT_GONE);
            return;
        }
        System.setIn(InputStream.nullInputStream());
        startParentWatch();
        StartMessage start;
        try {
            start = (StartMessage) Serialization.fromBytes(message);
            parentSharedDir = start.parentSharedDir();
            Class.forName("org.pyconcurrent.multiprocessing.Process", true, ChildMain.class.getClassLoader());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("pyconcurrent: cannot start the child process:");
            e.printStackTrace();
            System.exit(1);
            return;
        }
        int code = ChildAccess.get().run(start.process(), start.parentName(), start.parentPid());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Starts the thread that halts the JVM once standard input ends (the parent closed it or
     * died). It reads through an interruptible {@link FileChannel}: at exit, a shutdown hook
     * interrupts it, which the JDK turns into a signal that ends the blocked {@code read}. Without
     * that, HotSpot's exit waits up to 300 ms for a thread still blocked in native code, and every
     * child's exit would cost that much.
     */
    private static void startParentWatch() {
        AtomicBoolean exiting = new AtomicBoolean();
        FileChannel control = new FileInputStream(FileDescriptor.in).getChannel();
        Thread watcher = new Thread(() -> {
            ByteBuffer sink = ByteBuffer.allocate(64);
            try {
                int n;
                while ((n = control.read(sink.clear())) >= 0) {
                    if (n > 0) {
                        terminated = true;  // the TERMINATE byte: the end that follows is a terminate()
                    }
                }
            } catch (IOException endedOrInterrupted) {
                if (exiting.get()) {
                    return;
                }
            }
            if (!exiting.get()) {
                parentGone();
            }
        }, "pyconcurrent-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exiting.set(true);
            watcher.interrupt();
            try {
                watcher.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pyconcurrent-parent-watch-stop"));
    }

    /**
     * Standard input ended: the parent terminated us, or died. Deletes this process's
     * shared-memory directory, and, if the parent died, the parent's (which it can no longer
     * delete itself), then halts at once.
     */
    private static void parentGone() {
        if (!terminated) {
            SharedFiles.deleteTree(parentSharedDir);
        }
        SharedFiles.deleteTree(SharedFiles.existing());
        Runtime.getRuntime().halt(PARENT_GONE);
    }

    /**
     * Loads what every start needs while a standby waits, so that a warm start is quick: the
     * serialization machinery, the process class, and lambda deserialization (which bootstraps
     * invokedynamic and the lambda metafactory, tens of milliseconds in a fresh JVM).
     */
    private static void warmUp() {
        try {
            Runnable lambda = (Runnable & java.io.Serializable) () -> { };
            // a record too: the first record read builds its constructor's method handles (tens of ms)
            List<Object> sample = new ArrayList<>(List.of("warm", 1, 2L, lambda, new java.util.LinkedList<>(List.of(3)),
                    new StartMessage(null, "warm", 0L, null)));
            Serialization.fromBytes(Serialization.toBytes(sample));
            ClassLoader loader = ChildMain.class.getClassLoader();
            for (String name : WARM_CLASSES) {
                Class.forName(name, true, loader);
            }
            warmUpConnections();
        } catch (IOException | ClassNotFoundException | java.security.GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** Classes a child's first connection to another process uses: loaded while a standby waits. */
    private static final List<String> WARM_CLASSES = List.of(
            "org.pyconcurrent.multiprocessing.Process",
            "org.pyconcurrent.multiprocessing.Connection",
            "org.pyconcurrent.multiprocessing.Client",
            "org.pyconcurrent.multiprocessing.Pipe",
            "org.pyconcurrent.internal.ipc.Handshake",
            "org.pyconcurrent.internal.ipc.FrameChannel",
            "org.pyconcurrent.internal.shared.Host",
            "org.pyconcurrent.internal.shared.Segment");

    /**
     * What a first handshake costs in a fresh JVM, paid while a standby waits: the JCE provider
     * and HMAC-SHA256, the seeding of {@code SecureRandom}, and a Unix socket with its selector
     * (about 100 ms otherwise, between a child's start and its first message over a pipe end it
     * was handed).
     */
    private static void warmUpConnections() throws IOException, java.security.GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        mac.doFinal(new byte[32]);
        new java.security.SecureRandom().nextBytes(new byte[32]);
        java.security.MessageDigest.isEqual(new byte[1], new byte[1]);
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, java.nio.channels.SelectionKey.OP_READ);
            selector.selectNow();
        }
    }
}
