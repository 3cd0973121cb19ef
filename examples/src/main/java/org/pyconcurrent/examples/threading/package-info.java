/**
 * The {@code threading} programs of the seed articles, ported: one class per program, each with
 * the Python original in its Javadoc, the seed file it comes from, and every change it needed
 * (shorter sleeps, an end for programs that loop forever, a fixed answer instead of
 * {@code input()}).
 *
 * <p>The ports follow docs/porting.md: {@code threading.Thread} is {@link java.lang.Thread}
 * ({@code Thread.ofPlatform().name(..).unstarted(..)}, {@code start()}, {@code join()}), the
 * primitives come from {@link org.pyconcurrent.threading}, {@code with lock:} is
 * {@code try (var held = lock.with())}, {@code event.wait()} is {@code event.await()}, and
 * {@code threading.current_thread()} is {@link java.lang.Thread#currentThread()}. A thread's
 * body catches {@link java.lang.InterruptedException}, which Python does not have, and restores
 * the interrupt flag or, where the example uses an interrupt to stop a thread, ends.
 *
 * <p>Run one with {@code java -cp examples/target/examples.jar
 * org.pyconcurrent.examples.threading.BankBalance}, or all of them with the
 * {@link org.pyconcurrent.examples.Tour}. They print with {@code System.out.println}, as the
 * originals print with {@code print}.
 */
package org.pyconcurrent.examples.threading;
