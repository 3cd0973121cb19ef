package org.pyconcurrent.multiprocessing;

/** One unit of pool work: the {@link Work} to run and where its outcome goes. */
final class PoolTask {
    final Work work;
    final Job job;
    final int index;

    PoolTask(Work work, Job job, int index) {
        this.work = work;
        this.job = job;
        this.index = index;
    }

    /** Runs the work here and reports the outcome (a thread pool's worker). */
    void runHere() {
        Object value;
        try {
            value = work.call();
        } catch (Throwable t) {
            job.taskFailed(index, t);
            return;
        }
        job.taskDone(index, value);
    }

    /** Reports the value a worker process returned. */
    void succeed(Object value) {
        job.taskDone(index, value);
    }

    void fail(Throwable failure) {
        job.taskFailed(index, failure);
    }
}
