package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.threading.Acquirable;

/**
 * CPython's {@code AcquirerProxy}, from {@link SyncManager#lock()} and
 * {@link SyncManager#rLock()}: a {@code threading} lock held in a manager. The owner of an
 * {@code RLock} is the client thread (each client thread has its own thread in the server). An
 * acquire that waits can be interrupted: the wait in the server ends, and nothing is acquired.
 *
 * <p>A lock held by a process that dies stays held, as in CPython; a {@link Lock} in shared
 * memory is taken back instead.
 */
public class AcquirerProxy extends BaseProxy implements Acquirable {
    @Serial
    private static final long serialVersionUID = 1L;

    AcquirerProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.ACQUIRER;
    }

    @Override
    public void acquire() throws InterruptedException {
        callWaiting("acquire");
    }

    @Override
    public boolean acquire(boolean blocking) throws InterruptedException {
        if (!blocking) {
            return (Boolean) call("acquire", false);
        }
        return (Boolean) callWaiting("acquire", true);
    }

    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);  // a negative timeout fails here, before any round trip
        return (Boolean) callWaiting("acquire", timeout);
    }

    @Override
    public void release() {
        call("release");
    }

    /**
     * Python's {@code locked()}, of a {@code Lock} or {@code RLock} (a semaphore has none).
     *
     * @return whether it is held by anyone
     * @throws RemoteError if the shared object is a semaphore
     */
    public boolean locked() {
        return (Boolean) call("locked");
    }
}
