/**
 * Child JVMs for {@link org.pyconcurrent.multiprocessing.Process}: the command line that starts
 * one ({@link org.pyconcurrent.internal.process.JvmCommand}), the child's entry point
 * ({@link org.pyconcurrent.internal.process.ChildMain}), and the warm standby JVM that makes
 * {@code start()} cheap ({@link org.pyconcurrent.internal.process.Standby}).
 *
 * <p>The control channel is the child's standard input, a pipe the parent never closes while it
 * lives: the parent writes one length-prefixed, serialized start message; the child then watches
 * for the end of that stream, which the kernel delivers when the parent dies however it dies, and
 * exits. The child's standard output and error are the parent's own.
 */
package org.pyconcurrent.internal.process;
