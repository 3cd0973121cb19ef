package org.pyconcurrent.function;

import java.io.Serializable;

/**
 * A Python argument tuple of fixed size, for {@code starmap}: {@link Tuple2} or {@link Tuple3}.
 * Tuples are serializable when their elements are.
 */
public sealed interface Tuple extends Serializable permits Tuple2, Tuple3 {
    /**
     * Returns the pair {@code (a, b)}.
     *
     * @param a the first element
     * @param b the second element
     * @param <A> the first element's type
     * @param <B> the second element's type
     * @return the tuple
     */
    static <A, B> Tuple2<A, B> of(A a, B b) {
        return new Tuple2<>(a, b);
    }

    /**
     * Returns the triple {@code (a, b, c)}.
     *
     * @param a the first element
     * @param b the second element
     * @param c the third element
     * @param <A> the first element's type
     * @param <B> the second element's type
     * @param <C> the third element's type
     * @return the tuple
     */
    static <A, B, C> Tuple3<A, B, C> of(A a, B b, C c) {
        return new Tuple3<>(a, b, c);
    }

    /**
     * Returns how many elements the tuple has.
     *
     * @return 2 or 3
     */
    int size();
}
