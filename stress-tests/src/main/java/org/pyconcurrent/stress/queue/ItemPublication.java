package org.pyconcurrent.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.pyconcurrent.queue.Backend;
import org.pyconcurrent.queue.Empty;
import org.pyconcurrent.queue.Queue;

/**
 * The queue publishes its items: actor 1 creates an object, writes two plain (non-final) fields
 * and puts it; actor 2 takes it with {@code getNowait()} and reads the fields. The package
 * promises "actions in a thread prior to placing an item into a queue happen-before actions
 * subsequent to the retrieval of that item in another thread", so a taken object must show both
 * writes.
 *
 * <p>Results: (first field, second field), or "-1, -1" if the get came first and raised
 * {@link Empty}. Three stores: the locked backend's, and the lock-free backend's unbounded
 * ({@code ConcurrentLinkedQueue}) and bounded (JCTools' MPMC array queue) FIFO stores.
 */
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Took the item; both writes made before put() are visible.")
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "The get came first: Empty.")
@Outcome(expect = FORBIDDEN, desc = "Took the item but a write made before put() is not visible.")
public abstract class ItemPublication {
    /** The item: plain fields, written after construction, so only the queue can publish them. */
    static final class Box {
        int first;
        int second;
    }

    private final Queue<Box> queue;

    ItemPublication(Backend backend, int maxsize) {
        queue = new Queue<>(maxsize, backend);
    }

    public void producer() {
        Box box = new Box();
        box.first = 1;
        box.second = 2;
        queue.putNowait(box);
    }

    public void consumer(II_Result r) {
        try {
            Box box = queue.getNowait();
            r.r1 = box.first;
            r.r2 = box.second;
        } catch (Empty e) {
            r.r1 = -1;
            r.r2 = -1;
        }
    }

    /** On {@link Backend#LOCKED}, unbounded. */
    @JCStressTest
    @State
    public static class Locked extends ItemPublication {
        public Locked() {
            super(Backend.LOCKED, 0);
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer(II_Result r) {
            super.consumer(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}, unbounded. */
    @JCStressTest
    @State
    public static class LockFree extends ItemPublication {
        public LockFree() {
            super(Backend.LOCK_FREE, 0);
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer(II_Result r) {
            super.consumer(r);
        }
    }

    /** On {@link Backend#LOCK_FREE}, bounded (maxsize 1): the MPMC array store. */
    @JCStressTest
    @State
    public static class LockFreeBounded extends ItemPublication {
        public LockFreeBounded() {
            super(Backend.LOCK_FREE, 1);
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer(II_Result r) {
            super.consumer(r);
        }
    }
}
