package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Event;

/**
 * A {@code set()} immediately followed by {@code clear()} still releases a thread waiting in
 * {@link Event#await()}, as in CPython: the waiter wakes because a set happened while it waited,
 * even though it will most likely find the flag down again.
 *
 * <p>The wake-up is owed only to a thread that was already waiting, so the signal first waits
 * until the actor's thread is parked inside {@code await()} (its state is {@code WAITING}: it has
 * read the event's generation and registered as parked), then calls {@code set(); clear()}. This
 * races the set's check for parked waiters and its {@code signalAll} against the clear. The spin
 * phase of {@code await} is raced by {@link EventSetWakeUp}.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "set(); clear() woke the parked waiter.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: the waiter missed a set() that a clear() followed at once.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: await() returned before any set(), or something threw.")
@State
public class EventSetClearWakeUp {
    private final Event event = new Event();
    private volatile Thread waiter;
    private volatile boolean returned;
    private volatile boolean setCalled;

    @Actor
    public void actor() {
        waiter = Thread.currentThread();
        try {
            event.await();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
            return;
        } finally {
            returned = true;
        }
        if (!setCalled) {
            throw new IllegalStateException("await() returned on an event that was never set");
        }
    }

    @Signal
    public void signal() {
        while (!returned && !parked(waiter)) {
            Thread.onSpinWait();
        }
        setCalled = true;
        event.set();
        event.clear();
    }

    private static boolean parked(Thread thread) {
        return thread != null && thread.getState() == Thread.State.WAITING;
    }
}
