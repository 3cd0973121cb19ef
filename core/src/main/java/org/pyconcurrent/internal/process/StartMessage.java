package org.pyconcurrent.internal.process;

import java.io.Serializable;

/**
 * What the parent sends a child JVM on its standard input, after the process tree's key (32 raw
 * bytes, read first so that objects that connect to other processes while they are deserialized,
 * such as a handed-off connection, can authenticate): the process object to run, and who the
 * parent is.
 *
 * @param process the {@link org.pyconcurrent.multiprocessing.Process}, serialized with its target
 * @param parentName the parent's process name ({@code MainProcess} for the main JVM)
 * @param parentPid the parent's pid
 * @param parentSharedDir the parent's shared-memory directory, which the child deletes if the
 *     parent dies before it could
 */
public record StartMessage(Serializable process, String parentName, long parentPid,
        String parentSharedDir) implements Serializable {
    private static final long serialVersionUID = 1L;
}
