package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Array;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "使用特殊的数据类型, 来进行穿墙", the first method,
 * {@code Array}): an array in shared memory, which two processes both write to and print. The
 * seed is Python 2.
 *
 * <pre>{@code
 * #通过特殊的数据结构：数组（Array）
 *
 * from multiprocessing import Process,Array
 *
 * #创建一个只包含数字类型的数组（python中叫列表）
 * #并且数组是不可变的，在C，或其他语言中，数组是不可变的，之后再python中数组（列表）是可以变得
 * #当然其他语言中也提供可变的数组
 * #在C语言中数组和字符串是一样的，如果定义一个列表，如果可以增加，那么我需要在你内存地址后面再开辟一块空间，那我给你预留多少呢？
 * #在python中的list可能用链表来做的，我记录了你前面和后面是谁。   列表不是连续的，数组是连续的
 *
 * '''
 * 上面不是列表是“数组"数组是不可变的，附加内容是为了更好的理解数组！
 * '''
 *
 * temp = Array('i', [11,22,33,44]) #这里的i是C语言中的数据结构，通过他来定义你要共享的内容的类型！点进去看~
 *
 * def Foo(i):
 *     temp[i] = 100+i
 *     for item in temp:
 *         print i,'----->',item
 *
 * for i in range(2):
 *     p = Process(target=Foo,args=(i,))
 *     p.start()
 * }</pre>
 *
 * <p>The seed's heading says processes are walled off from each other by default, and a special
 * data structure can "go through the wall" ("穿墙"). Its comments explain that an array, unlike a
 * Python list, has a fixed size and is contiguous in memory, and that {@code 'i'} is the C type
 * of the elements. Child 0 sets element 0 to 100 and prints the four elements as
 * "0 -----> 100" and so on; child 1 sets element 1 to 101 and prints its four lines. Each sees
 * its own change and, if the other child has already made its change, that one too: child 0's
 * second element is 22 or 101, child 1's first is 11 or 100, and the last two are 33 and 44. The
 * two children's lines may interleave.
 *
 * <p>Changes: in the seed {@code temp} is a global made before the children are forked, so they
 * share it. A child JVM runs the class's initializers afresh: a static {@code temp} would be a new
 * array in new memory in each child, shared with nobody (as with Python's {@code spawn}, which
 * re-runs the module). So the port makes {@code temp} in {@code main} and hands it to each child
 * in its target, {@code new Process(() -> foo(temp, n))}, and each child's copy maps the same
 * memory. {@code Array('i', [11,22,33,44])} is {@code Array.ofInt(new int[] {11, 22, 33, 44})},
 * {@code temp[i] = x} is {@code temp.set(i, x)}, and {@code for item in temp} reads the elements
 * one by one with {@code temp.get(k)}. Python 2's {@code print i,'----->',item} puts a space
 * between its arguments. {@code Foo} is {@code foo}, as Java names methods; the seed has no
 * {@code if __name__ == '__main__':}, which Java's {@code main} stands for. The children are not
 * joined, as in the seed: the program ends when both have.
 */
public final class ArrayShared {
    private ArrayShared() {
    }

    static void foo(Array.Int temp, int i) {
        temp.set(i, 100 + i);
        for (int k = 0; k < temp.length(); k++) {
            int item = temp.get(k);
            System.out.println(i + " -----> " + item);
        }
    }

    public static void main(String[] args) {
        // 这里的i是C语言中的数据结构, 通过他来定义你要共享的内容的类型 ('i' is the C type of what is shared)
        Array.Int temp = Array.ofInt(new int[] {11, 22, 33, 44});
        for (int i = 0; i < 2; i++) {
            int n = i;
            Process p = new Process(() -> foo(temp, n));
            p.start();
        }
    }
}
