package org.pyconcurrent.multiprocessing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The messages between a manager's clients ({@link ManagerClient}) and its server
 * ({@link ManagerServer}). A request is an op byte, a sequence number, an object id, a name and
 * the serialized arguments; the server answers every request but {@link #INTERRUPT} with a
 * status byte and a payload. On a fresh connection the server first sends the connection's id
 * (eight bytes), which an {@link #INTERRUPT} names.
 */
final class ManagerWire {
    /** {@code seq, 0, typeId, args}: make a shared object; answered with its id. */
    static final byte CREATE = 1;
    /** {@code seq, objectId, method, args}: call a method; answered with its result. */
    static final byte CALL = 2;
    /** {@code seq, connectionId, "", -}: interrupt that connection's call {@code seq} (no answer). */
    static final byte INTERRUPT = 3;
    /**
     * As {@link #CALL}, from a caller whose interrupt status is set: the call runs with its server
     * thread interrupted, and is answered {@link #CANCELLED} if that made it throw
     * {@link InterruptedException}.
     */
    static final byte CALL_INTERRUPTED = 4;

    /** Answer status: done; the payload is the result. */
    static final byte OK = 0;
    /** Answer status: the call threw; the payload is a {@link RemoteFailure}. */
    static final byte FAILED = 1;
    /** Answer status: interrupted at the caller's request; the call had no effect. */
    static final byte CANCELLED = 2;

    private ManagerWire() {
    }

    /** A request; {@code args} is a serialized argument list (or empty). */
    static byte[] request(byte op, long seq, long id, String name, byte[] args) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 2 + n.length + args.length);
        b.put(op).putLong(seq).putLong(id).putShort((short) n.length).put(n).put(args);
        return b.array();
    }

    /** A decoded request. */
    record Request(byte op, long seq, long id, String name, byte[] args) {
        static Request decode(byte[] message) {
            ByteBuffer b = ByteBuffer.wrap(message);
            byte op = b.get();
            long seq = b.getLong();
            long id = b.getLong();
            byte[] n = new byte[b.getShort() & 0xFFFF];
            b.get(n);
            byte[] args = new byte[b.remaining()];
            b.get(args);
            return new Request(op, seq, id, new String(n, StandardCharsets.UTF_8), args);
        }
    }

    /** An answer: the status, then the payload. */
    static byte[] answer(byte status, byte[] payload) {
        byte[] out = new byte[1 + payload.length];
        out[0] = status;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }
}
