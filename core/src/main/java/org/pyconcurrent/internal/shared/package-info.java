/**
 * What processes share: the process tree's authentication key
 * ({@link org.pyconcurrent.internal.shared.TreeKey}), memory-mapped segments in a private
 * directory ({@link org.pyconcurrent.internal.shared.Segment}, small ones in shared arena files,
 * {@link org.pyconcurrent.internal.shared.SharedFiles}), and the host, a small server in every
 * process that hands shared objects to others, through which other processes sleep on a shared
 * word and wake its sleepers (a futex across JVMs: {@link org.pyconcurrent.internal.shared.Host},
 * {@link org.pyconcurrent.internal.shared.HostClient},
 * {@link org.pyconcurrent.internal.shared.WaitTable}), use the queues it holds
 * ({@link org.pyconcurrent.internal.shared.SharedQueue}), and adopt connections it hands over.
 *
 * <p>State lives in shared memory and is changed with atomic instructions on the mapped bytes;
 * the host only puts threads to sleep and wakes them. A wake-up is a hint: every sleeper checks
 * the shared state again, so a late, lost or spurious wake-up costs time, never correctness.
 */
package org.pyconcurrent.internal.shared;
