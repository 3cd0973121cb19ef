/**
 * jcstress tests for {@code org.pyconcurrent.multiprocessing}: publication through
 * {@link org.pyconcurrent.multiprocessing.AsyncResult}, and the primitives in shared memory
 * between threads of one process (the same code paths a second process takes, minus the socket):
 * mutual exclusion of {@code Lock} and {@code RLock}, the permit bound of {@code Semaphore},
 * wake-ups of a blocked {@code acquire} and {@code Event.await}, and publication through a
 * {@code Value} and an {@code Event}.
 *
 * <p>The pool tests run their tasks and callbacks in one
 * {@link org.pyconcurrent.multiprocessing.ThreadPool} shared by every instance of a fork (a pool
 * per instance would start threads per sample); the actors race against the pool's worker and
 * result-handler threads, which jcstress does not schedule, so these tests check ordering and
 * visibility rather than drive one interleaving. Each shared-primitive test makes a fresh
 * primitive per instance: small ones share arena files, so a long run maps a few files, not one
 * per primitive.
 *
 * <p>The manager tests ({@code Manager*}) race client threads of this process through one
 * {@link org.pyconcurrent.multiprocessing.Manager} per fork, a real server process: a manager
 * lock's mutual exclusion (and the ordering its round trips give), and the atomicity of a shared
 * dict's {@code putIfAbsent} in the server.
 */
package org.pyconcurrent.stress.multiprocessing;
