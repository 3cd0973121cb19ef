/**
 * JMH benchmarks of the machine itself, run beside the library's to explain its figures:
 * {@link org.pyconcurrent.benchmarks.machine.CacheLineTransferBenchmark} measures how long a cache
 * line takes between two CPUs, which decides every contended benchmark.
 */
package org.pyconcurrent.benchmarks.machine;
