package org.pyconcurrent.multiprocessing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.function.SerializableCallable;
import org.pyconcurrent.function.SerializableFunction;
import org.pyconcurrent.internal.ipc.IntList;
import org.pyconcurrent.internal.ipc.Serialization;

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
            return new ChunkForm(fn, inputs);
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
     * A {@link Chunk} in transit, and as a worker process runs it. Its inputs are written into
     * the batch's stream as one message of {@link Serialization} (a list of ints as its count and
     * the ints, without a copy of their own first), and stay that message in the worker until the
     * chunk runs: a batch waiting there holds bytes, not boxed items. A list of ints is read
     * without boxing the list, and if every result is an {@code Integer} too, the results are an
     * {@link IntList}, whose compact form is written from its array.
     */
    static final class ChunkForm implements Work {
        @java.io.Serial
        private static final long serialVersionUID = 2L;

        private final SerializableFunction<Object, Object> fn;
        /** In the parent: the inputs to write. */
        private final transient List<Object> inputs;
        /** In the worker: the inputs, as a message of {@link Serialization}. */
        private transient byte[] message;

        ChunkForm(SerializableFunction<Object, Object> fn, List<Object> inputs) {
            this.fn = fn;
            this.inputs = inputs;
        }

        @java.io.Serial
        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            out.defaultWriteObject();
            Serialization.writeList(inputs, out);
        }

        @java.io.Serial
        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            message = Serialization.readMessage(in);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object call() throws Exception {
            if (message == null) {  // not read from a stream: a copy's, or never sent
                return new Chunk(fn, inputs).call();
            }
            int[] ints = Serialization.intsOf(message);
            if (ints == null) {
                return new Chunk(fn, (List<Object>) Serialization.fromBytes(message)).call();
            }
            int n = ints.length;
            for (int i = 0; i < n; i++) {
                Object result = fn.apply(ints[i]);
                if (!(result instanceof Integer value)) {
                    // Not only ints: box the results so far and go on with a list of objects.
                    List<Object> results = new ArrayList<>(n);
                    for (int j = 0; j < i; j++) {
                        results.add(ints[j]);
                    }
                    results.add(result);
                    for (int j = i + 1; j < n; j++) {
                        results.add(fn.apply(ints[j]));
                    }
                    return results;
                }
                ints[i] = value;  // the results replace the inputs as they go
            }
            return new IntList(ints);
        }
    }
}
