/**
 * pyconcurrent: Python's concurrency API for Java.
 *
 * <p>Exports the API packages, one per Python module ({@code threading}, {@code queue}, and later
 * {@code concurrent.futures}, {@code multiprocessing}); {@code org.pyconcurrent.internal} holds
 * implementation helpers and is not exported.
 */
module org.pyconcurrent {
    requires org.slf4j;
    requires org.jctools.core;
    requires org.jctools.core.jdk11;

    exports org.pyconcurrent.threading;
    exports org.pyconcurrent.queue;
}
