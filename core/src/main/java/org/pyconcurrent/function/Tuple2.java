package org.pyconcurrent.function;

/**
 * A pair {@code (first, second)}; elements may be null, as Python's {@code None}.
 *
 * @param first the first element
 * @param second the second element
 * @param <A> the first element's type
 * @param <B> the second element's type
 */
public record Tuple2<A, B>(A first, B second) implements Tuple {
    @Override
    public int size() {
        return 2;
    }

    /** Returns Python's spelling, {@code (first, second)}. */
    @Override
    public String toString() {
        return "(" + first + ", " + second + ")";
    }
}
