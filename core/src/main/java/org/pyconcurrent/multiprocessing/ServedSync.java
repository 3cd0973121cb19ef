package org.pyconcurrent.multiprocessing;

import java.time.Duration;
import java.util.List;
import org.pyconcurrent.queue.Queue;
import org.pyconcurrent.threading.Acquirable;
import org.pyconcurrent.threading.Barrier;
import org.pyconcurrent.threading.Condition;
import org.pyconcurrent.threading.Event;
import org.pyconcurrent.threading.RLock;
import org.pyconcurrent.threading.Semaphore;

/**
 * The synchronization objects and queues a manager's server holds: the {@code threading} and
 * {@code queue} classes themselves, reached by name. A call that waits (an acquire, a get, a
 * barrier) waits in the server thread of the calling client thread; the client can interrupt it.
 */
final class ServedSync {
    private ServedSync() {
    }

    /** {@code Lock}, {@code RLock}, {@code Semaphore} and {@code BoundedSemaphore}. */
    static final class Acquirer implements Served {
        static final List<String> EXPOSED = List.of("acquire", "release", "locked", "getValue", "toString");
        private final String type;
        private final Acquirable target;

        Acquirer(String type, Acquirable target) {
            this.type = type;
            this.target = target;
        }

        @Override
        public Object call(String method, List<Object> a) throws InterruptedException {
            Object result = acquireCall(target, method, a);
            if (result != null) {
                return result;
            }
            return switch (method) {
                case "release" -> {
                    if (a.isEmpty()) {
                        target.release();
                    } else if (target instanceof Semaphore s) {
                        s.release((Integer) a.get(0));
                    } else {
                        throw new IllegalArgumentException("a " + type + " is released one at a time");
                    }
                    yield null;
                }
                case "locked" -> switch (target) {
                    case org.pyconcurrent.threading.Lock l -> l.locked();
                    case RLock r -> r.locked();
                    default -> throw Served.notExposed(type, method, EXPOSED);
                };
                case "getValue" -> {
                    if (target instanceof Semaphore s) {
                        yield s.value();
                    }
                    throw Served.notExposed(type, method, EXPOSED);
                }
                case "toString" -> target.toString();
                default -> throw Served.notExposed(type, method, EXPOSED);
            };
        }
    }

    /**
     * The acquire forms, shared by locks and conditions; null if {@code method} is not
     * {@code acquire}.
     */
    static Object acquireCall(Acquirable target, String method, List<Object> a) throws InterruptedException {
        if (!method.equals("acquire")) {
            return null;
        }
        return switch (a.size()) {
            case 0 -> {
                target.acquire();
                yield Boolean.TRUE;
            }
            case 1 -> a.get(0) instanceof Duration d ? target.acquire(d) : target.acquire((Boolean) a.get(0));
            default -> target.acquire((Boolean) a.get(0), (Duration) a.get(1));
        };
    }

    /** {@code Condition}, over an {@code RLock} of its own. */
    static final class Cond implements Served {
        static final List<String> EXPOSED = List.of("acquire", "release", "await", "signal", "signalAll",
                "requireOwned", "toString");
        private final RLock lock = new RLock();
        private final Condition condition = new Condition(lock);

        @Override
        public Object call(String method, List<Object> a) throws InterruptedException {
            Object result = acquireCall(condition, method, a);
            if (result != null) {
                return result;
            }
            return switch (method) {
                case "release" -> {
                    condition.release();
                    yield null;
                }
                case "await" -> {
                    if (a.isEmpty()) {
                        condition.await();
                        yield Boolean.TRUE;
                    }
                    yield condition.await((Duration) a.get(0));
                }
                case "signal" -> {
                    if (a.isEmpty()) {
                        condition.signal();
                    } else {
                        condition.signal((Integer) a.get(0));
                    }
                    yield null;
                }
                case "signalAll" -> {
                    condition.signalAll();
                    yield null;
                }
                case "requireOwned" -> {
                    // awaitFor's check, before the proxy evaluates its predicate: in-process,
                    // awaitFor needs the lock even when the predicate is already true.
                    if (!lock.isOwned()) {
                        throw new IllegalMonitorStateException("cannot " + a.get(0) + " on un-acquired lock " + lock
                                + " (the calling thread does not hold it)");
                    }
                    yield null;
                }
                case "toString" -> condition.toString();
                default -> throw Served.notExposed("condition", method, EXPOSED);
            };
        }
    }

    /** {@code Event}. */
    static final class Ev implements Served {
        static final List<String> EXPOSED = List.of("isSet", "set", "clear", "await", "toString");
        private final Event event = new Event();

        @Override
        public Object call(String method, List<Object> a) throws InterruptedException {
            return switch (method) {
                case "isSet" -> event.isSet();
                case "set" -> {
                    event.set();
                    yield null;
                }
                case "clear" -> {
                    event.clear();
                    yield null;
                }
                case "await" -> {
                    if (a.isEmpty()) {
                        event.await();
                        yield Boolean.TRUE;
                    }
                    yield event.await((Duration) a.get(0));
                }
                case "toString" -> event.toString();
                default -> throw Served.notExposed("event", method, EXPOSED);
            };
        }
    }

    /** {@code Barrier}; its action, if any, runs in the server. */
    static final class Bar implements Served {
        static final List<String> EXPOSED = List.of("await", "reset", "abort", "parties", "nWaiting", "broken",
                "toString");
        private final Barrier barrier;

        Bar(Barrier barrier) {
            this.barrier = barrier;
        }

        @Override
        public Object call(String method, List<Object> a) throws InterruptedException {
            return switch (method) {
                case "await" -> a.isEmpty() ? barrier.await() : barrier.await((Duration) a.get(0));
                case "reset" -> {
                    barrier.reset();
                    yield null;
                }
                case "abort" -> {
                    barrier.abort();
                    yield null;
                }
                case "parties" -> barrier.parties();
                case "nWaiting" -> barrier.nWaiting();
                case "broken" -> barrier.broken();
                case "toString" -> barrier.toString();
                default -> throw Served.notExposed("barrier", method, EXPOSED);
            };
        }
    }

    /** {@code Queue} and {@code JoinableQueue}: a {@code queue.Queue}, as in CPython. */
    static final class Q implements Served {
        static final List<String> EXPOSED = List.of("put", "putNowait", "get", "getNowait", "qsize", "empty",
                "full", "maxsize", "taskDone", "join", "unfinishedTasks", "shutdown", "isShutdown", "toString");
        private final Queue<Object> queue;

        Q(int maxsize) {
            queue = new Queue<>(maxsize);
        }

        @Override
        public Object call(String method, List<Object> a) throws InterruptedException {
            return switch (method) {
                case "put" -> {
                    switch (a.size()) {
                        case 1 -> queue.put(a.get(0));
                        default -> {
                            if (a.get(1) instanceof Boolean block) {
                                queue.put(a.get(0), block);
                            } else {
                                queue.put(a.get(0), (Duration) a.get(1));
                            }
                        }
                    }
                    yield null;
                }
                case "putNowait" -> {
                    queue.putNowait(a.get(0));
                    yield null;
                }
                case "get" -> {
                    if (a.isEmpty()) {
                        yield queue.get();
                    }
                    yield a.get(0) instanceof Boolean block ? queue.get(block) : queue.get((Duration) a.get(0));
                }
                case "getNowait" -> queue.getNowait();
                case "qsize" -> queue.qsize();
                case "empty" -> queue.empty();
                case "full" -> queue.full();
                case "maxsize" -> queue.maxsize();
                case "unfinishedTasks" -> queue.unfinishedTasks();  // Python's unfinished_tasks, by callMethod
                case "taskDone" -> {
                    queue.taskDone();
                    yield null;
                }
                case "join" -> {
                    queue.join();
                    yield null;
                }
                case "shutdown" -> {
                    queue.shutdown(!a.isEmpty() && (Boolean) a.get(0));
                    yield null;
                }
                case "isShutdown" -> queue.isShutdown();
                case "toString" -> queue.toString();
                default -> throw Served.notExposed("queue", method, EXPOSED);
            };
        }
    }
}
