package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.futures.Future;
import org.pyconcurrent.futures.Futures;

/**
 * {@link Futures#wait} on two futures races their completion: the wait registers a listener on
 * each (the listener runs at once if the future is already done) while the other actor sets both
 * results. A listener pushed after the release read the stack, and not run by the pusher, would
 * leave the wait blocked for good (jcstress would report the test as hung); one run twice would
 * do no harm here but a lost one would. The wait returns with both futures done and none not done.
 *
 * <p>Results: (size of {@code done}, size of {@code notDone}).
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "wait() returned with both futures done.")
@Outcome(expect = FORBIDDEN, desc = "A future missing from done, or an interrupt (-1).")
@State
public class WaitVersusCompletion {
    private final Future<Integer> first = new Future<>();
    private final Future<Integer> second = new Future<>();

    @Actor
    public void waiter(II_Result r) {
        try {
            var result = Futures.wait(List.of(first, second));
            r.r1 = result.done().size();
            r.r2 = result.notDone().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            r.r2 = -1;
        }
    }

    @Actor
    public void completer() {
        first.setResult(1);
        second.setResult(2);
    }
}
