/**
 * Inter-process plumbing: framed messages over Unix-domain socket channels
 * ({@link org.pyconcurrent.internal.ipc.FrameChannel}), socket pairs in private directories
 * ({@link org.pyconcurrent.internal.ipc.SocketPairs}), and serialization guarded by an
 * {@link java.io.ObjectInputFilter} ({@link org.pyconcurrent.internal.ipc.Serialization}).
 */
package org.pyconcurrent.internal.ipc;
