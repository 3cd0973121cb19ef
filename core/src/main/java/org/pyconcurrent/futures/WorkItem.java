package org.pyconcurrent.futures;

import java.util.concurrent.Callable;

/** Python's {@code _WorkItem}: a call and the future that receives its outcome. */
final class WorkItem<R> implements Runnable {
    final Future<R> future;
    private final Callable<R> fn;

    WorkItem(Future<R> future, Callable<R> fn) {
        this.future = future;
        this.fn = fn;
    }

    /** Runs the call unless the future was cancelled, and completes the future with its outcome. */
    @Override
    public void run() {
        if (!future.setRunningOrNotifyCancel()) {
            return;
        }
        R value;
        try {
            value = fn.call();
        } catch (Throwable t) {
            future.complete(null, t);
            return;
        }
        future.complete(value, null);
    }
}
