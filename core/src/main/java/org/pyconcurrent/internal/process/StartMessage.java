package org.pyconcurrent.internal.process;

import java.io.Serializable;

/**
 * What the parent sends a child JVM on its standard input: the process object to run, and who
 * the parent is.
 *
 * @param process the {@link org.pyconcurrent.multiprocessing.Process}, serialized with its target
 * @param parentName the parent's process name ({@code MainProcess} for the main JVM)
 * @param parentPid the parent's pid
 */
public record StartMessage(Serializable process, String parentName, long parentPid) implements Serializable {
    private static final long serialVersionUID = 1L;
}
