/**
 * Python's {@code multiprocessing}, on real child processes (JVMs of their own):
 * <ul>
 *   <li>{@link org.pyconcurrent.multiprocessing.Process}, with a warm standby JVM for cheap starts
 *       and children that never outlive their parent;</li>
 *   <li>{@link org.pyconcurrent.multiprocessing.Pipe} and
 *       {@link org.pyconcurrent.multiprocessing.Connection} (which may be handed to other
 *       processes), {@link org.pyconcurrent.multiprocessing.Listener} and
 *       {@link org.pyconcurrent.multiprocessing.Client} with HMAC authentication;</li>
 *   <li>{@link org.pyconcurrent.multiprocessing.Queue},
 *       {@link org.pyconcurrent.multiprocessing.JoinableQueue} and
 *       {@link org.pyconcurrent.multiprocessing.SimpleQueue}, held by the process that makes
 *       them;</li>
 *   <li>{@link org.pyconcurrent.multiprocessing.Lock}, {@link org.pyconcurrent.multiprocessing.RLock},
 *       {@link org.pyconcurrent.multiprocessing.Semaphore},
 *       {@link org.pyconcurrent.multiprocessing.BoundedSemaphore},
 *       {@link org.pyconcurrent.multiprocessing.Event},
 *       {@link org.pyconcurrent.multiprocessing.Condition},
 *       {@link org.pyconcurrent.multiprocessing.Barrier},
 *       {@link org.pyconcurrent.multiprocessing.Value} and
 *       {@link org.pyconcurrent.multiprocessing.Array} in shared memory;</li>
 *   <li>the pool API ({@link org.pyconcurrent.multiprocessing.WorkerPool}) on threads
 *       ({@link org.pyconcurrent.multiprocessing.ThreadPool}) and on worker processes
 *       ({@link org.pyconcurrent.multiprocessing.Pool}), its results
 *       ({@link org.pyconcurrent.multiprocessing.AsyncResult},
 *       {@link org.pyconcurrent.multiprocessing.IMapIterator}) and errors;</li>
 *   <li>{@link org.pyconcurrent.multiprocessing.Manager} (CPython's {@code managers}:
 *       {@link org.pyconcurrent.multiprocessing.BaseManager},
 *       {@link org.pyconcurrent.multiprocessing.SyncManager}): a server process holding shared
 *       objects, reached through proxies ({@link org.pyconcurrent.multiprocessing.BaseProxy},
 *       {@link org.pyconcurrent.multiprocessing.DictProxy} as a {@code Map},
 *       {@link org.pyconcurrent.multiprocessing.ListProxy} as a {@code List}, and the rest), locally
 *       or over TCP with an authkey.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Tasks are lambdas of the serializable interfaces of {@link org.pyconcurrent.function}, so
 *       they can travel to another process.</li>
 *   <li>A task's exception reaches the caller as it is when unchecked, inside a
 *       {@link java.util.concurrent.CompletionException} when checked.</li>
 *   <li>Timeouts are {@link java.time.Duration}s; a negative one is an
 *       {@link java.lang.IllegalArgumentException}; running out of time is a
 *       {@link org.pyconcurrent.multiprocessing.TimeoutError}.</li>
 *   <li>Blocking calls throw {@link java.lang.InterruptedException}; iterators, which cannot,
 *       report an interrupt as a {@link java.util.concurrent.CompletionException} caused by it and
 *       set the thread's interrupt flag again.</li>
 * </ul>
 *
 * <h2>Memory consistency</h2>
 * Actions in a thread before it submits a task <i>happen-before</i> the task runs; a task's
 * actions <i>happen-before</i> its callback runs and any thread obtains its result.
 */
package org.pyconcurrent.multiprocessing;
