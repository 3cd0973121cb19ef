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
 * {@link Future#setResult} publishes: actor 1 writes a plain field, then sets as the result an
 * object whose own field is plain too; actor 2 asks {@code done()} and, only if it is, reads the
 * plain field and the result's field through {@code result()}. Seeing the future done but a
 * default value would break "actions before {@code setResult} happen-before actions after a
 * {@code done()} that observes it" (the result itself is a plain field, written before the state
 * becomes finished and read after).
 *
 * <p>Results: (the plain field, the result's field), or (-1, -1) when not done yet.
 */
@JCStressTest
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "Not done yet; nothing was read.")
@Outcome(id = "42, 7", expect = ACCEPTABLE, desc = "Done, and both writes before setResult are visible.")
@Outcome(id = {"0, 7", "42, 0", "0, 0"}, expect = FORBIDDEN, desc = "Done, but a write before setResult is not visible.")
@Outcome(expect = FORBIDDEN, desc = "Anything else: result() threw or returned null (-2).")
@State
public class ResultPublication {
    /** A result with a non-final field, so that reading it checks the result's publication. */
    static final class Box {
        int value;
    }

    private final Future<Box> future = new Future<>();
    private int data;

    @Actor
    public void writer() {
        data = 42;
        Box box = new Box();
        box.value = 7;
        future.setResult(box);
    }

    @Actor
    public void reader(II_Result r) {
        if (!future.done()) {
            r.r1 = -1;
            r.r2 = -1;
            return;
        }
        r.r1 = data;
        try {
            Box box = future.result();
            r.r2 = box == null ? -2 : box.value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r2 = -3;
        }
    }
}
