package org.pyconcurrent.function;

import java.io.Serializable;

/**
 * A function of three arguments that can travel to another process and may throw any exception:
 * the {@code func} of {@code pool.starmap(func, triples)}.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <C> the third argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableTriFunction<A, B, C, R> extends Serializable {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return the result
     * @throws Exception whatever the function throws; the pool hands it to the caller
     */
    R apply(A a, B b, C c) throws Exception;
}
