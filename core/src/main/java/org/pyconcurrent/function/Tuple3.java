package org.pyconcurrent.function;

/**
 * A triple {@code (first, second, third)}; elements may be null, as Python's {@code None}.
 *
 * @param first the first element
 * @param second the second element
 * @param third the third element
 * @param <A> the first element's type
 * @param <B> the second element's type
 * @param <C> the third element's type
 */
public record Tuple3<A, B, C>(A first, B second, C third) implements Tuple {
    @Override
    public int size() {
        return 3;
    }

    /** Returns Python's spelling, {@code (first, second, third)}. */
    @Override
    public String toString() {
        return "(" + first + ", " + second + ", " + third + ")";
    }
}
