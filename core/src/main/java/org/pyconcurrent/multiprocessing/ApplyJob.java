package org.pyconcurrent.multiprocessing;

/** The job of one {@code apply_async}: its single task's outcome is the result. */
final class ApplyJob<R> implements Job {
    final AsyncResult<R> result;

    ApplyJob(AsyncResult<R> result) {
        this.result = result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void taskDone(int index, Object value) {
        result.finish((R) value, null);
    }

    @Override
    public void taskFailed(int index, Throwable failure) {
        result.finish(null, failure);
    }
}
