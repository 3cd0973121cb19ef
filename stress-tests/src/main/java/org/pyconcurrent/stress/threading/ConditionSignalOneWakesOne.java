package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.threading.Condition;
import org.pyconcurrent.threading.RLock;

/**
 * {@link Condition#signal(int) signal(1)} wakes one waiter, not two (Python: {@code notify(1)}).
 *
 * <p>Two waiter actors each hold the lock, count themselves in, and {@code await()} once, with no
 * predicate, so that only signals (never a flag) can release them. The signaller actor waits on a
 * second condition of the same lock until both wait, calls {@code signal(1)}, waits until a waiter
 * has come back, and records how many have; then it calls {@code signal(1)} again for the other.
 * If the first signal woke both, the second waiter may get the lock before the signaller does and
 * show up in the count (a race, so such a bug is found often but not always); a correct
 * implementation can only ever show 1. The arbiter checks that both waiters ended.
 *
 * <p>The AQS condition underneath never wakes spuriously, so a 2 here is a real over-signal.
 */
@JCStressTest
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The first signal(1) woke one waiter, the second the other.")
@Outcome(id = "2, 2", expect = FORBIDDEN, desc = "The first signal(1) woke both waiters.")
@Outcome(expect = FORBIDDEN, desc = "Anything else (-1: an actor was interrupted).")
@State
public class ConditionSignalOneWakesOne {
    private final RLock lock = new RLock();
    private final Condition condition = new Condition(lock);
    private final Condition progress = new Condition(lock);
    private int waiting;
    private int woken;

    @Actor
    public void waiter1() {
        awaitOneSignal();
    }

    @Actor
    public void waiter2() {
        awaitOneSignal();
    }

    @Actor
    @SuppressWarnings("try") // the handle from with() only scopes the lock
    public void signaller(II_Result r) {
        try (var held = lock.with()) {
            progress.awaitFor(() -> waiting == 2);
            condition.signal(1);
            progress.awaitFor(() -> woken >= 1);
            r.r1 = woken;
            condition.signal(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = woken;
    }

    @SuppressWarnings("try") // the handle from with() only scopes the lock
    private void awaitOneSignal() {
        try (var held = lock.with()) {
            waiting++;
            progress.signalAll();
            condition.await();
            woken++;
            progress.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
