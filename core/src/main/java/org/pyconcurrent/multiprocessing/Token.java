package org.pyconcurrent.multiprocessing;

import java.io.Serial;
import java.io.Serializable;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * What names a shared object of a manager (CPython's {@code Token}): the manager's address, the
 * key to connect with (null for the process tree's own), the type and the object's id there.
 *
 * @param typeId the type, as registered
 * @param address the manager's address
 * @param authkey the key; null for the process tree's
 * @param id the object's id in the manager
 */
record Token(String typeId, SocketAddress address, byte[] authkey, long id) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    ManagerClient client() {
        return ManagerClient.of(address, authkey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && t.id == id && t.address.equals(address) && Arrays.equals(t.authkey, authkey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, id);
    }

    @Override
    public String toString() {
        return "Token(typeid='" + typeId + "', address=" + address + ", id=" + id + ")";
    }
}
