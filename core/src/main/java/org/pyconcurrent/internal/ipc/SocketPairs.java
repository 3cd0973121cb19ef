package org.pyconcurrent.internal.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A connected pair of Unix-domain socket channels, Python's {@code socket.socketpair()}, which
 * the JDK lacks: bound in a fresh directory of mode 0700 that only this user can enter, connected,
 * accepted, and the socket file and directory deleted at once, so nothing is left on disk and no
 * other process ever had a chance to connect.
 */
public final class SocketPairs {
    private SocketPairs() {
    }

    /**
     * Creates a connected pair, both channels in blocking mode.
     *
     * @return the two ends
     * @throws UncheckedIOException if the sockets cannot be created
     */
    public static SocketChannel[] create() {
        Path dir = null;
        Path socket = null;
        try {
            dir = Files.createTempDirectory("pyc-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            socket = dir.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket), 1);
                SocketChannel one = SocketChannel.open(server.getLocalAddress());
                try {
                    SocketChannel two = server.accept();
                    return new SocketChannel[] {one, two};
                } catch (IOException | RuntimeException e) {
                    one.close();
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a socket pair", e);
        } finally {
            deleteQuietly(socket);
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover 0700 directory in the temp dir is harmless; nothing else can be done
            }
        }
    }
}
