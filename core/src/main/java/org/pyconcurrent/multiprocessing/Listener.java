package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Python's {@code multiprocessing.connection.Listener}: a Unix-domain socket that other processes
 * connect to with {@link Client#connect}; {@link #accept()} returns a {@link Connection} once the
 * peer has passed a mutual HMAC-SHA256 challenge on the shared {@code authkey}. Before that, only
 * a few hundred raw bytes are read and nothing is deserialized; a peer without the key gets
 * {@link AuthenticationError}, and so does {@code accept()}, while the listener goes on.
 *
 * <p>Unlike Python, an authkey is required: every connection authenticates. Without an address
 * the socket lives in a fresh directory of mode 0700; {@link #close()} deletes the socket file
 * (and that directory). {@link #tcp(InetSocketAddress, byte[])} listens on TCP instead
 * (Python's {@code (host, port)} address), for peers on other machines: only on the interface
 * given.
 */
public final class Listener implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Selector selector;
    /** The socket file; null for TCP. */
    private final Path socket;
    private final Path ownDirectory;
    private final SocketAddress bound;
    private final byte[] authkey;

    /**
     * Python's {@code Listener(authkey=key)}: listens at a fresh private address.
     *
     * @param authkey the shared key (at least one byte)
     * @throws IllegalArgumentException if {@code authkey} is empty
     * @throws UncheckedIOException if the socket cannot be created
     */
    public Listener(byte[] authkey) {
        this((String) null, authkey);
    }

    /**
     * Python's {@code Listener(address, authkey=key)}.
     *
     * @param address the socket's file path, or null for a fresh private one
     * @param authkey the shared key (at least one byte)
     * @throws IllegalArgumentException if {@code authkey} is empty
     * @throws UncheckedIOException if the socket cannot be created (for instance, the path exists)
     */
    public Listener(String address, byte[] authkey) {
        this.authkey = checkKey(authkey);
        Path dir = null;
        try {
            if (address == null) {
                dir = Files.createTempDirectory("pyc-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                socket = dir.resolve("listener");
            } else {
                socket = Path.of(address);
            }
            ownDirectory = dir;
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            bound = server.getLocalAddress();
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            throw new UncheckedIOException("cannot listen at " + (address == null ? "a private address" : address), e);
        }
    }

    /**
     * Python's {@code Listener((host, port), authkey=key)}: listens on TCP. Port 0 picks a free
     * port; {@link #socketAddress()} tells which.
     *
     * @param address the interface and port, such as {@code new InetSocketAddress("127.0.0.1", 0)}
     * @param authkey the shared key (at least one byte)
     * @return the listener
     * @throws IllegalArgumentException if {@code authkey} is empty
     * @throws UncheckedIOException if the socket cannot be bound (for instance, the port is taken)
     */
    public static Listener tcp(InetSocketAddress address, byte[] authkey) {
        return new Listener(Objects.requireNonNull(address, "address"), authkey);
    }

    private Listener(InetSocketAddress address, byte[] authkey) {
        this.authkey = checkKey(authkey);
        socket = null;
        ownDirectory = null;
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address);
            server = channel;
            bound = server.getLocalAddress();
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            throw new UncheckedIOException("cannot listen at " + address, e);
        }
    }

    static byte[] checkKey(byte[] authkey) {
        Objects.requireNonNull(authkey, "authkey");
        if (authkey.length == 0) {
            throw new IllegalArgumentException("authkey must not be empty");
        }
        return authkey.clone();
    }

    /**
     * Python's {@code address}.
     *
     * @return the socket's file path, for {@link Client#connect(String, byte[])}; for TCP,
     *     {@code host:port}
     */
    public String address() {
        if (socket != null) {
            return socket.toString();
        }
        InetSocketAddress inet = (InetSocketAddress) bound;
        return inet.getHostString() + ":" + inet.getPort();
    }

    /**
     * The address bound, for {@link Client#connect(SocketAddress, byte[])}: a
     * {@link UnixDomainSocketAddress} or, for TCP, an {@link InetSocketAddress} with the port
     * chosen.
     *
     * @return the address
     */
    public SocketAddress socketAddress() {
        return bound;
    }

    /**
     * Python's {@code accept()}: waits for a peer, authenticates it, and returns the connection.
     *
     * @return the authenticated connection
     * @throws AuthenticationError if the peer failed the handshake (its connection is closed; the
     *     listener goes on)
     * @throws IllegalStateException if the listener is closed
     * @throws IOException if the peer broke the connection during the handshake
     * @throws InterruptedException if interrupted while waiting (the listener stays usable)
     */
    public Connection accept() throws IOException, InterruptedException {
        SocketChannel peer;
        for (;;) {
            if (!server.isOpen()) {
                throw new IllegalStateException("listener is closed: " + address());
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            try {
                peer = server.accept();
                if (peer != null) {
                    break;
                }
                selector.select();
                selector.selectedKeys().clear();
            } catch (java.nio.channels.ClosedChannelException | java.nio.channels.ClosedSelectorException e) {
                throw new IllegalStateException("listener is closed: " + address(), e);
            }
        }
        if (socket == null) {
            peer.setOption(StandardSocketOptions.TCP_NODELAY, true);  // small request, small answer
        }
        Connection connection = new Connection(peer, true, true);
        connection.authenticate(true, authkey);
        return connection;
    }

    /** Python's {@code close()}: stops listening and deletes the socket file. */
    @Override
    public void close() {
        try {
            server.close();
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (socket != null) {
                Files.deleteIfExists(socket);
            }
            if (ownDirectory != null) {
                Files.deleteIfExists(ownDirectory);
            }
        } catch (IOException ignored) {
            // a leftover file in a private directory is harmless
        }
    }

    @Override
    public String toString() {
        return "Listener[" + address() + (server.isOpen() ? "]" : ", closed]");
    }
}
