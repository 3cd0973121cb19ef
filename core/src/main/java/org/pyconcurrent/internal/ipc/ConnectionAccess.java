package org.pyconcurrent.internal.ipc;

import java.util.function.Function;

/**
 * The bridge from internal code to a {@link org.pyconcurrent.multiprocessing.Connection}'s frame
 * channel, registered by the connection class when it is initialized (the JDK's "shared secrets"
 * pattern), so that batched writes need no public method.
 */
public final class ConnectionAccess {
    private static volatile Function<Object, FrameChannel> frames;

    private ConnectionAccess() {
    }

    /**
     * Registers the bridge; called once, by the connection class.
     *
     * @param bridge gives a connection's frame channel
     */
    public static void set(Function<Object, FrameChannel> bridge) {
        frames = bridge;
    }

    /**
     * The frame channel of {@code connection}. The caller must be its only writer from then on.
     *
     * @param connection a {@link org.pyconcurrent.multiprocessing.Connection}
     * @return its frame channel
     */
    public static FrameChannel frames(Object connection) {
        return frames.apply(connection);
    }
}
