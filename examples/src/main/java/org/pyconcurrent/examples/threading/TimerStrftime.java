package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.pyconcurrent.threading.Timer;

/**
 * Seed 004 ({@code 004_0b7acdf63b3247be.txt}, "定时器"): print the time, start a Timer that runs
 * a function two seconds later, which prints the time again.
 *
 * <pre>{@code
 * from threading import  Timer
 * import time
 * # 让线程任务在什么时候进程执行
 *
 * def func():
 *     print('线程执行之后的时间')
 *     print(time.strftime("%Y-%m-%d  %H:%M:%S"))
 *
 *
 * if __name__ == '__main__':
 *     print(time.strftime("%Y-%m-%d  %H:%M:%S"))
 *     # Timer(等待时间 ， 执行的任务)
 *     t = Timer(2 , func)
 *     t.start()
 * }</pre>
 *
 * <p>"线程执行之后的时间" is "the time after the thread ran". Python's {@code time.strftime} is
 * {@code LocalDateTime.now().format(...)}; the format {@code "%Y-%m-%d  %H:%M:%S"} is the
 * pattern {@code "yyyy-MM-dd  HH:mm:ss"} (two spaces, as in the seed). The two seconds are kept: the two
 * timestamps two seconds apart are the output. The timer's thread is not a daemon, so the JVM
 * waits for it after main returns, as Python does.
 */
public final class TimerStrftime {
    private TimerStrftime() {
    }

    static final DateTimeFormatter STRFTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss");

    static void func() {
        System.out.println("线程执行之后的时间");
        System.out.println(LocalDateTime.now().format(STRFTIME));
    }

    public static void main(String[] args) {
        System.out.println(LocalDateTime.now().format(STRFTIME));
        // Timer(等待时间, 执行的任务): Timer(how long to wait, the task to run)
        Timer t = new Timer(Duration.ofSeconds(2), TimerStrftime::func);
        t.start();
    }
}
