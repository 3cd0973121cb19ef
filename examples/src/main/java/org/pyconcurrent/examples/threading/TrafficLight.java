package org.pyconcurrent.examples.threading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pyconcurrent.threading.Event;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "Thread的Event"): a light thread sets the event
 * (green) and clears it (red); car threads cross when it is set and wait on it when it is not.
 *
 * <pre>{@code
 * import threading
 * import time
 *
 *
 * event = threading.Event()
 *
 * def light():
 *     count = 0
 *     event.set()
 *     while True:
 *         if 30 >= count > 20: # 改红灯
 *             event.clear()
 *             print("33[41;1mred light is on...33[0m")
 *         elif count > 30:
 *             event.set()
 *             count = 0
 *         else:
 *             print("33[44;1mgreen light is on...33[0m")
 *         time.sleep(0.5)
 *         count += 1
 *
 *
 * def car(name):
 *     while True:
 *         if event.isSet():
 *             print("Green light...the Car {} across the road.".format(name))
 *             break
 *         else:
 *             print("Red light , the Car {} is waiting.".format(name))
 *             event.wait()
 *
 * l = threading.Thread(target=light)
 * l.start()
 *
 * cars = ["Bruce", "Amadeus", "Lee", "Vick", "John", "Google"]
 *
 * for car_nam in cars:
 *     t = threading.Thread(target=car, args=(car_nam, ))
 *     time.sleep(3)
 *     t.start()
 *
 * while threading.active_count() != 1:
 *     pass
 * else:
 *     print("thread is over;")
 * }</pre>
 *
 * <p>Changes. The original never ends: the light loops forever, so the active count never gets
 * back to 1. Here main joins the cars and then interrupts the light thread, whose sleep throws
 * {@link InterruptedException}, which ends it; then the wait loop ends and main prints
 * "thread is over;". Every time is divided by ten: a tick of the light is 50 ms instead of
 * 0.5 s and a car comes every 300 ms instead of 3 s, so the cars meet the same lights as in the
 * original (Vick, and usually John, wait for green). {@code event.wait()} is
 * {@code event.await()} ({@code Object.wait()} is final); {@code isSet()} keeps the name. The
 * seed lost the backslash of the colour codes ({@code 33[41;1m} is {@code \033[41;1m}); this
 * port prints the real ANSI codes.
 */
public final class TrafficLight {
    private TrafficLight() {
    }

    static final Event event = new Event();

    static void light() {
        int count = 0;
        event.set();
        try {
            while (true) {
                if (30 >= count && count > 20) { // 改红灯 (switch to red)
                    event.clear();
                    System.out.println("\033[41;1mred light is on...\033[0m");
                } else if (count > 30) {
                    event.set();
                    count = 0;
                } else {
                    System.out.println("\033[44;1mgreen light is on...\033[0m");
                }
                Thread.sleep(Duration.ofMillis(50)); // Python: time.sleep(0.5)
                count += 1;
            }
        } catch (InterruptedException e) {
            // added: main interrupts the light once every car has crossed; the light goes off
        }
    }

    static void car(String name) {
        try {
            while (true) {
                if (event.isSet()) {
                    System.out.printf("Green light...the Car %s across the road.%n", name);
                    break;
                } else {
                    System.out.printf("Red light , the Car %s is waiting.%n", name);
                    event.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread l = Thread.ofPlatform().unstarted(TrafficLight::light);
        l.start();

        String[] cars = {"Bruce", "Amadeus", "Lee", "Vick", "John", "Google"};

        List<Thread> started = new ArrayList<>(); // added
        for (String carNam : cars) {
            Thread t = Thread.ofPlatform().unstarted(() -> car(carNam));
            Thread.sleep(Duration.ofMillis(300)); // Python: time.sleep(3)
            t.start();
            started.add(t); // added
        }
        for (Thread t : started) { // added: wait until every car has crossed,
            t.join();
        }
        l.interrupt(); // added: then switch the light off

        while (Thread.activeCount() != 1) {
            Thread.onSpinWait(); // Python: pass
        }
        System.out.println("thread is over;");
    }
}
