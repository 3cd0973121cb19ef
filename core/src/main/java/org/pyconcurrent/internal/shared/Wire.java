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
    /** Client to host: {@code reqId, queueId, nanos, item}; a put that may wait (answered). */
    static final byte PUT = 10;
    /** Client to host: {@code queueId, item}; a put into an unbounded queue (no answer). */
    static final byte PUT_ASYNC = 11;
    /** Client to host: {@code reqId, queueId, nanos}; answered with the item or {@link #EMPTY}. */
    static final byte GET = 12;
    /** Client to host: {@code reqId, queueId}; answered with the size. */
    static final byte QSIZE = 13;
    /** Client to host: {@code reqId, queueId}. */
    static final byte TASK_DONE = 14;
    /** Client to host: {@code reqId, queueId}; answered once every task is done. */
    static final byte JOIN = 15;
    /** Client to host: {@code reqId}; interrupt that request (it is answered {@link #CANCELLED}). */
    static final byte INTERRUPT = 16;
    /** Client to host, first and only request on a fresh connection: {@code id}; adopt that end. */
    static final byte ADOPT = 30;
    /** Host to client: {@code reqId, status, payload}. */
    static final byte REPLY = 20;

    /** Reply status: done; the payload is the answer. */
    static final byte OK = 0;
    /** Reply status: the queue was full. */
    static final byte FULL = 1;
    /** Reply status: the queue was empty. */
    static final byte EMPTY = 2;
    /** Reply status: interrupted at the caller's request; nothing changed. */
    static final byte CANCELLED = 3;
    /** Reply status: refused; the payload is the message of an IllegalArgumentException. */
    static final byte REFUSED = 4;
    /** Reply status: the queue is gone from its host. */
    static final byte GONE = 5;

    private Wire() {
    }

    static byte[] wait(long reqId, String path, int offset, long expected) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 4 + 8 + p.length).put(WAIT).putLong(reqId).putInt(offset).putLong(expected)
                .put(p).array();
    }

    static byte[] cancel(long reqId, byte op) {
        return ByteBuffer.allocate(1 + 8).put(op).putLong(reqId).array();
    }

    static byte[] wake(String path, int offset) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + p.length).put(WAKE).putInt(offset).put(p).array();
    }

    static byte[] woken(long reqId) {
        return ByteBuffer.allocate(1 + 8).put(WOKEN).putLong(reqId).array();
    }

    /** A request: op, reqId, queueId, then {@code extra} bytes the caller fills. */
    static ByteBuffer request(byte op, long reqId, long queueId, int extra) {
        return ByteBuffer.allocate(1 + 8 + 8 + extra).put(op).putLong(reqId).putLong(queueId);
    }

    static byte[] reply(long reqId, byte status, byte[] payload) {
        int n = payload == null ? 0 : payload.length;
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 1 + n).put(REPLY).putLong(reqId).put(status);
        if (n > 0) {
            b.put(payload);
        }
        return b.array();
    }

    /** The rest of {@code in} as a byte array. */
    static byte[] rest(ByteBuffer in) {
        byte[] out = new byte[in.remaining()];
        in.get(out);
        return out;
    }

    /** The rest of {@code in} as a path. */
    static String path(ByteBuffer in) {
        return new String(in.array(), in.position(), in.remaining(), StandardCharsets.UTF_8);
    }
}
