package org.pyconcurrent.function;

import java.io.Serializable;

/**
 * A function of two arguments that can travel to another process and may throw any exception:
 * the {@code func} of {@code pool.starmap(func, pairs)}.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends Serializable {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @return the result
     * @throws Exception whatever the function throws; the pool hands it to the caller
     */
    R apply(A a, B b) throws Exception;
}
