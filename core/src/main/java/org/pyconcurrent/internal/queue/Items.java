package org.pyconcurrent.internal.queue;

/**
 * Python's {@code None} as a queue item. Programs ported from Python put {@code None} as a
 * sentinel ("no more work"); the queues accept {@code null} for it and store this placeholder,
 * because the lock-free structures underneath refuse {@code null}.
 */
public final class Items {
    /** Stands for a {@code null} item inside the queue. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private Items() {
    }

    /** The stored form of {@code item}: {@link #NONE} for null, else the item itself. */
    public static Object mask(Object item) {
        return item == null ? NONE : item;
    }

    /** The item a stored value stands for: null for {@link #NONE}, else the value itself. */
    @SuppressWarnings("unchecked")
    public static <E> E unmask(Object stored) {
        return stored == NONE ? null : (E) stored;
    }
}
