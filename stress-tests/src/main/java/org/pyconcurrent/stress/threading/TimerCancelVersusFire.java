package org.pyconcurrent.stress.threading;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZ_Result;
import org.pyconcurrent.threading.Timer;

/**
 * {@link Timer#cancel()} and the timer firing exclude each other: a timer with a zero interval is
 * started by actor 1 while actor 2 cancels it (possibly before the start, which must also stop
 * it). The arbiter joins the timer's thread and records how many times the function ran and
 * {@code fired()}. Either the function ran once and the timer fired, or it never ran and the
 * cancel took effect; running twice, or running although cancelled, is impossible.
 *
 * <p>Each instance starts a platform thread, so this test is slower than the others.
 */
@JCStressTest
@Outcome(id = "1, true", expect = ACCEPTABLE, desc = "Fired: the function ran once; the cancel came too late.")
@Outcome(id = "0, false", expect = ACCEPTABLE, desc = "Cancelled: the function never ran.")
@Outcome(expect = FORBIDDEN, desc = "Ran although cancelled, ran twice, or fired() disagrees (-1: join interrupted).")
@State
public class TimerCancelVersusFire {
    private final Timer timer;
    private int runs;

    public TimerCancelVersusFire() {
        timer = new Timer(Duration.ZERO, () -> runs++);
        timer.setDaemon(true);
    }

    @Actor
    public void starter() {
        timer.start();
    }

    @Actor
    public void canceller() {
        timer.cancel();
    }

    @Arbiter
    public void arbiter(IZ_Result r) {
        try {
            timer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
            return;
        }
        r.r1 = runs;
        r.r2 = timer.fired();
    }
}
