package org.pyconcurrent.benchmarks.multiprocessing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pyconcurrent.multiprocessing.Manager;

/**
 * A manager's shared dict ({@link org.pyconcurrent.multiprocessing.DictProxy}) beside the maps a
 * Java program would use within one process: {@code put} and {@code get} of small integer keys,
 * one thread, and {@code put} from two threads at once. A proxy call is a round trip to the
 * manager's process (a Unix socket each way, served by the calling thread's own server thread),
 * so the JDK maps show what that round trip costs, not a race the proxy could win; the figure
 * that matters for a port is the proxy's against CPython's manager (the side-by-side harness).
 *
 * <p>Compares, in one run, the proxy, a {@link ConcurrentHashMap}, and a
 * {@link Collections#synchronizedMap} over a {@link LinkedHashMap} (what the manager holds,
 * insertion-ordered as a Python dict).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ManagerDictBenchmark {
    private static final int KEYS = 1024;

    /** The maps compared. */
    public enum MapType {
        /** {@code Manager().dict()}: the map lives in the manager's process. */
        MANAGER_DICT,
        /** {@link ConcurrentHashMap}. */
        CONCURRENT_HASH_MAP,
        /** {@code Collections.synchronizedMap(new LinkedHashMap<>())}. */
        SYNCHRONIZED_LINKED_HASH_MAP
    }

    @Param
    public MapType type;

    private Manager manager;
    private Map<Integer, Integer> map;

    /** Per thread: the next key. */
    @State(Scope.Thread)
    public static class Keys {
        int next;

        Integer nextKey() {
            next = (next + 1) & (KEYS - 1);
            return next;
        }
    }

    @Setup
    public void setUp() {
        map = switch (type) {
            case MANAGER_DICT -> {
                manager = new Manager();
                yield manager.dict();
            }
            case CONCURRENT_HASH_MAP -> new ConcurrentHashMap<>();
            case SYNCHRONIZED_LINKED_HASH_MAP -> Collections.synchronizedMap(new LinkedHashMap<>());
        };
        for (int i = 0; i < KEYS; i++) {
            map.put(i, i);
        }
    }

    @TearDown
    public void tearDown() {
        if (manager != null) {
            manager.shutdown();
            manager = null;
        }
    }

    /** One {@code d[k] = v}. */
    @Benchmark
    @Threads(1)
    public Integer put(Keys keys) {
        Integer k = keys.nextKey();
        return map.put(k, k);
    }

    /** One {@code d[k]}. */
    @Benchmark
    @Threads(1)
    public Integer get(Keys keys) {
        return map.get(keys.nextKey());
    }

    /** Two threads putting into the same map. */
    @Benchmark
    @Threads(2)
    public Integer putContended(Keys keys) {
        Integer k = keys.nextKey();
        return map.put(k, k);
    }
}
