package org.pyconcurrent.futures;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.internal.Outcomes;

/**
 * {@link Outcomes#rethrow}: how a call's exception reaches the thread asking for its result, as
 * {@link Future#result()} and {@link MapIterator} use it.
 */
class OutcomesTest {

    @Test
    void uncheckedExceptionIsReturnedItself() {
        IllegalArgumentException e = new IllegalArgumentException("x");
        assertSame(e, Outcomes.rethrow(e));
        CompletionException already = new CompletionException(new IOException("y"));
        assertSame(already, Outcomes.rethrow(already), "an unchecked wrapper is not wrapped again");
    }

    @Test
    void errorIsThrownItself() {
        FutureTest.BoomError error = new FutureTest.BoomError("e");
        assertSame(error, assertThrows(FutureTest.BoomError.class, () -> Outcomes.rethrow(error)));
    }

    @Test
    void checkedExceptionIsWrappedInCompletionException() {
        IOException io = new IOException("io");
        RuntimeException wrapped = Outcomes.rethrow(io);
        assertSame(CompletionException.class, wrapped.getClass());
        assertSame(io, wrapped.getCause());
        TimeoutException timeout = new TimeoutException("t");
        assertSame(timeout, Outcomes.rethrow(timeout).getCause());
        Exception plain = new Exception("plain");
        assertSame(plain, Outcomes.rethrow(plain).getCause());
        Throwable bare = new Throwable("neither exception nor error");
        assertSame(bare, Outcomes.rethrow(bare).getCause());
    }
}
