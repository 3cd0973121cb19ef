package org.pyconcurrent.threading;

import org.junit.jupiter.api.AfterEach;

/**
 * Base of every test here: {@link #threads} starts the test's background threads, and after each
 * test they are checked to have ended (see {@link TestThreads#close()}). Also clears an interrupt
 * that a test may have left on the JUnit thread.
 */
public abstract class ThreadedTest {
    /** Starts background threads that are cleaned up after the test. */
    protected final TestThreads threads = new TestThreads();

    @AfterEach
    public void stopThreads() throws InterruptedException {
        boolean leftInterrupted = Thread.interrupted();
        threads.close();
        if (leftInterrupted) {
            throw new AssertionError("the test left the JUnit thread interrupted");
        }
    }
}
