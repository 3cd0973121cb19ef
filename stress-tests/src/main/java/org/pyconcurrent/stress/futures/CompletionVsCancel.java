package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.futures.CancelledError;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.InvalidStateError;

/**
 * {@link Future#setResult} and {@link Future#cancel()} race on a pending future: exactly one wins.
 * If the result is set first, {@code cancel()} returns false (the future is finished); if the
 * cancel comes first, {@code setResult} throws {@link InvalidStateError}. The arbiter checks the
 * state left behind agrees with the winner: cancelled (and {@code result()} throws
 * {@link CancelledError}) or finished with the value, never both, never neither.
 *
 * <p>Results: (setResult succeeded, cancel returned true, state afterwards), 1 for success; the
 * state is 1 for cancelled, 2 for finished with 42, 0 for not done, 3 for inconsistent answers.
 */
@JCStressTest
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE, desc = "setResult won: the future holds 42; cancel() returned false.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "cancel won: setResult threw InvalidStateError; the future is cancelled.")
@Outcome(expect = FORBIDDEN, desc = "Both won, neither did, or the state disagrees with the winner.")
@State
public class CompletionVsCancel {
    private final Future<Integer> future = new Future<>();

    @Actor
    public void completer(III_Result r) {
        try {
            future.setResult(42);
            r.r1 = 1;
        } catch (InvalidStateError alreadyDone) {
            r.r1 = 0;
        }
    }

    @Actor
    public void canceller(III_Result r) {
        r.r2 = future.cancel() ? 1 : 0;
    }

    @Arbiter
    public void state(III_Result r) {
        if (!future.done()) {
            r.r3 = 0;
            return;
        }
        boolean cancelled = future.cancelled();
        Integer value;
        try {
            value = future.result();
        } catch (CancelledError e) {
            value = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r3 = -1;
            return;
        }
        if (cancelled && value == null) {
            r.r3 = 1;
        } else if (!cancelled && value != null && value == 42) {
            r.r3 = 2;
        } else {
            r.r3 = 3;
        }
    }
}
