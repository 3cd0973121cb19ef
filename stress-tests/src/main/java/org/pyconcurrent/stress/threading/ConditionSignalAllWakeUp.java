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
 * No lost wake-up in {@link Condition#awaitFor} woken by {@code signalAll()}, on a default
 * {@code Condition()} (RLock underneath): the actor waits for a flag, the signal sets it and calls
 * {@code signalAll()} under the lock.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "signalAll() woke the waiter, or the flag was up before it waited.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: awaitFor() stayed blocked with the flag up.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the actor or the signal threw.")
@State
public class ConditionSignalAllWakeUp {
    private final Condition condition = new Condition();
    private boolean ready;

    @Actor
    @SuppressWarnings("try") // the handle from with() only scopes the lock
    public void actor() {
        try (var held = condition.with()) {
            condition.awaitFor(() -> ready);
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    @SuppressWarnings("try") // the handle from with() only scopes the lock
    public void signal() throws InterruptedException {
        try (var held = condition.with()) {
            ready = true;
            condition.signalAll();
        }
    }
}
