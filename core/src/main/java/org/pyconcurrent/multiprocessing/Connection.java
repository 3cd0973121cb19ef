package org.pyconcurrent.multiprocessing;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.ipc.FrameChannel;
import org.pyconcurrent.internal.ipc.Serialization;

/**
 * Python's {@code multiprocessing.connection.Connection}: one end of a {@link Pipe}, sending and
 * receiving whole messages, serialized objects ({@link #send}/{@link #recv}) or raw bytes
 * ({@link #sendBytes}/{@link #recvBytes}). Messages are never merged or split; a message of
 * 16 MiB or more works.
 *
 * <p>Objects travel through Java serialization, one self-contained stream per message, read back
 * through an {@link java.io.ObjectInputFilter} that bounds depth and size (and applies the JVM's
 * global filter, if one is set). An object that cannot be serialized fails in {@code send}, in the
 * caller, naming the class; nothing is sent.
 *
 * <p>Unlike CPython's, a connection is safe to share between threads: one sender and one
 * receiver at a time (others wait their turn), so messages of different threads never interleave.
 * Blocking calls throw {@link InterruptedException} and keep the connection usable (a message
 * interrupted half-way is resumed by the next call). {@link #close()} may be called from any
 * thread; a thread blocked on the connection then gets an {@link IllegalStateException}.
 *
 * <h2>Handing a connection to another process</h2>
 * A connection is {@link java.io.Serializable}: capture one in a {@link Process} target (Python's
 * {@code Process(target=f, args=(child_conn,))}), or send it through a queue or another
 * connection, and the receiving process gets a working end. The JDK cannot pass a file
 * descriptor, so the receiving process connects to this process's host and authenticates with
 * the process tree's key; if the other end of the {@link Pipe} is still here, its traffic moves to
 * that new socket (what was sent before the hand-off arrives first), so the two processes talk
 * directly; otherwise this process relays. From the moment it is serialized, this process's copy
 * is no longer usable ({@link IllegalStateException}); {@link #close()} on it, which Python
 * programs call after starting the child, is allowed and does nothing more. An end handed to a
 * child that exits before taking it is closed, so its peer sees the end of the stream.
 *
 * <h2>Memory consistency effects</h2>
 * Actions in a thread before it sends a message <i>happen-before</i> actions after another thread
 * of the same JVM receives it; across processes, what the message carries is all that is shared.
 */
public final class Connection implements AutoCloseable, java.io.Serializable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** Where messages are read from: the socket, or the one a hand-off moved them to. */
    private transient volatile FrameChannel frames;
    /** Where messages are written; differs from {@link #frames} during a hand-off. */
    private transient volatile FrameChannel writeFrames;
    /**
     * After a hand-off of the peer end: the channel to read from once {@link #frames} is drained
     * (what the peer sent before the hand-off comes first).
     */
    private transient volatile FrameChannel successor;
    /** The other end, if it is a {@link Pipe} end made in this process. */
    transient volatile Connection peer;
    /** Set once this end has been serialized for another process (see {@link Handoff}). */
    transient volatile long exportId;
    private transient boolean readable;
    private transient boolean writable;
    private final transient ReentrantLock readLock = new ReentrantLock();
    private final transient ReentrantLock writeLock = new ReentrantLock();
    private transient volatile boolean closed;

    static {
        org.pyconcurrent.internal.ipc.ConnectionAccess.set(c -> ((Connection) c).frames);
        Handoff.install();
    }

    Connection(SocketChannel channel, boolean readable, boolean writable) {
        try {
            this.frames = new FrameChannel(channel);
            this.writeFrames = frames;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot set up a connection", e);
        }
        this.readable = readable;
        this.writable = writable;
    }

    // ---------------------------------------------------------------- objects

    /**
     * Python's {@code send(obj)}: serializes {@code obj} and sends it as one message.
     *
     * @param obj the object; null is Python's None
     * @throws IllegalArgumentException naming the class if {@code obj} cannot be serialized
     *     (nothing is sent)
     * @throws IllegalStateException if the connection is closed or receive-only
     * @throws IOException if the other end has gone
     * @throws InterruptedException if interrupted while the other end is not reading
     */
    public void send(Object obj) throws IOException, InterruptedException {
        checkWritable();
        byte[] message = Serialization.toBytes(obj);
        writeFrame(message, 0, message.length);
    }

    /**
     * Python's {@code recv()}: waits for the next message and returns the object it carries.
     *
     * @param <T> the type the caller expects (a wrong guess is a {@link ClassCastException} at
     *     the call site, as with {@link java.io.ObjectInputStream#readObject()})
     * @return the object; null for Python's None
     * @throws java.io.EOFException if the other end closed the connection and nothing is left
     * @throws IOException if the message is not a serialized object, its class is missing here,
     *     or the input filter refused it (the message is consumed; the connection stays usable)
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() throws IOException, InterruptedException {
        return (T) Serialization.fromBytes(readFrame(Integer.MAX_VALUE));
    }

    // ---------------------------------------------------------------- bytes

    /**
     * Python's {@code send_bytes(buf)}: sends {@code buf} as one message.
     *
     * @param buf the bytes
     * @throws IllegalStateException if the connection is closed or receive-only
     * @throws IOException if the other end has gone
     * @throws InterruptedException if interrupted while the other end is not reading
     */
    public void sendBytes(byte[] buf) throws IOException, InterruptedException {
        sendBytes(buf, 0, Objects.requireNonNull(buf, "buf").length);
    }

    /**
     * Python's {@code send_bytes(buf, offset, size)}: sends {@code size} bytes of {@code buf}
     * from {@code offset} as one message.
     *
     * @param buf the bytes
     * @param offset where the message starts in {@code buf}
     * @param size how many bytes
     * @throws IllegalArgumentException if {@code offset} or {@code size} is negative or they reach
     *     past the end of {@code buf}
     * @throws IllegalStateException if the connection is closed or receive-only
     * @throws IOException if the other end has gone
     * @throws InterruptedException if interrupted while the other end is not reading
     */
    public void sendBytes(byte[] buf, int offset, int size) throws IOException, InterruptedException {
        Objects.requireNonNull(buf, "buf");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        if (buf.length < offset) {
            throw new IllegalArgumentException("buffer length " + buf.length + " < offset " + offset);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
        if ((long) offset + size > buf.length) {
            throw new IllegalArgumentException(
                    "buffer length " + buf.length + " < offset + size (" + offset + " + " + size + ")");
        }
        checkWritable();
        writeFrame(buf, offset, size);
    }

    /**
     * Python's {@code recv_bytes()}: waits for the next message and returns its bytes.
     *
     * @return the message
     * @throws java.io.EOFException if the other end closed the connection and nothing is left
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    public byte[] recvBytes() throws IOException, InterruptedException {
        return readFrame(Integer.MAX_VALUE);
    }

    /**
     * Python's {@code recv_bytes(maxlength)}: as {@link #recvBytes()}, but a message longer than
     * {@code maxlength} closes the connection and throws, as in Python.
     *
     * @param maxlength the longest message accepted
     * @return the message
     * @throws IllegalArgumentException if {@code maxlength} is negative
     * @throws IOException "bad message length" if the message is longer (the connection is then
     *     closed), or {@link java.io.EOFException} at the end
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    public byte[] recvBytes(int maxlength) throws IOException, InterruptedException {
        if (maxlength < 0) {
            throw new IllegalArgumentException("negative maxlength: " + maxlength);
        }
        return readFrame(maxlength);
    }

    /**
     * Python's {@code recv_bytes_into(buffer)}: reads the next message into {@code buf}.
     *
     * @param buf where to put the message
     * @return the message's length
     * @throws BufferTooShort if the message does not fit (it is consumed; the exception holds it)
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    public int recvBytesInto(byte[] buf) throws IOException, InterruptedException {
        return recvBytesInto(buf, 0);
    }

    /**
     * Python's {@code recv_bytes_into(buffer, offset)}: reads the next message into {@code buf}
     * from {@code offset} on.
     *
     * @param buf where to put the message
     * @param offset where in {@code buf} the message goes
     * @return the message's length
     * @throws IllegalArgumentException if {@code offset} is negative or past the end of {@code buf}
     * @throws BufferTooShort if the message does not fit (it is consumed; the exception holds it)
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    public int recvBytesInto(byte[] buf, int offset) throws IOException, InterruptedException {
        Objects.requireNonNull(buf, "buf");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
        if (offset > buf.length) {
            throw new IllegalArgumentException("offset " + offset + " too large for a buffer of " + buf.length);
        }
        byte[] message = readFrame(Integer.MAX_VALUE);
        if (message.length > buf.length - offset) {
            throw new BufferTooShort(message, buf.length - offset);
        }
        System.arraycopy(message, 0, buf, offset, message.length);
        return message.length;
    }

    // ---------------------------------------------------------------- polling, state

    /**
     * Python's {@code poll()}: whether there is data to read now. Never waits, never consumes.
     *
     * @return true if a message (or the end of the stream) is there to read
     * @throws IllegalStateException if the connection is closed or send-only
     */
    public boolean poll() throws IOException {
        checkReadable();
        if (!readLock.tryLock()) {
            return false;  // another thread is receiving: what arrives is its
        }
        try {
            checkReadable();
            return pollFrames(0L);
        } catch (InterruptedException cannotHappen) {
            Thread.currentThread().interrupt();  // a zero wait never blocks, so never sees it
            return false;
        } catch (ClosedChannelException | ClosedSelectorException e) {
            throw closedWhileWaiting(e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Python's {@code poll(timeout)}: waits up to {@code timeout} for data to read. Never consumes
     * a message. True at the end of the stream too, where {@code recv} then throws. While another
     * thread is receiving, it waits for that thread within the same {@code timeout}.
     *
     * @param timeout the most to wait; zero does not wait
     * @return whether there is data to read
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the connection is closed or send-only
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean poll(Duration timeout) throws IOException, InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        if (nanos == 0L) {
            return poll();
        }
        checkReadable();
        long deadline = System.nanoTime() + nanos;
        if (!readLock.tryLock(nanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            checkReadable();
            return pollFrames(Math.max(0L, deadline - System.nanoTime()));
        } catch (ClosedChannelException | ClosedSelectorException e) {
            throw closedWhileWaiting(e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Python's {@code readable}.
     *
     * @return whether this end may receive
     */
    public boolean readable() {
        return readable;
    }

    /**
     * Python's {@code writable}.
     *
     * @return whether this end may send
     */
    public boolean writable() {
        return writable;
    }

    /**
     * Python's {@code closed}.
     *
     * @return whether {@link #close()} was called
     */
    public boolean closed() {
        return closed;
    }

    /**
     * Python's {@code close()}: closes this end; the other end's {@code recv} then throws
     * {@link java.io.EOFException} once it has read what was sent. Calling it again does nothing.
     */
    @Override
    public void close() {
        closed = true;
        if (exportId != 0L) {
            return;  // the socket now serves the process this end was handed to
        }
        closeChannels();
    }

    /** Closes every socket of this end (also for a hand-off that is over). */
    void closeChannels() {
        for (FrameChannel f : new FrameChannel[] {frames, writeFrames, successor}) {
            if (f != null) {
                try {
                    f.close();
                } catch (IOException ignored) {
                    // the socket is gone either way
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Connection@" + Integer.toHexString(System.identityHashCode(this))
                + (closed ? "[closed]" : readable && writable ? "[duplex]" : readable ? "[receive]" : "[send]");
    }

    /**
     * Runs the mutual HMAC handshake before anything else is read; closes the connection and
     * throws {@link AuthenticationError} if the peer fails it.
     */
    void authenticate(boolean server, byte[] authkey) throws IOException, InterruptedException {
        try {
            if (server) {
                org.pyconcurrent.internal.ipc.Handshake.asServer(frames, authkey);
            } else {
                org.pyconcurrent.internal.ipc.Handshake.asClient(frames, authkey);
            }
        } catch (org.pyconcurrent.internal.ipc.Handshake.Failed e) {
            close();
            throw new AuthenticationError(e.getMessage());
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- internals

    private void writeFrame(byte[] data, int offset, int length) throws IOException, InterruptedException {
        writeLock.lockInterruptibly();
        try {
            checkWritable();
            writeFrames.write(data, offset, length);
        } catch (ClosedChannelException | ClosedSelectorException e) {
            throw closedWhileWaiting(e);
        } finally {
            writeLock.unlock();
        }
    }

    private byte[] readFrame(int maxlength) throws IOException, InterruptedException {
        checkReadable();
        readLock.lockInterruptibly();
        try {
            checkReadable();
            int length;
            for (;;) {
                try {
                    length = frames.nextLength();
                    break;
                } catch (java.io.EOFException e) {
                    if (!switchToSuccessor()) {
                        throw e;
                    }
                }
            }
            if (length > maxlength) {
                close();
                throw new IOException("bad message length: " + length + " > maxlength " + maxlength
                        + "; the connection is closed");
            }
            return frames.readBody();
        } catch (ClosedChannelException | ClosedSelectorException e) {
            throw closedWhileWaiting(e);
        } finally {
            readLock.unlock();
        }
    }

    /** Polls, moving on to the successor channel when the current one is drained. */
    private boolean pollFrames(long nanos) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (;;) {
            boolean ready = frames.poll(Math.max(0L, deadline - System.nanoTime()));
            if (!ready || !frames.drained() || !switchToSuccessor()) {
                return ready;
            }
        }
    }

    /** The current read channel is drained: reads go on from the successor, if there is one. */
    private boolean switchToSuccessor() {
        FrameChannel next = successor;
        if (next == null) {
            return false;
        }
        FrameChannel old = frames;
        frames = next;
        successor = null;
        try {
            old.close();
        } catch (IOException ignored) {
            // drained anyway
        }
        return true;
    }

    // ---------------------------------------------------------------- hand-off (see Handoff)

    /**
     * Moves this end's traffic to {@code target}, a socket to the process that adopted the peer
     * end: first what the peer end received and never read, then every later write; reads go on
     * from {@code target} once the old socket is drained. Holds this end's write lock meanwhile.
     */
    void redirectTo(Connection handedOff, FrameChannel target) throws IOException, InterruptedException {
        FrameChannel peerSide = handedOff.frames;
        while (!writeLock.tryLock(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peerSide.transferUnread(target);  // a writer blocked on a full socket can finish
        }
        try {
            writeFrames.finishPendingWrite();
            peerSide.transferUnread(target);
            writeFrames = target;
            successor = target;
            handedOff.closeChannels();  // this end's old socket now ends after what it holds
        } finally {
            writeLock.unlock();
        }
    }

    /** The adopting process's side of a hand-off: this end now only sends or only receives. */
    void restrict(boolean canRead, boolean canWrite) {
        this.readable = canRead;
        this.writable = canWrite;
    }

    /** This end's current read and write channels, for a relay. */
    FrameChannel readChannel() {
        return frames;
    }

    FrameChannel writeChannel() {
        return writeFrames;
    }

    @java.io.Serial
    private Object writeReplace() {
        return Handoff.export(this);
    }

    private IllegalStateException closedWhileWaiting(Exception e) {
        return new IllegalStateException(this + " was closed", e);
    }

    private void checkReadable() {
        if (exportId != 0L) {
            throw handedOff();
        }
        if (closed) {
            throw new IllegalStateException("handle is closed: " + this);
        }
        if (!readable) {
            throw new IllegalStateException("connection is write-only: " + this);
        }
    }

    private IllegalStateException handedOff() {
        return new IllegalStateException(this + " was handed to another process; use it there");
    }

    private void checkWritable() {
        if (exportId != 0L) {
            throw handedOff();
        }
        if (closed) {
            throw new IllegalStateException("handle is closed: " + this);
        }
        if (!writable) {
            throw new IllegalStateException("connection is read-only: " + this);
        }
    }
}
