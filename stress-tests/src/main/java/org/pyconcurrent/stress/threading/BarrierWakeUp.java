package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.pyconcurrent.threading.Barrier;

/**
 * No lost wake-up in {@link Barrier#await()}: a {@code Barrier(2)}; the actor waits at it and the
 * signal arrives as the second party. Whichever arrives last trips the barrier, and the other must
 * be released.
 *
 * <p>The signal's own {@code await} has a generous timeout so that a barrier that never sees both
 * parties cannot hang the jcstress harness (which runs the signal in its own thread): the barrier
 * then breaks, the actor gets {@link org.pyconcurrent.threading.BrokenBarrierError}, and the
 * outcome is ERROR, which is forbidden like STALE.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The second arrival released the first.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "Lost wake-up: the actor stayed in await() after the barrier tripped.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: the barrier broke or timed out.")
@State
public class BarrierWakeUp {
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(30);

    private final Barrier barrier = new Barrier(2);

    @Actor
    public void actor() {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            // Only an interrupt ends the wait early: restore the flag and end.
            Thread.currentThread().interrupt();
        }
    }

    @Signal
    public void signal() throws InterruptedException {
        barrier.await(SIGNAL_TIMEOUT);
    }
}
