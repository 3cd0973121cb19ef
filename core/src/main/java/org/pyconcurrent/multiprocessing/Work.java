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

    /**
     * One chunk of a map: {@code fn} over consecutive inputs (CPython's {@code mapstar}). Travels
     * as a {@link ChunkForm}, whose inputs are one message of their own: a list of numbers or
     * strings then takes the compact form, not an object stream.
     */
    record Chunk(SerializableFunction<Object, Object> fn, List<Object> inputs) implements Work {
        @java.io.Serial
        private Object writeReplace() {
            return new ChunkForm(fn, org.pyconcurrent.internal.ipc.Serialization.toBytes(
                    inputs instanceof ArrayList<?> ? inputs : new ArrayList<>(inputs)));
        }

        @Override
        public Object call() throws Exception {
            List<Object> results = new ArrayList<>(inputs.size());
            for (Object input : inputs) {
                results.add(fn.apply(input));
            }
            return results;
        }
    }

    /**
     * A {@link Chunk} in transit.
     *
     * @param fn the function
     * @param inputs the inputs, as a message of {@link org.pyconcurrent.internal.ipc.Serialization}
     */
    record ChunkForm(SerializableFunction<Object, Object> fn, byte[] inputs) implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @java.io.Serial
        @SuppressWarnings("unchecked")
        private Object readResolve() throws java.io.IOException {
            return new Chunk(fn, (List<Object>) org.pyconcurrent.internal.ipc.Serialization.fromBytes(inputs));
        }
    }
}
