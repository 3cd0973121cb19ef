package org.pyconcurrent.multiprocessing;

import java.util.List;

/**
 * A shared object in a manager's server, as its proxies reach it: a method name and arguments in,
 * a result (or an exception) out. Each connection has a thread of its own in the server, so a
 * call runs in the thread that serves the calling client thread (what makes a shared
 * {@code RLock} or {@code Condition} know its owner, as in CPython).
 */
interface Served {
    /**
     * Runs a method.
     *
     * @param method its name, as the proxy sends it
     * @param args its arguments, deserialized
     * @return the result, to be sent back serialized (a copy)
     * @throws RemoteError if the type does not expose {@code method}
     * @throws Exception whatever the method throws, to be raised in the caller
     */
    Object call(String method, List<Object> args) throws Exception;

    /**
     * The failure for a method the type does not expose (CPython's AttributeError in a
     * {@code RemoteError}).
     */
    static RemoteError notExposed(String type, String method, List<String> exposed) {
        return new RemoteError("method '" + method + "' is not exposed by the shared " + type
                + " (exposed: " + String.join(", ", exposed) + ")", null);
    }

    /** Checks the number of arguments of a call. */
    static void arity(String method, List<Object> args, int... allowed) {
        for (int n : allowed) {
            if (args.size() == n) {
                return;
            }
        }
        throw new IllegalArgumentException(method + "() takes " + java.util.Arrays.toString(allowed)
                + " arguments, got " + args.size());
    }
}
