#!/usr/bin/env python3
"""The CPython side of the side-by-side harness, and the registry of workloads.

Each workload is written the way a Python programmer writes it, with nothing but ``threading``,
``queue``, ``concurrent.futures``, ``multiprocessing.pool.ThreadPool`` and ``multiprocessing.Process``. Its Java port, line for line the same algorithm, lives in
``benchmarks/src/main/java/org/pyconcurrent/benchmarks/harness/Workloads.java``.

Run one or more workloads and print one JSON line per result (``harness.py`` parses them)::

    python3 workloads.py [--warmup W] [--warmup-time S] [--runs R] [--min-time S] WORKLOAD N ...
    python3 workloads.py --list

Adding a workload: write its function here and its port in ``Workloads.java``, then add one
entry to ``WORKLOADS`` below and one line to the registry in ``SideBySide.java``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import queue
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.pool import ThreadPool
from typing import Callable, Dict, Optional

# ----------------------------------------------------------------------------------------------
# The workloads. Each raises if its result is wrong, so a broken primitive cannot look fast.
# ----------------------------------------------------------------------------------------------

counter = 0


def increment(lock, n):
    """The bank-balance loop: n times take the lock, add one to the shared counter, release."""
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def lock_uncontended(n):
    """One thread, one Lock: n acquire/increment/release."""
    global counter
    counter = 0
    lock = threading.Lock()
    increment(lock, n)
    check(counter == n, f"counter is {counter}, expected {n}")


def lock_contended(n):
    """Two threads share one Lock, each doing n/2 acquire/increment/release."""
    global counter
    counter = 0
    lock = threading.Lock()
    threads = [threading.Thread(target=increment, args=(lock, n // 2)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(counter == 2 * (n // 2), f"counter is {counter}, expected {2 * (n // 2)}")


def bounded_semaphore(n):
    """One thread: n times acquire and release a BoundedSemaphore."""
    sem = threading.BoundedSemaphore(1)
    for _ in range(n):
        sem.acquire()
        sem.release()
    check(sem.acquire(blocking=False), "semaphore left without its permit")
    sem.release()


def event_ping_pong(n):
    """Two threads bounce a ball n times with two Events: set, wait, clear."""
    ping = threading.Event()
    pong = threading.Event()
    returned = 0

    def responder():
        nonlocal returned
        for _ in range(n):
            ping.wait()
            ping.clear()
            returned += 1
            pong.set()

    t = threading.Thread(target=responder)
    t.start()
    for _ in range(n):
        ping.set()
        pong.wait()
        pong.clear()
    t.join()
    check(returned == n, f"{returned} round trips, expected {n}")


def queue_producer_consumer(n):
    """A producer thread puts n items into a Queue(1024); a consumer thread gets each one and
    marks it done; the main thread waits for the producer, joins the queue, then the consumer."""
    q = queue.Queue(1024)
    total = 0

    def producer():
        for i in range(n):
            q.put(i)

    def consumer():
        nonlocal total
        for _ in range(n):
            total += q.get()
            q.task_done()

    threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
    for t in threads:
        t.start()
    threads[0].join()
    q.join()
    threads[1].join()
    expected = n * (n - 1) // 2
    check(total == expected, f"consumer got a total of {total}, expected {expected}")
    check(q.unfinished_tasks == 0, f"{q.unfinished_tasks} tasks left unfinished")


def count_primes(limit):
    """Pure CPU work: how many primes are below limit, by trial division."""
    count = 0
    for candidate in range(2, limit):
        divisor = 2
        while divisor * divisor <= candidate:
            if candidate % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


def cpu_serial(n):
    """count_primes(n) twice, one after the other."""
    results = [count_primes(n), count_primes(n)]
    check(results[0] == results[1], f"results differ: {results}")


def cpu_threaded(n):
    """count_primes(n) twice, in two threads at once."""
    results = [None, None]

    def work(i):
        results[i] = count_primes(n)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(results[0] is not None and results[0] == results[1], f"results differ: {results}")


def one():
    """The trivial task of the pool workloads."""
    return 1


def pool_apply_async(n):
    """n trivial tasks into a ThreadPool(2) with apply_async, then get() of each result in order.
    The pool is created and, leaving the with block, terminated within the run."""
    with ThreadPool(2) as pool:
        results = [pool.apply_async(one) for _ in range(n)]
        total = sum(r.get() for r in results)
    check(total == n, f"results add up to {total}, expected {n}")


def executor_submit(n):
    """n trivial calls submitted to a ThreadPoolExecutor(2), then result() of each future in
    order. The executor is created and, leaving the with block, shut down within the run."""
    with ThreadPoolExecutor(2) as executor:
        futures = [executor.submit(one) for _ in range(n)]
        total = sum(f.result() for f in futures)
    check(total == n, f"results add up to {total}, expected {n}")


def noop():
    """The target of the process workloads: does nothing."""


def process_start_join(n, method=None):
    """n processes one after another, each started and joined: Process(target=noop). With the
    default start method of this CPython (fork on Linux up to 3.13), or the one named."""
    context = multiprocessing.get_context(method)
    for _ in range(n):
        p = context.Process(target=noop)
        p.start()
        p.join()
        check(p.exitcode == 0, f"exitcode {p.exitcode}")


def process_spawn_join(n):
    """As process_start_join, with the spawn start method: a fresh interpreter per process."""
    process_start_join(n, "spawn")


def queue_writer(commands, q):
    """The writer process of mp_queue_to_parent: for each count it is sent, puts that many ints
    into q, then None."""
    while True:
        n = commands.get()
        for i in range(n):
            q.put(i)
        q.put(None)


_writer = None


def mp_queue_to_parent(n):
    """One writer process puts n ints into a multiprocessing.Queue; the parent gets them all, in
    order, up to the None that ends the batch. The writer process is started once, by the first
    (warm-up) run, so the timed runs measure messages, not a process start."""
    global _writer
    if _writer is None:
        commands, q = multiprocessing.Queue(), multiprocessing.Queue()
        p = multiprocessing.Process(target=queue_writer, args=(commands, q), daemon=True)
        p.start()
        _writer = (commands, q)
    commands, q = _writer
    commands.put(n)
    count = 0
    while True:
        item = q.get()
        if item is None:
            break
        check(item == count, f"got {item}, expected {count}")
        count += 1
    check(count == n, f"got {count} items, expected {n}")


def pipe_echo(conn):
    """The echo process of pipe_ping_pong: sends back every message it receives."""
    while True:
        conn.send(conn.recv())


_echo = None


def pipe_ping_pong(n):
    """n round trips over a Pipe to an echo process: send an int, receive it back. The echo
    process is started once, by the first (warm-up) run."""
    global _echo
    if _echo is None:
        here, there = multiprocessing.Pipe()
        p = multiprocessing.Process(target=pipe_echo, args=(there,), daemon=True)
        p.start()
        _echo = here
    for i in range(n):
        _echo.send(i)
        check(_echo.recv() == i, "the echo differs")


def value_adder(value, commands, done):
    """A worker of value_locked_increments: for each count it is sent, adds 1 to the shared value
    that many times under its lock, then says so."""
    while True:
        n = commands.get()
        for _ in range(n):
            with value.get_lock():
                value.value += 1
        done.put(n)


_adders = None


def value_locked_increments(n):
    """Two processes each add 1 to a shared Value('i') n/2 times, under its lock; nothing may be
    lost. The two processes are started once, by the first (warm-up) run."""
    global _adders
    if _adders is None:
        value = multiprocessing.Value("i", 0)
        commands, done = multiprocessing.Queue(), multiprocessing.Queue()
        for _ in range(2):
            multiprocessing.Process(target=value_adder, args=(value, commands, done), daemon=True).start()
        _adders = (value, commands, done)
    value, commands, done = _adders
    value.value = 0
    half = n // 2
    commands.put(half)
    commands.put(half)
    done.get()
    done.get()
    check(value.value == 2 * half, f"value {value.value}, expected {2 * half}")


def square(x):
    """The function of pool_process_map."""
    return x * x


def ignore(result):
    """The callback of pool_process_apply_async."""


_process_pool = None


def process_pool():
    """A multiprocessing.Pool(2), created by the first (warm-up) run and kept."""
    global _process_pool
    if _process_pool is None:
        _process_pool = multiprocessing.Pool(2)
    return _process_pool


def pool_process_apply_async(n):
    """n trivial tasks into a process Pool(2) with apply_async and a callback, then get() of each
    result in order."""
    pool = process_pool()
    results = [pool.apply_async(one, callback=ignore) for _ in range(n)]
    total = sum(r.get() for r in results)
    check(total == n, f"results add up to {total}, expected {n}")


def pool_process_map(n):
    """map(square, range(n), chunksize=1000) on a process Pool(2)."""
    out = process_pool().map(square, range(n), chunksize=1000)
    check(len(out) == n and out[-1] == (n - 1) * (n - 1), "map results differ")


def pool_start_first_result(n):
    """n times: a process Pool(2) created, its first apply() answered, the pool terminated."""
    for _ in range(n):
        with multiprocessing.Pool(2) as pool:
            check(pool.apply(one) == 1, "apply differs")


def manager_dict_writer(d, commands, done):
    """A worker of manager_dict_set: for each count it is sent, sets that many keys of the shared
    dict, then says so."""
    while True:
        n = commands.get()
        for i in range(n):
            d[i] = i
        done.put(n)


_dict_writer = None


def manager_dict_set(n):
    """A child process sets n keys of a Manager().dict(); the manager and the child are started
    once, by the first (warm-up) run."""
    global _dict_writer
    if _dict_writer is None:
        manager = multiprocessing.Manager()
        d = manager.dict()
        commands, done = multiprocessing.Queue(), multiprocessing.Queue()
        multiprocessing.Process(target=manager_dict_writer, args=(d, commands, done), daemon=True).start()
        _dict_writer = (manager, d, commands, done)
    manager, d, commands, done = _dict_writer
    commands.put(n)
    done.get()
    check(d[n - 1] == n - 1, "the last key differs")


def manager_start_first_call(n):
    """n times: a Manager() started, a dict made and one key set, the manager shut down."""
    for _ in range(n):
        with multiprocessing.Manager() as manager:
            d = manager.dict()
            d[0] = 0
            check(d[0] == 0, "the key differs")


def check(condition, message):
    if not condition:
        raise RuntimeError(message)


# ----------------------------------------------------------------------------------------------
# The registry: what harness.py runs on both sides, how it is labelled, and at what size.
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    """N for each harness mode. Both sides run the same N."""

    full: int
    quick: int
    smoke: int


@dataclass(frozen=True)
class Throughput:
    """N operations per run; the table shows operations per second on each side."""

    label: str
    run: Callable[[int], None]
    op: str  # what one operation is, for the note under the table
    sizes: Sizes
    target: Optional[float] = None  # the pyconcurrent/CPython ratio the project aims for
    unit: str = "ops/s"
    note: Optional[str] = None  # printed under the table

    kind = "throughput"


@dataclass(frozen=True)
class Speedup:
    """The same work done serially and in threads; the table shows serial time / threaded time."""

    label: str
    serial: Callable[[int], None]
    threaded: Callable[[int], None]
    work: str  # what is done twice, for the note under the table
    sizes: Sizes
    target: Optional[float] = None  # the speed-up pyconcurrent aims for (not a ratio to CPython)

    kind = "speedup"


WORKLOADS: Dict[str, object] = {
    "lock_uncontended": Throughput(
        "Lock, uncontended", lock_uncontended, "acquire + increment + release",
        Sizes(full=3_000_000, quick=600_000, smoke=10_000), target=20),
    "lock_contended": Throughput(
        "Lock, 2 threads contending", lock_contended, "acquire + increment + release",
        Sizes(full=3_000_000, quick=600_000, smoke=10_000), target=20,
        note="neither Lock is fair: a thread that releases often takes the lock straight back, "
             "so how often the two threads really hand it over varies from run to run (in "
             "CPython the GIL, switching threads every 5 ms, rarely lets them contend at all); "
             "expect this row to move more than the others."),
    "bounded_semaphore": Throughput(
        "BoundedSemaphore acquire + release", bounded_semaphore, "acquire + release",
        Sizes(full=600_000, quick=150_000, smoke=2_000), target=20),
    "event_ping_pong": Throughput(
        "Event ping-pong, 2 threads", event_ping_pong, "round trip (set, wait, clear each way)",
        Sizes(full=15_000, quick=4_000, smoke=200), target=20, unit="round trips/s"),
    "queue_producer_consumer": Throughput(
        "queue.Queue(1024) producer/consumer, task_done/join", queue_producer_consumer,
        "one item through put + get + task_done",
        Sizes(full=300_000, quick=100_000, smoke=2_000), target=25, unit="items/s",
        note="one producer and one consumer thread, the main thread in join(). In CPython the "
             "GIL lets one of them run at a time, so the producer mostly fills the queue while "
             "the consumer waits, then the consumer empties it: the hand-off comes in batches "
             "and costs no contention. In Java both run at once on two cores and meet at the "
             "queue's ends, so the figure depends on how cheaply the queue wakes a waiting "
             "side; the Java side uses org.pyconcurrent.queue.Queue on its default backend."),
    "pool_apply_async": Throughput(
        "ThreadPool(2).apply_async, then get() each", pool_apply_async,
        "one trivial task through apply_async + get",
        Sizes(full=40_000, quick=10_000, smoke=300), target=20, unit="tasks/s",
        note="multiprocessing.pool.ThreadPool(2) against org.pyconcurrent.multiprocessing."
             "ThreadPool(2); each run creates the pool, submits all N tasks, gets every result, "
             "then terminates the pool (Python's with block; in Java an explicit terminate()). "
             "In CPython a task passes three threads (task handler, worker, result handler); in "
             "Java the worker completes the result itself when there is no callback."),
    "executor_submit": Throughput(
        "ThreadPoolExecutor(2).submit, then result() each", executor_submit,
        "one trivial call through submit + result",
        Sizes(full=40_000, quick=10_000, smoke=300), target=None, unit="calls/s",
        note="concurrent.futures.ThreadPoolExecutor(2) against org.pyconcurrent.futures."
             "ThreadPoolExecutor(2); each run creates the executor, submits all N calls, waits "
             "for every result, then shuts it down (the with block, in Java try-with-resources)."),
    "process_start_join": Throughput(
        "Process start + join, default start method", process_start_join,
        "one no-op process started and joined",
        Sizes(full=40, quick=12, smoke=2), target=None, unit="processes/s",
        note="CPython's default start method here is fork (a copy of the interpreter, no start-up); "
             "pyconcurrent's default is a warm standby JVM (the forkserver role), which still "
             "costs a JVM's class loading and exit per process: an honest loss, kept in the table. "
             "The issue's target (200/s) is not met; see docs/design.md."),
    "process_spawn_join": Throughput(
        "Process start + join, spawn", process_spawn_join,
        "one no-op process started and joined, each in a fresh interpreter / JVM",
        Sizes(full=12, quick=4, smoke=1), target=None, unit="processes/s",
        note="a fresh CPython interpreter (re-importing the main module) against a fresh JVM."),
    "mp_queue_to_parent": Throughput(
        "multiprocessing.Queue, one writer process \u2192 parent", mp_queue_to_parent,
        "one int put by the writer process and got by the parent",
        Sizes(full=300_000, quick=100_000, smoke=2_000), target=10.0, unit="msgs/s",
        note="the writer process is started by the warm-up run; CPython pickles in a feeder "
             "thread and writes a pipe, pyconcurrent sends batched frames to the queue's holder "
             "(the parent) over a Unix socket."),
    "pipe_ping_pong": Throughput(
        "Pipe ping-pong with a child process", pipe_ping_pong,
        "one round trip: an int sent to an echo process and received back",
        Sizes(full=40_000, quick=10_000, smoke=200), target=2.0, unit="round trips/s",
        note="the echo process is started by the warm-up run; pyconcurrent's reader tries the "
             "socket again, yielding the CPU in between, for up to 100 \u00b5s before it sleeps."),
    "value_locked_increments": Throughput(
        "Value('i') += 1 under its lock, 2 processes", value_locked_increments,
        "one locked increment of a shared int",
        Sizes(full=400_000, quick=100_000, smoke=2_000), target=5.0,
        note="the two processes are started by the warm-up run; CPython's lock is a POSIX "
             "semaphore, pyconcurrent's a compare-and-set on the shared memory, with a futex-like "
             "sleep through the creating process when contended."),
    "pool_process_apply_async": Throughput(
        "Process Pool(2).apply_async + callback", pool_process_apply_async,
        "one trivial task submitted with a callback and its result got",
        Sizes(full=40_000, quick=10_000, smoke=200), target=10.0, unit="tasks/s",
        note="the pool is created by the warm-up run and kept."),
    "pool_process_map": Throughput(
        "Process Pool(2).map, chunksize 1000", pool_process_map,
        "one item squared in a worker process",
        Sizes(full=2_000_000, quick=500_000, smoke=10_000), target=2.0, unit="items/s",
        note="the pool is created by the warm-up run and kept; lists of ints travel in a compact "
             "form, not an object stream."),
    "pool_start_first_result": Throughput(
        "Process Pool(2) start to first result", pool_start_first_result,
        "a Pool(2) created, one apply() answered, the pool terminated",
        Sizes(full=6, quick=3, smoke=1), target=None, unit="pools/s",
        note="the issue's target is \u2264 200 ms per pool with a warm JVM (\u2265 5 pools/s)."),
    "manager_dict_set": Throughput(
        "Manager dict set from a child process", manager_dict_set,
        "one d[i] = i from a child process, a round trip to the manager",
        Sizes(full=40_000, quick=10_000, smoke=200), target=2.0, unit="sets/s",
        note="the manager and the child are started by the warm-up run; each set is a round trip "
             "over a Unix socket to the manager's process, answered by the server thread of the "
             "calling thread's connection."),
    "manager_start_first_call": Throughput(
        "Manager start to first call", manager_start_first_call,
        "a Manager started, a dict made and set once, the manager shut down",
        Sizes(full=6, quick=3, smoke=1), target=None, unit="managers/s",
        note="the issue's target is \u2264 300 ms from start to the first call with a warm JVM "
             "(\u2265 3.3 managers/s, shutdown included)."),
    "cpu_two_threads": Speedup(
        "2 CPU-bound threads vs serial", cpu_serial, cpu_threaded,
        "count_primes(N), a trial-division prime count",
        Sizes(full=200_000, quick=150_000, smoke=2_000), target=1.8),
}


# ----------------------------------------------------------------------------------------------
# Timing: warm-up runs, then timed runs; one JSON line per workload on stdout.
# ----------------------------------------------------------------------------------------------


def timed(fn, n):
    start = time.perf_counter()
    fn(n)
    return time.perf_counter() - start


def repeat(step, at_least, min_seconds):
    """Calls step() at least at_least times and until min_seconds have passed; its results."""
    results = []
    start = time.perf_counter()
    while len(results) < at_least or (time.perf_counter() - start < min_seconds
                                      and len(results) < MAX_RUNS):
        results.append(step())
    return results


MAX_RUNS = 10_000


def measure(name, n, warmup, warmup_time, runs, min_time):
    """The harness's timing protocol, the same on both sides: warm-up runs (at least warmup of
    them, and at least warmup_time seconds), then timed runs (at least runs, at least min_time
    seconds). The driver takes the median of the timed runs."""
    w = WORKLOADS[name]
    result = {"side": "cpython", "workload": name, "kind": w.kind, "n": n}
    if isinstance(w, Throughput):
        warm = repeat(lambda: timed(w.run, n), warmup, warmup_time)
        times = repeat(lambda: timed(w.run, n), runs, min_time)
        result.update(warmup=len(warm), times=times, seconds=statistics.median(times))
    else:
        # serial and threaded alternate, so that a slow spell of the machine hits both
        warm = repeat(lambda: (timed(w.serial, n), timed(w.threaded, n)), warmup, warmup_time)
        pairs = repeat(lambda: (timed(w.serial, n), timed(w.threaded, n)), runs, min_time)
        serial = [s for s, _ in pairs]
        threaded = [t for _, t in pairs]
        result.update(warmup=len(warm), serial_times=serial, threaded_times=threaded,
                      speedup=statistics.median(serial) / statistics.median(threaded))
    return result


def info():
    return {"side": "cpython", "info": {
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "cpus": os.cpu_count(),
        "switch_interval": sys.getswitchinterval(),
    }}


def emit(obj):
    print(json.dumps(obj), flush=True)


def main(argv):
    usage = ("usage: workloads.py [--warmup W] [--warmup-time SECONDS] [--runs R] "
             "[--min-time SECONDS] WORKLOAD N [WORKLOAD N ...] | --list")
    warmup, warmup_time, runs, min_time, pairs = 1, 0.0, 5, 0.0, []
    args = list(argv)
    try:
        while args:
            a = args.pop(0)
            if a == "--list":
                print("\n".join(WORKLOADS))
                return 0
            if a == "--warmup":
                warmup = int(args.pop(0))
            elif a == "--warmup-time":
                warmup_time = float(args.pop(0))
            elif a == "--runs":
                runs = int(args.pop(0))
            elif a == "--min-time":
                min_time = float(args.pop(0))
            else:
                pairs.append((a, int(args.pop(0))))
    except (IndexError, ValueError):
        print(usage, file=sys.stderr)
        return 2
    unknown = [name for name, _ in pairs if name not in WORKLOADS]
    if not pairs or unknown or runs < 1 or warmup < 0:
        if unknown:
            print(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(WORKLOADS)}",
                  file=sys.stderr)
        print(usage, file=sys.stderr)
        return 2
    emit(info())
    failed = 0
    for name, n in pairs:
        try:
            emit(measure(name, n, warmup, warmup_time, runs, min_time))
        except Exception as e:  # report, go on with the next workload, exit non-zero at the end
            failed += 1
            emit({"side": "cpython", "workload": name, "n": n,
                  "error": f"{type(e).__name__}: {e}"})
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
