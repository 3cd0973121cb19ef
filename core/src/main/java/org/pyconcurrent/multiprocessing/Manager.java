package org.pyconcurrent.multiprocessing;

/**
 * Python's {@code multiprocessing.Manager()}: a {@link SyncManager}, already started. Use it with
 * try-with-resources, as Python's {@code with Manager() as manager:}:
 *
 * <pre>{@code
 * try (var manager = new Manager()) {
 *     DictProxy<Long, Long> d = manager.dict();
 *     ListProxy<Integer> l = manager.list(List.of(0, 1, 2, 3, 4));
 *     List<Process> ps = new ArrayList<>();
 *     for (int i = 0; i < 10; i++) {
 *         Process p = new Process(() -> {
 *             long pid = ProcessHandle.current().pid();
 *             d.put(pid, pid);
 *             l.add((int) pid);
 *         });
 *         p.start();
 *         ps.add(p);
 *     }
 *     for (Process p : ps) {
 *         p.join();
 *     }
 *     System.out.println(d);
 *     System.out.println(l);
 * }
 * }</pre>
 */
public final class Manager extends SyncManager {
    /**
     * Starts a manager's server process for this process tree.
     *
     * @throws ProcessError if the server process cannot start
     */
    public Manager() {
        start();
    }
}
