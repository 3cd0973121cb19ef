package org.pyconcurrent.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Event}: the {@link EventContract} plus what its Javadoc adds. */
class EventTest extends EventContract {

    @Override
    protected EventLike newEvent() {
        Event event = new Event();
        return new EventLike() {
            @Override
            public void set() {
                event.set();
            }

            @Override
            public void clear() {
                event.clear();
            }

            @Override
            public boolean isSet() {
                return event.isSet();
            }

            @Override
            public void await() throws InterruptedException {
                event.await();
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return event.await(timeout);
            }
        };
    }

    @Test
    void interruptedThreadReturnsAtOnceWhileSet() throws Exception {
        // Documented: await returns at once while the flag is up; it throws only "while waiting".
        Event event = new Event();
        event.set();
        boolean[] flagAfter = new boolean[1];
        assertTrue(threads.call(() -> {
            Thread.currentThread().interrupt();
            event.await();
            boolean result = event.await(Duration.ofSeconds(1));
            flagAfter[0] = Thread.currentThread().isInterrupted();
            return result;
        }).join());
        assertTrue(flagAfter[0], "await swallowed the interrupt");
    }

    @Test
    void toStringShowsState() {
        Event event = new Event();
        assertEquals("<Event unset>", event.toString());
        event.set();
        assertEquals("<Event set>", event.toString());
    }
}
