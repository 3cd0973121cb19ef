package org.pyconcurrent.examples.multiprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.pyconcurrent.multiprocessing.DictProxy;
import org.pyconcurrent.multiprocessing.ListProxy;
import org.pyconcurrent.multiprocessing.Manager;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "多进程间的通信", "Management"): a
 * {@code Manager()} runs a server process that holds a dict and a list; ten processes each put
 * their pid into the dict and append it to the list, through proxies, and print the list; the
 * parent prints both at the end.
 *
 * <pre>{@code
 * from multiprocessing import Process, Manager
 * import os
 *
 * def f(d, l):
 *     d[os.getpid()] = os.getpid()
 *     l.append(os.getpid())
 *     print(l)
 *
 *
 * if __name__ == '__main__':
 *     with Manager() as manager: # 等同于manager = Manager()
 *         d = manager.dict() # 可在多个进程间传递和共享的字典
 *
 *         l = manager.list(range(5)) # 可在多个进程间传递和共享的列表 #
 *         p_list = []
 *         for i in range(10):
 *             p = Process(target=f, args=(d, l))
 *             p.start()
 *             p_list.append(p)
 *         for res in p_list:
 *             res.join()
 *
 *         print(d)
 *         print(l)
 * }</pre>
 *
 * <p>The seed quotes Python's documentation: a manager object returned by {@code Manager()}
 * controls a server process which holds Python objects and allows other processes to manipulate
 * them using proxies; it supports {@code list}, {@code dict}, {@code Namespace}, {@code Lock},
 * {@code RLock}, {@code Semaphore}, {@code BoundedSemaphore}, {@code Condition}, {@code Event},
 * {@code Barrier}, {@code Queue}, {@code Value} and {@code Array}. The comments: "等同于manager =
 * Manager()" (the same as {@code manager = Manager()}), the dict and the list "可在多个进程间传递和
 * 共享" (can be passed between and shared by processes). Its note after the program, "表面是共享一个
 * object, 实际上是复制了多份, 修改的同时management已经给加了锁" (it looks like one shared object
 * but is really copied many times, and the manager locks it while it is changed), is half right:
 * the processes get copies of the <em>proxies</em>, but there is one dict and one list, in the
 * manager's process, and each change is one call that runs there, one at a time.
 *
 * <p>Each child prints the list as it is just after its own append: {@code [0, 1, 2, 3, 4]}
 * followed by the pids appended so far, its own among them; children that run at the same time
 * may print the same list. The parent then prints the dict, ten {@code pid: pid} entries, and the
 * list, {@code range(5)} and the ten pids in the order the appends reached the manager.
 *
 * <p>Changes: {@code with Manager() as manager:} is try-with-resources on
 * {@code new Manager()}, which starts the manager's process (a JVM of its own) and shuts it down
 * at the end of the block. {@code manager.dict()} is a {@link DictProxy}, a {@link Map};
 * {@code manager.list(range(5))} is a {@link ListProxy}, a {@link List}, made from the longs 0 to
 * 4 (a pid is a {@code long}). {@code Process(target=f, args=(d, l))} is
 * {@code new Process(() -> f(d, l))}: the proxies travel to the child inside its target, and
 * reach the same dict and list from there. {@code d[k] = v} is {@code d.put(k, v)},
 * {@code l.append(x)} is {@code l.add(x)}, {@code os.getpid()} is
 * {@code ProcessHandle.current().pid()}. {@code print(l)} prints the shared list's
 * {@code toString()}, which is Python's {@code [0, 1, 2]} for numbers; Python prints a dict as
 * {@code {1: 1, 2: 2}}, so the port formats {@code d} that way ({@code repr}).
 */
public final class ManagerDictList {
    private ManagerDictList() {
    }

    static void f(DictProxy<Long, Long> d, ListProxy<Long> l) {
        d.put(ProcessHandle.current().pid(), ProcessHandle.current().pid());
        l.add(ProcessHandle.current().pid());
        System.out.println(l);
    }

    /** Python's {@code print} of a dict: {@code {k: v, k: v}}. */
    static String repr(Map<?, ?> dict) {
        return dict.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    public static void main(String[] args) throws InterruptedException {
        try (Manager manager = new Manager()) { // 等同于manager = Manager() (the same as manager = Manager())
            DictProxy<Long, Long> d = manager.dict(); // 可在多个进程间传递和共享的字典 (a dict passed between and shared by processes)

            ListProxy<Long> l = manager.list(LongStream.range(0, 5).boxed().toList()); // 可在多个进程间传递和共享的列表 (a list, likewise)
            List<Process> pList = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Process p = new Process(() -> f(d, l));
                p.start();
                pList.add(p);
            }
            for (Process res : pList) {
                res.join();
            }

            System.out.println(repr(d));
            System.out.println(l);
        }
    }
}
