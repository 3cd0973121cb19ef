package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;
import org.pyconcurrent.threading.Event;

/**
 * {@link Event}'s {@code set()}, {@code clear()} and {@code isSet()} are atomic and totally ordered:
 * actor 1 does {@code set(); isSet()}, actor 2 {@code clear(); isSet()}, the arbiter reads
 * {@code isSet()} last. Every result must come from some interleaving of the four calls.
 * Results: (actor 1's isSet, actor 2's isSet, final isSet).
 */
@JCStressTest
@Outcome(id = "true, false, false", expect = ACCEPTABLE, desc = "set, isSet, clear, isSet.")
@Outcome(id = "false, false, false", expect = ACCEPTABLE, desc = "set, clear, then both isSet.")
@Outcome(id = "true, false, true", expect = ACCEPTABLE, desc = "clear, isSet, set, isSet.")
@Outcome(id = "true, true, true", expect = ACCEPTABLE, desc = "clear, set, then both isSet.")
@Outcome(expect = FORBIDDEN, desc = "No interleaving gives this: a set or a clear was lost or not atomic.")
@State
public class EventSetClearIsSet {
    private final Event event = new Event();

    @Actor
    public void setter(ZZZ_Result r) {
        event.set();
        r.r1 = event.isSet();
    }

    @Actor
    public void clearer(ZZZ_Result r) {
        event.clear();
        r.r2 = event.isSet();
    }

    @Arbiter
    public void arbiter(ZZZ_Result r) {
        r.r3 = event.isSet();
    }
}
