/**
 * The machinery behind {@code org.pyconcurrent.queue}: the two queue designs
 * ({@link org.pyconcurrent.internal.queue.LockedQueueCore},
 * {@link org.pyconcurrent.internal.queue.LockFreeQueueCore}) and the stores that fix the order
 * of items. Not exported; its types may change in any release.
 */
package org.pyconcurrent.internal.queue;
