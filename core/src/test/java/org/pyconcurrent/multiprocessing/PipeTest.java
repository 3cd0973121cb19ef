package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.threading.ThreadedTest;

/** {@link Pipe}: creation, duplex and simplex ends, closing both, nothing left on disk. */
class PipeTest extends ThreadedTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static int leftoverDirs() {
        File tmp = new File(System.getProperty("java.io.tmpdir"));
        String[] names = tmp.list((dir, name) -> name.startsWith("pyc-"));
        return names == null ? 0 : names.length;
    }

    @Test
    void createIsDuplexByDefault() {
        try (Pipe pipe = Pipe.create()) {
            assertNotSame(pipe.conn1(), pipe.conn2());
            assertTrue(pipe.conn1().readable());
            assertTrue(pipe.conn1().writable());
            assertTrue(pipe.conn2().readable());
            assertTrue(pipe.conn2().writable());
        }
        try (Pipe pipe = Pipe.create(true)) {
            assertTrue(pipe.conn1().writable());
            assertTrue(pipe.conn2().readable());
        }
    }

    @Test
    void simplexPipeConn1ReceivesConn2Sends() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Pipe pipe = Pipe.create(false)) {
                assertTrue(pipe.conn1().readable());
                assertFalse(pipe.conn1().writable());
                assertFalse(pipe.conn2().readable());
                assertTrue(pipe.conn2().writable());
                pipe.conn2().send("down");
                assertEquals("down", pipe.conn1().recv());
            }
        });
    }

    @Test
    void closeClosesBothEnds() {
        Pipe pipe = Pipe.create();
        pipe.close();
        assertTrue(pipe.conn1().closed());
        assertTrue(pipe.conn2().closed());
        pipe.close(); // twice is fine
        assertThrows(IllegalStateException.class, () -> pipe.conn1().send("x"));
        assertThrows(IllegalStateException.class, () -> pipe.conn2().recv());
    }

    @Test
    void tryWithResourcesClosesBothEnds() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Pipe escaped;
            try (Pipe pipe = Pipe.create()) {
                escaped = pipe;
                pipe.conn1().send(1);
                assertEquals(Integer.valueOf(1), pipe.conn2().recv());
            }
            assertTrue(escaped.conn1().closed());
            assertTrue(escaped.conn2().closed());
        });
    }

    @Test
    void closingOneEndLetsTheOtherSeeTheEnd() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Pipe pipe = Pipe.create()) {
                pipe.conn1().close();
                assertFalse(pipe.conn2().closed());
                assertThrows(EOFException.class, pipe.conn2()::recv);
            }
        });
    }

    @Test
    void pipesAreIndependent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Pipe one = Pipe.create(); Pipe two = Pipe.create()) {
                one.conn1().send("one");
                two.conn1().send("two");
                assertEquals("two", two.conn2().recv());
                assertEquals("one", one.conn2().recv());
                assertFalse(one.conn2().poll());
                assertFalse(two.conn2().poll());
            }
        });
    }

    @Test
    void noTemporaryDirectoryIsLeftBehind() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = leftoverDirs();
            List<Pipe> pipes = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    pipes.add(Pipe.create(i % 2 == 0));
                }
                // they work while open, with no directory left behind
                Pipe last = pipes.get(pipes.size() - 1);
                last.conn2().send("ok");
                assertEquals("ok", last.conn1().recv());
                assertTrue(leftoverDirs() <= before, "pyc-* directories grew while pipes were open: "
                        + before + " -> " + leftoverDirs());
            } finally {
                for (Pipe pipe : pipes) {
                    pipe.close();
                }
            }
            int after = leftoverDirs();
            assertTrue(after <= before, "pyc-* directories in java.io.tmpdir grew: " + before + " -> " + after);
        });
    }
}
