package org.pyconcurrent.examples;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pyconcurrent.examples.futures.ExecutorDoneCallback;
import org.pyconcurrent.examples.futures.ExecutorResult;
import org.pyconcurrent.examples.futures.ExecutorShutdown;
import org.pyconcurrent.examples.futures.ExecutorSubmit;
import org.pyconcurrent.examples.futures.PoolCallback;
import org.pyconcurrent.examples.futures.PoolFooBar;
import org.pyconcurrent.examples.futures.PoolGetResults;
import org.pyconcurrent.examples.futures.ProcessExecutorDoneCallback;
import org.pyconcurrent.examples.futures.ProcessExecutorResult;
import org.pyconcurrent.examples.futures.ProcessExecutorShutdown;
import org.pyconcurrent.examples.futures.ProcessExecutorSubmit;
import org.pyconcurrent.examples.multiprocessing.ArrayRLock;
import org.pyconcurrent.examples.multiprocessing.ArrayShared;
import org.pyconcurrent.examples.multiprocessing.DaemonMeal;
import org.pyconcurrent.examples.multiprocessing.GetTicketLock;
import org.pyconcurrent.examples.multiprocessing.GetTicketUnlocked;
import org.pyconcurrent.examples.multiprocessing.GlobalAge;
import org.pyconcurrent.examples.multiprocessing.GlobalListIsolation;
import org.pyconcurrent.examples.multiprocessing.ManagerDictList;
import org.pyconcurrent.examples.multiprocessing.ManagerDictValues;
import org.pyconcurrent.examples.multiprocessing.MyProcessClass;
import org.pyconcurrent.examples.multiprocessing.NoodlesJoinAll;
import org.pyconcurrent.examples.multiprocessing.NoodlesJoinEach;
import org.pyconcurrent.examples.multiprocessing.ParentAlsoTask;
import org.pyconcurrent.examples.multiprocessing.PipeSendRecv;
import org.pyconcurrent.examples.multiprocessing.PoolCallbackProcesses;
import org.pyconcurrent.examples.multiprocessing.PoolFooBarProcesses;
import org.pyconcurrent.examples.multiprocessing.PoolGetResultsProcesses;
import org.pyconcurrent.examples.multiprocessing.PoolLongTimeTask;
import org.pyconcurrent.examples.multiprocessing.ProcessInfo;
import org.pyconcurrent.examples.multiprocessing.QueueChildPut;
import org.pyconcurrent.examples.multiprocessing.QueueFiveFull;
import org.pyconcurrent.examples.multiprocessing.QueueWriteThenRead;
import org.pyconcurrent.examples.multiprocessing.QueueWriterReader;
import org.pyconcurrent.examples.multiprocessing.RunProc;
import org.pyconcurrent.examples.multiprocessing.SayHi;
import org.pyconcurrent.examples.multiprocessing.SemaphoreHome;
import org.pyconcurrent.examples.multiprocessing.SingPids;
import org.pyconcurrent.examples.multiprocessing.TaskKwargs;
import org.pyconcurrent.examples.multiprocessing.TomTicketLock;
import org.pyconcurrent.examples.multiprocessing.TomTicketLockJoin;
import org.pyconcurrent.examples.multiprocessing.TomTicketUnlocked;
import org.pyconcurrent.examples.multiprocessing.ValueArrayNegate;
import org.pyconcurrent.examples.multiprocessing.WorkNum;
import org.pyconcurrent.examples.queue.FirstInFirstOut;
import org.pyconcurrent.examples.queue.LastInFirstOut;
import org.pyconcurrent.examples.queue.PriorityTuples;
import org.pyconcurrent.examples.queue.ProducerCustomers;
import org.pyconcurrent.examples.threading.BankBalance;
import org.pyconcurrent.examples.threading.Crosswalk;
import org.pyconcurrent.examples.threading.DaemonThreads;
import org.pyconcurrent.examples.threading.DirectThreads;
import org.pyconcurrent.examples.threading.EventGate;
import org.pyconcurrent.examples.threading.GlNumRLock;
import org.pyconcurrent.examples.threading.GlNumUnlocked;
import org.pyconcurrent.examples.threading.JoinStrategies;
import org.pyconcurrent.examples.threading.LockTest;
import org.pyconcurrent.examples.threading.LockTestUnlocked;
import org.pyconcurrent.examples.threading.LoopThread;
import org.pyconcurrent.examples.threading.MyThreadClass;
import org.pyconcurrent.examples.threading.NestedRLock;
import org.pyconcurrent.examples.threading.RLockMyThread;
import org.pyconcurrent.examples.threading.RepeatingTimer;
import org.pyconcurrent.examples.threading.SemaphoreFive;
import org.pyconcurrent.examples.threading.ShowThreads;
import org.pyconcurrent.examples.threading.SubclassThreads;
import org.pyconcurrent.examples.threading.TimerStrftime;
import org.pyconcurrent.examples.threading.TrafficLight;
import org.pyconcurrent.examples.threading.WorkThread;

/**
 * The list of every ported example, in the order of the seed articles: the one place the
 * {@link Tour} and the tests take it from. A new example is added here, and given the check of
 * its output in {@code ExamplesTest} (a test fails until it has one).
 */
public final class Examples {
    private Examples() {
    }

    /** Every example, in tour order. */
    public static final List<Example> ALL = List.of(
            // seed 000
            new Example(RunProc.class, "seed 000: Process(target=run_proc, args=('test',)), start and join (also seed 002)"),
            new Example(QueueWriterReader.class, "seed 000: a writer child puts A, B, C into a Queue, a reader child gets them until terminated"),
            new Example(PoolLongTimeTask.class, "seed 000: Pool(4).apply_async(long_time_task) for 5 tasks, close and join"),
            new Example(LoopThread.class, "seed 000: start and join a thread named LoopThread"),
            new Example(BankBalance.class, "seed 000: bank balance with Lock"),
            // seed 001
            new Example(LockTestUnlocked.class, "seed 001: lock_test, 1000 threads do nums[0] += 1 without the lock"),
            new Example(LockTest.class, "seed 001: lock_test with the lock, always 1001"),
            new Example(NestedRLock.class, "seed 001: RLock taken again by run1/run2 inside run3"),
            new Example(SemaphoreFive.class, "seed 001: Semaphore(5) over 100 threads"),
            new Example(DirectThreads.class, "seed 001: a thread that calls a function (direct call)"),
            new Example(SubclassThreads.class, "seed 001: a subclass of Thread overriding run"),
            new Example(DaemonThreads.class, "seed 001: daemon threads are killed when main ends"),
            new Example(JoinStrategies.class, "seed 001: 50 Mythread threads, joined two ways"),
            new Example(RepeatingTimer.class, "seed 001: a Timer that re-arms itself (hello Bruce)"),
            new Example(TrafficLight.class, "seed 001: red/green light Event, cars wait on it"),
            new Example(FirstInFirstOut.class, "seed 001: queue.Queue(maxsize=3), first in, first out"),
            new Example(LastInFirstOut.class, "seed 001: queue.LifoQueue(maxsize=3), last in, first out"),
            new Example(PriorityTuples.class, "seed 001: queue.PriorityQueue of (priority, data) tuples"),
            new Example(ProducerCustomers.class, "seed 001: a producer of 100 products, customers, task_done/join"),
            new Example(ProcessInfo.class, "seed 001: info() prints module name, parent pid and pid, in main and in a child"),
            new Example(QueueChildPut.class, "seed 001: f(qq), a child puts a list into the parent's Queue, the parent get()s it"),
            new Example(PipeSendRecv.class, "seed 001: Pipe(), the child sends two lists, the parent recv()s them"),
            new Example(ManagerDictList.class, "seed 001: with Manager(), ten processes put their pid into manager.dict() and manager.list(range(5))"),
            new Example(GetTicketUnlocked.class, "seed 001: 3 processes buy the 1 ticket of db.txt without a lock"),
            new Example(GetTicketLock.class, "seed 001: the ticket purchase under a process Lock: 1 sold"),
            new Example(PoolCallback.class, "seed 001: Pool(processes=2).apply_async(Foo, callback=Bar), on a ThreadPool"),
            new Example(PoolCallbackProcesses.class, "seed 001: Pool(processes=2).apply_async(Foo, callback=Bar), worker processes"),
            new Example(PoolGetResults.class, "seed 001: apply_async results, get() after close() and join(), on a ThreadPool"),
            new Example(PoolGetResultsProcesses.class, "seed 001: apply_async results, get() after close() and join(), worker processes"),
            // seed 002
            new Example(ValueArrayNegate.class, "seed 002: a child sets Value('d') to pi and negates Array('i', range(10))"),
            // seed 003
            new Example(ShowThreads.class, "seed 003: 10 foreground threads outlive main"),
            new Example(GlNumUnlocked.class, "seed 003: gl_num += 1 from 10 threads without a lock"),
            new Example(GlNumRLock.class, "seed 003: gl_num += 1 under an RLock"),
            new Example(EventGate.class, "seed 003: 10 threads wait on an Event that main sets"),
            new Example(SayHi.class, "seed 003: ten processes say hi"),
            new Example(GlobalListIsolation.class, "seed 003: children append to the global li, the parent's stays []"),
            new Example(ArrayShared.class, "seed 003: two children write and print a shared Array('i')"),
            new Example(ManagerDictValues.class, "seed 003: manage.dict(), two children in turn set dic[i] = 100+i and print its values"),
            new Example(ArrayRLock.class, "seed 003: 20 children write and print a shared Array under an RLock"),
            new Example(PoolFooBar.class, "seed 003: Pool(5).apply_async(Foo, callback=Bar), on a ThreadPool"),
            new Example(PoolFooBarProcesses.class, "seed 003: Pool(5).apply_async(Foo, callback=Bar), worker processes"),
            // seed 004
            new Example(ParentAlsoTask.class, "seed 004: Process(target=task), and the parent runs task() too"),
            new Example(TaskKwargs.class, "seed 004: Process(target=task, kwargs={'name':'\u54c8\u5df4\u7f57'}), not joined"),
            new Example(GlobalAge.class, "seed 004: the child sets age = 0, the parent's is still 10"),
            new Example(SingPids.class, "seed 004: os.getpid() and os.getppid() in parent and child"),
            new Example(NoodlesJoinEach.class, "seed 004: ten processes, each joined at once: one after the other"),
            new Example(NoodlesJoinAll.class, "seed 004: ten processes started, then all joined"),
            new Example(DaemonMeal.class, "seed 004: a daemon child is terminated when main ends"),
            new Example(TomTicketUnlocked.class, "seed 004: Tom1-4 search db.txt and buy its ticket without a lock"),
            new Example(TomTicketLock.class, "seed 004: the purchase under a process Lock: 1 bought, 3 failed"),
            new Example(TomTicketLockJoin.class, "seed 004: the locked purchase, each buyer joined: Tom1 buys"),
            new Example(SemaphoreHome.class, "seed 004: Semaphore(3) lets 3 of 9 processes into the room at once"),
            new Example(WorkThread.class, "seed 004: Thread(target=work, args=('\u5f20\u4e09',))"),
            new Example(WorkNum.class, "seed 004: the child sets num = 150, the parent's is still 250"),
            new Example(MyProcessClass.class, "seed 004: a Process subclass overriding run"),
            new Example(MyThreadClass.class, "seed 004: a Thread subclass"),
            new Example(RLockMyThread.class, "seed 004: ll = tl = RLock(), one lock taken twice"),
            new Example(TimerStrftime.class, "seed 004: Timer runs func after 2 seconds"),
            new Example(Crosswalk.class, "seed 004: red/green light Event, pedestrians wait on it"),
            new Example(QueueFiveFull.class, "seed 004: Queue(5) filled, put_nowait raises queue.Full, qsize, empty, get, get_nowait"),
            new Example(QueueWriteThenRead.class, "seed 004: a writer child puts four names and is joined, then a reader child gets them"),
            new Example(ExecutorSubmit.class, "seed 004: ThreadPoolExecutor(5), 20 submits, no shutdown: they run at exit"),
            new Example(ProcessExecutorSubmit.class, "seed 004: ProcessPoolExecutor(5), 20 submits; shutdown(true) stands in for the exit"),
            new Example(ExecutorResult.class, "seed 004: submit(func, i).result(), one call at a time"),
            new Example(ProcessExecutorResult.class, "seed 004: ProcessPoolExecutor, submit(func, i).result(), one call at a time"),
            new Example(ExecutorShutdown.class, "seed 004: shutdown() waits for every call, then result()"),
            new Example(ProcessExecutorShutdown.class, "seed 004: ProcessPoolExecutor, shutdown() waits for every call, then result()"),
            new Example(ExecutorDoneCallback.class, "seed 004: add_done_callback(func_A)"),
            new Example(ProcessExecutorDoneCallback.class, "seed 004: ProcessPoolExecutor, add_done_callback(func_A)"));

    /** The example called {@code name} (its class's simple name, any case). */
    public static Optional<Example> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
