package org.pyconcurrent.internal.process;

/**
 * The bridge from {@link ChildMain} to the package-private side of
 * {@link org.pyconcurrent.multiprocessing.Process}, which registers itself here when its class is
 * initialized (the JDK's "shared secrets" pattern), so that running a child needs no public method.
 */
public final class ChildAccess {
    /** Runs a deserialized process object in this JVM and returns its exit code. */
    @FunctionalInterface
    public interface Bootstrap {
        /**
         * Runs {@code process} as this JVM's current process.
         *
         * @param process the deserialized process object
         * @param parentName the parent's process name
         * @param parentPid the parent's pid
         * @return the exit code
         */
        int run(Object process, String parentName, long parentPid);
    }

    private static volatile Bootstrap bootstrap;

    private ChildAccess() {
    }

    /**
     * Registers the bootstrap; called once, by the process class.
     *
     * @param b the bootstrap
     */
    public static void set(Bootstrap b) {
        bootstrap = b;
    }

    static Bootstrap get() {
        return bootstrap;
    }
}
