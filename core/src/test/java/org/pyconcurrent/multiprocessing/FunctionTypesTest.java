package org.pyconcurrent.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pyconcurrent.multiprocessing.SerializingThreadPoolTest.roundTrip;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pyconcurrent.function.SerializableBiFunction;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.function.SerializableTriFunction;
import org.pyconcurrent.function.Tuple;
import org.pyconcurrent.function.Tuple2;
import org.pyconcurrent.function.Tuple3;

/**
 * The task types of {@code org.pyconcurrent.function} that the pools take: the serializable
 * functional interfaces survive serialization as lambdas and method references, and the tuples
 * of starmap are values.
 */
class FunctionTypesTest {

    @Test
    void tuplesAreValues() {
        Tuple2<Integer, String> pair = Tuple.of(1, "a");
        assertEquals(2, pair.size());
        assertEquals(1, pair.first());
        assertEquals("a", pair.second());
        assertEquals(new Tuple2<>(1, "a"), pair);
        assertEquals(pair.hashCode(), Tuple.of(1, "a").hashCode());
        assertNotEquals(Tuple.of("a", 1), pair);
        assertEquals("(1, a)", pair.toString());

        Tuple3<Integer, Integer, Integer> triple = Tuple.of(1, 2, 3);
        assertEquals(3, triple.size());
        assertEquals(List.of(1, 2, 3), List.of(triple.first(), triple.second(), triple.third()));
        assertEquals(Tuple.of(1, 2, 3), triple);
        assertEquals("(1, 2, 3)", triple.toString());
        assertNotEquals(Tuple.of(1, 2), (Tuple) triple);

        Tuple2<Integer, Integer> none = Tuple.of(null, null);
        assertNull(none.first());
        assertNull(none.second());
        assertEquals(Tuple.of(null, null), none);
    }

    @Test
    void tuplesOfSerializableElementsSerialize() {
        assertEquals(Tuple.of(1, "a"), roundTrip(Tuple.of(1, "a")));
        assertEquals(Tuple.of(1, null, List.of(2)), roundTrip(Tuple.of(1, null, List.of(2))));
        assertThrows(UncheckedIOException.class, () -> roundTrip(Tuple.of(1, new Object())),
                "a tuple of an unserializable element");
    }

    @Test
    void lambdasAndMethodReferencesSurviveSerialization() throws Exception {
        SerializableCallable<Integer> call = () -> PoolTasks.sqr(6);
        assertEquals(36, roundTrip(call).call());
        Callable<Integer> asCallable = roundTrip(call);
        assertEquals(36, asCallable.call());

        SerializableFunction<Integer, Integer> sqr = PoolTasks::sqr;
        assertEquals(49, roundTrip(sqr).apply(7));
        int captured = 10;
        SerializableFunction<Integer, Integer> plus = x -> x + captured;
        assertEquals(15, roundTrip(plus).apply(5));

        SerializableBiFunction<Integer, Integer, Integer> mul = PoolTasks::mul;
        assertEquals(12, roundTrip(mul).apply(3, 4));
        SerializableTriFunction<Integer, Integer, Integer, Integer> mul3 = PoolTasks::mul3;
        assertEquals(24, roundTrip(mul3).apply(2, 3, 4));

        PoolTasks.resetInitMark();
        SerializableRunnable init = PoolTasks::markInitialized;
        Runnable asRunnable = roundTrip(init);
        asRunnable.run();
        assertEquals("initialized", PoolTasks.initMark());
    }

    @Test
    void aLambdaCapturingUnserializableStateDoesNotSerialize() throws Exception {
        AtomicInteger counter = new AtomicInteger();  // AtomicInteger is serializable; a lock is not
        Object lock = new Object();
        SerializableCallable<Integer> fine = counter::incrementAndGet;
        assertEquals(1, roundTrip(fine).call());
        SerializableCallable<Integer> bad = () -> lock.hashCode();
        assertThrows(UncheckedIOException.class, () -> roundTrip(bad));
    }

    @Test
    void theFunctionsMayThrowCheckedExceptions() {
        SerializableFunction<Integer, Integer> f = x -> PoolTasks.sqrUnlessChecked(x, 2);
        assertInstanceOf(PoolTasks.SayWhenChecked.class, assertThrows(Exception.class, () -> f.apply(2)));
        SerializableBiFunction<Integer, Integer, Integer> g = (a, b) -> PoolTasks.raiseChecked("x");
        assertThrows(PoolTasks.SayWhenChecked.class, () -> g.apply(1, 2));
    }
}
