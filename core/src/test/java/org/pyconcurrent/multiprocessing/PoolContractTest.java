package org.pyconcurrent.multiprocessing;

import org.pyconcurrent.function.SerializableRunnable;

/**
 * The {@link WorkerPoolContract} on the process {@link Pool}: every CPython behaviour that
 * {@link ThreadPoolTest} checks on threads, with the tasks run in worker JVMs. The contract was
 * written for this (its tasks are static methods of {@link PoolTasks} or lambdas capturing only
 * numbers and strings, its callbacks stay in this JVM), so nothing is overridden or skipped.
 * What only a process pool shows (worker pids, killed workers, time limits, serialization
 * failures) is in {@link PoolTest}.
 */
class PoolContractTest extends WorkerPoolContract {

    @Override
    protected WorkerPool newPool(int processes) {
        return new Pool(processes);
    }

    @Override
    protected WorkerPool newPool(int processes, SerializableRunnable initializer) {
        return new Pool(processes, initializer);
    }
}
