package org.pyconcurrent.stress.futures;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.futures.Future;

/**
 * A {@link Future#result()} that is registering as a waiter races {@link Future#setResult}: the
 * waiter's push onto the stack against the release that swaps it out. A push that lands after the
 * release read the stack, without the waiter seeing the future done, would block the reader for
 * good (jcstress would then report the test as hung). The reader returns the value, and a plain
 * write before {@code setResult} is visible after it.
 *
 * <p>Results: (the value result() returned, the plain field read after it).
 */
@JCStressTest
@Outcome(id = "42, 1", expect = ACCEPTABLE, desc = "result() returned the value, and the earlier write is visible.")
@Outcome(expect = FORBIDDEN, desc = "A wrong value, a stale field, or an interrupt (-1).")
@State
public class ResultVersusSetResult {
    private final Future<Integer> future = new Future<>();
    private int data;

    @Actor
    public void reader(II_Result r) {
        try {
            r.r1 = future.result();
            r.r2 = data;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            r.r2 = -1;
        }
    }

    @Actor
    public void writer() {
        data = 1;
        future.setResult(42);
    }
}
