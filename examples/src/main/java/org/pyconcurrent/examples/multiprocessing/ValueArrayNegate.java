package org.pyconcurrent.examples.multiprocessing;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.pyconcurrent.multiprocessing.Array;
import org.pyconcurrent.multiprocessing.Process;
import org.pyconcurrent.multiprocessing.Value;

/**
 * Seed 002 ({@code 002_84be55c787a36604.txt}, "共享内存", shared memory; the program of Python's
 * {@code multiprocessing} documentation): the parent puts a number and an array in shared memory,
 * a child sets the number to pi and negates the array, and the parent, after {@code join()},
 * sees both changes.
 *
 * <pre>{@code
 * from multiprocessing import Process, Value, Array
 *
 * def f(n, a):
 *     n.value = 3.1415927
 *     for i in range(len(a)):
 *         a[i] = -a[i]
 *
 * if __name__ == '__main__':
 *     num = Value('d', 0.0)
 *     arr = Array('i', range(10))
 *
 *     p = Process(target=f, args=(num, arr))
 *     p.start()
 *     p.join()
 *
 *     print(num.value)
 *     print(arr[:])
 * }</pre>
 *
 * <p>The seed's notes: "{@code Value}: 返回一个从共享内存上创建的{@code ctypes}对象" (returns a
 * {@code ctypes} object made in shared memory) and "{@code Array}: 从共享内存种申请并返回一个具有
 * {@code ctypes}类型的数组对象" (allocates in shared memory and returns an array of a
 * {@code ctypes} type). It prints {@code 3.1415927} and {@code [0, -1, -2, -3, -4, -5, -6, -7, -8,
 * -9]}: the child changed the parent's memory, which it could not have done with ordinary
 * variables (see {@link WorkNum}).
 *
 * <p>Changes: {@code Value('d', 0.0)} is {@code Value.ofDouble(0.0)} and
 * {@code Array('i', range(10))} is {@code Array.ofInt(...)} of the ints 0 to 9; both are captured
 * by the target, {@code new Process(() -> f(num, arr))}, and the child's copies map the same
 * memory. {@code n.value = x} is {@code n.set(x)}, {@code a[i]} is {@code a.get(i)},
 * {@code a[i] = x} is {@code a.set(i, x)}, {@code len(a)} is {@code a.length()}, {@code num.value}
 * is {@code num.get()} and {@code arr[:]} is {@code arr.toArray()}, a Java {@code int[]}, which
 * {@link Arrays#toString(int[])} prints as Python prints a list.
 */
public final class ValueArrayNegate {
    private ValueArrayNegate() {
    }

    static void f(Value.Double n, Array.Int a) {
        n.set(3.1415927);
        for (int i = 0; i < a.length(); i++) {
            a.set(i, -a.get(i));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Value.Double num = Value.ofDouble(0.0);
        Array.Int arr = Array.ofInt(IntStream.range(0, 10).toArray());

        Process p = new Process(() -> f(num, arr));
        p.start();
        p.join();

        System.out.println(num.get());
        System.out.println(Arrays.toString(arr.toArray()));
    }
}
