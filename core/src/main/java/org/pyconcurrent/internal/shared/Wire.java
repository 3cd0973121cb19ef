package org.pyconcurrent.internal.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The messages between a {@link HostClient} and a {@link Host}: an op byte, then fixed fields. */
final class Wire {
    /** Client to host: {@code reqId, offset, expected, path}; the host answers {@link #WOKEN}. */
    static final byte WAIT = 1;
    /** Client to host: {@code reqId}; the request no longer waits (no answer). */
    static final byte CANCEL = 2;
    /** Client to host: {@code offset, path}; wake the word's sleepers (no answer). */
    static final byte WAKE = 3;
    /** Host to client: {@code reqId}; that request's sleep is over. */
    static final byte WOKEN = 4;

    private Wire() {
    }

    static byte[] wait(long reqId, String path, int offset, long expected) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 4 + 8 + p.length).put(WAIT).putLong(reqId).putInt(offset).putLong(expected)
                .put(p).array();
    }

    static byte[] cancel(long reqId) {
        return ByteBuffer.allocate(1 + 8).put(CANCEL).putLong(reqId).array();
    }

    static byte[] wake(String path, int offset) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + p.length).put(WAKE).putInt(offset).put(p).array();
    }

    static byte[] woken(long reqId) {
        return ByteBuffer.allocate(1 + 8).put(WOKEN).putLong(reqId).array();
    }

    /** The rest of {@code in} as a path. */
    static String path(ByteBuffer in) {
        return new String(in.array(), in.position(), in.remaining(), StandardCharsets.UTF_8);
    }
}
