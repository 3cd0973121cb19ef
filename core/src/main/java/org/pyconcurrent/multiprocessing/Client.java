package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Python's {@code multiprocessing.connection.Client(address, authkey=key)}: connects to a
 * {@link Listener} and authenticates both ways before returning the connection.
 */
public final class Client {
    private Client() {
    }

    /**
     * Connects to the listener at {@code address}.
     *
     * @param address the listener's {@link Listener#address()}
     * @param authkey the shared key
     * @return the authenticated connection
     * @throws AuthenticationError if the listener does not know the key, or refuses ours
     * @throws IllegalArgumentException if {@code authkey} is empty
     * @throws IOException if nothing listens there or the connection breaks
     * @throws InterruptedException if interrupted during the handshake
     */
    public static Connection connect(String address, byte[] authkey) throws IOException, InterruptedException {
        Objects.requireNonNull(address, "address");
        return connect(UnixDomainSocketAddress.of(Path.of(address)), authkey);
    }

    /**
     * Connects to the listener at {@code address}: a Unix-domain socket or, for a listener on
     * TCP, an {@link InetSocketAddress} (Python's {@code (host, port)}).
     *
     * @param address the listener's {@link Listener#socketAddress()}
     * @param authkey the shared key
     * @return the authenticated connection
     * @throws AuthenticationError if the listener does not know the key, or refuses ours
     * @throws IllegalArgumentException if {@code authkey} is empty or the address is of another
     *     kind
     * @throws IOException if nothing listens there or the connection breaks
     * @throws InterruptedException if interrupted during the handshake
     */
    public static Connection connect(SocketAddress address, byte[] authkey) throws IOException, InterruptedException {
        Objects.requireNonNull(address, "address");
        byte[] key = Listener.checkKey(authkey);
        SocketChannel channel;
        if (address instanceof UnixDomainSocketAddress) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else if (address instanceof InetSocketAddress) {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } else {
            throw new IllegalArgumentException("not a Unix-domain or TCP address: " + address);
        }
        try {
            channel.connect(address);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
        Connection connection = new Connection(channel, true, true);
        connection.authenticate(false, key);
        return connection;
    }
}
