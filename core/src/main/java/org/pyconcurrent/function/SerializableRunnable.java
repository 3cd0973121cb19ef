package org.pyconcurrent.function;

import java.io.Serializable;

/**
 * A {@link Runnable} that can travel to another process, such as a pool's {@code initializer}.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
