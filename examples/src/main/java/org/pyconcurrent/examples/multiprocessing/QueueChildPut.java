package org.pyconcurrent.examples.multiprocessing;

import java.util.List;
import java.util.stream.Collectors;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.Queue;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "多进程间的通信", "Queues"): the parent makes a
 * {@code multiprocessing.Queue} and hands it to a child, which puts one list into it; the parent
 * gets the list and prints it.
 *
 * <pre>{@code
 * import multiprocessing
 *
 * def f(qq):
 *     qq.put(["Bruce", "Lee"])
 *
 * if __name__ == "__main__":
 *     q = multiprocessing.Queue() # 在win的pycharm下提示:PermissionError: [WinError 5] 拒绝访问。
 *     #q = multiprocessing.Manager().Queue() # 变更为这种queue即解决该问题???了解下
 *     p1 = multiprocessing.Process(target=f, args=(q, ))
 *     p1.start()
 *     print(q.get())
 *     p1.join()
 * }</pre>
 *
 * <p>It prints {@code ['Bruce', 'Lee']}: {@code q.get()} waits until the child has put it. The
 * seed's text before it: unlike a {@code threading} queue, which only the threads of one process
 * can reach, a process queue carries data between processes; the parent hands a copy of the queue
 * to the child, the child edits it, and what the child puts is pickled, passed to a go-between
 * inside the queue and unpickled for the parent. The comments: on Windows, in PyCharm, the
 * {@code Queue()} line failed with "PermissionError: [WinError 5] 拒绝访问" (access denied);
 * {@code Manager().Queue()} instead "solves it???", to be looked into.
 *
 * <p>Changes: {@code Process(target=f, args=(q,))} is {@code new Process(() -> f(q))}: the queue
 * travels to the child inside its target, and the child's copy is the same queue. The list is
 * {@code List.of(...)}, copied by serialization on the way as Python pickles it; Python prints it
 * with quotes ({@code repr}), so the port formats it that way. {@code put} and {@code get} may
 * wait, so they throw {@link InterruptedException}; {@code f}, a {@code Runnable} target, catches
 * it. The commented-out {@code Manager().Queue()} line is kept as it is, in Python; its port
 * would be {@code new Manager().queue()}, a queue held in a manager's process (see
 * {@link ManagerDictList}).
 */
public final class QueueChildPut {
    private QueueChildPut() {
    }

    static void f(Queue<List<String>> qq) {
        try {
            qq.put(List.of("Bruce", "Lee"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Python's {@code print} of a list of strings: {@code ['a', 'b']}. */
    static String repr(List<String> list) {
        return list.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    public static void main(String[] args) throws InterruptedException {
        Queue<List<String>> q = new Queue<>(); // 在win的pycharm下提示:PermissionError: [WinError 5] 拒绝访问。(failed on Windows, in PyCharm)
        // q = multiprocessing.Manager().Queue() # 变更为这种queue即解决该问题???了解下 (this queue solves it???)
        Process p1 = new Process(() -> f(q));
        p1.start();
        System.out.println(repr(q.get()));
        p1.join();
    }
}
