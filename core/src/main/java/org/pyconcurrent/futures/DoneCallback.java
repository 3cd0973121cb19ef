package org.pyconcurrent.futures;

/**
 * The {@code fn} of {@link Future#addDoneCallback}: called with the future once it is done. It may
 * throw anything, as a Python callback may raise; the future logs it and runs the other callbacks.
 *
 * @param <R> the future's result type
 */
@FunctionalInterface
public interface DoneCallback<R> {
    /**
     * Called once the future is done.
     *
     * @param future the future, done
     * @throws Exception anything; logged through SLF4J
     */
    void call(Future<R> future) throws Exception;
}
