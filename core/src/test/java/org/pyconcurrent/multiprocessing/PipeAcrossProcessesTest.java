package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Connection}s handed to child processes: Python's {@code Process(target=f, args=(conn,))}. */
class PipeAcrossProcessesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<Process> started = new ArrayList<>();

    private Process start(org.pyconcurrent.function.SerializableRunnable target) {
        Process p = new Process(target);
        started.add(p);
        p.start();
        return p;
    }

    @AfterEach
    void stopChildren() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.kill();
            }
            p.join(PATIENCE);
        }
    }

    static void echo(Connection c, int n) {
        try {
            for (int i = 0; i < n; i++) {
                c.send(c.recv());
            }
            c.close();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void pingPongWithAChild() throws Exception {
        Pipe pipe = Pipe.create();
        Connection parentEnd = pipe.conn1();
        Connection childEnd = pipe.conn2();
        int n = Integer.getInteger("pingpongs", 2_000);
        Process p = start(() -> echo(childEnd, n));
        childEnd.close();  // as Python programs do; the child has its own
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            parentEnd.send(i);
            assertEquals(Integer.valueOf(i), parentEnd.recv());
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.println("round trips/s " + n / s);
        assertThrows(EOFException.class, parentEnd::recv, "the child closed its end");
        p.join(PATIENCE);
        assertEquals(0, p.exitcode());
    }

    @Test
    void whatWasSentBeforeTheHandOffArrivesFirst() throws Exception {
        Pipe pipe = Pipe.create();
        pipe.conn1().send("early");
        pipe.conn1().sendBytes(new byte[100_000]);
        Connection childEnd = pipe.conn2();
        Process p = start(() -> {
            try {
                String first = childEnd.recv();
                byte[] big = childEnd.recvBytes();
                childEnd.send(first + " " + big.length);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("early 100000", pipe.conn1().recv());
        p.join(PATIENCE);
        assertEquals(0, p.exitcode());
    }

    @Test
    void theParentsCopyIsNoLongerUsable() throws Exception {
        Pipe pipe = Pipe.create();
        Connection childEnd = pipe.conn2();
        Process p = start(() -> echo(childEnd, 1));
        assertThrows(IllegalStateException.class, () -> childEnd.send("x"));
        pipe.conn1().send("x");
        assertEquals("x", pipe.conn1().recv());
        p.join(PATIENCE);
    }

    @Test
    void aChildThatDiesBeforeReadingEndsTheStream() throws Exception {
        Pipe pipe = Pipe.create();
        Connection childEnd = pipe.conn2();
        Process p = start(() -> {
            if (!childEnd.closed()) {  // the child holds its end, and dies without a word
                Runtime.getRuntime().halt(3);
            }
        });
        p.join(PATIENCE);
        assertTrue(pipe.conn1().poll(Duration.ofSeconds(5)), "the end of the stream is readable");
        assertThrows(EOFException.class, pipe.conn1()::recv);
    }

    @Test
    void simplexEndsKeepTheirDirection() throws Exception {
        Pipe pipe = Pipe.create(false);
        Connection sender = pipe.conn2();
        Process p = start(() -> {
            try {
                sender.send("from the child");
                sender.recv();
            } catch (IllegalStateException expected) {
                System.exit(7);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("from the child", pipe.conn1().recv());
        p.join(PATIENCE);
        assertEquals(7, p.exitcode(), "recv on a send-only end fails in the child too");
    }

    @Test
    void twoEndsToTwoChildrenAreRelayed() throws Exception {
        Pipe pipe = Pipe.create();
        Connection a = pipe.conn1();
        Connection b = pipe.conn2();
        Process one = start(() -> {
            try {
                a.send("hello from one");
                a.send(a.recv() + "!");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Queue<String> out = new Queue<>();
        Process two = start(() -> {
            try {
                String m = b.recv();
                b.send("hi " + m);
                out.put(b.recv());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("hi hello from one!", out.get(PATIENCE));
        one.join(PATIENCE);
        two.join(PATIENCE);
        assertEquals(0, one.exitcode());
        assertEquals(0, two.exitcode());
    }

    @Test
    void aChildKilledWhileSendingEndsTheStreamWithAnError() throws Exception {
        Pipe pipe = Pipe.create();
        Connection childEnd = pipe.conn2();
        Process p = start(() -> {
            try {
                byte[] chunk = new byte[1 << 20];
                for (;;) {
                    childEnd.sendBytes(chunk);  // until killed, mid-message or between messages
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Connection mine = pipe.conn1();
        assertEquals(1 << 20, mine.recvBytes().length, "the child sends");
        p.kill();
        p.join(PATIENCE);
        java.util.concurrent.Future<Exception> end = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> {
                    try {
                        for (;;) {
                            mine.recvBytes();
                        }
                    } catch (Exception e) {
                        return e;
                    }
                });
        Exception e = end.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(e instanceof EOFException, "the reader gets the end of the stream, not a hang: " + e);
    }

    @Test
    void aConnectionSentThroughAQueueWorksInTheReceivingProcess() throws Exception {
        Pipe pipe = Pipe.create();
        Queue<Connection> handOver = new Queue<>();
        Process p = start(() -> {
            try {
                Connection c = handOver.get();
                c.send("got it");
                c.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        handOver.put(pipe.conn2());
        assertEquals("got it", pipe.conn1().recv());
        p.join(PATIENCE);
        assertEquals(0, p.exitcode());
    }
}
