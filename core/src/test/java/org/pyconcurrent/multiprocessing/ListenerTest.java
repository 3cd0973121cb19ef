package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Listener} and {@link Client}: the mutual HMAC handshake, what a peer without the key can
 * and cannot do, and what is left on disk.
 */
class ListenerTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final byte[] KEY = "right key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG = "wrong key".getBytes(StandardCharsets.UTF_8);

    /** Set if an instance is ever deserialized. */
    static volatile boolean deserialized;

    /** A payload that records its own deserialization. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }

    private static CompletableFuture<Connection> acceptAsync(Listener listener) {
        CompletableFuture<Connection> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                f.complete(listener.accept());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    @Test
    void theRightKeyConnectsBothWays() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Listener listener = new Listener(KEY)) {
                CompletableFuture<Connection> accepted = acceptAsync(listener);
                try (Connection client = Client.connect(listener.address(), KEY);
                        Connection server = accepted.get(10, TimeUnit.SECONDS)) {
                    client.send("hello");
                    assertEquals("hello", server.recv());
                    server.sendBytes(new byte[] {1, 2, 3});
                    assertArrayEquals(new byte[] {1, 2, 3}, client.recvBytes());
                }
            }
        });
    }

    @Test
    void aWrongKeyFailsOnBothSidesAndTheListenerGoesOn() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Listener listener = new Listener(KEY)) {
                CompletableFuture<Connection> first = acceptAsync(listener);
                assertThrows(AuthenticationError.class, () -> Client.connect(listener.address(), WRONG));
                ExecutionException e = assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof AuthenticationError, e.getCause().toString());
                CompletableFuture<Connection> second = acceptAsync(listener);
                try (Connection client = Client.connect(listener.address(), KEY);
                        Connection server = second.get(10, TimeUnit.SECONDS)) {
                    server.send(42);
                    assertEquals(42, (int) client.recv());
                }
            }
        });
    }

    @Test
    void aPayloadSentBeforeAuthenticationIsNeverDeserialized() {
        assertTimeoutPreemptively(LIMIT, () -> {
            deserialized = false;
            try (Listener listener = new Listener(KEY)) {
                CompletableFuture<Connection> accepted = acceptAsync(listener);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(new Tripwire());
                }
                try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    raw.connect(UnixDomainSocketAddress.of(Path.of(listener.address())));
                    readFrame(raw);  // the listener's challenge
                    byte[] payload = bytes.toByteArray();
                    raw.write(ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip());
                    ExecutionException e = assertThrows(ExecutionException.class, () -> accepted.get(10, TimeUnit.SECONDS));
                    assertTrue(e.getCause() instanceof AuthenticationError, e.getCause().toString());
                }
            }
            assertFalse(deserialized, "nothing is deserialized before authentication");
        });
    }

    @Test
    void aHugeMessageBeforeAuthenticationIsRefusedWithoutReadingIt() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Listener listener = new Listener(KEY)) {
                CompletableFuture<Connection> accepted = acceptAsync(listener);
                try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    raw.connect(UnixDomainSocketAddress.of(Path.of(listener.address())));
                    readFrame(raw);
                    raw.write(ByteBuffer.allocate(4).putInt(1 << 30).flip());
                    ExecutionException e = assertThrows(ExecutionException.class, () -> accepted.get(10, TimeUnit.SECONDS));
                    assertTrue(e.getCause() instanceof AuthenticationError, e.getCause().toString());
                    assertTrue(e.getCause().getMessage().contains("before authentication"), e.getCause().getMessage());
                }
            }
        });
    }

    @Test
    void closeRemovesTheSocketAndItsPrivateDirectory() throws Exception {
        Path socket;
        try (Listener listener = new Listener(KEY)) {
            socket = Path.of(listener.address());
            assertTrue(Files.exists(socket));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(socket.getParent())));
        }
        assertFalse(Files.exists(socket));
        assertFalse(Files.exists(socket.getParent()));
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new Listener(new byte[0]));
        assertThrows(NullPointerException.class, () -> new Listener(null));
        Listener listener = new Listener(KEY);
        listener.close();
        assertThrows(IllegalStateException.class, listener::accept);
        assertThrows(java.io.IOException.class, () -> Client.connect(listener.address(), KEY), "nothing listens there");
        assertThrows(IllegalArgumentException.class, () -> Client.connect("/nowhere", new byte[0]));
    }

    private static byte[] readFrame(SocketChannel raw) throws java.io.IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        while (header.hasRemaining()) {
            if (raw.read(header) < 0) {
                throw new java.io.EOFException();
            }
        }
        ByteBuffer body = ByteBuffer.allocate(header.getInt(0));
        while (body.hasRemaining()) {
            if (raw.read(body) < 0) {
                throw new java.io.EOFException();
            }
        }
        return body.array();
    }
}
