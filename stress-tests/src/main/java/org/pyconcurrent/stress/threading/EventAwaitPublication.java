package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.pyconcurrent.threading.Event;

/**
 * {@link Event#await()} publishes: actor 1 writes a plain field, then sets the event; actor 2
 * waits for the event, then reads the field. Whichever way {@code await} returns (flag already
 * up, during its spin, or after parking) the write must be visible.
 */
@JCStressTest
@Outcome(id = "42", expect = ACCEPTABLE, desc = "await() returned and the write before set() is visible.")
@Outcome(id = "0", expect = FORBIDDEN, desc = "await() returned but the write before set() is not visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (-1: the waiter was interrupted).")
@State
public class EventAwaitPublication {
    private final Event event = new Event();
    private int data;

    @Actor
    public void writer() {
        data = 42;
        event.set();
    }

    @Actor
    public void reader(I_Result r) {
        try {
            event.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            return;
        }
        r.r1 = data;
    }
}
