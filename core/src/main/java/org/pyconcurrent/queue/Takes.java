package org.pyconcurrent.queue;

import java.time.Duration;
import org.pyconcurrent.internal.Timeouts;
import org.pyconcurrent.internal.queue.Items;
import org.pyconcurrent.internal.queue.QueueCore;

/** The get forms that {@link Queue} and {@link SimpleQueue} share, with their exceptions. */
final class Takes {
    private Takes() {
    }

    static <E> E get(QueueCore core) throws InterruptedException {
        return Items.unmask(core.poll(QueueCore.FOREVER));
    }

    static <E> E get(QueueCore core, Duration timeout) throws InterruptedException {
        Object item = core.poll(Timeouts.toNanos(timeout));
        if (item == null) {
            throw new Empty("queue still empty after waiting " + timeout);
        }
        return Items.unmask(item);
    }

    static <E> E getNowait(QueueCore core) {
        try {
            Object item = core.poll(0L);
            if (item == null) {
                throw new Empty("queue is empty");
            }
            return Items.unmask(item);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError("a get that does not wait was interrupted", cannotHappen);
        }
    }
}
