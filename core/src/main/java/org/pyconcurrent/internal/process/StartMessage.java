package org.pyconcurrent.internal.process;

import java.io.Serializable;

/**
 * What the parent sends a child JVM on its standard input: the process object to run, and who
 * the parent is.
 *
 * @param process the {@link org.pyconcurrent.multiprocessing.Process}, serialized with its target
 * @param parentName the parent's process name ({@code MainProcess} for the main JVM)
 * @param parentPid the parent's pid
 * @param authkey the process tree's key ({@link org.pyconcurrent.internal.shared.TreeKey})
 * @param parentSharedDir the parent's shared-memory directory, which the child deletes if the
 *     parent dies before it could
 */
public record StartMessage(Serializable process, String parentName, long parentPid, byte[] authkey,
        String parentSharedDir) implements Serializable {
    private static final long serialVersionUID = 1L;
}
