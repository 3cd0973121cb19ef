/**
 * Python's {@code threading} module: {@link org.pyconcurrent.threading.Lock},
 * {@link org.pyconcurrent.threading.RLock}, {@link org.pyconcurrent.threading.Condition},
 * {@link org.pyconcurrent.threading.Semaphore},
 * {@link org.pyconcurrent.threading.BoundedSemaphore}, {@link org.pyconcurrent.threading.Event},
 * {@link org.pyconcurrent.threading.Barrier} and {@link org.pyconcurrent.threading.Timer}.
 * {@code threading.Thread} is {@link java.lang.Thread} itself; docs/porting.md shows the mapping.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Python's method names in camelCase; {@code wait}, {@code wait_for}, {@code notify} and
 *       {@code notify_all} become {@code await}, {@code awaitFor}, {@code signal} and
 *       {@code signalAll}, because {@link Object#wait()} and {@link Object#notify()} are final.</li>
 *   <li>Every blocking call has a form that blocks, a {@link java.time.Duration} form, and where
 *       Python has {@code blocking=False}, a form that never blocks. A zero timeout does not wait;
 *       a negative one is an {@link java.lang.IllegalArgumentException} (Python: ValueError).</li>
 *   <li>Blocking calls throw {@link java.lang.InterruptedException} when the waiting thread is
 *       interrupted, like java.util.concurrent.</li>
 *   <li>{@code with lock:} is {@code try (var held = lock.with()) { ... }}
 *       ({@link org.pyconcurrent.threading.Acquirable#with()}).</li>
 *   <li>Nothing here blocks while holding a monitor: waiting threads park through
 *       java.util.concurrent.locks, so every primitive is safe to use from virtual threads.</li>
 * </ul>
 *
 * <h2 id="MemoryVisibility">Memory consistency</h2>
 * As in {@link java.util.concurrent}: actions in a thread before it releases a lock, releases a
 * semaphore permit, sets an event, or arrives at a barrier <i>happen-before</i> actions in another
 * thread after it acquires that lock or permit, returns from waiting on (or observes) that event,
 * or leaves that barrier round. Each class states its own rule in a "Memory consistency effects"
 * paragraph.
 */
package org.pyconcurrent.threading;
