package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Condition;

/**
 * {@link Condition#signal(int) signal(1)} wakes a waiter (Python: {@code notify(1)}): its loop
 * asks whether anyone waits before each signal, and must not miss a thread that is waiting.
 *
 * <p>The actor holds the lock and calls {@code await()} with no predicate, so only a signal can
 * release it. The signal first waits until the actor's thread is parked inside {@code await()}
 * (thread state {@code WAITING}; the signal does not hold the lock meanwhile, so the actor cannot
 * be parked on the lock itself), then takes the lock and calls {@code signal(1)}.
 * {@link ConditionSignalOneWakesOne} checks the other half: one signal, not two wake-ups.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "signal(1) woke the parked waiter.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: signal(1) saw no waiter, or woke none.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: await() returned without a signal, or something threw.")
@State
public class ConditionSignalNWakeUp {
    private final Condition condition = new Condition();
    private volatile Thread waiter;
    private volatile boolean returned;
    private volatile boolean signalled;

    @Actor
    @SuppressWarnings("try") // the handle from with() only scopes the lock
    public void actor() {
        waiter = Thread.currentThread();
        try (var held = condition.with()) {
            condition.await();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
            return;
        } finally {
            returned = true;
        }
        if (!signalled) {
            throw new IllegalStateException("await() returned without a signal");
        }
    }

    @Signal
    @SuppressWarnings("try") // the handle from with() only scopes the lock
    public void signal() throws InterruptedException {
        while (!returned && !parked(waiter)) {
            Thread.onSpinWait();
        }
        try (var held = condition.with()) {
            signalled = true;
            condition.signal(1);
        }
    }

    private static boolean parked(Thread thread) {
        return thread != null && thread.getState() == Thread.State.WAITING;
    }
}
