package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZII_Result;
import org.pyconcurrent.multiprocessing.Event;
import org.pyconcurrent.multiprocessing.Value;

/**
 * The multiprocessing {@link Event#set()} publishes what was written before it: actor 1 sets a
 * shared {@link Value.Int} (a raw one: no lock is involved) and writes a plain field, then sets
 * the event; actor 2 asks {@code isSet()} and, only if it is, reads the value and the field.
 * Seeing the event set but an old value breaks the Event's promise (actions before {@code set()}
 * happen-before actions after a check that observes it, for data in shared memory); seeing it set
 * but the old plain field breaks the promise of {@link org.pyconcurrent.threading.Event}'s
 * semantics between threads of one process.
 *
 * <p>Results: whether actor 2 saw the event set, then the value and the field it read (-1, -1
 * when it did not read them).
 */
@JCStressTest
@Outcome(id = "false, -1, -1", expect = ACCEPTABLE, desc = "Not set yet; nothing was read.")
@Outcome(id = "true, 42, 7", expect = ACCEPTABLE, desc = "Set, and both writes before set() are visible.")
@Outcome(id = "true, 0, .*", expect = FORBIDDEN, desc = "Set, but the shared value written before set() is not visible.")
@Outcome(id = "true, 42, 0", expect = FORBIDDEN, desc = "Set, but the plain field written before set() is not visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else.")
@State
public class SharedValuePublication {
    private final Value.Int value = Value.rawInt(0);
    private final Event event = new Event();
    private int field;

    @Actor
    public void writer() {
        value.set(42);
        field = 7;
        event.set();
    }

    @Actor
    public void reader(ZII_Result r) {
        if (event.isSet()) {
            r.r1 = true;
            r.r2 = value.get();
            r.r3 = field;
        } else {
            r.r1 = false;
            r.r2 = -1;
            r.r3 = -1;
        }
    }
}
