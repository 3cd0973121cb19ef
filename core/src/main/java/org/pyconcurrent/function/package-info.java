/**
 * Serializable functional interfaces and small tuples for the pool and executor APIs.
 *
 * <p>Python hands any callable to a pool or executor; what runs in another process must travel
 * serialized. These interfaces extend {@link java.io.Serializable}, so a plain lambda or method
 * reference written where one is expected can be sent to a worker process, and the same code
 * works unchanged with a thread pool. Unlike {@link java.util.function.Function}, each may throw
 * a checked exception, as a Python function may raise anything; the pool reports it to the caller.
 *
 * <p>{@link org.pyconcurrent.function.Tuple2} and {@link org.pyconcurrent.function.Tuple3} carry the
 * argument tuples of {@code starmap}: Python's {@code pool.starmap(f, [(1, 2), (3, 4)])} is
 * {@code pool.starmap(f, List.of(Tuple.of(1, 2), Tuple.of(3, 4)))} with {@code f} a function of two
 * arguments.
 */
package org.pyconcurrent.function;
