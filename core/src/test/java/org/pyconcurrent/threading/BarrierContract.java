package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyconcurrent.threading.BaseLockContract.assertMentions;
import static org.pyconcurrent.threading.TestThreads.PATIENCE;
import static org.pyconcurrent.threading.TestThreads.SHORT;
import static org.pyconcurrent.threading.TestThreads.assertWaitedAtLeast;
import static org.pyconcurrent.threading.TestThreads.awaitAllParked;
import static org.pyconcurrent.threading.TestThreads.awaitUntil;
import static org.pyconcurrent.threading.TestThreads.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a barrier does: CPython's {@code BarrierTests}, plus the Java forms (Duration timeouts,
 * interrupts). Holds for {@link Barrier} and multiprocessing's {@code Barrier}. Extend it, implement
 * the factory and adapt the type to {@link BarrierLike}.
 */
public abstract class BarrierContract extends ThreadedTest {

    /** The barrier API the contract uses (Python's {@code wait} is {@code await}). */
    public interface BarrierLike {
        int await() throws InterruptedException;

        int await(Duration timeout) throws InterruptedException;

        int parties();

        int nWaiting();

        boolean broken();

        void abort();

        void reset();
    }

    /**
     * A new barrier for {@code parties} threads, with an {@code action} (may be null) and a default
     * timeout (null: none).
     *
     * @throws IllegalArgumentException if {@code parties < 1} or the timeout is negative
     */
    protected abstract BarrierLike newBarrier(int parties, Runnable action, Duration timeout);

    protected final BarrierLike newBarrier(int parties) {
        return newBarrier(parties, null, null);
    }

    /** {@code n} threads each pass {@code barrier} once and return their arrival index. */
    private List<TestThreads.Task<Integer>> startParties(BarrierLike barrier, int n) {
        List<TestThreads.Task<Integer>> parties = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parties.add(threads.call(barrier::await));
        }
        return parties;
    }

    private static Set<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toSet());
    }

    @Test
    public void constructorRejectsBadArguments() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> newBarrier(0)), "0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> newBarrier(-2)), "-2");
        Duration negative = Duration.ofSeconds(-1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> newBarrier(2, null, negative)),
                negative.toString());
        BarrierLike barrier = newBarrier(3);
        assertEquals(3, barrier.parties());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    public void arrivalIndicesAreExactlyZeroToNMinusOneEveryRound() throws Exception {
        // CPython's test_barrier and test_wait_return, several passes over one barrier.
        int n = 5;
        int rounds = 20;
        BarrierLike barrier = newBarrier(n);
        List<Set<Integer>> indices = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            indices.add(ConcurrentHashMap.newKeySet());
        }
        TestThreads.joinAll(threads.runMany(n, i -> {
            for (int r = 0; r < rounds; r++) {
                indices.get(r).add(barrier.await());
            }
        }));
        for (int r = 0; r < rounds; r++) {
            assertEquals(range(n), indices.get(r), "arrival indices of round " + r);
        }
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    @Test
    public void noThreadLeavesBeforeAllArrive() throws Exception {
        int n = 4;
        BarrierLike barrier = newBarrier(n);
        AtomicInteger arrived = new AtomicInteger();
        List<Integer> seenOnLeaving = Collections.synchronizedList(new ArrayList<>());
        List<TestThreads.Task<Void>> parties = threads.runMany(n - 1, i -> {
            arrived.incrementAndGet();
            barrier.await();
            seenOnLeaving.add(arrived.get());
        });
        awaitAllParked(parties);
        settle();
        assertTrue(seenOnLeaving.isEmpty(), "a party left before the last one arrived");
        arrived.incrementAndGet();
        assertEquals(n - 1, barrier.await(), "the last to arrive gets parties - 1");
        TestThreads.joinAll(parties);
        assertEquals(List.of(n, n, n), seenOnLeaving);
    }

    @Test
    public void singleParty() throws Exception {
        // CPython's test_single_thread.
        BarrierLike barrier = newBarrier(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, barrier.await());
            assertEquals(0, barrier.await(Duration.ZERO));
        }
        assertFalse(barrier.broken());
    }

    @Test
    public void actionRunsOncePerRoundBeforeAnyoneIsReleased() throws Exception {
        // CPython's test_action.
        int n = 4;
        int rounds = 10;
        AtomicInteger actions = new AtomicInteger();
        List<Thread> actionThreads = Collections.synchronizedList(new ArrayList<>());
        BarrierLike barrier = newBarrier(n, () -> {
            actions.incrementAndGet();
            actionThreads.add(Thread.currentThread());
        }, null);
        List<Thread> lastArrivals = Collections.synchronizedList(new ArrayList<>());
        List<Thread> partyThreads = Collections.synchronizedList(new ArrayList<>());
        TestThreads.joinAll(threads.runMany(n, i -> {
            partyThreads.add(Thread.currentThread());
            for (int r = 0; r < rounds; r++) {
                int index = barrier.await();
                // No party of this round has left before the action ran, and the next round's
                // action cannot have run yet: it needs this thread.
                assertEquals(r + 1, actions.get(), "actions seen on leaving round " + r);
                if (index == n - 1) {
                    lastArrivals.add(Thread.currentThread());
                }
            }
        }));
        assertEquals(rounds, actions.get());
        assertTrue(partyThreads.containsAll(actionThreads), "the action ran outside the parties");
        // The action runs in the last thread to arrive, the one that gets index parties - 1.
        assertEquals(new HashSet<>(lastArrivals), new HashSet<>(actionThreads));
        assertEquals(rounds, lastArrivals.size());
    }

    @Test
    public void throwingActionBreaksBarrierAndLastPartyGetsTheException() throws Exception {
        int n = 3;
        IllegalStateException boom = new IllegalStateException("boom");
        BarrierLike barrier = newBarrier(n, () -> {
            throw boom;
        }, null);
        List<TestThreads.Task<Integer>> waiting = startParties(barrier, n - 1);
        awaitAllParked(waiting);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, barrier::await);
        assertSame(boom, thrown, "the last party must get the action's own exception");
        for (TestThreads.Task<Integer> party : waiting) {
            party.joinThrows(BrokenBarrierError.class);
        }
        assertTrue(barrier.broken());
        assertThrows(BrokenBarrierError.class, barrier::await);
    }

    @Test
    public void abortBreaksWaitersAndLaterArrivals() throws Exception {
        // CPython's test_abort.
        BarrierLike barrier = newBarrier(3);
        List<TestThreads.Task<Integer>> waiting = startParties(barrier, 2);
        awaitAllParked(waiting);
        awaitUntil("two waiting", () -> barrier.nWaiting() == 2);
        barrier.abort();
        for (TestThreads.Task<Integer> party : waiting) {
            assertNotNull(party.joinThrows(BrokenBarrierError.class).getMessage());
        }
        assertTrue(barrier.broken());
        assertEquals(0, barrier.nWaiting());
        assertThrows(BrokenBarrierError.class, barrier::await);
        assertThrows(BrokenBarrierError.class, () -> barrier.await(PATIENCE));
        assertTrue(barrier.broken());
    }

    @Test
    public void resetBreaksCurrentWaitersAndKeepsTheBarrierUsable() throws Exception {
        // CPython's test_reset.
        BarrierLike barrier = newBarrier(3);
        List<TestThreads.Task<Integer>> waiting = startParties(barrier, 2);
        awaitAllParked(waiting);
        awaitUntil("two waiting", () -> barrier.nWaiting() == 2);
        barrier.reset();
        for (TestThreads.Task<Integer> party : waiting) {
            party.joinThrows(BrokenBarrierError.class);
        }
        assertFalse(barrier.broken(), "reset left the barrier broken");
        assertEquals(0, barrier.nWaiting());
        assertEquals(range(3), new HashSet<>(TestThreads.joinAll(startParties(barrier, 3))));
    }

    @Test
    public void resetOfIdleBarrierChangesNothing() throws Exception {
        BarrierLike barrier = newBarrier(2);
        barrier.reset();
        assertFalse(barrier.broken());
        assertEquals(range(2), new HashSet<>(TestThreads.joinAll(startParties(barrier, 2))));
    }

    @Test
    public void abortThenResetMakesItUsableAgain() throws Exception {
        // CPython's test_abort_and_reset.
        BarrierLike barrier = newBarrier(3);
        List<TestThreads.Task<Integer>> waiting = startParties(barrier, 1);
        awaitAllParked(waiting);
        barrier.abort();
        waiting.get(0).joinThrows(BrokenBarrierError.class);
        assertTrue(barrier.broken());
        barrier.reset();
        assertFalse(barrier.broken());
        for (int round = 0; round < 3; round++) {
            assertEquals(range(3), new HashSet<>(TestThreads.joinAll(startParties(barrier, 3))));
        }
    }

    @Test
    public void timeoutBreaksTheBarrierForEveryParty() throws Exception {
        // CPython's test_timeout.
        BarrierLike barrier = newBarrier(3);
        TestThreads.Task<Integer> patient = threads.call(barrier::await);
        patient.awaitParked();
        long start = System.nanoTime();
        BrokenBarrierError e = assertThrows(BrokenBarrierError.class, () -> barrier.await(SHORT));
        assertWaitedAtLeast(SHORT, start);
        assertNotNull(e.getMessage());
        patient.joinThrows(BrokenBarrierError.class);
        assertTrue(barrier.broken());
        assertEquals(0, barrier.nWaiting());
        assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ZERO));
    }

    @Test
    public void defaultTimeoutApplies() throws Exception {
        // CPython's test_default_timeout.
        BarrierLike barrier = newBarrier(3, null, SHORT);
        List<TestThreads.Task<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiting.add(threads.call(() -> {
                long t0 = System.nanoTime();
                try {
                    barrier.await();
                    return -1L;
                } catch (BrokenBarrierError expected) {
                    return System.nanoTime() - t0;
                }
            }));
        }
        long longest = 0;
        for (TestThreads.Task<Long> party : waiting) {
            long waited = party.join();
            assertTrue(waited >= 0, "a party passed a barrier that never filled");
            longest = Math.max(longest, waited);
        }
        assertTrue(longest >= SHORT.minus(TestThreads.TIMING_SLACK).toNanos(),
                "broke after " + Duration.ofNanos(longest) + ", before the default timeout " + SHORT);
        assertTrue(barrier.broken());
    }

    @Test
    public void explicitTimeoutReplacesTheDefault() throws Exception {
        BarrierLike barrier = newBarrier(2, null, Duration.ofMillis(20));
        TestThreads.Task<Integer> patient = threads.call(() -> barrier.await(PATIENCE));
        patient.awaitParked();
        Thread.sleep(SHORT.toMillis() * 2); // well past the 20 ms default
        assertFalse(barrier.broken(), "the default timeout applied to await(Duration)");
        assertEquals(1, barrier.await(PATIENCE));
        assertEquals(0, patient.join());
    }

    @Test
    public void zeroTimeoutBreaksUnlessLast() throws Exception {
        BarrierLike barrier = newBarrier(2);
        TestThreads.Task<Integer> first = threads.call(barrier::await);
        first.awaitParked();
        assertEquals(1, barrier.await(Duration.ZERO), "the last party does not wait, so 0 is enough");
        assertEquals(0, first.join());
        assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ZERO));
        assertTrue(barrier.broken());
    }

    @Test
    public void maximalTimeoutDoesNotOverflow() throws Exception {
        BarrierLike barrier = newBarrier(2, null, Duration.ofSeconds(Long.MAX_VALUE));
        TestThreads.Task<Integer> first = threads.call(() -> barrier.await(Duration.ofSeconds(Long.MAX_VALUE)));
        first.awaitParked();
        settle();
        assertFalse(barrier.broken(), "a maximal timeout expired at once");
        assertEquals(1, barrier.await());
        assertEquals(0, first.join());
    }

    @Test
    public void nWaitingCountsPartiesOfTheCurrentRound() throws Exception {
        BarrierLike barrier = newBarrier(3);
        assertEquals(0, barrier.nWaiting());
        TestThreads.Task<Integer> a = threads.call(barrier::await);
        awaitUntil("one waiting", () -> barrier.nWaiting() == 1);
        TestThreads.Task<Integer> b = threads.call(barrier::await);
        awaitUntil("two waiting", () -> barrier.nWaiting() == 2);
        a.awaitParked();
        b.awaitParked();
        assertEquals(2, barrier.await());
        assertEquals(Set.of(0, 1), Set.of(a.join(), b.join()));
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    public void interruptingAWaitingPartyBreaksTheBarrier() throws Exception {
        BarrierLike barrier = newBarrier(3);
        TestThreads.Task<Integer> victim = threads.call(barrier::await);
        TestThreads.Task<Integer> other = threads.call(() -> barrier.await(PATIENCE));
        victim.awaitParked();
        other.awaitParked();
        awaitUntil("two waiting", () -> barrier.nWaiting() == 2);
        victim.interrupt();
        victim.joinThrows(InterruptedException.class);
        other.joinThrows(BrokenBarrierError.class);
        assertTrue(barrier.broken());
        assertThrows(BrokenBarrierError.class, barrier::await);
        barrier.reset();
        assertEquals(range(3), new HashSet<>(TestThreads.joinAll(startParties(barrier, 3))));
    }

    @Test
    public void alreadyInterruptedPartyThrowsAtOnceAndBreaksTheBarrier() throws Exception {
        BarrierLike barrier = newBarrier(2);
        threads.call(() -> {
            Thread.currentThread().interrupt();
            return barrier.await();
        }).joinThrows(InterruptedException.class);
        assertTrue(barrier.broken());
        assertEquals(0, barrier.nWaiting());
    }

    @Test
    public void badTimeoutsAreRejectedWithoutBreaking() throws Exception {
        BarrierLike barrier = newBarrier(2);
        Duration negative = Duration.ofMillis(-10);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> barrier.await(negative)),
                negative.toString());
        assertThrows(NullPointerException.class, () -> barrier.await(null));
        assertFalse(barrier.broken(), "a rejected argument broke the barrier");
        assertEquals(0, barrier.nWaiting(), "a rejected call counted as a party");
        assertEquals(range(2), new HashSet<>(TestThreads.joinAll(startParties(barrier, 2))));
    }

    @Test
    public void barrierPublishesWritesOfEveryParty() throws Exception {
        int n = 4;
        BarrierLike barrier = newBarrier(n);
        int[] slots = new int[n];
        List<TestThreads.Task<Integer>> parties = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int me = i;
            parties.add(threads.call(() -> {
                slots[me] = me + 1;
                barrier.await();
                int sum = 0;
                for (int s : slots) {
                    sum += s;
                }
                return sum;
            }));
        }
        for (int sum : TestThreads.joinAll(parties)) {
            assertEquals(n * (n + 1) / 2, sum);
        }
    }
}
