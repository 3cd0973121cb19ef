package org.pyconcurrent.internal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Segment}s in arena files: many small segments share a file, and dropped ones are reused. */
class SegmentTest {

    private static long files() throws Exception {
        try (Stream<java.nio.file.Path> list = Files.list(SharedFiles.directory())) {
            return list.filter(p -> p.getFileName().toString().startsWith("seg-")).count();
        }
    }

    @Test
    void thousandsOfSmallSegmentsShareAFewFiles() throws Exception {
        long before = files();
        List<Segment> kept = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            kept.add(Segment.create(16));
        }
        assertTrue(files() - before <= 2, "20,000 16-byte segments in at most two 1 MiB files, got "
                + (files() - before) + " new files");
        Segment a = kept.get(0);
        Segment b = kept.get(1);
        a.set(8, 42L);
        assertEquals(0L, b.get(0), "segments do not overlap");
        assertEquals(0L, b.get(8));
        assertEquals(42L, a.get(8));
    }

    @Test
    void droppedSegmentsAreReusedZeroed() throws Exception {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 50_000; i++) {
                Segment s = Segment.create(24);
                s.set(16, -1L);
            }
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(files() <= 12, "250,000 dropped segments reuse their blocks, got " + files() + " files");
        for (int i = 0; i < 1_000; i++) {
            Segment s = Segment.create(24);
            assertEquals(0L, s.get(0) | s.get(8) | s.get(16), "a reused block is zero");
        }
    }

    @Test
    void largeSegmentsHaveAFileEach() {
        Segment big = Segment.create(100_000);
        assertTrue(big.size() >= 100_000);
        big.set(99_992, 7L);
        assertEquals(7L, big.get(99_992));
        assertThrows(IndexOutOfBoundsException.class, () -> big.get(big.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> big.get(3), "unaligned");
    }

    @Test
    void aHandleOpensTheSameSegmentInThisProcess() {
        Segment s = Segment.create(16);
        Segment.Handle h = s.handle();
        assertSame(s, Segment.open(h));
        assertNotEquals(0, h.fileSize());
        assertThrows(IllegalArgumentException.class, () -> Segment.create(0));
    }
}
