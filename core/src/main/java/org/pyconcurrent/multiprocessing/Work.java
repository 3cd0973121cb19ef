package org.pyconcurrent.multiprocessing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;

/**
 * What a pool worker runs: serializable, so a process pool can send it to a worker JVM, while a
 * thread pool calls it in place. Returns one result, or the list of a chunk's results.
 */
sealed interface Work extends Serializable {
    Object call() throws Exception;

    /** {@code apply_async(fn)}: one call. */
    record Call(SerializableCallable<?> fn) implements Work {
        @Override
        public Object call() throws Exception {
            return fn.call();
        }
    }

    /** One chunk of a map: {@code fn} over consecutive inputs (CPython's {@code mapstar}). */
    record Chunk(SerializableFunction<Object, Object> fn, List<Object> inputs) implements Work {
        @Override
        public Object call() throws Exception {
            List<Object> results = new ArrayList<>(inputs.size());
            for (Object input : inputs) {
                results.add(fn.apply(input));
            }
            return results;
        }
    }
}
