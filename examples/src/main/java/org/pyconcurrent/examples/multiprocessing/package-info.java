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
 * <p>Here too are the programs that hand their children something to share: it is captured by
 * the target like any argument, and every process's copy is the same queue, pipe end, lock or
 * memory. A {@code Queue} ({@link QueueWriterReader}, {@link QueueChildPut}, {@link QueueWriteThenRead},
 * and in one process {@link QueueFiveFull}); a {@code Pipe} end ({@link PipeSendRecv});
 * a {@code Lock} over the tickets of a {@code db.txt} ({@link GetTicketLock}, {@link TomTicketLock},
 * {@link TomTicketLockJoin}, and the seeds' versions without it, {@link GetTicketUnlocked} and
 * {@link TomTicketUnlocked}, whose file is made by {@code DbTxt}); a {@code Semaphore}
 * ({@link SemaphoreHome}); a {@code Value} and an {@code Array} ({@link ValueArrayNegate},
 * {@link ArrayShared}, and {@link ArrayRLock} with an {@code RLock}). And the process
 * {@code Pool} programs ({@link PoolLongTimeTask}, {@link PoolCallbackProcesses},
 * {@link PoolGetResultsProcesses}, {@link PoolFooBarProcesses}); their thread twins, and the
 * {@code ProcessPoolExecutor} programs, are in {@link org.pyconcurrent.examples.futures}. And the
 * {@code Manager} programs, whose dict and list live in a server process of their own and are
 * reached through proxies: seed 001's {@code manager.dict()} and {@code manager.list()} filled by
 * ten processes ({@link ManagerDictList}), and seed 003's {@code manage.dict()}
 * ({@link ManagerDictValues}).
 *
 * <p>Not here: seed 000's {@code os.fork()} program (a JVM cannot fork).
 *
 * <p>Run one with {@code java -cp examples/target/examples.jar
 * org.pyconcurrent.examples.multiprocessing.RunProc}, or all of them with the
 * {@link org.pyconcurrent.examples.Tour}.
 */
package org.pyconcurrent.examples.multiprocessing;
