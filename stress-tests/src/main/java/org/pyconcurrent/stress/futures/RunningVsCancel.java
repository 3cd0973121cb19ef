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
 * {@link Future#setRunningOrNotifyCancel()} (what a worker calls before running a call) and
 * {@link Future#cancel()} race on a pending future: exactly one returns true. Either the call
 * starts (the future is running and cannot be cancelled any more) or the cancel takes it, and the
 * worker is told not to run it. Both returning true would run a cancelled call; both false would
 * leave a future that never completes. {@code setRunningOrNotifyCancel} throwing
 * {@link IllegalStateException} (-1) is also forbidden.
 *
 * <p>Results: (setRunningOrNotifyCancel returned true, cancel returned true, state afterwards),
 * 1 for true; the state is 1 for running and not done, 2 for cancelled and done, 0 otherwise.
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The call started first: the future is running; cancel() returned false.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The cancel came first: the worker is told the call was cancelled.")
@Outcome(expect = FORBIDDEN, desc = "Both won, neither did, a call threw (-1), or the state disagrees.")
@State
public class RunningVsCancel {
    private final Future<Integer> future = new Future<>();

    @Actor
    public void worker(III_Result r) {
        try {
            r.r1 = future.setRunningOrNotifyCancel() ? 1 : 0;
        } catch (IllegalStateException unexpected) {
            r.r1 = -1;
        }
    }

    @Actor
    public void canceller(III_Result r) {
        r.r2 = future.cancel() ? 1 : 0;
    }

    @Arbiter
    public void state(III_Result r) {
        if (future.running() && !future.cancelled() && !future.done()) {
            r.r3 = 1;
        } else if (future.cancelled() && future.done() && !future.running()) {
            r.r3 = 2;
        } else {
            r.r3 = 0;
        }
    }
}
