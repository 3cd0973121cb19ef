package org.pyconcurrent.futures;

import java.util.Set;

/**
 * Python's {@code DoneAndNotDoneFutures}: what {@link Futures#wait} returns. Both sets keep the
 * order of the futures passed in, hold each future once, and cannot be modified.
 *
 * @param done the futures that finished or were cancelled
 * @param notDone the others
 * @param <F> the future type
 */
public record DoneAndNotDone<F extends Future<?>>(Set<F> done, Set<F> notDone) {
    /**
     * Creates the pair, copying both sets.
     *
     * @param done the futures that are done
     * @param notDone the others
     */
    public DoneAndNotDone {
        done = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(done));
        notDone = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(notDone));
    }
}
