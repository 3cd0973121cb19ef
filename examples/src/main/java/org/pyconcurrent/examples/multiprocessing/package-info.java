/**
 * The {@code multiprocessing.Process} programs of the seed articles, ported: one class per
 * program, each with the Python original in its Javadoc, the seed file it comes from, and every
 * change it needed (shorter sleeps). Every child is a real child process, a JVM of its own, with
 * its own pid and memory.
 *
 * <p>The ports follow docs/porting.md: {@code Process(target=f, args=(x,))} is
 * {@code new Process(() -> f(x))}, whose lambda is a
 * {@link org.pyconcurrent.function.SerializableRunnable} and travels to the child serialized, its
 * captured values with it; {@code class MyProcess(Process)} extends
 * {@link org.pyconcurrent.multiprocessing.Process} and overrides {@code run()};
 * {@code p.daemon = True} is {@code p.setDaemon(true)}; {@code join()} may wait, so it throws
 * {@link java.lang.InterruptedException}. {@code os.getpid()} is
 * {@code ProcessHandle.current().pid()} and {@code os.getppid()} is
 * {@code ProcessHandle.current().parent()}.
 *
 * <p>Globals are static fields, and the isolation lesson holds, but for a different reason than
 * in the seeds, which ran with {@code fork}: {@code fork} copies the parent's memory as it is at
 * {@code start()}; a child JVM loads each class afresh, so its statics are what their
 * initializers make them, not what the parent has since put in them (as with Python's
 * {@code spawn}, which re-imports the module). What the child changes stays in the child either
 * way.
 *
 * <p>Not here: seed 000's {@code os.fork()} program (a JVM cannot fork); the programs with
 * {@code Queue}, {@code Pipe}, {@code Lock}, {@code Semaphore}, {@code Value}, {@code Array},
 * {@code Manager} or a process {@code Pool}, which need what a child process cannot be handed yet;
 * and seed 004's ticket program without a lock, which reads and writes a {@code db.txt} the seed
 * does not give and belongs with its locked versions.
 *
 * <p>Run one with {@code java -cp examples/target/examples.jar
 * org.pyconcurrent.examples.multiprocessing.RunProc}, or all of them with the
 * {@link org.pyconcurrent.examples.Tour}.
 */
package org.pyconcurrent.examples.multiprocessing;
