package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZI_Result;
import org.pyconcurrent.threading.Event;

/**
 * {@link Event#set()} publishes: actor 1 writes a plain field, then sets the event; actor 2 asks
 * {@code isSet()} and, only if it is, reads the field. Seeing the event set but the old value
 * would break "actions before {@code set()} happen-before actions after an {@code isSet()} that
 * observes it".
 */
@JCStressTest
@Outcome(id = "false, -1", expect = ACCEPTABLE, desc = "Not set yet; the field was not read.")
@Outcome(id = "true, 42", expect = ACCEPTABLE, desc = "Set, and the write before set() is visible.")
@Outcome(id = "true, 0", expect = FORBIDDEN, desc = "Set, but the write before set() is not visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else.")
@State
public class EventPublication {
    private final Event event = new Event();
    private int data;

    @Actor
    public void writer() {
        data = 42;
        event.set();
    }

    @Actor
    public void reader(ZI_Result r) {
        if (event.isSet()) {
            r.r1 = true;
            r.r2 = data;
        } else {
            r.r1 = false;
            r.r2 = -1;
        }
    }
}
