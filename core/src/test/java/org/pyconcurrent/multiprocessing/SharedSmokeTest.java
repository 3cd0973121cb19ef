package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedSmokeTest {
    @Test
    void lockAcrossProcesses() throws Exception {
        Lock lock = new Lock();
        Event started = new Event();
        Semaphore done = new Semaphore(0);
        lock.acquire();
        Process p = new Process(() -> {
            try {
                started.set();
                lock.acquire();  // blocks until the parent releases
                done.release();
                lock.release();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        p.start();
        assertTrue(started.await(Duration.ofSeconds(20)));
        Thread.sleep(300);
        assertEquals(0, done.getValue());
        long t = System.nanoTime();
        lock.release();
        assertTrue(done.acquire(Duration.ofSeconds(10)));
        System.out.println("handoff ms " + (System.nanoTime() - t) / 1e6);
        p.join();
        assertEquals(0, p.exitcode());
        assertTrue(lock.acquire(false));
    }
}
