package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.multiprocessing.DictProxy;

/**
 * A manager dict's {@code putIfAbsent} (Python's {@code setdefault}) is atomic in the server:
 * two actors race to put their own number under the same key; exactly one wins, the other sees
 * the winner's number, and the dict ends with the winner's. Two winners would mean the check
 * and the put were split between the two server threads.
 *
 * <p>Results: what each actor got back (0 for "absent, mine went in"), then the value in the
 * dict.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "Actor 1 won; actor 2 saw its value.")
@Outcome(id = "2, 0, 2", expect = ACCEPTABLE, desc = "Actor 2 won; actor 1 saw its value.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both won: the check and the put were not atomic.")
@Outcome(expect = FORBIDDEN, desc = "Anything else.")
@State
public class ManagerDictPutIfAbsent {
    private final DictProxy<String, Integer> dict = ManagerForStress.get().dict();

    @Actor
    public void actor1(III_Result r) {
        Integer previous = dict.putIfAbsent("k", 1);
        r.r1 = previous == null ? 0 : previous;
    }

    @Actor
    public void actor2(III_Result r) {
        Integer previous = dict.putIfAbsent("k", 2);
        r.r2 = previous == null ? 0 : previous;
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = dict.get("k");
    }
}
