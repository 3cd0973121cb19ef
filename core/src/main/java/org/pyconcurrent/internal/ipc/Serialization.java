package org.pyconcurrent.internal.ipc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Java serialization for messages between processes: one self-contained stream per message, and
 * every read guarded by an {@link ObjectInputFilter} that bounds depth, references and bytes.
 *
 * <p>The commonest items travel in a compact form instead, which costs nanoseconds where an
 * object stream costs microseconds: {@code null}, boxed primitives, and strings, each as one tag
 * byte then its value. A Java serialization stream always starts with the byte {@code 0xAC}, so
 * the first byte tells the two apart; the compact form names no class and runs no code.
 */
public final class Serialization {
    /** Deepest object graph accepted. */
    static final long MAX_DEPTH = 1_000;
    /** Most object references accepted in one message. */
    static final long MAX_REFERENCES = 10_000_000;

    private Serialization() {
    }

    /**
     * Serializes {@code obj} into a message.
     *
     * @param obj the object (null is Python's None)
     * @return the message bytes
     * @throws IllegalArgumentException naming the class, if something in {@code obj} is not
     *     serializable; nothing was sent
     */
    public static byte[] toBytes(Object obj) {
        byte[] compact = Compact.encode(obj);
        if (compact != null) {
            return compact;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(obj);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot send an object of class "
                    + (obj == null ? "null" : obj.getClass().getName())
                    + ": it holds an instance of " + e.getMessage() + ", which is not Serializable", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize an object of class "
                    + (obj == null ? "null" : obj.getClass().getName()) + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes a message made by {@link #toBytes}.
     *
     * @param message the bytes
     * @return the object
     * @throws InvalidClassException if the filter refused a class or a limit (the message says
     *     which)
     * @throws IOException if the bytes are not a serialized object or a class is missing
     */
    public static Object fromBytes(byte[] message) throws IOException {
        if (message.length > 0 && Compact.isCompact(message[0])) {
            return Compact.decode(message);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(message))) {
            in.setObjectInputFilter(filter(message.length));
            return in.readObject();
        } catch (java.io.EOFException truncated) {
            throw new java.io.StreamCorruptedException("a message of " + message.length
                    + " bytes is not a whole serialized object");
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot receive: class " + e.getMessage() + " is not on this JVM's class path", e);
        }
    }

    private static ObjectInputFilter filter(long maxBytes) {
        return info -> {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES
                    || info.streamBytes() > maxBytes || info.arrayLength() > maxBytes) {
                return ObjectInputFilter.Status.REJECTED;
            }
            ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
            return global == null ? ObjectInputFilter.Status.UNDECIDED : global.checkInput(info);
        };
    }
}
