package org.pyconcurrent.internal.ipc;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Length-prefixed frames over a socket channel: a 4-byte big-endian length, then that many bytes,
 * so messages are never merged or split whatever the socket does.
 *
 * <p>The channel is non-blocking and waits go through {@link Selector}s, because an interrupt
 * closes a blocking {@code SocketChannel} for good; here an interrupted wait throws
 * {@link InterruptedException} and keeps the connection. A frame interrupted half-way is kept:
 * the partial read resumes at the next read, the rest of a partial write is sent before the next
 * frame.
 *
 * <p>Reads go through a 64 KiB buffer, so a stream of small frames costs one system call per
 * buffer, not two per frame; a body larger than the buffer is read straight into its array.
 *
 * <p>Not thread-safe: one reader and one writer at a time (the caller locks); {@link #close()}
 * may be called from any thread and wakes both.
 */
public final class FrameChannel implements Closeable {
    private final SocketChannel channel;
    private final Selector readSelector;
    private final Selector writeSelector;
    /** How long a reader tries the socket again before it sleeps. */
    private static final long SPIN_NANOS = 100_000L;
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private final ByteBuffer outHeader = ByteBuffer.allocate(4);
    /** Bytes read from the socket and not yet handed out, in read mode. */
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();
    /** The body being read, once its header is complete; null before. */
    private ByteBuffer body;
    /** The rest of a frame whose write was interrupted; null when none. */
    private ByteBuffer[] pendingOut;
    private boolean eof;

    /**
     * Wraps a connected channel, switching it to non-blocking mode.
     *
     * @param channel the connected channel
     * @throws IOException if the selectors cannot be opened
     */
    public FrameChannel(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        readSelector = Selector.open();
        writeSelector = Selector.open();
        channel.register(readSelector, SelectionKey.OP_READ);
        channel.register(writeSelector, SelectionKey.OP_WRITE);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes one frame of {@code length} bytes of {@code data} from {@code offset}.
     *
     * @throws InterruptedException if interrupted while the peer is not reading; the frame's rest
     *     goes out before the next one
     * @throws IOException if the peer has gone
     */
    public void write(byte[] data, int offset, int length) throws IOException, InterruptedException {
        flushPending();
        outHeader.clear();
        outHeader.putInt(length).flip();
        pendingOut = new ByteBuffer[] {outHeader, ByteBuffer.wrap(data, offset, length)};
        flushPending();
    }

    /**
     * Writes bytes that already hold whole frames (each a 4-byte length and its body), many at
     * once: one system call for a batch of small messages.
     *
     * @param framed the frames, from position to limit; consumed
     * @throws InterruptedException if interrupted while the peer is not reading; the rest goes
     *     out before the next frame
     * @throws IOException if the peer has gone
     */
    public void writeFramed(ByteBuffer framed) throws IOException, InterruptedException {
        flushPending();
        pendingOut = new ByteBuffer[] {framed};
        flushPending();
    }

    private void flushPending() throws IOException, InterruptedException {
        if (pendingOut == null) {
            return;
        }
        ByteBuffer first = pendingOut[0];
        ByteBuffer last = pendingOut[pendingOut.length - 1];
        while (first.hasRemaining() || last.hasRemaining()) {  // an empty body still has its header
            if (channel.write(pendingOut) == 0) {
                await(writeSelector, -1L);
            }
        }
        pendingOut = null;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Waits for the next frame's header and returns its length, without reading the body;
     * calling it again before {@link #readBody()} returns the same length.
     *
     * @throws EOFException if the peer closed the connection
     * @throws StreamCorruptedException if the header is not a valid length
     * @throws InterruptedException if interrupted while waiting (nothing is lost)
     */
    public int nextLength() throws IOException, InterruptedException {
        if (body == null) {
            fill(header);
            int length = header.getInt(0);
            if (length < 0) {
                throw new StreamCorruptedException("bad message length " + length);
            }
            body = ByteBuffer.allocate(length);
        }
        return body.capacity();
    }

    /**
     * Reads the body whose length {@link #nextLength()} returned (waiting for the header first if
     * needed) and returns it.
     *
     * @throws EOFException if the peer closed the connection in the middle
     * @throws InterruptedException if interrupted while waiting (the partial body is kept)
     */
    public byte[] readBody() throws IOException, InterruptedException {
        nextLength();
        fill(body);
        byte[] message = body.array();
        body = null;
        header.clear();
        return message;
    }

    /**
     * Python's {@code poll(timeout)}: whether any data (or the end of the stream) can be read now,
     * waiting up to {@code nanos} for some; {@code nanos < 0} waits without limit. Never consumes a
     * message.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean poll(long nanos) throws IOException, InterruptedException {
        if (eof || body != null || header.position() > 0 || in.hasRemaining()) {
            return true;
        }
        final long deadline = nanos < 0 ? 0L : System.nanoTime() + nanos;
        for (;;) {
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n != 0) {
                eof = n < 0;
                return true;
            }
            long remaining = nanos < 0 ? -1L : deadline - System.nanoTime();
            if (nanos >= 0 && remaining <= 0L) {
                return false;
            }
            await(readSelector, remaining);
        }
    }

    private void fill(ByteBuffer buffer) throws IOException, InterruptedException {
        while (buffer.hasRemaining()) {
            if (in.hasRemaining()) {
                int n = Math.min(in.remaining(), buffer.remaining());
                buffer.put(buffer.position(), in, in.position(), n);
                buffer.position(buffer.position() + n);
                in.position(in.position() + n);
                continue;
            }
            if (eof) {
                throw new EOFException(buffer == header && header.position() == 0
                        ? "the other end closed the connection"
                        : "the other end closed the connection in the middle of a message");
            }
            int n;
            if (buffer.remaining() >= in.capacity()) {
                n = channel.read(buffer);
            } else {
                in.clear();
                n = channel.read(in);
                in.flip();
            }
            if (n < 0) {
                eof = true;
            } else if (n == 0 && !spinForData()) {
                await(readSelector, -1L);
            }
        }
    }

    /**
     * Before sleeping in the selector, tries the socket again for a few microseconds: an answer
     * often comes that quickly, and a thread that sleeps pays a wake-up of tens of microseconds
     * (the difference between 19 k and 40 k+ round trips per second between two processes).
     * Bounded: at most {@link #SPIN_NANOS}, then the caller sleeps.
     *
     * @return true if bytes (or the end of the stream) arrived into {@link #in}
     */
    private boolean spinForData() throws IOException {
        long until = System.nanoTime() + SPIN_NANOS;
        do {
            Thread.yield();  // a runnable thread (the peer, on a busy machine) goes first
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n != 0) {
                eof = n < 0;
                return true;
            }
        } while (System.nanoTime() - until < 0);
        return false;
    }

    /** Waits until {@code selector} reports the channel ready, at most {@code nanos} if non-negative. */
    private static void await(Selector selector, long nanos) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos < 0) {
            selector.select();
        } else {
            long millis = nanos / 1_000_000L;
            if (millis == 0) {
                selector.selectNow();
                Thread.onSpinWait();
            } else {
                selector.select(millis);
            }
        }
        selector.selectedKeys().clear();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    // ---------------------------------------------------------------- handing the stream over

    /**
     * Whether the peer has closed and every byte it sent has been handed out: the next read
     * would throw {@link EOFException}.
     */
    public boolean drained() {
        return eof && body == null && header.position() == 0 && !in.hasRemaining();
    }

    /**
     * Writes the rest of a frame whose write was interrupted, waiting if need be.
     *
     * @throws IOException if the peer has gone
     * @throws InterruptedException if interrupted
     */
    public void finishPendingWrite() throws IOException, InterruptedException {
        flushPending();
    }

    /**
     * Forwards, as raw bytes and in order, everything received and not yet handed out: a
     * half-read frame (with its header), the buffered bytes, and whatever the socket holds now
     * (without waiting for more). The receiving side then reads the same frames from
     * {@code target}. Returns whether the peer has closed.
     *
     * @param target where the bytes go
     * @throws IOException if either socket fails
     * @throws InterruptedException if interrupted while {@code target}'s peer is not reading
     */
    public boolean transferUnread(FrameChannel target) throws IOException, InterruptedException {
        if (body != null) {
            target.writeFramed(ByteBuffer.allocate(4).putInt(0, body.capacity()));
            target.writeFramed(body.flip());
            body = null;
            header.clear();
        } else if (header.position() > 0) {
            target.writeFramed(header.flip());
            header.clear();
        }
        for (;;) {
            if (in.hasRemaining()) {
                target.writeFramed(in);
            }
            if (eof) {
                return true;
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                eof = true;
            } else if (n == 0) {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------- closing

    /** Whether the channel is open. */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the channel, waking any thread waiting on it. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            readSelector.close();
            writeSelector.close();
        }
    }
}
