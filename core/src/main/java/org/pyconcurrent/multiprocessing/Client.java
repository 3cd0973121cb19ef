package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
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
        byte[] key = Listener.checkKey(authkey);
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(Path.of(address)));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
        Connection connection = new Connection(channel, true, true);
        connection.authenticate(false, key);
        return connection;
    }
}
