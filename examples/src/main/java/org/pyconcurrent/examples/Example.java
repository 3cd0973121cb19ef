package org.pyconcurrent.examples;

import java.util.Objects;

/**
 * One ported seed program: a class with a {@code main} method, and the line the {@link Tour}
 * prints before running it.
 *
 * @param mainClass the class whose {@code main} runs the program
 * @param title where it comes from and what it shows, e.g. "seed 000: bank balance with Lock"
 */
public record Example(Class<?> mainClass, String title) {

    /** Checks the arguments. */
    public Example {
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(title, "title");
    }

    /** The name the tour and its arguments use: the class's simple name, e.g. "BankBalance". */
    public String name() {
        return mainClass.getSimpleName();
    }

    /** The header line the tour prints before running it. */
    public String header() {
        return "== " + name() + " \u2014 " + title;
    }
}
