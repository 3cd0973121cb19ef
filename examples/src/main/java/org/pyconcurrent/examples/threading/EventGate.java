package org.pyconcurrent.examples.threading;

import org.pyconcurrent.threading.Event;

/**
 * Seed 003 ({@code 003_4bb707b90787e912.txt}, "event"): ten threads print "start" and wait on an
 * event; main reads an answer and, if it is "true", sets the event, and all ten print "execute".
 *
 * <pre>{@code
 * #!/usr/bin/env python
 * # -*- coding:utf-8 -*-
 *
 * import threading
 *
 *
 * def do(event):
 *     print 'start'
 *     event.wait() #执行对象weit方法，然后他们停下来，等待“Flag”为True
 *     print 'execute'
 *
 *
 * event_obj = threading.Event() #创建事件的对象
 *
 * for i in range(10):
 *     t = threading.Thread(target=do, args=(event_obj,)) #吧对象传到每个线程里面了~
 *     t.start()
 *
 * event_obj.clear()  #设置"Flag"为Flase
 *
 * inp = raw_input('input:')
 * if inp == 'true':
 *     event_obj.set()
 *
 * #thread enent 就是这个3个方法的使用
 * }</pre>
 *
 * <p>Changes: {@code raw_input('input:')} would make the tour wait for the keyboard, so the
 * answer is fixed to "true" and printed after the prompt, as a terminal would echo it. (With any
 * other answer the ten non-daemon threads would wait forever, in Python as here.)
 * {@code do} is a Java keyword, so the function is {@code doIt}; {@code event.wait()} is
 * {@code event.await()}.
 */
public final class EventGate {
    private EventGate() {
    }

    static void doIt(Event event) {
        System.out.println("start");
        try {
            event.await(); // 等待“Flag”为True (wait until the flag is true)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println("execute");
    }

    public static void main(String[] args) {
        Event eventObj = new Event(); // 创建事件的对象 (make the event)

        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().unstarted(() -> doIt(eventObj)); // 吧对象传到每个线程里面了
            t.start();
        }

        eventObj.clear(); // 设置"Flag"为False (flag down)

        String inp = "true"; // changed: Python asks raw_input('input:')
        System.out.println("input:" + inp);
        if (inp.equals("true")) {
            eventObj.set();
        }
    }
}
