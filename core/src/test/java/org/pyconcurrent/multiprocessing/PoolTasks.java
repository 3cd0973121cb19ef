package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the pool tests hand to a pool. Every task of {@link WorkerPoolContract} is a method
 * reference to one of these static methods, or a lambda that calls one and captures only
 * serializable values (numbers, strings), so that the contract also holds for a pool whose
 * workers are other processes. CPython's {@code sqr}, {@code mul}, {@code raising} and
 * {@code exception_throwing_generator} of {@code _test_multiprocessing.py}.
 */
final class PoolTasks {
    /** How long a task that should not finish during the test sleeps ("forever"). */
    static final Duration LONG = Duration.ofSeconds(30);

    /** Set by {@link #markInitialized()}, in whatever JVM the pool's workers run. */
    private static volatile String initMark;

    private PoolTasks() {
    }

    /** CPython's {@code sqr(x)}. */
    static Integer sqr(Integer x) {
        return x * x;
    }

    /** CPython's {@code sqr(x, wait)}: sleeps {@code millis}, then squares. */
    static Integer sqrSlowly(Integer x, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return x * x;
    }

    /** Sleeps {@link #LONG} (interruptibly), then returns {@code x}. */
    static Integer sleepLong(Integer x) throws InterruptedException {
        Thread.sleep(LONG);
        return x;
    }

    /** Busy for {@code millis} whatever interrupts arrive, then returns {@code millis}. */
    static Integer spin(Integer millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
        return millis;
    }

    /** CPython's {@code operator.mul}, for starmap. */
    static Integer mul(Integer a, Integer b) {
        return a * b;
    }

    /** A function of three arguments, for starmap. */
    static Integer mul3(Integer a, Integer b, Integer c) {
        return a * b * c;
    }

    /** Squares {@code x}, except that {@code x == bad} raises {@link SayWhenError}. */
    static Integer sqrUnless(Integer x, int bad) {
        if (x == bad) {
            throw new SayWhenError("said when at " + x);
        }
        return x * x;
    }

    /** Squares {@code x}, except that {@code x == bad} raises the checked {@link SayWhenChecked}. */
    static Integer sqrUnlessChecked(Integer x, int bad) throws SayWhenChecked {
        if (x == bad) {
            throw new SayWhenChecked("said when at " + x);
        }
        return x * x;
    }

    /** CPython's {@code raising()}: an unchecked exception. */
    static Integer raise(String message) {
        throw new SayWhenError(message);
    }

    /** A checked exception. */
    static Integer raiseChecked(String message) throws SayWhenChecked {
        throw new SayWhenChecked(message);
    }

    /** An {@link Error}. */
    static Integer raiseFatal(String message) {
        throw new SayWhenFatal(message);
    }

    /** Python's None for odd numbers, the number itself for even ones. */
    static Integer noneForOdd(Integer x) {
        return x % 2 == 0 ? x : null;
    }

    /** How a possibly-None argument arrived. */
    static String describe(Integer x) {
        return x == null ? "None" : "int " + x;
    }

    /** An initializer: marks the worker's JVM. */
    static void markInitialized() {
        initMark = "initialized";
    }

    /** A task: what {@link #markInitialized()} left in the worker's JVM. */
    static String initMark() {
        return initMark;
    }

    /** Forgets the mark in this JVM. */
    static void resetInitMark() {
        initMark = null;
    }

    // ---- inputs and expectations (used in the test's own JVM only) ------------------------------

    /** Python's {@code list(range(n))}. */
    static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /** Python's {@code [x * x for x in range(n)]}. */
    static List<Integer> squares(int n) {
        return squares(0, n);
    }

    /** The squares of {@code from .. to - 1}. */
    static List<Integer> squares(int from, int to) {
        List<Integer> list = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            list.add(i * i);
        }
        return list;
    }

    /**
     * CPython's {@code exception_throwing_generator(total, when)}: 0, 1, ..., total - 1, except that
     * asking for the item at index {@code when} raises {@link SayWhenError}. Each call of
     * {@code iterator()} starts again.
     */
    static Iterable<Integer> throwingAt(int total, int when) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public Integer next() {
                if (next == when) {
                    throw new SayWhenError("Somebody said when");
                }
                if (next >= total) {
                    throw new NoSuchElementException();
                }
                return next++;
            }
        };
    }

    /** CPython's {@code SayWhenError}: an unchecked exception a task or an input raises. */
    static final class SayWhenError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SayWhenError(String message) {
            super(message);
        }
    }

    /** A checked exception a task raises. */
    static final class SayWhenChecked extends Exception {
        private static final long serialVersionUID = 1L;

        SayWhenChecked(String message) {
            super(message);
        }
    }

    /** An error a task raises. */
    static final class SayWhenFatal extends Error {
        private static final long serialVersionUID = 1L;

        SayWhenFatal(String message) {
            super(message);
        }
    }
}
