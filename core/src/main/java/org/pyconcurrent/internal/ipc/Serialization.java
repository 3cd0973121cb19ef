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
        writeObject(obj, bytes);
        return bytes.toByteArray();
    }

    /**
     * As {@link #toBytes} of an {@code ArrayList} with the items of {@code list} (it arrives as
     * one), without copying the list first when its items have the compact form.
     *
     * @param list the items
     * @return the message bytes
     * @throws IllegalArgumentException as {@link #toBytes}
     */
    public static byte[] listToBytes(java.util.List<?> list) {
        byte[] compact = Compact.encodeAsArrayList(list);
        return compact != null ? compact : toBytes(list instanceof java.util.ArrayList<?> ? list
                : new java.util.ArrayList<>(list));
    }

    /**
     * Writes, into an object stream, the message {@link #listToBytes} makes of {@code list},
     * after its length; a list of {@code Integer}s only is written as it is encoded, without an
     * array of its own. {@link #readMessage} reads it back.
     *
     * @param list the items
     * @param out the stream
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException as {@link #toBytes}
     */
    public static void writeList(java.util.List<?> list, java.io.ObjectOutput out) throws IOException {
        if (!Compact.writeInts(list, out)) {
            byte[] message = listToBytes(list);
            out.writeInt(message.length);
            out.write(message);
        }
    }

    /**
     * Reads a message written by {@link #writeList}.
     *
     * @param in the stream
     * @return the message
     * @throws IOException if the stream fails or ends first
     */
    public static byte[] readMessage(java.io.ObjectInput in) throws IOException {
        int length = in.readInt();
        if (length <= 0) {
            throw new java.io.StreamCorruptedException("bad length of an embedded message: " + length);
        }
        // Grown as the bytes arrive, so that a corrupt length cannot allocate more than the stream holds.
        byte[] message = new byte[Math.min(length, 1 << 16)];
        int got = 0;
        while (got < length) {
            if (got == message.length) {
                message = java.util.Arrays.copyOf(message, (int) Math.min(length, 2L * message.length));
            }
            in.readFully(message, got, message.length - got);
            got = message.length;
        }
        return message;
    }

    /**
     * As {@link #toBytes}, into {@code into} (emptied first), whose array can be reused for the
     * next message.
     *
     * @param obj the object
     * @param into where the message goes: {@code into.array()} from 0 to {@code into.size()}
     * @throws IllegalArgumentException as {@link #toBytes}
     */
    public static void toBuffer(Object obj, Buffer into) {
        into.reset();
        byte[] compact = Compact.encode(obj);
        if (compact != null) {
            into.writeBytes(compact);
            return;
        }
        writeObject(obj, into);
    }

    /** A message buffer for {@link #toBuffer}. */
    public static final class Buffer extends ByteArrayOutputStream {
        /**
         * An empty buffer.
         *
         * @param size its first capacity
         */
        public Buffer(int size) {
            super(size);
        }

        /**
         * The buffer's array, valid until the next write.
         *
         * @return the array; the message is its first {@link #size()} bytes
         */
        public byte[] array() {
            return buf;
        }
    }

    private static void writeObject(Object obj, ByteArrayOutputStream bytes) {
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

    /**
     * The ints of a message that {@link #toBytes} made of an {@code ArrayList} of
     * {@code Integer}s only (or of an {@link IntList}), without boxing them; null for any other
     * message.
     *
     * @param message the bytes
     * @return the ints, or null
     * @throws java.io.StreamCorruptedException if the message is a corrupt list of ints
     */
    public static int[] intsOf(byte[] message) throws java.io.StreamCorruptedException {
        return Compact.decodeIntArray(message);
    }

    /**
     * As {@link #fromBytes}, but a list of ints comes back as an {@link IntList} (which reads
     * them from {@code message}) rather than an {@code ArrayList} of boxed ints.
     *
     * @param message the bytes
     * @return the object
     * @throws IOException as {@link #fromBytes}
     */
    public static Object fromBytesKeepingInts(byte[] message) throws IOException {
        IntList ints = Compact.decodeIntList(message);
        return ints != null ? ints : fromBytes(message);
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
