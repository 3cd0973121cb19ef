/**
 * pyconcurrent: Python's concurrency API for Java.
 *
 * <p>Exports the API packages, one per Python module ({@code threading}, {@code queue},
 * {@code concurrent.futures}, {@code multiprocessing}, and {@code function} for the serializable
 * task types); {@code org.pyconcurrent.internal} holds
 * implementation helpers and is not exported.
 */
module org.pyconcurrent {
    requires java.management;
    requires org.slf4j;
    requires org.jctools.core;
    requires org.jctools.core.jdk11;

    exports org.pyconcurrent.threading;
    exports org.pyconcurrent.queue;
    exports org.pyconcurrent.function;
    exports org.pyconcurrent.futures;
    exports org.pyconcurrent.multiprocessing;
}
