package org.pyconcurrent.multiprocessing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyconcurrent.function.SerializableRunnable;
import org.pyconcurrent.internal.ExitHooks;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.ipc.Serialization;
import org.pyconcurrent.internal.process.ChildAccess;
import org.pyconcurrent.internal.process.Launcher;
import org.pyconcurrent.internal.process.ChildMain;
import org.pyconcurrent.internal.process.StartMessage;
import org.pyconcurrent.internal.shared.Host;
import org.pyconcurrent.internal.shared.SharedFiles;
import org.pyconcurrent.internal.shared.TreeKey;

/**
 * Python's {@code multiprocessing.Process}: runs a target in a separate OS process, a child JVM
 * with its own pid and its own memory, started with this JVM's {@code java}, class path and JVM
 * options. The target (a lambda or method reference of {@link SerializableRunnable}, its
 * captured arguments included) travels serialized, or a subclass overrides {@link #run()} and the
 * object itself travels, fields and all. What the child changes stays in the child.
 *
 * <h2>Start methods</h2>
 * {@code "spawn"}: a fresh JVM per process. {@code "forkserver"}, the default: Python's
 * forkserver role without a fork, which a JVM cannot do: a standby JVM started ahead of need,
 * waiting; {@code start()} hands it the process and starts the next standby in the background, so
 * a start costs a message instead of a JVM start-up. See {@link #setStartMethod(String)}.
 *
 * <h2>Exit codes</h2>
 * {@link #exitcode()}: null while running; 0 when {@code run()} returned; 1 when it threw (the
 * stack trace is printed on the child's standard error, which is this JVM's); the code given to
 * {@code System.exit(n)}; {@code -N} when killed by signal {@code N}: -15 after
 * {@link #terminate()}, -9 after {@link #kill()}. A JVM killed by a signal exits with 128 + N, so
 * an explicit {@code System.exit} of 129 to 192 is reported as a signal too.
 *
 * <h2>Lifetimes</h2>
 * Children never outlive this JVM: a child watches its standard input, a pipe from the parent,
 * and exits when it ends, which happens however the parent dies (SIGKILL included). At a normal
 * exit of this JVM, daemon children are terminated and the others joined, as in Python. The
 * child's standard output and error are the parent's; its standard input is empty.
 *
 * <h2>Memory consistency effects</h2>
 * None across processes: the child gets a copy of the object as it was at {@code start()}.
 */
public class Process implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final java.util.Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
    private static final ExitHooks.Action EXIT = new ChildrenAtExit();
    /** Whether {@link #EXIT} is registered; once, at the first start. */
    private static final java.util.concurrent.atomic.AtomicBoolean EXIT_REGISTERED =
            new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile String startMethod = "forkserver";
    private static volatile Process current = mainProcess();
    private static volatile Process parent;

    static {
        ChildAccess.set((process, parentName, parentPid) -> ((Process) process).bootstrap(parentName, parentPid));
    }

    private final SerializableRunnable target;
    private String name;
    private boolean daemon;

    private transient java.lang.Process child;
    private transient OutputStream control;
    private transient ProcessHandle handle;
    private transient volatile boolean closed;
    private transient boolean started;

    /**
     * Python's {@code Process(target=fn)}.
     *
     * @param target what the child runs; its captured values travel with it
     */
    public Process(SerializableRunnable target) {
        this(null, target);
    }

    /**
     * Python's {@code Process(target=fn, name=name)}.
     *
     * @param name the process name, or null for {@code Process-N}
     * @param target what the child runs
     */
    public Process(String name, SerializableRunnable target) {
        this.target = Objects.requireNonNull(target, "target");
        this.name = name != null ? name : defaultName();
        this.daemon = current != null && current.daemon;
    }

    /**
     * For subclasses that override {@link #run()} (Python's {@code class MyProcess(Process)}); the
     * subclass and its fields must be serializable.
     */
    protected Process() {
        this.target = null;
        this.name = defaultName();
        this.daemon = current != null && current.daemon;
    }

    private Process(String name, ProcessHandle handle) {
        this.target = null;
        this.name = name;
        this.handle = handle;
        this.started = true;
    }

    private static String defaultName() {
        Process creator = current;
        String prefix = creator == null || creator.parentNameless() ? "Process-" : creator.name + ":";
        return prefix + COUNTER.incrementAndGet();
    }

    private boolean parentNameless() {
        return "MainProcess".equals(name) && parent == null;
    }

    private static Process mainProcess() {
        return new Process("MainProcess", ProcessHandle.current());
    }

    // ---------------------------------------------------------------- what runs in the child

    /**
     * Python's {@code run()}: what the child does; calls the target. A subclass overrides it.
     */
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    /** In the child JVM: becomes the current process, runs, and returns the exit code. */
    private int bootstrap(String parentName, long parentPid) {
        handle = ProcessHandle.current();
        started = true;
        parent = new Process(parentName, ProcessHandle.of(parentPid).orElse(null));
        current = this;
        try {
            run();
            return 0;
        } catch (Throwable t) {
            System.err.println("Process " + name + ":");
            t.printStackTrace();
            return 1;
        } finally {
            Host.flushClients();  // items put into other processes' queues go out before the exit
        }
    }

    // ---------------------------------------------------------------- starting

    /**
     * Python's {@code start()}: starts the child JVM and hands it this object.
     *
     * @throws IllegalStateException if already started, closed, or if this is a daemon process
     *     (daemonic processes may not have children)
     * @throws IllegalArgumentException naming the class, if this object or its target cannot be
     *     serialized (no JVM is started)
     * @throws java.io.UncheckedIOException if the child JVM cannot be started
     */
    public final void start() {
        checkOpen();
        if (started) {
            throw new IllegalStateException("cannot start a process twice: " + this);
        }
        if (current.daemon && current != this) {
            throw new IllegalStateException("daemonic processes are not allowed to have children");
        }
        Process me = current;
        byte[] message;
        List<Long> handedOff;
        Handoff.beginScope();
        try {
            message = Serialization.toBytes(new StartMessage(this, me.name, me.pid(),
                    SharedFiles.directory().toString()));
            handedOff = Handoff.endScope();
        } catch (IllegalArgumentException e) {
            Handoff.cancel(Handoff.endScope());
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot start " + this + ": its target or fields hold "
                    + (why instanceof java.io.NotSerializableException ? "an instance of " + why.getMessage()
                            + ", which is not Serializable" : "something that cannot be serialized (" + why + ")"), e);
        }
        java.lang.Process jvm = "spawn".equals(startMethod) ? Launcher.spawn() : Launcher.warm();
        if (EXIT_REGISTERED.compareAndSet(false, true)) {
            ExitHooks.register(EXIT);
        }
        try {
            DataOutputStream out = new DataOutputStream(jvm.getOutputStream());
            out.write(TreeKey.get());
            out.writeInt(message.length);
            out.write(message);
            out.flush();
        } catch (IOException e) {
            jvm.destroyForcibly();
            Handoff.dropUnadopted(handedOff);
            throw new java.io.UncheckedIOException("cannot hand the process to its JVM (pid " + jvm.pid() + ")", e);
        }
        if (!handedOff.isEmpty()) {
            jvm.onExit().thenRun(() -> Handoff.dropUnadopted(handedOff));
        }
        child = jvm;
        control = jvm.getOutputStream();
        handle = jvm.toHandle();
        started = true;
        CHILDREN.add(this);
        SharedFiles.childStarted(jvm.pid());
        jvm.onExit().thenRun(() -> {
            CHILDREN.remove(this);
            SharedFiles.deleteDirectoriesOf(jvm.pid());  // what a killed child could not delete
        });
    }

    // ---------------------------------------------------------------- waiting

    /**
     * Python's {@code join()}: waits until the child exits.
     *
     * @throws IllegalStateException if not started (or it is the current process), or closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public final void join() throws InterruptedException {
        checkJoinable();
        child.waitFor();
    }

    /**
     * Python's {@code join(timeout)}.
     *
     * @param timeout the most to wait
     * @return whether the child has exited (Python returns None; test {@code exitcode()} there)
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if not started (or it is the current process), or closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public final boolean join(Duration timeout) throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        checkJoinable();
        return child.waitFor(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until at least one of {@code processes} has exited (Python's
     * {@code multiprocessing.connection.wait} on their {@code sentinel}s).
     *
     * @param processes started child processes
     * @param timeout the most to wait
     * @return the processes that have exited, in the order given; empty on a timeout
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if one is not a started child of this process
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static List<Process> waitAny(Collection<? extends Process> processes, Duration timeout)
            throws InterruptedException {
        long nanos = Timeouts.toNanos(timeout);
        List<CompletableFuture<?>> exits = new ArrayList<>();
        for (Process p : processes) {
            p.checkJoinable();
            exits.add(p.child.onExit());
        }
        if (!exits.isEmpty()) {
            try {
                CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).get(nanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException noneYet) {
                // fall through: report what has exited
            }
        }
        List<Process> exited = new ArrayList<>();
        for (Process p : processes) {
            if (!p.child.isAlive()) {
                exited.add(p);
            }
        }
        return exited;
    }

    // ---------------------------------------------------------------- state

    /**
     * Python's {@code is_alive()}.
     *
     * @return whether the process has started and not yet exited
     * @throws IllegalStateException if closed
     */
    public final boolean isAlive() {
        checkOpen();
        if (this == current) {
            return true;
        }
        if (child != null) {
            return child.isAlive();
        }
        return handle != null && handle.isAlive();
    }

    /**
     * Python's {@code pid}: the OS process id.
     *
     * @return the pid, or null before {@code start()}
     * @throws IllegalStateException if closed
     */
    public final Long pid() {
        checkOpen();
        return handle == null ? null : handle.pid();
    }

    /**
     * Python's {@code exitcode}.
     *
     * @return null while running (or before start); else the exit code as described in the
     *     class comment
     * @throws IllegalStateException if closed
     */
    public final Integer exitcode() {
        checkOpen();
        if (child == null || child.isAlive()) {
            return null;
        }
        int raw = child.exitValue();
        if (raw > 128 && raw <= 128 + 64) {
            return -(raw - 128);
        }
        return raw;
    }

    /**
     * Python's {@code name}.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /**
     * Python's {@code name = ...}.
     *
     * @param name the new name
     */
    public final void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Python's {@code daemon}.
     *
     * @return whether the process is a daemon (terminated at this JVM's exit)
     */
    public final boolean daemon() {
        return daemon;
    }

    /**
     * Python's {@code daemon = ...}.
     *
     * @param daemon whether the process is terminated, rather than joined, at this JVM's exit
     * @throws IllegalStateException after {@code start()}
     */
    public final void setDaemon(boolean daemon) {
        if (started) {
            throw new IllegalStateException("process has already started: " + this);
        }
        this.daemon = daemon;
    }

    // ---------------------------------------------------------------- stopping

    /**
     * Python's {@code terminate()}: stops the child at once, without running its cleanup (as
     * SIGTERM's default action does to a Python child), and {@code exitcode()} becomes -15. It
     * writes a byte on the child's control pipe and closes it, which the child answers by halting
     * with 128 + SIGTERM, at
     * any point of its life, even while its JVM is still starting (where a real SIGTERM would fail
     * the JVM's start-up with a different status); should the child not be gone 2 seconds later,
     * it sends SIGTERM. Does nothing once the child has exited.
     *
     * @throws IllegalStateException if not started, or closed
     */
    public final void terminate() {
        checkJoinable();
        if (!child.isAlive()) {
            return;
        }
        try {
            control.write(ChildMain.TERMINATE);  // so the child knows its parent is alive (see ChildMain)
            control.flush();
        } catch (IOException alreadyGone) {
            // the child is exiting anyway
        }
        try {
            control.close();
        } catch (IOException alreadyGone) {
            // the child is exiting anyway
        }
        java.lang.Process jvm = child;
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
            if (jvm.isAlive()) {
                jvm.destroy();
            }
        });
    }

    /**
     * Python's {@code kill()}: sends SIGKILL; {@code exitcode()} becomes -9.
     *
     * @throws IllegalStateException if not started, or closed
     */
    public final void kill() {
        checkJoinable();
        if (child.isAlive()) {
            child.destroyForcibly();
        }
    }

    /**
     * Python's {@code close()}: releases what the process object holds. Calling it again does
     * nothing; every other method but {@link #name()} and {@link #daemon()} then throws.
     *
     * @throws IllegalStateException if the process is still running
     */
    public final void close() {
        if (closed) {
            return;
        }
        if (child != null && child.isAlive()) {
            throw new IllegalStateException("Cannot close a process while it is still running. "
                    + "You should first call join() or terminate(): " + this);
        }
        closed = true;
        if (control != null) {
            try {
                control.close();
            } catch (IOException ignored) {
                // the child has exited
            }
        }
    }

    // ---------------------------------------------------------------- module functions

    /**
     * Python's {@code multiprocessing.current_process()}.
     *
     * @return this JVM's process: {@code MainProcess} in the main JVM, the running process object
     *     in a child
     */
    public static Process currentProcess() {
        return current;
    }

    /**
     * Python's {@code multiprocessing.parent_process()}.
     *
     * @return the parent process (name and pid), or null in the main JVM
     */
    public static Process parentProcess() {
        return parent;
    }

    /**
     * Python's {@code multiprocessing.active_children()}.
     *
     * @return the children of this JVM that are alive
     */
    public static List<Process> activeChildren() {
        List<Process> alive = new ArrayList<>();
        for (Process p : CHILDREN) {
            if (p.child.isAlive()) {
                alive.add(p);
            }
        }
        return alive;
    }

    /**
     * Python's {@code multiprocessing.cpu_count()}.
     *
     * @return the number of processors available to this JVM
     */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Python's {@code multiprocessing.set_start_method(method)}.
     *
     * @param method {@code "forkserver"} (a warm standby JVM; the default) or {@code "spawn"} (a
     *     fresh JVM per process)
     * @throws IllegalArgumentException for {@code "fork"} (a JVM cannot fork) or anything else
     */
    public static void setStartMethod(String method) {
        Objects.requireNonNull(method, "method");
        switch (method) {
            case "spawn", "forkserver" -> startMethod = method;
            case "fork" -> throw new IllegalArgumentException(
                    "cannot start a process with 'fork': a JVM cannot fork; use 'forkserver' or 'spawn'");
            default -> throw new IllegalArgumentException("cannot find context for '" + method + "'");
        }
    }

    /**
     * Python's {@code multiprocessing.get_start_method()}.
     *
     * @return {@code "forkserver"} or {@code "spawn"}
     */
    public static String getStartMethod() {
        return startMethod;
    }

    @Override
    public String toString() {
        String state;
        if (closed) {
            state = "closed";
        } else if (this == current) {
            state = "started";
        } else if (!started) {
            state = "initial";
        } else if (child == null) {
            state = "started";
        } else if (child.isAlive()) {
            state = "started";
        } else {
            state = "stopped exitcode=" + exitcode();
        }
        return "<Process name='" + name + "' " + state + (daemon ? " daemon" : "")
                + (handle != null ? " pid=" + handle.pid() : "") + ">";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("process object is closed: " + name);
        }
    }

    private void checkJoinable() {
        checkOpen();
        if (child == null) {
            throw new IllegalStateException(this == current ? "can only join a child process"
                    : "can only join (or signal) a started child process: " + this);
        }
    }

    /** At JVM exit, Python's rule: daemon children are terminated, the others joined. */
    private static final class ChildrenAtExit implements ExitHooks.Action {
        @Override
        public void beginExit() {
            Launcher.shutdown();
            for (Process p : CHILDREN) {
                if (p.daemon && p.child.isAlive()) {
                    p.terminate();
                }
            }
        }

        @Override
        public void finishExit() throws InterruptedException {
            for (Process p : CHILDREN) {
                p.child.waitFor();
            }
        }
    }
}
