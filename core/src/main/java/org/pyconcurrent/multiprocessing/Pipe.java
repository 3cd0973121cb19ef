package org.pyconcurrent.multiprocessing;

import java.nio.channels.SocketChannel;
import org.pyconcurrent.internal.ipc.SocketPairs;

/**
 * Python's {@code multiprocessing.Pipe()}: a pair of connected {@link Connection}s,
 * {@code conn1, conn2 = Pipe()} being {@code var pipe = Pipe.create(); pipe.conn1(); pipe.conn2()}.
 *
 * <p>Duplex by default: both ends send and receive. With {@code duplex == false}, as in Python,
 * {@code conn1} only receives and {@code conn2} only sends. The ends are a Unix-domain socket pair,
 * created in a private directory (mode 0700) that is deleted at once. Closing the pipe closes both
 * ends.
 *
 * @param conn1 the first end (the receiving one of a one-way pipe)
 * @param conn2 the second end (the sending one of a one-way pipe)
 */
public record Pipe(Connection conn1, Connection conn2) implements AutoCloseable {
    /**
     * Python's {@code Pipe()}: a two-way pipe.
     *
     * @return the two ends
     * @throws java.io.UncheckedIOException if the sockets cannot be created
     */
    public static Pipe create() {
        return create(true);
    }

    /**
     * Python's {@code Pipe(duplex)}.
     *
     * @param duplex true for a two-way pipe; false for one where {@code conn1} receives and
     *     {@code conn2} sends
     * @return the two ends
     * @throws java.io.UncheckedIOException if the sockets cannot be created
     */
    public static Pipe create(boolean duplex) {
        SocketChannel[] pair = SocketPairs.create();
        Connection one = new Connection(pair[0], true, duplex);
        Connection two = new Connection(pair[1], duplex, true);
        one.peer = two;
        two.peer = one;
        return new Pipe(one, two);
    }

    /** Closes both ends. */
    @Override
    public void close() {
        conn1.close();
        conn2.close();
    }
}
