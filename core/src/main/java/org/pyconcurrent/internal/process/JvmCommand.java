package org.pyconcurrent.internal.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: this JVM's {@code java} executable, with
 * {@code -XX:-UsePerfData} and HotSpot's warnings sent to stderr, then this JVM's class path,
 * module path and JVM options (system properties, heap and other {@code -X} settings,
 * {@code --add-opens} and the like), without the options that must not be shared (a debugger
 * agent's port, a JMX port, JFR recordings), running {@link ChildMain}.
 */
public final class JvmCommand {
    private static final List<String> COMMAND = build();

    private JvmCommand() {
    }

    /**
     * Returns the command that starts a child JVM.
     *
     * @return a new modifiable list
     */
    public static List<String> command() {
        return new ArrayList<>(COMMAND);
    }

    private static List<String> build() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // No /tmp/hsperfdata_<user>/<pid> file: a killed child would leave it behind, and with pids
        // recycled fast a new child can find the file locked and print a warning.
        cmd.add("-XX:-UsePerfData");
        // HotSpot's own warnings go to stderr, never into the program's standard output (which is
        // the parent's). The parent's -Xlog options, copied below, still apply after these.
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr:uptime,level,tags");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (shared(arg)) {
                cmd.add(arg);
            }
        }
        String modulePath = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path");
        if (modulePath != null && !modulePath.isEmpty()
                && JvmCommand.class.getModule().isNamed()) {
            cmd.add("--module-path");
            cmd.add(modulePath);
            if (classPath != null && !classPath.isEmpty()) {
                cmd.add("-cp");
                cmd.add(classPath);
            }
            cmd.add("-m");
            cmd.add(JvmCommand.class.getModule().getName() + "/" + ChildMain.class.getName());
        } else {
            cmd.add("-cp");
            cmd.add(classPath == null ? "" : classPath);
            cmd.add(ChildMain.class.getName());
        }
        return List.copyOf(cmd);
    }

    /** Whether a JVM option of this JVM belongs on the child's command line too. */
    static boolean shared(String arg) {
        return !(arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp")
                || arg.startsWith("-Dcom.sun.management.jmxremote")
                || arg.startsWith("-XX:StartFlightRecording") || arg.startsWith("-XX:FlightRecorderOptions")
                || arg.startsWith("-Djava.class.path=") || arg.startsWith("-Djdk.module.path=")
                || arg.startsWith("--module-path") || arg.equals("-p")
                || arg.startsWith("-Dsun.java.command"));
    }
}
