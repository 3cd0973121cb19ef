package org.pyconcurrent.multiprocessing;

/**
 * Python's {@code multiprocessing.BufferTooShort}: {@link Connection#recvBytesInto} was given a
 * buffer too small for the message. The message has been consumed; it is kept here, whole.
 */
public class BufferTooShort extends ProcessError {
    private static final long serialVersionUID = 1L;

    private final byte[] message;

    /**
     * Creates the exception.
     *
     * @param message the whole message that did not fit (Python's {@code e.args[0]})
     * @param room how many bytes the buffer had from the offset on
     */
    public BufferTooShort(byte[] message, int room) {
        super("message of " + message.length + " bytes does not fit in " + room + " bytes of buffer");
        this.message = message.clone();
    }

    /**
     * Returns the message that did not fit.
     *
     * @return a copy of the whole message
     */
    public byte[] message() {
        return message.clone();
    }
}
