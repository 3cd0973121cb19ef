/**
 * The programs of the seed articles, ported to Java, and the {@link org.pyconcurrent.examples.Tour}
 * that runs them all: {@code java -jar examples/target/examples.jar} (or {@code ./run tour}).
 *
 * <p>{@link org.pyconcurrent.examples.Examples#ALL} is the one list of examples;
 * {@link org.pyconcurrent.examples.Launcher} runs one of them in a child JVM. The ports themselves
 * are in one package per Python module: {@link org.pyconcurrent.examples.threading},
 * {@link org.pyconcurrent.examples.multiprocessing} (processes),
 * {@link org.pyconcurrent.examples.queue}, and {@link org.pyconcurrent.examples.futures} for the
 * pools that run on threads ({@code concurrent.futures.ThreadPoolExecutor} and
 * {@code multiprocessing}'s {@code ThreadPool}).
 */
package org.pyconcurrent.examples;
