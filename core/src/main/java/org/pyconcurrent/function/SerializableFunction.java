package org.pyconcurrent.function;

import java.io.Serializable;

/**
 * A function of one argument that can travel to another process and may throw any exception:
 * the {@code func} of Python's {@code pool.map(func, iterable)}.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Serializable {
    /**
     * Applies the function.
     *
     * @param t the argument
     * @return the result
     * @throws Exception whatever the function throws; the pool hands it to the caller
     */
    R apply(T t) throws Exception;
}
