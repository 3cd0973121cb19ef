package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Barrier}: the {@link BarrierContract} plus its constructors, messages and toString. */
class BarrierTest extends BarrierContract {

    @Override
    protected BarrierLike newBarrier(int parties, Runnable action, Duration timeout) {
        return adapt(new Barrier(parties, action, timeout));
    }

    static BarrierLike adapt(Barrier barrier) {
        return new BarrierLike() {
            @Override
            public int await() throws InterruptedException {
                return barrier.await();
            }

            @Override
            public int await(Duration timeout) throws InterruptedException {
                return barrier.await(timeout);
            }

            @Override
            public int parties() {
                return barrier.parties();
            }

            @Override
            public int nWaiting() {
                return barrier.nWaiting();
            }

            @Override
            public boolean broken() {
                return barrier.broken();
            }

            @Override
            public void abort() {
                barrier.abort();
            }

            @Override
            public void reset() {
                barrier.reset();
            }
        };
    }

    @Test
    void shortConstructors() throws Exception {
        Barrier plain = new Barrier(1);
        assertEquals(1, plain.parties());
        assertEquals(0, plain.await());
        int[] ran = {0};
        Barrier withAction = new Barrier(1, () -> ran[0]++);
        withAction.await();
        withAction.await();
        assertEquals(2, ran[0]);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Barrier(0)), "0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Barrier(-1, () -> { })), "-1");
        assertThrows(NullPointerException.class, () -> new Barrier(2, null, null).await(null));
    }

    @Test
    void interruptRacingTheLastArrivalDoesNotSplitTheRound() throws Exception {
        // The action runs in the last party, under the barrier's lock, before the round is
        // released. A waiter interrupted during the action sees its interrupt only once the round
        // has passed. A round is all or nothing: the last party returned normally, so every party of
        // the round must return its index (the victim with its interrupt status kept, as
        // CyclicBarrier does), and the barrier must not be broken for the next round.
        AtomicReference<TestThreads.Task<Integer>> victim = new AtomicReference<>();
        Barrier barrier = new Barrier(3, () -> {
            victim.get().interrupt();
            try {
                Thread.sleep(TestThreads.SETTLE.toMillis()); // the victim wakes, then blocks on the lock
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        victim.set(threads.call(() -> {
            int index = barrier.await();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt was swallowed");
            return index;
        }));
        TestThreads.Task<Integer> other = threads.call(barrier::await);
        victim.get().awaitParked();
        other.awaitParked();
        TestThreads.awaitUntil("two waiting", () -> barrier.nWaiting() == 2);
        assertEquals(2, barrier.await());
        assertEquals(Set.of(0, 1), Set.of(victim.get().join(), other.join()));
        assertFalse(barrier.broken(), "a round that passed left the barrier broken");
    }

    @Test
    void brokenBarrierErrorIsUnchecked() {
        assertInstanceOf(RuntimeException.class, new BrokenBarrierError("x"));
    }

    @Test
    void timeoutMessageNamesTheTimeout() {
        Barrier barrier = new Barrier(2);
        BrokenBarrierError e = assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ofMillis(30)));
        assertMentions(e, Duration.ofMillis(30).toString());
    }

    @Test
    void toStringShowsState() {
        Barrier barrier = new Barrier(3);
        assertEquals("<Barrier parties=3, waiting=0>", barrier.toString());
        barrier.abort();
        assertTrue(barrier.toString().contains("broken"), barrier.toString());
    }
}
