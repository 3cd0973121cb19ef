/**
 * The {@code queue} programs of the seed articles, ported: one class per program, each with the
 * Python original in its Javadoc, the seed file it comes from, and every change it needed
 * (shorter sleeps, a guaranteed end).
 *
 * <p>The ports follow docs/porting.md: {@code queue.Queue}, {@code LifoQueue} and
 * {@code PriorityQueue} are the classes of the same names in {@link org.pyconcurrent.queue}
 * ({@code Queue(maxsize)} is {@code new Queue<>(maxsize)}), {@code put}/{@code get} keep their
 * names, {@code task_done()} is {@code taskDone()}, and a {@code (priority, data)} tuple is a
 * record that is {@link java.lang.Comparable} as the tuple is. {@code put} and {@code get} may
 * wait, so they throw {@link java.lang.InterruptedException}; a thread's body catches it and
 * restores the interrupt flag.
 *
 * <p>The seeds' other queue programs use {@code multiprocessing.Queue} (or a
 * {@code multiprocessing.Manager}); they belong with {@code multiprocessing} and are not here.
 *
 * <p>Run one with {@code java -cp examples/target/examples.jar
 * org.pyconcurrent.examples.queue.ProducerCustomers}, or all of them with the
 * {@link org.pyconcurrent.examples.Tour}.
 */
package org.pyconcurrent.examples.queue;
