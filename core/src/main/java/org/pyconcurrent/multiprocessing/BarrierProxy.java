package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.threading.BrokenBarrierError;

/**
 * CPython's {@code BarrierProxy}, from {@link SyncManager#barrier}: a {@code threading.Barrier}
 * held in a manager; its action, if any, runs in the manager's process.
 */
public final class BarrierProxy extends BaseProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    BarrierProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.BARRIER;
    }

    /**
     * Python's {@code wait()}.
     *
     * @return this party's arrival index, from {@code parties - 1} down to 0
     * @throws BrokenBarrierError if the barrier is or becomes broken
     * @throws InterruptedException if interrupted while waiting (the barrier breaks)
     */
    public int await() throws InterruptedException {
        return (Integer) callWaiting("await");
    }

    /**
     * Python's {@code wait(timeout)}.
     *
     * @param timeout the longest wait
     * @return this party's arrival index
     * @throws BrokenBarrierError if the barrier is or becomes broken, or the time runs out
     * @throws InterruptedException if interrupted while waiting (the barrier breaks)
     */
    public int await(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        return (Integer) callWaiting("await", timeout);
    }

    /** Python's {@code reset()}. */
    public void reset() {
        call("reset");
    }

    /** Python's {@code abort()}. */
    public void abort() {
        call("abort");
    }

    /**
     * Python's {@code parties}.
     *
     * @return the number of parties
     */
    public int parties() {
        return (Integer) call("parties");
    }

    /**
     * Python's {@code n_waiting}.
     *
     * @return the parties waiting now
     */
    public int nWaiting() {
        return (Integer) call("nWaiting");
    }

    /**
     * Python's {@code broken}.
     *
     * @return whether the barrier is broken
     */
    public boolean broken() {
        return (Boolean) call("broken");
    }
}
