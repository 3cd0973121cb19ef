package org.pyconcurrent.examples.multiprocessing;

import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "进程之间的数据是相互隔离的"): the child sets the
 * global {@code age} to 0; the parent's {@code age} is still 10.
 *
 * <pre>{@code
 * from  multiprocessing import Process
 *
 * age = 10
 *
 * def task(name):
 *     global  age
 *     age = 0
 *     print('我是子进程')
 *     print(f'我是{name}在跳舞')
 *     print(f'{name}今年{age + 12}')
 *     print('子进程结束')
 *
 * if __name__ == '__main__':
 *     print('我是父进程')
 *     # 创建好了子进程对象
 *     p = Process(target=task , args=('哈巴罗1号',))
 *     ac = Process(target=task , kwargs={'name':'哈巴罗2号'})
 *     # 启动子进程执行代码
 *     p.start()
 *     print(f'age是{age}')
 * }</pre>
 *
 * <p>It prints "我是父进程" (I am the parent) and "age是10" (age is 10), whatever the child did,
 * and from the child "我是子进程", "我是哈巴罗1号在跳舞", "哈巴罗1号今年12" (哈巴罗1号 is 12 this
 * year: the child's {@code age} is 0) and "子进程结束". As in the seed, {@code ac} is created but
 * never started, so 哈巴罗2号 never runs.
 *
 * <p>{@code age} is a static field. The child JVM loads the class afresh and its static
 * initializer sets its own {@code age} to 10 (Python's {@code fork} would instead copy the
 * parent's {@code age} as it was at {@code start()}; here both are 10); the child sets its copy
 * to 0, and the parent's is untouched. {@code kwargs={'name':'哈巴罗2号'}} is a lambda like
 * {@code args}: Java has no keyword arguments.
 */
public final class GlobalAge {
    private GlobalAge() {
    }

    static int age = 10;

    static void task(String name) {
        age = 0;
        System.out.println("我是子进程");
        System.out.println("我是" + name + "在跳舞");
        System.out.println(name + "今年" + (age + 12));
        System.out.println("子进程结束");
    }

    public static void main(String[] args) {
        System.out.println("我是父进程");
        // 创建好了子进程对象 (the children's process objects are created)
        Process p = new Process(() -> task("哈巴罗1号"));
        Process ac = new Process(() -> task("哈巴罗2号")); // never started, as in the seed
        // 启动子进程执行代码 (start the child, which runs the code)
        p.start();
        System.out.println("age是" + age);
    }
}
