package org.pyconcurrent.examples.multiprocessing;

import java.util.ArrayList;
import org.pyconcurrent.multiprocessing.DictProxy;
import org.pyconcurrent.multiprocessing.Manager;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "使用特殊的数据类型, 来进行穿墙", the second method,
 * {@code manage.dict()}): a dict held by a {@code Manager}, which two processes, one after the
 * other, write to and print. The seed is Python 2.
 *
 * <pre>{@code
 * #方法二：manage.dict()共享数据
 * from multiprocessing import Process,Manager  #这个特殊的数据类型Manager
 *
 * manage = Manager()
 * dic = manage.dict() #这里调用的时候，使用字典，这个字典和咱们python使用方法是一样的！
 *
 * def Foo(i):
 *     dic[i] = 100+i
 *     print dic.values()
 *
 * for i in range(2):
 *     p = Process(target=Foo,args=(i,))
 *     p.start()
 *     p.join()
 * }</pre>
 *
 * <p>The comments: "方法二: manage.dict()共享数据" (method two: share data with
 * {@code manage.dict()}), "这个特殊的数据类型Manager" (this special data type, Manager), and "这里
 * 调用的时候, 使用字典, 这个字典和咱们python使用方法是一样的!" (what you call here is a dict, used
 * just like Python's own). After the program the seed asks: if processes can share data, will
 * several changing it at once leave it dirty, so that a lock is needed? Each process is joined
 * before the next starts, so here they do not overlap: child 0 sets {@code dic[0] = 100} and
 * prints {@code [100]}; child 1 sets {@code dic[1] = 101} and prints {@code [100, 101]}, having
 * seen child 0's write, which lives in the manager's process, not in child 0.
 *
 * <p>Changes: in the seed {@code dic} is a global made before the children are forked; a child JVM
 * runs the class's initializers afresh, so a static {@code dic} would be a new {@code Manager}
 * and dict in each child (as with Python's {@code spawn}, which re-runs the module and, without
 * {@code if __name__ == '__main__':}, fails here). So the port makes the manager and {@code dic}
 * in {@code main} and hands {@code dic}, a {@link DictProxy}, to each child in its target,
 * {@code new Process(() -> foo(dic, n))}. {@code Manager()} is {@code new Manager()}, started as
 * it is made; {@code dic[i] = x} is {@code dic.put(i, x)}. Python 2's {@code dic.values()} is a
 * list, printed as {@code [100]}; the port prints a list of {@code dic.values()} the same way.
 * {@code Foo} is {@code foo}, as Java names methods. As in the seed, nothing shuts the manager
 * down: its process, a daemon child, ends when the program does.
 */
public final class ManagerDictValues {
    private ManagerDictValues() {
    }

    static void foo(DictProxy<Integer, Integer> dic, int i) {
        dic.put(i, 100 + i);
        System.out.println(new ArrayList<>(dic.values()));
    }

    public static void main(String[] args) throws InterruptedException {
        Manager manage = new Manager(); // 这个特殊的数据类型Manager (this special data type, Manager)
        DictProxy<Integer, Integer> dic = manage.dict(); // 这里调用的时候, 使用字典, 这个字典和咱们python使用方法是一样的! (a dict, used as in Python)

        for (int i = 0; i < 2; i++) {
            int n = i;
            Process p = new Process(() -> foo(dic, n));
            p.start();
            p.join();
        }
    }
}
