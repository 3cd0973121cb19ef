/**
 * jcstress tests for {@code org.pyconcurrent.multiprocessing}: publication through
 * {@link org.pyconcurrent.multiprocessing.AsyncResult}.
 *
 * <p>The tasks and callbacks run in one {@link org.pyconcurrent.multiprocessing.ThreadPool}
 * shared by every instance of a fork (a pool per instance would start threads per sample); the
 * actors race against the pool's worker and result-handler threads, which jcstress does not
 * schedule, so these tests check ordering and visibility rather than drive one interleaving.
 */
package org.pyconcurrent.stress.multiprocessing;
