package org.pyconcurrent.examples.multiprocessing;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.pyconcurrent.multiprocessing.Connection;
import org.pyconcurrent.multiprocessing.Pipe;
import org.pyconcurrent.multiprocessing.Process;

/**
 * Seed 001 ({@code 001_6f87f712f5616394.txt}, "多进程间的通信", "Pipe"): {@code Pipe()} returns
 * the two ends of a two-way pipe; the child gets one end and sends two lists through it, the
 * parent receives from the other end.
 *
 * <pre>{@code
 * import multiprocessing
 *
 * def f(conn):
 *     conn.send(["Bruce", "Lee", "From Child"])
 *     conn.send(["Bruce", "Lee", "From Child2"])
 *     conn.close()
 *
 * if __name__ == "__main__":
 *     parent_conn, child_conn = multiprocessing.Pipe() # pip会返回两端
 *     p1 = multiprocessing.Process(target=f, args=(child_conn, ))
 *     p1.start()
 *     print(parent_conn.recv())
 *     print(parent_conn.recv())
 *     print(parent_conn.recv())
 *     p1.join()
 * }</pre>
 *
 * <p>"pip会返回两端" is "the pipe returns both ends". It prints
 * {@code ['Bruce', 'Lee', 'From Child']} and {@code ['Bruce', 'Lee', 'From Child2']}, in that
 * order. The third {@code recv()} has nothing left to receive: the child sent two messages and
 * closed its end.
 *
 * <p>That third call is where the port must differ. In the seed it never returns: under
 * {@code fork} the parent still holds its own copy of {@code child_conn}, so the pipe is not
 * closed when the child closes its end, and the program hangs there. Here the parent's
 * {@code childConn} is handed over when the child starts (a {@link Connection} captured in a
 * target travels to the child, and the parent's copy is no longer usable), so when the child
 * closes its end, the parent's {@code recv()} throws {@link EOFException} (Python's
 * {@code EOFError}), as it would in Python had the parent called {@code child_conn.close()}
 * after {@code p1.start()}, as Python's documentation advises. The port catches it and prints
 * {@code EOFError}, then joins the child as the seed means to.
 *
 * <p>Other changes: {@code parent_conn, child_conn = Pipe()} is
 * {@code Pipe pipe = Pipe.create()} with its ends {@code conn1()} and {@code conn2()};
 * {@code Process(target=f, args=(child_conn,))} is {@code new Process(() -> f(childConn))}. The
 * lists are {@code List.of(...)}, copied by serialization on the way; Python prints them with
 * quotes ({@code repr}), so the port formats them that way. {@code send} and {@code recv} may
 * fail with {@link IOException} and wait, so they throw {@link InterruptedException}; {@code f}
 * is a {@code Runnable} target and catches both. Added: the parent closes its end at the end (a
 * Python program leaves that to the exit).
 */
public final class PipeSendRecv {
    private PipeSendRecv() {
    }

    static void f(Connection conn) {
        try {
            conn.send(List.of("Bruce", "Lee", "From Child"));
            conn.send(List.of("Bruce", "Lee", "From Child2"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            conn.close();
        }
    }

    /** Python's {@code print} of a list of strings: {@code ['a', 'b']}. */
    static String repr(List<String> list) {
        return list.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Pipe pipe = Pipe.create(); // pip会返回两端 (the pipe returns both ends)
        Connection parentConn = pipe.conn1();
        Connection childConn = pipe.conn2();
        Process p1 = new Process(() -> f(childConn));
        p1.start();
        List<String> first = parentConn.recv();
        System.out.println(repr(first));
        List<String> second = parentConn.recv();
        System.out.println(repr(second));
        try {
            List<String> third = parentConn.recv();
            System.out.println(repr(third));
        } catch (EOFException e) { // the seed hangs here: see the class comment
            System.out.println("EOFError");
        }
        p1.join();
        parentConn.close(); // added
    }
}
