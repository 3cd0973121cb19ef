package org.pyconcurrent.internal.queue;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.varhandle.MpmcVarHandleArrayQueue;

/**
 * The stores of {@link LockFreeQueueCore}: lock-free structures that any thread may call. The
 * core claims room before it offers, so an offer never meets a full structure.
 */
final class ConcurrentStores {
    private ConcurrentStores() {
    }

    /**
     * Largest maxsize whose FIFO store is a preallocated array. The core's count enforces the
     * bound whatever the store, so a larger queue uses the linked store and costs memory only for
     * the items it holds (a Python {@code Queue(10**9)} allocates nothing up front either).
     */
    static final int LARGEST_ARRAY = 1 << 16;

    /**
     * First in, first out, bounded: JCTools' MPMC array queue (Vyukov's bounded queue), sized to
     * the next power of two; the VarHandle build, which needs no {@code sun.misc.Unsafe}. Above
     * {@link #LARGEST_ARRAY}, the unbounded store.
     */
    static Store boundedFifo(int maxsize) {
        if (maxsize > LARGEST_ARRAY) {
            return unboundedFifo();
        }
        return new MpmcArray(maxsize);
    }

    /**
     * The bounded FIFO store, through JCTools' relaxed calls. The strict {@code poll} and
     * {@code offer} spin while another thread is between claiming a slot and finishing with it; a
     * thread preempted there (four threads on two CPUs) keeps the spinner busy for the rest of its
     * time slice. The relaxed {@code poll} returns null instead, and the core then waits on its
     * condition until that put signals; a relaxed {@code offer} that meets a slot still being
     * emptied backs off (spin, then yield) and finally falls back to the strict one. Measured:
     * 2 producers / 2 consumers with {@code taskDone()} on 2 CPUs from 6.5 to 9.7 M items/s, 1P/1C
     * unchanged (docs/benchmarks.md).
     */
    static final class MpmcArray extends QueueStore {
        /** Relaxed offers before the strict one: 64 spins, then 64 yields. */
        private static final int RELAXED_TRIES = 128;
        private final MpmcVarHandleArrayQueue<Object> items;

        MpmcArray(int maxsize) {
            this(new MpmcVarHandleArrayQueue<>(Math.max(2, maxsize)));
        }

        private MpmcArray(MpmcVarHandleArrayQueue<Object> items) {
            super(items);
            this.items = items;
        }

        @Override
        public void offer(Object item) {
            for (int i = 0; i < RELAXED_TRIES; i++) {
                if (items.relaxedOffer(item)) {
                    return;
                }
                if (i < RELAXED_TRIES / 2) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();  // the consumer emptying the slot may be waiting for this CPU
                }
            }
            super.offer(item);  // the strict offer
        }

        @Override
        public Object poll() {
            return items.relaxedPoll();
        }
    }

    /**
     * First in, first out, unbounded: the JDK's lock-free linked queue (Michael and Scott). JCTools'
     * unbounded MPMC queue would be faster but exists only on {@code sun.misc.Unsafe}, which JDK 24+
     * warns about and will remove (docs/design.md).
     */
    static Store unboundedFifo() {
        return new QueueStore(new ConcurrentLinkedQueue<>());
    }

    /** Last in, first out: a lock-free deque used as a stack. */
    static Store stack() {
        return new QueueStore(Collections.asLifoQueue(new ConcurrentLinkedDeque<>()));
    }

    /** Lowest first, ties in insertion order: a lock-free skip list. */
    static final class SkipList implements Store {
        private final ConcurrentSkipListSet<Ranked> items;
        private final AtomicLong nextSequence = new AtomicLong();

        SkipList(Comparator<Object> priority) {
            items = new ConcurrentSkipListSet<>(Ranked.order(priority));
        }

        @Override
        public void offer(Object item) {
            items.add(new Ranked(item, nextSequence.getAndIncrement()));
        }

        @Override
        public Object poll() {
            Ranked next = items.pollFirst();
            return next == null ? null : next.item();
        }

        @Override
        public Object peek() {
            try {
                return items.first().item();
            } catch (java.util.NoSuchElementException empty) {
                return null;
            }
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<Object> iterator() {
            return ReadOnlyIterator.of(items.stream().map(Ranked::item).iterator());
        }
    }
}
