package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIIII_Result;
import org.pyconcurrent.threading.Barrier;

/**
 * A {@link Barrier} round publishes and numbers its parties: two actors meet at a
 * {@code Barrier(2, action)}. Before {@code await()} each writes a plain field of its own; the
 * action (run once, by the last to arrive) writes another. After {@code await()} returns each
 * actor records its arrival index, the action's write, and the other actor's write.
 *
 * <p>Results: (actor 1's index, action value seen by 1, actor 2's write seen by 1, actor 2's
 * index, action value seen by 2, actor 1's write seen by 2). The indices must be 0 and 1 in some
 * order and every write visible to both.
 */
@JCStressTest
@Outcome(id = "0, 42, 1, 1, 42, 1", expect = ACCEPTABLE, desc = "Actor 1 arrived first; all writes visible.")
@Outcome(id = "1, 42, 1, 0, 42, 1", expect = ACCEPTABLE, desc = "Actor 2 arrived first; all writes visible.")
@Outcome(id = {"0, .*, 0, .*", "1, .*, 1, .*"}, expect = FORBIDDEN, desc = "Both parties got the same arrival index.")
@Outcome(expect = FORBIDDEN, desc = "A write before await() or in the action is not visible after it (-1: interrupted).")
@State
public class BarrierActionPublication {
    private final Barrier barrier = new Barrier(2, () -> this.action = 42);
    private int action;
    private int before1;
    private int before2;

    @Actor
    public void actor1(IIIIII_Result r) {
        before1 = 1;
        try {
            r.r1 = barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            return;
        }
        r.r2 = action;
        r.r3 = before2;
    }

    @Actor
    public void actor2(IIIIII_Result r) {
        before2 = 1;
        try {
            r.r4 = barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r4 = -1;
            return;
        }
        r.r5 = action;
        r.r6 = before1;
    }
}
