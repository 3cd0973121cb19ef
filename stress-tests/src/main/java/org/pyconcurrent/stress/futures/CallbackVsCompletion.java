package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.futures.Future;

/**
 * {@link Future#addDoneCallback} races {@link Future#setResult}: the callback runs exactly once,
 * and sees the result. It runs in the completing thread if it was pushed onto the callback stack
 * before the release, or at once in the adding thread if the push found the future released; a
 * push that slipped in after the release had read the stack would lose it (0 runs), a push that
 * both succeeded and was run by the adder would run it twice.
 *
 * <p>Results: (times the callback ran, the result it saw, where it ran: 1 in the adding thread,
 * 2 in the completing thread). The callback's fields are plain; the arbiter sees both actors'
 * writes.
 */
@JCStressTest
@Outcome(id = "1, 42, 1", expect = ACCEPTABLE, desc = "The future was done first: the callback ran at once in the adding thread.")
@Outcome(id = "1, 42, 2", expect = ACCEPTABLE, desc = "The callback was registered first: setResult ran it.")
@Outcome(expect = FORBIDDEN, desc = "The callback was lost (0 runs) or ran twice, saw no result (-1), or ran in a third thread.")
@State
public class CallbackVsCompletion {
    private final Future<Integer> future = new Future<>();
    private Thread adder;
    private Thread completer;
    private Thread ranIn;
    private int calls;
    private int seen;

    @Actor
    public void add() {
        adder = Thread.currentThread();
        future.addDoneCallback(f -> {
            calls++;
            ranIn = Thread.currentThread();
            try {
                seen = f.result();
            } catch (InterruptedException | RuntimeException e) {
                seen = -1;
            }
        });
    }

    @Actor
    public void complete() {
        completer = Thread.currentThread();
        future.setResult(42);
    }

    @Arbiter
    public void check(III_Result r) {
        r.r1 = calls;
        r.r2 = seen;
        r.r3 = ranIn == null ? 0 : ranIn == adder ? 1 : ranIn == completer ? 2 : 3;
    }
}
