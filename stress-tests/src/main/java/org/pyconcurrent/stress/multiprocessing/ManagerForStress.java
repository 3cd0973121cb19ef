package org.pyconcurrent.stress.multiprocessing;

import org.pyconcurrent.multiprocessing.Manager;

/**
 * The one {@link Manager} of a jcstress fork, started on first use: its server process is a
 * daemon child, ended when the fork's JVM exits. Starting one per sample would cost a JVM each.
 */
final class ManagerForStress {
    private ManagerForStress() {
    }

    private static final class Holder {
        static final Manager MANAGER = new Manager();
    }

    static Manager get() {
        return Holder.MANAGER;
    }
}
