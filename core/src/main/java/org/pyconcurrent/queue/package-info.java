/**
 * Python's {@code queue} module: {@link org.pyconcurrent.queue.Queue},
 * {@link org.pyconcurrent.queue.LifoQueue}, {@link org.pyconcurrent.queue.PriorityQueue} and
 * {@link org.pyconcurrent.queue.SimpleQueue}, with the exceptions
 * {@link org.pyconcurrent.queue.Empty}, {@link org.pyconcurrent.queue.Full} and
 * {@link org.pyconcurrent.queue.ShutDown}, and CPython 3.13's semantics: {@code put}/{@code get}
 * with and without blocking and timeouts, {@code taskDone}/{@code join}, and {@code shutdown}.
 *
 * <p>Every queue runs on one of two {@link org.pyconcurrent.queue.Backend}s: {@code LOCKED},
 * CPython's design of one lock and three conditions, and {@code LOCK_FREE} (the default), on
 * lock-free structures (JCTools' MPMC array queue for bounded FIFO) with a park/unpark layer for
 * the threads that must wait. Both pass the same contract tests; {@code docs/benchmarks.md}
 * compares them with the JDK's blocking queues.
 *
 * <p>Names follow the project's rules: {@code put_nowait} is {@code putNowait}, {@code task_done}
 * is {@code taskDone}, timeouts are {@link java.time.Duration}s, and blocking calls throw
 * {@link java.lang.InterruptedException}. Python's {@code None} sentinel is {@code null}.
 *
 * <p>Memory consistency effects: as for the queues of {@code java.util.concurrent}, actions in a
 * thread prior to placing an item into a queue <i>happen-before</i> actions subsequent to the
 * retrieval of that item in another thread; actions prior to {@code taskDone()}
 * <i>happen-before</i> actions after the {@code join()} it lets return.
 */
package org.pyconcurrent.queue;
