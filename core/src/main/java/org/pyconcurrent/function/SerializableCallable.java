package org.pyconcurrent.function;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can travel to another process: Python's {@code fn} in
 * {@code pool.apply_async(fn)} or {@code executor.submit(fn)}, with its arguments captured by the
 * lambda.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableCallable<R> extends Callable<R>, Serializable {
}
