package org.pyconcurrent.threading;

/**
 * The scope of Python's {@code with x:} block: returned by {@link Acquirable#with()} once the
 * acquire succeeded; {@link #close()} releases. Meant for try-with-resources in the thread that
 * acquired; closing it again does nothing.
 */
public final class Held implements AutoCloseable {
    private final Acquirable acquired;
    private boolean released;

    Held(Acquirable acquired) {
        this.acquired = acquired;
    }

    /** Releases what was acquired, once; later calls do nothing. */
    @Override
    public void close() {
        if (!released) {
            released = true;
            acquired.release();
        }
    }
}
