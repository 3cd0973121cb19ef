package org.pyconcurrent.multiprocessing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pyconcurrent.threading.TestThreads;
import org.pyconcurrent.threading.TestThreads.Task;
import org.pyconcurrent.threading.ThreadedTest;

/**
 * {@link Connection} as CPython's {@code _TestConnection} (Lib/test/_test_multiprocessing.py)
 * checks it, within one JVM: objects and bytes both ways, message boundaries, simplex pipes,
 * {@code poll}, end of stream, {@code recv_bytes_into} and {@code BufferTooShort},
 * {@code maxlength}, closing, plus what Java adds: bad arguments, serialization failures,
 * interrupts, and sharing one end between threads.
 */
class ConnectionTest extends ThreadedTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int BIG = 16 * 1024 * 1024;

    private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
    private Connection a;
    private Connection b;

    /** A record travelling as a message. */
    record Point(int x, String name, List<Integer> tags) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A record that is not Serializable. */
    record NotSendable(int x) {
    }

    @BeforeEach
    void openPipe() {
        Pipe pipe = pipe(true);
        a = pipe.conn1();
        b = pipe.conn2();
    }

    @AfterEach
    void closePipes() {
        for (Pipe pipe : pipes) {
            pipe.close();
        }
    }

    private Pipe pipe(boolean duplex) {
        Pipe pipe = Pipe.create(duplex);
        pipes.add(pipe);
        return pipe;
    }

    private static void within(Executable body) {
        assertTimeoutPreemptively(LIMIT, body);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /**
     * Waits until {@code thread} is blocked in a selector inside the connection (a thread waiting
     * for I/O is RUNNABLE to the JVM, so awaitParked cannot tell), or parked on a lock.
     */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TestThreads.PATIENCE.toNanos();
        for (;;) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                fail(thread.getName() + " ended instead of blocking");
            }
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                break;
            }
            StackTraceElement[] stack = thread.getStackTrace();
            boolean inAwait = Arrays.stream(stack).anyMatch(
                    e -> e.getClassName().endsWith("FrameChannel") && e.getMethodName().equals("await"));
            boolean inSelect = Arrays.stream(stack).anyMatch(
                    e -> e.getClassName().contains("Selector") && e.getMethodName().startsWith("select"));
            if (inAwait && inSelect) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                fail(thread.getName() + " did not block within " + TestThreads.PATIENCE + " (" + state + ")");
            }
            Thread.sleep(1);
        }
        Thread.sleep(50); // let it settle into the wait
    }

    private static void assertMentions(Throwable e, String... parts) {
        String message = String.valueOf(e.getMessage());
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message \"" + message + "\" does not mention " + part);
        }
    }

    // ---------------------------------------------------------------- duplex objects

    @Test
    void duplexObjectsBothWaysInOrder() {
        within(() -> {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("list", new ArrayList<>(List.of(1, 2, 3)));
            nested.put("map", new LinkedHashMap<>(Map.of("k", List.of("v", "w"))));
            nested.put("none", null);
            List<Object> sent = new ArrayList<>();
            sent.add("hello");
            sent.add(42);
            sent.add(null);
            sent.add(new ArrayList<>(List.of("x", 7, List.of(8L))));
            sent.add(nested);
            sent.add(new Point(3, "p", List.of(1, 2)));
            sent.add("");
            sent.add(-1L);

            for (Object o : sent) {
                a.send(o);
            }
            for (Object o : sent) {
                b.send(o);
            }
            for (Object o : sent) {
                assertEquals(o, b.recv());
            }
            for (Object o : sent) {
                assertEquals(o, a.recv());
            }
            assertFalse(a.poll());
            assertFalse(b.poll());
        });
    }

    @Test
    void noneRoundTripsAsNull() {
        within(() -> {
            a.send(null);
            assertTrue(b.poll());
            assertNull(b.recv());
            assertFalse(b.poll());
        });
    }

    @Test
    void manySmallMessagesAreNeverMerged() {
        within(() -> {
            // from another thread: small writes soon fill a Unix socket's buffer
            Task<Void> sender = threads.run(() -> {
                for (int i = 0; i < 2000; i++) {
                    a.send(i);
                    a.sendBytes(new byte[] {(byte) i});
                }
            });
            for (int i = 0; i < 2000; i++) {
                assertEquals(Integer.valueOf(i), b.recv());
                assertArrayEquals(new byte[] {(byte) i}, b.recvBytes());
            }
            sender.join();
            assertFalse(b.poll());
        });
    }

    @Test
    void sendBytesOfDifferentSizesComeBackExactly() {
        within(() -> {
            int[] sizes = {1, 2, 3, 4, 5, 100, 4095, 4096, 4097, 65535, 65536, 65537, 1 << 20, (1 << 20) + 3};
            Task<Void> sender = threads.run(() -> {
                for (int i = 0; i < sizes.length; i++) {
                    b.sendBytes(random(sizes[i], i));
                }
            });
            for (int i = 0; i < sizes.length; i++) {
                byte[] got = a.recvBytes();
                assertEquals(sizes[i], got.length, "message " + i);
                assertArrayEquals(random(sizes[i], i), got, "message " + i);
            }
            sender.join();
            assertFalse(a.poll());
        });
    }

    @Test
    void sixteenMebibytesOfBytesFromAnotherThread() {
        within(() -> {
            byte[] data = random(BIG, 16);
            Task<Void> sender = threads.run(() -> a.sendBytes(data));
            byte[] got = b.recvBytes();
            sender.join();
            assertEquals(BIG, got.length);
            assertArrayEquals(data, got);
            // and the other way, bigger than 16 MiB
            byte[] more = random(BIG + 7, 17);
            Task<Void> back = threads.run(() -> b.sendBytes(more));
            assertArrayEquals(more, a.recvBytes());
            back.join();
        });
    }

    @Test
    void sixteenMebibyteObjectFromAnotherThread() {
        within(() -> {
            byte[] data = random(BIG, 18);
            String text = "s".repeat(1 << 20);
            List<Object> object = new ArrayList<>(List.of(data, text, new Point(1, "big", List.of(1))));
            Task<Void> sender = threads.run(() -> a.send(object));
            List<Object> got = b.recv();
            sender.join();
            assertEquals(3, got.size());
            assertArrayEquals(data, (byte[]) got.get(0));
            assertEquals(text, got.get(1));
            assertEquals(object.get(2), got.get(2));
        });
    }

    // ---------------------------------------------------------------- simplex

    @Test
    void duplexEndsAreReadableAndWritable() {
        assertTrue(a.readable());
        assertTrue(a.writable());
        assertTrue(b.readable());
        assertTrue(b.writable());
    }

    @Test
    void simplexPipeReceivesOnConn1AndSendsOnConn2() {
        within(() -> {
            Pipe pipe = pipe(false);
            Connection reader = pipe.conn1();
            Connection writer = pipe.conn2();
            assertTrue(reader.readable());
            assertFalse(reader.writable());
            assertFalse(writer.readable());
            assertTrue(writer.writable());

            byte[] buf = new byte[8];
            List<Executable> writes = List.of(
                    () -> reader.send("x"),
                    () -> reader.sendBytes(buf),
                    () -> reader.sendBytes(buf, 0, 1));
            for (Executable write : writes) {
                assertMentions(assertThrows(IllegalStateException.class, write), "read-only");
            }
            List<Executable> reads = List.of(
                    writer::recv,
                    writer::recvBytes,
                    () -> writer.recvBytes(10),
                    () -> writer.recvBytesInto(buf),
                    () -> writer.recvBytesInto(buf, 1),
                    writer::poll,
                    () -> writer.poll(Duration.ofMillis(10)));
            for (Executable read : reads) {
                assertMentions(assertThrows(IllegalStateException.class, read), "write-only");
            }

            writer.send("one way");
            writer.sendBytes(bytes("raw"));
            assertTrue(reader.poll(Duration.ofSeconds(10)));
            assertEquals("one way", reader.recv());
            assertArrayEquals(bytes("raw"), reader.recvBytes());
            assertFalse(reader.closed());
            assertFalse(writer.closed());
            writer.close();
            assertThrows(EOFException.class, reader::recv);
        });
    }

    // ---------------------------------------------------------------- poll

    @Test
    void pollIsFalseWhenNothingIsThere() throws Exception {
        assertFalse(a.poll());
        assertFalse(b.poll());
        assertFalse(a.poll(Duration.ZERO));
    }

    @Test
    void pollDoesNotConsume() {
        within(() -> {
            a.send("msg");
            assertTrue(b.poll(Duration.ofSeconds(10)));
            assertTrue(b.poll());
            assertTrue(b.poll(Duration.ZERO));
            assertEquals("msg", b.recv());
            assertFalse(b.poll());
            a.sendBytes(bytes("raw"));
            assertTrue(b.poll(Duration.ofSeconds(10)));
            assertTrue(b.poll());
            assertArrayEquals(bytes("raw"), b.recvBytes());
            assertFalse(b.poll());
        });
    }

    @Test
    void pollWithTimeoutWaitsForTheTimeout() {
        within(() -> {
            Duration timeout = Duration.ofMillis(300);
            long start = System.nanoTime();
            assertFalse(b.poll(timeout));
            TestThreads.assertWaitedAtLeast(timeout, start);
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed < Duration.ofSeconds(5).toNanos(), "poll(300ms) took " + Duration.ofNanos(elapsed));
        });
    }

    @Test
    void pollWithTimeoutReturnsWhenDataArrives() {
        within(() -> {
            Task<Void> sender = threads.run(() -> {
                Thread.sleep(200);
                a.send("late");
            });
            long start = System.nanoTime();
            assertTrue(b.poll(Duration.ofSeconds(15)));
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed < Duration.ofSeconds(10).toNanos(), "took " + Duration.ofNanos(elapsed));
            sender.join();
            assertEquals("late", b.recv());
        });
    }

    @Test
    void pollRejectsANegativeTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.poll(Duration.ofMillis(-1)));
        assertMentions(e, "negative");
        assertThrows(NullPointerException.class, () -> a.poll(null));
    }

    @Test
    void pollIsTrueAfterThePeerClosedThenRecvThrowsEof() {
        within(() -> {
            b.close();
            assertTrue(a.poll(Duration.ofSeconds(10)));
            assertTrue(a.poll());
            assertThrows(EOFException.class, a::recv);
            assertTrue(a.poll());
            assertThrows(EOFException.class, a::recvBytes);
            assertFalse(a.closed(), "the peer's close does not close this end");
        });
    }

    @Test
    void pollWithAHugeTimeoutIsAccepted() {
        within(() -> {
            a.send("x");
            assertTrue(b.poll(Duration.ofSeconds(Long.MAX_VALUE)));
            assertEquals("x", b.recv());
        });
    }

    @Test
    void pollOnAnInterruptedThreadStillSeesTheMessage() {
        within(() -> {
            a.send("there");
            assertTrue(b.poll(Duration.ofSeconds(10)));
            Thread.currentThread().interrupt();
            boolean polled;
            try {
                polled = b.poll();
            } finally {
                assertTrue(Thread.interrupted(), "poll() must keep the interrupt status");
            }
            assertTrue(polled, "poll() never waits, so an interrupt should not make it report no data");
        });
    }

    @Test
    void pollReturnsInTimeWhileAnotherThreadIsInRecv() {
        within(() -> {
            Task<Object> receiver = threads.call(b::recv);
            awaitBlocked(receiver.thread());
            Task<Boolean> timed = threads.call(() -> b.poll(Duration.ofMillis(200)));
            Task<Boolean> untimed = threads.call(b::poll);
            boolean timedEnded = timed.thread().join(Duration.ofSeconds(5));
            boolean untimedEnded = untimed.thread().join(Duration.ofSeconds(1));
            a.send("release");
            assertEquals("release", receiver.join());
            Boolean timedResult = timed.join();
            Boolean untimedResult = untimed.join();
            assertTrue(timedEnded, "poll(200ms) was still waiting after 5 s while another thread was in recv()");
            assertTrue(untimedEnded, "poll() (which never waits) was still waiting after 1 s while another "
                    + "thread was in recv()");
            assertFalse(timedResult);
            assertFalse(untimedResult);
        });
    }

    // ---------------------------------------------------------------- end of stream

    @Test
    void recvDrainsMessagesSentBeforeThePeerClosedThenThrowsEof() {
        within(() -> {
            b.send("one");
            b.sendBytes(bytes("two"));
            b.send(3);
            b.close();
            assertEquals("one", a.recv());
            assertArrayEquals(bytes("two"), a.recvBytes());
            assertTrue(a.poll());
            assertEquals(Integer.valueOf(3), a.recv());
            assertThrows(EOFException.class, a::recv);
            assertThrows(EOFException.class, a::recv);
            assertThrows(EOFException.class, a::recvBytes);
            assertThrows(EOFException.class, () -> a.recvBytes(100));
            assertThrows(EOFException.class, () -> a.recvBytesInto(new byte[10]));
        });
    }

    @Test
    void recvBlockedWhenThePeerClosesThrowsEof() {
        within(() -> {
            Task<Object> receiver = threads.call(a::recv);
            awaitBlocked(receiver.thread());
            b.close();
            receiver.joinThrows(EOFException.class);
        });
    }

    @Test
    void sendAfterThePeerClosedThrowsIOException() {
        within(() -> {
            b.close();
            // a socket may buffer a first write; a 16 MiB one cannot go through
            assertThrows(IOException.class, () -> a.sendBytes(new byte[BIG]));
        });
    }

    // ---------------------------------------------------------------- sendBytes slices

    @Test
    void sendBytesRejectsBadSlicesNamingTheValues() {
        within(() -> {
            byte[] buf = new byte[10];
            assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sendBytes(buf, -1, 2)), "-1");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sendBytes(buf, 11, 0)), "11", "10");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sendBytes(buf, 0, -3)), "-3");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sendBytes(buf, 4, 7)), "4", "7", "10");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sendBytes(buf, 0, 11)), "11", "10");
            assertMentions(assertThrows(IllegalArgumentException.class,
                    () -> a.sendBytes(buf, 5, Integer.MAX_VALUE)), "5", String.valueOf(Integer.MAX_VALUE));
            assertThrows(NullPointerException.class, () -> a.sendBytes(null));
            assertThrows(NullPointerException.class, () -> a.sendBytes(null, 0, 0));
            assertFalse(b.poll(Duration.ofMillis(100)), "a rejected sendBytes sent something");
            a.sendBytes(bytes("good"));
            assertArrayEquals(bytes("good"), b.recvBytes());
        });
    }

    @Test
    void sendBytesSendsJustTheSlice() {
        within(() -> {
            byte[] buf = bytes("abcdefghij");
            a.sendBytes(buf, 2, 3);
            a.sendBytes(buf, 0, 10);
            a.sendBytes(buf, 9, 1);
            a.sendBytes(buf, 0, 1);
            assertArrayEquals(bytes("cde"), b.recvBytes());
            assertArrayEquals(buf, b.recvBytes());
            assertArrayEquals(bytes("j"), b.recvBytes());
            assertArrayEquals(bytes("a"), b.recvBytes());
            assertFalse(b.poll());
        });
    }

    @Test
    void zeroLengthMessagesWork() {
        within(() -> {
            byte[] buf = bytes("abcdefghij");
            a.sendBytes(new byte[0]);
            a.sendBytes(buf, 10, 0);
            a.sendBytes(buf, 3, 0);
            a.sendBytes(bytes("after"));
            assertTrue(b.poll(Duration.ofSeconds(10)));
            assertArrayEquals(new byte[0], b.recvBytes());
            assertArrayEquals(new byte[0], b.recvBytes(0));
            assertEquals(0, b.recvBytesInto(buf, 10));
            assertArrayEquals(bytes("after"), b.recvBytes());
            assertFalse(b.poll());
        });
    }

    @Test
    void zeroLengthMessageAloneArrives() {
        within(() -> {
            a.sendBytes(new byte[0]);
            assertTrue(b.poll(Duration.ofSeconds(5)), "the empty message never arrived");
            assertArrayEquals(new byte[0], b.recvBytes());
        });
    }

    // ---------------------------------------------------------------- recvBytesInto

    @Test
    void recvBytesIntoFillsAtTheOffset() {
        within(() -> {
            byte[] buf = new byte[10];
            Arrays.fill(buf, (byte) '.');
            a.sendBytes(bytes("abc"));
            a.sendBytes(bytes("XY"));
            a.sendBytes(bytes("123"));
            a.sendBytes(bytes("0123456789"));
            assertEquals(3, b.recvBytesInto(buf, 4));
            assertArrayEquals(bytes("....abc..."), buf);
            assertEquals(2, b.recvBytesInto(buf));
            assertArrayEquals(bytes("XY..abc..."), buf);
            assertEquals(3, b.recvBytesInto(buf, 7)); // fits exactly at the end
            assertArrayEquals(bytes("XY..abc123"), buf);
            assertEquals(10, b.recvBytesInto(buf, 0));
            assertArrayEquals(bytes("0123456789"), buf);
        });
    }

    @Test
    void recvBytesIntoTooSmallThrowsBufferTooShortWithTheWholeMessage() {
        within(() -> {
            byte[] message = random(20, 1);
            a.sendBytes(message);
            a.sendBytes(bytes("next"));
            a.sendBytes(bytes("sixsix"));
            a.sendBytes(bytes("last"));
            byte[] buf = new byte[10];
            BufferTooShort e = assertThrows(BufferTooShort.class, () -> b.recvBytesInto(buf));
            assertInstanceOf(ProcessError.class, e);
            assertArrayEquals(message, e.message());
            assertNotNull(e.getMessage());
            // the connection is still usable
            assertEquals(4, b.recvBytesInto(buf));
            assertArrayEquals(bytes("next"), Arrays.copyOf(buf, 4));
            // too short because of the offset
            BufferTooShort e2 = assertThrows(BufferTooShort.class, () -> b.recvBytesInto(buf, 5));
            assertArrayEquals(bytes("sixsix"), e2.message());
            assertEquals(4, b.recvBytesInto(buf, 6));
            assertArrayEquals(bytes("last"), Arrays.copyOfRange(buf, 6, 10));
            assertFalse(b.poll());
        });
    }

    @Test
    void bufferTooShortMessageIsACopy() {
        within(() -> {
            a.sendBytes(bytes("toolong"));
            BufferTooShort e = assertThrows(BufferTooShort.class, () -> b.recvBytesInto(new byte[2]));
            e.message()[0] = 'X';
            assertArrayEquals(bytes("toolong"), e.message());
        });
    }

    @Test
    void recvBytesIntoRejectsBadOffsetsWithoutConsuming() {
        within(() -> {
            a.sendBytes(bytes("keep"));
            byte[] buf = new byte[10];
            assertMentions(assertThrows(IllegalArgumentException.class, () -> b.recvBytesInto(buf, -1)), "-1");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> b.recvBytesInto(buf, 11)), "11", "10");
            assertMentions(assertThrows(IllegalArgumentException.class,
                    () -> b.recvBytesInto(buf, Integer.MIN_VALUE)), String.valueOf(Integer.MIN_VALUE));
            assertThrows(NullPointerException.class, () -> b.recvBytesInto(null));
            assertThrows(NullPointerException.class, () -> b.recvBytesInto(null, 0));
            assertEquals(4, b.recvBytesInto(buf, 6));
            assertArrayEquals(bytes("keep"), Arrays.copyOfRange(buf, 6, 10));
        });
    }

    // ---------------------------------------------------------------- maxlength

    @Test
    void recvBytesAcceptsAMessageOfExactlyMaxlength() {
        within(() -> {
            a.sendBytes(bytes("12345"));
            a.sendBytes(bytes("123"));
            assertArrayEquals(bytes("12345"), b.recvBytes(5));
            assertArrayEquals(bytes("123"), b.recvBytes(1000));
        });
    }

    @Test
    void recvBytesLongerThanMaxlengthThrowsAndClosesTheConnection() {
        within(() -> {
            a.sendBytes(bytes("123456"));
            a.sendBytes(bytes("x"));
            IOException e = assertThrows(IOException.class, () -> b.recvBytes(5));
            assertMentions(e, "bad message length");
            assertTrue(b.closed());
            assertMentions(assertThrows(IllegalStateException.class, b::recvBytes), "handle is closed");
            assertMentions(assertThrows(IllegalStateException.class, () -> b.send("x")), "handle is closed");
            // the peer sees the end: EOF, or, as in CPython (ConnectionResetError), a reset because
            // the closed end had unread data ("x")
            assertThrows(IOException.class, a::recv);
        });
    }

    @Test
    void recvBytesRejectsANegativeMaxlengthWithoutConsuming() {
        within(() -> {
            a.sendBytes(bytes("kept"));
            assertMentions(assertThrows(IllegalArgumentException.class, () -> b.recvBytes(-1)), "-1");
            assertFalse(b.closed());
            assertArrayEquals(bytes("kept"), b.recvBytes(4));
        });
    }

    // ---------------------------------------------------------------- serialization failures

    @Test
    void sendingANonSerializableObjectSendsNothing() {
        within(() -> {
            Thread thread = new Thread(() -> { });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.send(thread));
            assertMentions(e, "java.lang.Thread");

            List<Object> list = new ArrayList<>(List.of("fine", 1));
            list.add(new Object());
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> a.send(list));
            assertMentions(e2, "java.util.ArrayList", "java.lang.Object");

            IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                    () -> a.send(new NotSendable(1)));
            assertMentions(e3, NotSendable.class.getName());

            assertFalse(b.poll(Duration.ofMillis(100)), "a failed send sent something");
            a.send("good");
            assertEquals("good", b.recv());
            assertFalse(b.poll());
        });
    }

    @Test
    void recvOfBytesThatAreNotAnObjectThrowsAndStaysUsable() {
        within(() -> {
            a.sendBytes(bytes("this is not a serialized java object"));
            a.send("fine");
            IOException e = assertThrows(IOException.class, b::recv);
            assertFalse(e instanceof EOFException, "garbage is not the end of the stream: " + e);
            assertFalse(b.closed());
            assertEquals("fine", b.recv());
            // a valid stream header followed by garbage
            byte[] header = java.util.Arrays.copyOf(org.pyconcurrent.internal.ipc.Serialization.toBytes(new int[] {1}), 4);
            byte[] bad = Arrays.copyOf(header, 40);
            Arrays.fill(bad, 4, 40, (byte) 0x7f);
            a.sendBytes(bad);
            a.send(7);
            assertThrows(IOException.class, b::recv);
            assertEquals(Integer.valueOf(7), b.recv());
        });
    }

    @Test
    void recvOfAShortGarbageMessageIsNotEof() {
        within(() -> {
            a.sendBytes(bytes("ab"));
            a.send("fine");
            IOException e = assertThrows(IOException.class, b::recv);
            assertFalse(e instanceof EOFException, "garbage is not the end of the stream: " + e);
            assertEquals("fine", b.recv());
        });
    }

    // ---------------------------------------------------------------- close

    @Test
    void everyOperationAfterCloseThrowsHandleIsClosed() {
        within(() -> {
            assertFalse(a.closed());
            a.close();
            assertTrue(a.closed());
            a.close(); // twice is fine
            assertTrue(a.closed());
            byte[] buf = new byte[4];
            List<Executable> ops = List.of(
                    () -> a.send("x"),
                    () -> a.send(null),
                    () -> a.sendBytes(buf),
                    () -> a.sendBytes(buf, 1, 2),
                    a::recv,
                    a::recvBytes,
                    () -> a.recvBytes(10),
                    () -> a.recvBytesInto(buf),
                    () -> a.recvBytesInto(buf, 1),
                    a::poll,
                    () -> a.poll(Duration.ZERO),
                    () -> a.poll(Duration.ofSeconds(1)));
            for (Executable op : ops) {
                assertMentions(assertThrows(IllegalStateException.class, op), "handle is closed");
            }
            // readable/writable stay what they were, as in Python
            assertTrue(a.readable());
            assertTrue(a.writable());
            assertThrows(EOFException.class, b::recv);
        });
    }

    @Test
    void closeWakesAThreadBlockedInRecv() {
        within(() -> {
            Task<Object> receiver = threads.call(a::recv);
            awaitBlocked(receiver.thread());
            long start = System.nanoTime();
            a.close();
            receiver.joinThrows(IllegalStateException.class);
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed < Duration.ofSeconds(5).toNanos(), "woke after " + Duration.ofNanos(elapsed));
        });
    }

    @Test
    void closeWakesEveryThreadWaitingToReceive() {
        within(() -> {
            Task<Object> first = threads.call(a::recv);
            awaitBlocked(first.thread());
            Task<Object> second = threads.call(a::recvBytes);
            Task<Boolean> poller = threads.call(() -> a.poll(Duration.ofSeconds(60)));
            second.awaitParked(); // on the read lock
            poller.awaitParked();
            a.close();
            first.joinThrows(IllegalStateException.class);
            second.joinThrows(IllegalStateException.class);
            poller.joinThrows(IllegalStateException.class);
        });
    }

    @Test
    void closeWakesAThreadBlockedInPollWithTimeout() {
        within(() -> {
            Task<Boolean> poller = threads.call(() -> a.poll(Duration.ofSeconds(60)));
            awaitBlocked(poller.thread());
            a.close();
            poller.joinThrows(IllegalStateException.class);
        });
    }

    @Test
    void closeWakesAThreadBlockedInSend() {
        within(() -> {
            Task<Void> sender = threads.run(() -> a.sendBytes(new byte[BIG]));
            awaitBlocked(sender.thread());
            a.close();
            sender.joinThrows(IllegalStateException.class);
        });
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void interruptedRecvThrowsAndTheConnectionStillWorks() {
        within(() -> {
            Task<Object> receiver = threads.call(b::recv);
            awaitBlocked(receiver.thread());
            receiver.interrupt();
            receiver.joinThrows(InterruptedException.class);
            assertFalse(b.closed());
            a.send("after");
            assertEquals("after", b.recv());
            b.send("back");
            assertEquals("back", a.recv());
        });
    }

    @Test
    void recvOnAnInterruptedThreadThrowsWithoutConsuming() {
        within(() -> {
            a.send("kept");
            assertTrue(b.poll(Duration.ofSeconds(10)));
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedException.class, b::recv);
            } finally {
                Thread.interrupted();
            }
            assertEquals("kept", b.recv());
        });
    }

    @Test
    void interruptedPollWithTimeoutThrows() {
        within(() -> {
            Task<Boolean> poller = threads.call(() -> b.poll(Duration.ofSeconds(60)));
            awaitBlocked(poller.thread());
            long start = System.nanoTime();
            poller.interrupt();
            poller.joinThrows(InterruptedException.class);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            a.send("still works");
            assertTrue(b.poll(Duration.ofSeconds(10)));
            assertEquals("still works", b.recv());
        });
    }

    @Test
    void interruptedSendResumesBeforeTheNextMessage() {
        within(() -> {
            byte[] data = random(BIG, 5);
            Task<Void> sender = threads.run(() -> a.sendBytes(data));
            awaitBlocked(sender.thread());
            sender.interrupt();
            sender.joinThrows(InterruptedException.class);
            Task<byte[]> receiver = threads.call(b::recvBytes);
            a.send("next"); // sends the rest of the interrupted message first, as documented
            assertArrayEquals(data, receiver.join());
            assertEquals("next", b.recv());
        });
    }

    // ---------------------------------------------------------------- sharing between threads

    @Test
    void concurrentSendersNeverInterleave() {
        within(() -> {
            int senders = 4;
            int each = 1000;
            List<Task<Void>> tasks = threads.runMany(senders, t -> {
                for (int i = 0; i < each; i++) {
                    if (i % 2 == 0) {
                        a.send(new int[] {t, i});
                    } else {
                        // a byte message of varying size filled with the thread and index
                        byte[] m = new byte[1 + (i * 37 + t * 101) % 3000];
                        Arrays.fill(m, (byte) t);
                        m[0] = (byte) t;
                        a.sendBytes(m);
                    }
                }
            });
            int[] next = new int[senders];
            for (int n = 0; n < senders * each; n++) {
                byte[] raw = b.recvBytes();
                int t;
                int i;
                if (raw.length > 2 && raw[0] == (byte) 0xAC && raw[1] == (byte) 0xED) {
                    int[] pair = (int[]) org.pyconcurrent.internal.ipc.Serialization.fromBytes(raw);
                    t = pair[0];
                    i = pair[1];
                    assertEquals(0, i % 2);
                } else {
                    t = raw[0];
                    assertTrue(t >= 0 && t < senders, "bad thread id " + t);
                    i = next[t];
                    assertEquals(1, i % 2, "thread " + t + ": a byte message where an object was expected");
                    assertEquals(1 + (i * 37 + t * 101) % 3000, raw.length, "thread " + t + " message " + i);
                    for (byte x : raw) {
                        assertEquals((byte) t, x, "interleaved bytes in thread " + t + " message " + i);
                    }
                }
                assertEquals(next[t], i, "thread " + t + " out of order");
                next[t]++;
            }
            TestThreads.joinAll(tasks);
            for (int t = 0; t < senders; t++) {
                assertEquals(each, next[t]);
            }
            assertFalse(b.poll());
        });
    }

    @Test
    void concurrentReceiversEachGetWholeMessages() {
        within(() -> {
            int receivers = 4;
            int total = 4000;
            List<Set<Integer>> got = new ArrayList<>();
            for (int r = 0; r < receivers; r++) {
                got.add(new HashSet<>());
            }
            List<Task<Void>> tasks = threads.runMany(receivers, r -> {
                for (;;) {
                    Object o = b.recv();
                    if (o == null) {
                        return;
                    }
                    got.get(r).add((Integer) o);
                }
            });
            for (int i = 0; i < total; i++) {
                a.send(i);
            }
            for (int r = 0; r < receivers; r++) {
                a.send(null);
            }
            TestThreads.joinAll(tasks);
            Set<Integer> all = new HashSet<>();
            int count = 0;
            for (Set<Integer> s : got) {
                all.addAll(s);
                count += s.size();
            }
            assertEquals(total, count);
            assertEquals(total, all.size());
        });
    }

    @Test
    void toStringShowsTheState() {
        assertTrue(a.toString().contains("duplex"), a.toString());
        Pipe simplex = pipe(false);
        assertTrue(simplex.conn1().toString().contains("receive"), simplex.conn1().toString());
        assertTrue(simplex.conn2().toString().contains("send"), simplex.conn2().toString());
        a.close();
        assertTrue(a.toString().contains("closed"), a.toString());
    }
}
