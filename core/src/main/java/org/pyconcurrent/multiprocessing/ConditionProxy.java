package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.pyconcurrent.internal.Timeouts;

/**
 * CPython's {@code ConditionProxy}, from {@link SyncManager#condition()}: a
 * {@code threading.Condition} over an {@code RLock}, held in a manager. Waiting, signalling and
 * releasing need the lock held by the calling thread, as in-process. {@code awaitFor} runs its
 * predicate here, between waits in the server, as CPython's does.
 */
public final class ConditionProxy extends AcquirerProxy {
    @Serial
    private static final long serialVersionUID = 1L;

    ConditionProxy(Token token) {
        super(token);
    }

    @Override
    ProxyForm.Kind kind() {
        return ProxyForm.Kind.CONDITION;
    }

    /**
     * Python's {@code wait()}.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting (the lock is held again)
     */
    public void await() throws InterruptedException {
        callWaiting("await");
    }

    /**
     * Python's {@code wait(timeout)}.
     *
     * @param timeout the longest wait
     * @return false if the time ran out
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     * @throws InterruptedException if interrupted while waiting (the lock is held again)
     */
    public boolean await(Duration timeout) throws InterruptedException {
        Timeouts.toNanos(timeout);
        return (Boolean) callWaiting("await", timeout);
    }

    /**
     * Python's {@code wait_for(predicate)}.
     *
     * @param predicate checked here with the lock held
     * @return the predicate's last value (true)
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock (even if
     *     the predicate is already true, as in-process)
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitFor(BooleanSupplier predicate) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        call("requireOwned", "awaitFor");
        boolean result = predicate.getAsBoolean();
        while (!result) {
            await();
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}.
     *
     * @param predicate checked here with the lock held
     * @param timeout the longest wait in all
     * @return the predicate's last value
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock (even if
     *     the predicate is already true, as in-process)
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        long nanos = Timeouts.toNanos(timeout);
        call("requireOwned", "awaitFor");
        long deadline = System.nanoTime() + nanos;
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            await(Duration.ofNanos(left));
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Python's {@code notify()}.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal() {
        call("signal");
    }

    /**
     * Python's {@code notify(n)}.
     *
     * @param n how many waiters to wake at most
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signal(int n) {
        call("signal", n);
    }

    /**
     * Python's {@code notify_all()}.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void signalAll() {
        call("signalAll");
    }
}
