package org.pyconcurrent.internal.ipc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual HMAC-SHA256 challenge-response, Python's {@code deliver_challenge} and
 * {@code answer_challenge} run both ways: each side sends 32 random bytes, the other answers with
 * their HMAC under the shared key, and the challenger replies WELCOME or FAILURE. Only raw frames
 * of at most {@link #MAX_FRAME} bytes are read before both sides are authenticated, so a peer
 * without the key can neither make this side allocate memory nor get one byte deserialized.
 */
public final class Handshake {
    /** The largest frame read before authentication. */
    public static final int MAX_FRAME = 256;
    private static final byte[] CHALLENGE = "#CHALLENGE#".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WELCOME = "#WELCOME#".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILURE = "#FAILURE#".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a handshake failed. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private Handshake() {
    }

    /**
     * Runs the handshake as the accepting side: challenges first, then answers.
     *
     * @throws Failed if the peer does not know the key, or speaks something else
     * @throws IOException if the connection breaks
     * @throws InterruptedException if interrupted while waiting
     */
    public static void asServer(FrameChannel channel, byte[] key) throws Failed, IOException, InterruptedException {
        challenge(channel, key);
        answer(channel, key);
    }

    /**
     * Runs the handshake as the connecting side: answers first, then challenges.
     *
     * @throws Failed if the peer does not know the key, or speaks something else
     * @throws IOException if the connection breaks
     * @throws InterruptedException if interrupted while waiting
     */
    public static void asClient(FrameChannel channel, byte[] key) throws Failed, IOException, InterruptedException {
        answer(channel, key);
        challenge(channel, key);
    }

    private static void challenge(FrameChannel channel, byte[] key) throws Failed, IOException, InterruptedException {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        byte[] message = concat(CHALLENGE, nonce);
        channel.write(message, 0, message.length);
        byte[] response = readSmall(channel);
        if (!MessageDigest.isEqual(response, hmac(key, message))) {
            channel.write(FAILURE, 0, FAILURE.length);
            throw new Failed("digest received was wrong");
        }
        channel.write(WELCOME, 0, WELCOME.length);
    }

    private static void answer(FrameChannel channel, byte[] key) throws Failed, IOException, InterruptedException {
        byte[] message = readSmall(channel);
        if (message.length <= CHALLENGE.length
                || !Arrays.equals(Arrays.copyOf(message, CHALLENGE.length), CHALLENGE)) {
            throw new Failed("protocol error: expected a challenge, got " + message.length + " other bytes");
        }
        byte[] digest = hmac(key, message);
        channel.write(digest, 0, digest.length);
        byte[] verdict = readSmall(channel);
        if (!Arrays.equals(verdict, WELCOME)) {
            throw new Failed("digest sent was rejected");
        }
    }

    private static byte[] readSmall(FrameChannel channel) throws Failed, IOException, InterruptedException {
        int length = channel.nextLength();
        if (length > MAX_FRAME) {
            throw new Failed("a message of " + length + " bytes before authentication (at most "
                    + MAX_FRAME + ")");
        }
        return channel.readBody();
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
