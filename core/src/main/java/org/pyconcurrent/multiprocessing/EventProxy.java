package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;

/**
 * CPython's {@code EventProxy}, from {@link SyncManager#event()}: a {@code threading.Event} held
 * in a manager.
 */
public final class EventProxy extends BaseProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    EventProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.EVENT;
    }

    /**
     * Python's {@code is_set()}.
     *
     * @return whether the flag is set
     */
    public boolean isSet() {
        return (Boolean) call("isSet");
    }

    /** Python's {@code set()}: wakes every waiter. */
    public void set() {
        call("set");
    }

    /** Python's {@code clear()}. */
    public void clear() {
        call("clear");
    }

    /**
     * Python's {@code wait()}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        callWaiting("await");
    }

    /**
     * Python's {@code wait(timeout)}.
     *
     * @param timeout the longest wait
     * @return whether the flag is set
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        return (Boolean) callWaiting("await", timeout);
    }
}
