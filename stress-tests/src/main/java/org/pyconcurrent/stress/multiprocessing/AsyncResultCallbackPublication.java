package org.pyconcurrent.stress.multiprocessing;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.pyconcurrent.multiprocessing.AsyncResult;
import org.pyconcurrent.multiprocessing.ThreadPool;

/**
 * An {@link AsyncResult} with a callback publishes both the task's writes and the callback's:
 * the task (in a worker) writes a plain field and returns 7; the callback (in the result-handler
 * thread) writes another plain field. CPython's order is "callback, then ready", so a thread that
 * sees {@code ready()} or returns from {@code get()} must see both writes and the value.
 *
 * <p>Actor 1 reads, only if {@code ready()}, the task's field and the callback's field; actor 2
 * calls {@code get()} and then reads the callback's field. Results: (task field, callback field,
 * actor 2's callback field), with -1, -1 for actor 1 when not ready yet.
 */
@JCStressTest
@Outcome(id = {"-1, -1, 1", "1, 1, 1"}, expect = ACCEPTABLE,
        desc = "Not ready yet, or ready with every write visible; get() saw the callback's write.")
@Outcome(expect = FORBIDDEN, desc = "Ready (or get() returned) but a write before it is not visible.")
@State
public class AsyncResultCallbackPublication {
    private static final ThreadPool POOL = new ThreadPool(1);

    private int taskWrote;
    private int callbackWrote;
    private final AsyncResult<Integer> result;

    public AsyncResultCallbackPublication() {
        result = POOL.applyAsync(() -> {
            taskWrote = 1;
            return 7;
        }, value -> callbackWrote = value == 7 ? 1 : -7);
    }

    @Actor
    public void observer(III_Result r) {
        if (!result.ready()) {
            r.r1 = -1;
            r.r2 = -1;
            return;
        }
        r.r1 = taskWrote;
        r.r2 = callbackWrote;
    }

    @Actor
    public void getter(III_Result r) {
        try {
            int value = result.get();
            r.r3 = value == 7 ? callbackWrote : -7;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r3 = -2;
        }
    }
}
