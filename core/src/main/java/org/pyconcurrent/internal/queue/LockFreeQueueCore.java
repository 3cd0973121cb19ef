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
 * <ul>
 *   <li>{@code state}: the item count in bits 0..30, {@link #SHUT} in bit 31, and in bits 32..63
 *       how many items were ever put, modulo 2<sup>32</sup> (for task accounting). A producer claims
 *       room by raising the count <em>before</em> it offers to the store (a CAS that also refuses
 *       once the queue is full or shut down); a consumer lowers it <em>after</em> it polled. So the
 *       store never holds more than {@code maxsize} items, and {@code count == 0} means no item is
 *       in the store nor on its way there.</li>
 *   <li>{@code dones}: how many times {@code taskDone()} was called (or an immediate shutdown
 *       marked a drained item done). Python's {@code unfinished_tasks} is puts − dones, exact
 *       while fewer than 2<sup>31</sup> tasks are unfinished. Counting puts in the word a put
 *       CASes anyway saves a producer an atomic operation per item; only consumers write
 *       {@code dones}, on its own cache line. A put counts its task in the same CAS that claims
 *       room, before its item can be taken, so a {@code taskDone()} never runs ahead of it.</li>
 *   <li>{@code getters}, {@code putters} ({@link Waiters}) and {@code waitingJoiners}: the threads
 *       in the slow path of each kind, changed only under {@code lock}.</li>
 * </ul>
 *
 * <h2>No lost wake-up</h2>
 * A waiter registers in a {@link Waiters} under {@code lock}, then (fenced) checks again for what
 * it waits for, and only then parks on the condition, still holding the lock it registered under.
 * The thread that makes progress possible first publishes (an offer, a count decrement), issues a
 * full fence, and then reads the waiter count: either the waiter sees the progress or the other
 * thread sees the waiter and signals under the lock, which it cannot take before the waiter has
 * released it by parking. At most one signal is on its way at a time; {@link Waiters} explains
 * how that stays safe. The last {@code taskDone()} wakes every joiner the same way.
 *
 * <p>A woken waiter always checks again before it gives up (on timeout), and AQS hands a signal
 * that raced with an interrupt to the waiter anyway, so a signal is never spent on a thread that
 * leaves without looking.
 *
 * <h2>Shutdown</h2>
 * {@code shutdown} sets {@link #SHUT} by CAS: no producer can claim room afterwards, and every
 * producer that claimed room before will add its item. An immediate shutdown then drains until
 * the count is zero, which also waits out those in-flight producers (a few instructions each;
 * the wait backs off from spinning to yielding to sleeping). Finally it signals every condition.
 */
public final class LockFreeQueueCore extends LockFreeQueuePadAfter implements QueueCore {
    private static final long COUNT = (1L << 31) - 1;
    private static final long SHUT = 1L << 31;
    private static final long ONE_PUT = 1L << 32;
    private static final long TASK_MASK = 0xFFFF_FFFFL;
    /** A puts − dones difference this large is a negative one: a taskDone() too many. */
    private static final long NEGATIVE = 1L << 31;

    private final Store store;
    private final int maxsize;
    /** The count at which the queue is full: maxsize, or never for an unbounded queue. */
    private final long capacity;
    private final boolean tracksTasks;
    /** What a claim adds to {@code state}: one item, and one put if tasks are tracked. */
    private final long claim;
    private final ReentrantLock lock = new ReentrantLock();
    private final Waiters getters = new Waiters(lock);
    private final Waiters putters = new Waiters(lock);
    private final Condition allTasksDone = lock.newCondition();
    private volatile int waitingJoiners;

    /**
     * @param store the concurrent store that fixes the order
     * @param maxsize the bound, or 0 for none
     * @param tracksTasks false for SimpleQueue, which has no taskDone/join
     */
    public LockFreeQueueCore(Store store, int maxsize, boolean tracksTasks) {
        this.store = store;
        this.maxsize = maxsize;
        this.capacity = maxsize > 0 ? maxsize : COUNT;
        this.tracksTasks = tracksTasks;
        this.claim = tracksTasks ? 1L + ONE_PUT : 1L;
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
            releaseSlot(claim);
            throw refused;
        }
        VarHandle.fullFence();
        getters.wakeOne();
        return true;
    }

    /**
     * Lowers the count by one for an item that left the store (or never entered it), and wakes
     * whoever that lets go on: a putter waiting for room, and, when it leaves a shut-down queue
     * empty, every getter. Those getters may have looked while this item was on its way out (the
     * store already empty, the count not yet lowered) and parked; nothing else would wake them.
     */
    private void releaseSlot(long claimed) {
        long after = (long) STATE.getAndAdd(this, -claimed) - claimed;
        // The getAndAdd is a full fence: a waiter that registered before it is seen here.
        putters.wakeOne();
        if ((after & (COUNT | SHUT)) == SHUT) {
            lock.lock();
            try {
                getters.wakeAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Raises the count by one unless the queue is full; throws if it is shut down. */
    private boolean tryClaimSlot() {
        for (;;) {
            long s = state;
            if ((s & SHUT) != 0) {
                throw new ShutDown("put() on a queue that is shut down");
            }
            if ((s & COUNT) >= capacity) {
                return false;
            }
            if (STATE.weakCompareAndSet(this, s, s + claim)) {
                return true;
            }
        }
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
                        putters.handOn((state & COUNT) < capacity);
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
            releaseSlot(1L);
            return item;
        }
        if ((state & (COUNT | SHUT)) == SHUT) {
            throw new ShutDown("get() on a queue that is shut down and empty");
        }
        return null;
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
                        getters.handOn((state & COUNT) != 0);
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
        return (int) Math.min(Integer.MAX_VALUE, state & COUNT);
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
        // other start over. A call too many shows as a negative difference right after its own
        // increment, which it then takes back (others may see the dip for that moment; only a
        // program that calls taskDone() too often can cause one).
        long done = (long) DONES.getAndAdd(this, 1L) + 1L;
        long left = unfinished(done, state);
        if (left >= NEGATIVE) {
            done = (long) DONES.getAndAdd(this, -1L) - 1L;
            wakeJoinersIfNone(done);
            throw new IllegalArgumentException("taskDone() called too many times");
        }
        if (left == 0) {
            wakeJoinersIfNone(done);
        }
    }

    /** After {@code dones} became {@code done} (a full fence): wakes the joiners if none is left. */
    private void wakeJoinersIfNone(long done) {
        if (unfinished(done, state) == 0 && waitingJoiners != 0) {
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
            // dones first, then state: puts only grow, so the difference is never negative,
            // except for the moment a taskDone() too many takes its increment back.
            long left = unfinished(done, state);
            if (left == 0 || left >= NEGATIVE) {
                return false;
            }
            if (DONES.weakCompareAndSet(this, done, done + 1)) {
                // The CAS is a full fence: a joiner that registered before it is seen here.
                wakeJoinersIfNone(done + 1);
                return true;
            }
        }
    }

    /** Puts − dones, from {@code dones} read before {@code state}. */
    private static long unfinished(long done, long state) {
        return ((state >>> 32) - done) & TASK_MASK;
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

    @Override
    public long unfinishedTasks() {
        if (!tracksTasks) {
            return 0;
        }
        long done = dones;
        long left = unfinished(done, state);
        return left >= NEGATIVE ? 0 : left;
    }

    // ---------------------------------------------------------------- shutdown

    @Override
    public void shutdown(boolean immediate) {
        long s;
        do {
            s = state;
        } while ((s & SHUT) == 0 && !STATE.weakCompareAndSet(this, s, s | SHUT));
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
     * task_done() for each remaining item"), until the count is zero, so that producers that
     * claimed room before the shutdown have added, and lost, their items too.
     */
    private void drain() {
        int idle = 0;
        while ((state & COUNT) != 0) {
            Object item = store.poll();
            if (item != null) {
                releaseSlot(1L);
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
        return (state & SHUT) != 0;
    }

    private static final VarHandle STATE;
    private static final VarHandle DONES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(LockFreeQueueHot.class, "state", long.class);
            DONES = lookup.findVarHandle(LockFreeQueueTasks.class, "dones", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
