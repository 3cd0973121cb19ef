/**
 * jcstress tests for {@link org.pyconcurrent.threading}: one class per race, named after the
 * primitive and the property it checks.
 *
 * <p>Two shapes, as in the jcstress samples:
 * <ul>
 *   <li>Continuous tests ({@code @JCStressTest} with {@code @Actor}s, often an {@code @Arbiter},
 *       and an {@code @Outcome} table that ends with a catch-all {@code FORBIDDEN}): mutual
 *       exclusion, over-release, publication, interleavings of {@code Event.set/clear/isSet},
 *       barrier indices and {@code Timer} cancel-versus-fire. Some actors block on another actor
 *       of the same instance (a barrier, an event, a lock handed off); jcstress runs the actors
 *       of a stride at the same time, each over the instances in the same order, so that always
 *       makes progress.</li>
 *   <li>Termination tests ({@code Mode.Termination}: one {@code @Actor} that blocks, one
 *       {@code @Signal} that should release it): lost wake-ups. {@code TERMINATED} is the only
 *       acceptable outcome; {@code STALE} means the actor slept through its wake-up (jcstress
 *       waits for it for some 30 seconds, records STALE and exits that fork).</li>
 * </ul>
 *
 * <p>Every blocking call here throws {@link java.lang.InterruptedException}. An actor that gets it
 * restores the interrupt flag and ends; in a continuous test it leaves a result (-1, or a missing
 * increment) that no acceptable outcome contains, so an interrupt never passes for a correct run.
 *
 * <p>jcstress gives each actor a CPU of its own: the three-actor tests
 * ({@link org.pyconcurrent.stress.threading.SemaphoreTwoOfThree},
 * {@link org.pyconcurrent.stress.threading.ConditionSignalOneWakesOne}) run only on machines
 * with three CPUs or more, and are skipped elsewhere ("No scheduling is possible").
 *
 * <p>Run them with {@code java -jar stress-tests/target/jcstress.jar -m sanity -time 300} (CI; a
 * plain {@code -m sanity} runs each iteration for 0 ms, which gives termination tests no sample
 * at all), or {@code -m quick} / the default mode for a real stress run; {@code -t Event}
 * selects by name. Run it from a scratch directory: jcstress writes its reports to the working
 * directory.
 */
package org.pyconcurrent.stress.threading;
