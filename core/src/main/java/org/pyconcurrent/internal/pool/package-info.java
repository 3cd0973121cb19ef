/**
 * The bridge from {@code concurrent.futures}' process executor to the process pool's workers
 * ({@link org.pyconcurrent.internal.pool.PoolAccess}), so that the executor can submit tasks
 * with a start hook without a public method on the pool.
 */
package org.pyconcurrent.internal.pool;
