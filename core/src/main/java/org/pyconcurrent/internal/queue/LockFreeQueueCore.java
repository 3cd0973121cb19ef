package org.pyconcurrent.internal.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.pyconcurrent.queue.ShutDown;

/**
 * The fast queue: items travel through a lock-free {@link Store}; a thread takes the lock only to
 * wait, and a thread that did not have to wait takes it only if someone is waiting.
 *
 * <h2>State</h2>
 * Three monotonic counters, kept apart so that producers and consumers do not write the same
 * cache line ({@link LockFreeQueueProducers}, {@link LockFreeQueueConsumers}):
 * <ul>
 *   <li>{@code puts}: items ever put, and the {@link #SHUT} flag. A producer claims room by raising
 *       it <em>before</em> it offers to the store (a CAS that also refuses once the queue is full
 *       or shut down).</li>
 *   <li>{@code takes}: items ever taken, raised by a consumer <em>after</em> it polled. So
 *       {@code puts - takes} is the count of items in the store or on their way into or out of it;
 *       the store never holds more than {@code maxsize}, and {@code puts == takes} means no item is
 *       in the store nor on its way there.</li>
 *   <li>{@code dones}: calls of {@code taskDone()}. Python's {@code unfinished_tasks} is
 *       {@code puts - dones}.</li>
 * </ul>
 * A producer checks the bound against {@code producerLimit}, a former {@code takes + maxsize}
 * (as JCTools' MPSC queue caches its consumer index): it reads {@code takes} only when that runs
 * out. {@code taskDone()} checks "called too many times" against {@code takes}, which a consumer
 * has just written, and reads {@code puts} only when {@code dones} would pass {@code takes} (a
 * task marked done before it was taken) or when a joiner waits. Reading {@code takes} before
 * {@code puts} never shows more taken than put, since an item is put before it is taken.
 *
 * <h2>No lost wake-up</h2>
 * A waiter registers in a {@link Waiters} under {@code lock}, then (fenced) checks again for what
 * it waits for, and only then parks on the condition, still holding the lock it
 * registered under. The thread that makes progress possible first publishes (an offer, a
 * {@code takes} increment), issues a full fence, and then reads the waiter count: either the
 * waiter sees the progress or the other thread sees the waiter and signals under the lock, which
 * it cannot take before the waiter has released it by parking. At most one signal is on its way at
 * a time; {@link Waiters} explains how that stays safe. The last {@code taskDone()} wakes every
 * joiner the same way.
 *
 * <p>A woken waiter always checks again before it gives up (on timeout), and AQS hands a signal
 * that raced with an interrupt to the waiter anyway, so a signal is never spent on a thread that
 * leaves without looking.
 *
 * <h2>Shutdown</h2>
 * {@code shutdown} sets {@link #SHUT} in {@code puts} by CAS: no producer can claim room
 * afterwards, and every producer that claimed room before will add its item. An immediate
 * shutdown then drains until {@code takes} catches up with {@code puts}, which also waits out
 * those in-flight producers (a few instructions each; the wait backs off from spinning to yielding
 * to sleeping). Finally it signals every condition. {@code shutdownStarted} repeats the flag on a
 * line that only shutdown writes, so that a consumer can see cheaply whether it must check for
 * "shut down and now empty" after each take.
 */
public final class LockFreeQueueCore extends LockFreeQueuePadAfter implements QueueCore {
    private static final long SHUT = 1L << 62;
    private static final long COUNT = SHUT - 1;

    private final Store store;
    private final int maxsize;
    private final boolean tracksTasks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Waiters getters = new Waiters(lock);
    private final Waiters putters = new Waiters(lock);
    private final Condition allTasksDone = lock.newCondition();
    private volatile int waitingJoiners;
    private volatile boolean shutdownStarted;

    /**
     * @param store the concurrent store that fixes the order
     * @param maxsize the bound, or 0 for none
     * @param tracksTasks false for SimpleQueue, which has no taskDone/join
     */
    public LockFreeQueueCore(Store store, int maxsize, boolean tracksTasks) {
        this.store = store;
        this.maxsize = maxsize;
        this.tracksTasks = tracksTasks;
        PRODUCER_LIMIT.setOpaque(this, maxsize > 0 ? (long) maxsize : COUNT);
    }

    // ---------------------------------------------------------------- put

    @Override
    public boolean offer(Object item, long nanos) throws InterruptedException {
        if (!tryClaimSlot() && !awaitSlot(nanos)) {
            return false;
        }
        try {
            store.offer(item);
        } catch (RuntimeException | Error refused) {
            // A priority queue's comparator threw: the item is not in the store; give back the
            // slot and the task claimed for it, so the queue is as it was.
            PUTS.getAndAdd(this, -1L);
            wakeGettersIfShutAndEmpty();
            putters.wakeOne();
            throw refused;
        }
        VarHandle.fullFence();
        getters.wakeOne();
        return true;
    }

    /** Raises {@code puts} by one unless the queue is full; throws if it is shut down. */
    private boolean tryClaimSlot() {
        for (;;) {
            long p = puts;
            if ((p & SHUT) != 0) {
                throw new ShutDown("put() on a queue that is shut down");
            }
            if (p >= (long) PRODUCER_LIMIT.getOpaque(this) && !roomAfterAll(p)) {
                return false;
            }
            if (PUTS.weakCompareAndSet(this, p, p + 1)) {
                return true;
            }
        }
    }

    /** The cached limit ran out at {@code p} puts: reads {@code takes} for a new one. */
    private boolean roomAfterAll(long p) {
        long limit = takes + maxsize;
        PRODUCER_LIMIT.setOpaque(this, limit);
        return p < limit;
    }

    private boolean awaitSlot(long nanos) throws InterruptedException {
        if (nanos == 0) {
            return false;
        }
        lock.lockInterruptibly();
        try {
            putters.enter();
            try {
                for (;;) {
                    putters.aboutToLook();
                    if (tryClaimSlot()) {
                        putters.handOn(maxsize == 0 || (puts & COUNT) - takes < maxsize);
                        return true;
                    }
                    if (nanos == 0) {
                        return false;
                    }
                    nanos = putters.park(nanos);
                }
            } finally {
                putters.leave();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- get

    @Override
    public Object poll(long nanos) throws InterruptedException {
        Object item = tryTake();
        return item != null ? item : awaitItem(nanos);
    }

    /** Takes the next item if the store has one; throws if the queue is shut down and empty. */
    private Object tryTake() {
        Object item = store.poll();
        if (item != null) {
            TAKES.getAndAdd(this, 1L);
            // The getAndAdd is a full fence: a waiter that registered before it is seen here.
            putters.wakeOne();
            if (shutdownStarted) {
                wakeGettersIfShutAndEmpty();
            }
            return item;
        }
        if (shutAndEmpty()) {
            throw new ShutDown("get() on a queue that is shut down and empty");
        }
        return null;
    }

    /**
     * Whether the queue is shut down with no item in it nor on its way: {@code puts} is read first,
     * so once it shows the flag no producer claims any more, and {@code takes} can only have
     * caught up since.
     */
    private boolean shutAndEmpty() {
        long p = puts;
        return (p & SHUT) != 0 && (p & COUNT) == takes;
    }

    /**
     * After a take (or a claim given back) on a shut-down queue: when that left it empty, wakes
     * every getter. They may have looked while this item was on its way out (the store already
     * empty, {@code takes} not yet raised) and parked; nothing else would wake them.
     */
    private void wakeGettersIfShutAndEmpty() {
        if (shutAndEmpty()) {
            lock.lock();
            try {
                getters.wakeAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private Object awaitItem(long nanos) throws InterruptedException {
        if (nanos == 0) {
            return null;
        }
        lock.lockInterruptibly();
        try {
            getters.enter();
            try {
                for (;;) {
                    getters.aboutToLook();
                    Object item = tryTake();
                    if (item != null) {
                        getters.handOn((puts & COUNT) != takes);
                        return item;
                    }
                    if (nanos == 0) {
                        return null;
                    }
                    nanos = getters.park(nanos);
                }
            } finally {
                getters.leave();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object peek() {
        return store.peek();
    }

    @Override
    public int size() {
        long t = takes;
        long count = (puts & COUNT) - t;
        return (int) Math.max(0L, Math.min(Integer.MAX_VALUE, count));
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public Iterator<Object> iterator() {
        return store.iterator();
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public void taskDone() {
        // One fetch-and-add, no retry loop: consumers calling taskDone() at once do not make each
        // other start over. Every task taken so far is a task put, so a count of dones up to
        // takes is fine without looking at puts. A call too many shows as dones above puts right
        // after its own increment, which it then takes back (others may see the excess for that
        // moment; only a program that calls taskDone() too often can cause one).
        long done = (long) DONES.getAndAdd(this, 1L) + 1L;
        if (done > takes && done > (puts & COUNT)) {
            DONES.getAndAdd(this, -1L);
            wakeJoinersIfNone();
            throw new IllegalArgumentException("taskDone() called too many times");
        }
        wakeJoinersIfNone();
    }

    /**
     * After {@code dones} changed (by a fetch-and-add or CAS, a full fence): wakes the joiners if
     * one waits and no task is left. A joiner registers before it checks, so either it sees this
     * change or this sees it.
     */
    private void wakeJoinersIfNone() {
        if (waitingJoiners != 0 && unfinishedTasks() == 0) {
            lock.lock();
            try {
                allTasksDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Marks one task done if one is unfinished, waking the joiners when it was the last; false if
     * none is. For the items an immediate shutdown drains ("calls task_done() for each remaining
     * item", which CPython skips once the count is zero).
     */
    private boolean finishTask() {
        for (;;) {
            long done = dones;
            if (done >= (puts & COUNT)) {
                return false;
            }
            if (DONES.weakCompareAndSet(this, done, done + 1)) {
                wakeJoinersIfNone();
                return true;
            }
        }
    }

    @Override
    public void join() throws InterruptedException {
        if (unfinishedTasks() == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            waitingJoiners++;
            try {
                VarHandle.fullFence();
                while (unfinishedTasks() != 0) {
                    allTasksDone.await();
                }
            } finally {
                waitingJoiners--;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts − dones, from {@code dones} read before {@code puts}: puts only grow (but for a claim
     * given back, which a task never saw), so the difference is never negative, except for the
     * moment a {@code taskDone()} too many takes its increment back.
     */
    @Override
    public long unfinishedTasks() {
        if (!tracksTasks) {
            return 0;
        }
        long done = dones;
        return Math.max(0L, (puts & COUNT) - done);
    }

    // ---------------------------------------------------------------- shutdown

    @Override
    public void shutdown(boolean immediate) {
        PUTS.getAndBitwiseOr(this, SHUT);
        shutdownStarted = true;
        if (immediate) {
            drain();
        }
        lock.lock();
        try {
            getters.wakeAll();
            putters.wakeAll();
            allTasksDone.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every item, marking each one done (CPython 3.13: "shutdown(immediate=True) calls
     * task_done() for each remaining item"), until {@code takes} has caught up with {@code puts},
     * so that producers that claimed room before the shutdown have added, and lost, their items
     * too.
     */
    private void drain() {
        int idle = 0;
        while ((puts & COUNT) != takes) {
            Object item = store.poll();
            if (item != null) {
                TAKES.getAndAdd(this, 1L);
                putters.wakeOne();
                if (tracksTasks) {
                    finishTask();
                }
                idle = 0;
            } else {
                backOff(idle++);
            }
        }
    }

    /** Waits for a producer or consumer between its two atomic steps: spin, then yield, then sleep. */
    private static void backOff(int round) {
        if (round < 64) {
            Thread.onSpinWait();
        } else if (round < 128) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
    }

    @Override
    public boolean isShutdown() {
        return (puts & SHUT) != 0;
    }

    private static final VarHandle PUTS;
    private static final VarHandle PRODUCER_LIMIT;
    private static final VarHandle TAKES;
    private static final VarHandle DONES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PUTS = lookup.findVarHandle(LockFreeQueueProducers.class, "puts", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(LockFreeQueueProducers.class, "producerLimit", long.class);
            TAKES = lookup.findVarHandle(LockFreeQueueConsumers.class, "takes", long.class);
            DONES = lookup.findVarHandle(LockFreeQueueConsumers.class, "dones", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
