package org.pyconcurrent.examples;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example's {@code main} in a child JVM, through the {@link Launcher} the tour uses,
 * and checks that it exits with 0 and prints what its Python original prints.
 */
class ExamplesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    /** What each example must print. Every example in {@link Examples#ALL} has an entry. */
    private static final Map<String, Consumer<Launcher.Outcome>> CHECKS = Map.ofEntries(
            entry("RunProc", o -> {
                List<String> lines = o.lines();
                assertEquals(4, lines.size(), o.output());
                assertEquals("Parent process " + o.pid() + ".", lines.get(0), "the pid is the example's JVM");
                assertEquals("Child process will start.", lines.get(1));
                assertEquals("Run child process test (" + childPid(o, lines.get(2), "Run child process test \\((\\d+)\\)\\.\\.\\.")
                        + ")...", lines.get(2));
                assertEquals("Child process end.", lines.get(3), "join() waits for the child");
            }),
            entry("QueueWriterReader", o -> {
                List<String> lines = o.lines();
                assertEquals(8, lines.size(), o.output());
                long writer = childPid(o, lines.stream().filter(l -> l.startsWith("Process to write: ")).findFirst()
                        .orElse(""), "Process to write: (\\d+)");
                long reader = childPid(o, lines.stream().filter(l -> l.startsWith("Process to read: ")).findFirst()
                        .orElse(""), "Process to read: (\\d+)");
                assertTrue(writer != reader, "two children, two processes: " + o.output());
                assertEquals(List.of("Put A to queue...", "Put B to queue...", "Put C to queue..."),
                        lines.stream().filter(l -> l.startsWith("Put ")).toList(), o.output());
                assertEquals(List.of("Get A from queue.", "Get B from queue.", "Get C from queue."),
                        lines.stream().filter(l -> l.startsWith("Get ")).toList(),
                        "the reader gets every item, in order, before it is terminated:\n" + o.output());
                assertTrue(lines.indexOf("Process to write: " + writer) < lines.indexOf("Put A to queue..."), o.output());
                assertTrue(lines.indexOf("Process to read: " + reader) < lines.indexOf("Get A from queue."), o.output());
                for (String v : List.of("A", "B", "C")) {
                    assertTrue(lines.indexOf("Put " + v + " to queue...") < lines.indexOf("Get " + v + " from queue."),
                            "an item is got after it is put:\n" + o.output());
                }
            }),
            entry("PoolLongTimeTask", o -> {
                List<String> lines = o.lines();
                assertEquals(3 + 2 * 5, lines.size(), o.output());
                assertEquals("Parent process " + o.pid() + ".", lines.get(0), "the pid is the example's JVM");
                assertEquals(1, count(o, "Waiting for all subprocesses done..."::equals), o.output());
                assertEquals("All subprocesses done.", last(o), "join() waits for the workers");
                Set<Long> workers = new HashSet<>();
                for (int task = 0; task < 5; task++) {
                    String run = "Run task " + task + " \\((\\d+)\\)\\.\\.\\.";
                    List<String> runs = lines.stream().filter(l -> l.matches(run)).toList();
                    assertEquals(1, runs.size(), "task " + task + " runs once:\n" + o.output());
                    workers.add(childPid(o, runs.get(0), run));
                    String ran = "Task " + task + " runs \\d+\\.\\d\\d seconds\\.";
                    List<Integer> ends = IntStream.range(0, lines.size()).filter(i -> lines.get(i).matches(ran)).boxed().toList();
                    assertEquals(1, ends.size(), "task " + task + " ends once:\n" + o.output());
                    assertTrue(lines.indexOf(runs.get(0)) < ends.get(0), "a task ends after it starts:\n" + o.output());
                }
                assertTrue(workers.size() <= 4, "four worker processes at most: " + workers);
            }),
            entry("LoopThread", o -> assertEquals(List.of(
                    "thread main is running...",
                    "thread LoopThread is running...",
                    "thread LoopThread >>> 1",
                    "thread LoopThread >>> 2",
                    "thread LoopThread >>> 3",
                    "thread LoopThread >>> 4",
                    "thread LoopThread >>> 5",
                    "thread LoopThread ended.",
                    "thread main ended."), o.lines())),
            entry("BankBalance", o -> assertEquals(List.of("0"), o.lines(), "the balance")),
            entry("LockTestUnlocked", o -> {
                assertEquals(1, o.lines().size(), o.output());
                int total = Integer.parseInt(o.lines().get(0));
                assertTrue(total > 1 && total <= 1001, "lost updates only lower it: " + total);
            }),
            entry("LockTest", o -> assertEquals(List.of("1001"), o.lines(), "the lock_test total")),
            entry("NestedRLock", o -> {
                assertEquals("all thread is over;", last(o));
                assertEquals(10, count(o, "---run1---"::equals));
                assertEquals(10, count(o, "---run2---"::equals));
                assertEquals(10, count(o, "---run3 run1-2----"::equals));
                assertEquals(set(IntStream.rangeClosed(1, 10).mapToObj(k -> "value is [" + k + "][" + k + "]")),
                        set(o.lines().stream().filter(l -> l.startsWith("value is"))),
                        "run3 holds the lock across run1 and run2");
            }),
            entry("SemaphoreFive", o -> {
                assertEquals(100, count(o, l -> l.endsWith(" is waiting sq.")));
                assertEquals(100, count(o, l -> l.endsWith(" is get sq.")));
                assertEquals(100, count(o, l -> l.endsWith(" release sq.")));
                List<Integer> values = integers(o);
                assertEquals(100, values.size(), "one sq.value() per thread");
                assertTrue(values.stream().allMatch(v -> v >= 0 && v <= 4), "free permits after acquire: " + values);
                assertEquals("All Thread is over....", o.lines().get(o.lines().size() - 2));
                Matcher most = Pattern.compile("at most (\\d+) threads held the semaphore at once").matcher(last(o));
                assertTrue(most.matches(), last(o));
                int atOnce = Integer.parseInt(most.group(1));
                assertTrue(atOnce >= 1 && atOnce <= 5, "the semaphore let " + atOnce + " in at once");
            }),
            entry("DirectThreads", o -> assertEquals(Set.of("task t1", "task t2"), set(o.lines().stream()))),
            entry("SubclassThreads", o -> assertEquals(Set.of("running task t1", "running task t2"),
                    set(o.lines().stream()))),
            entry("DaemonThreads", o -> {
                // The random part is checked by daemonThreadsDieWithMain.
                assertEquals(1, integers(o).size(), "main prints data once: " + o.output());
                assertTrue(count(o, l -> l.endsWith(" is over.")) <= 10, o.output());
            }),
            entry("JoinStrategies", o -> {
                assertEquals(100, count(o, l -> l.startsWith("running task- ")));
                assertEquals(100, count(o, l -> l.startsWith("running over-")));
                assertEquals(1, count(o, l -> l.startsWith("111 ")));
                Matcher end = Pattern.compile("Thread\\[#\\d+,main,\\d+,main\\] (\\S+)").matcher(
                        o.lines().stream().filter(l -> l.startsWith("Thread[#")).findFirst().orElse(""));
                assertTrue(end.matches(), "main prints itself and the time: " + o.output());
                assertTrue(Double.parseDouble(end.group(1)) >= 0.2, "way two waits for a sleep at least");
            }),
            entry("RepeatingTimer", o -> {
                assertEquals(5, count(o, "Hello Bruce"::equals), "five rounds, then it stops");
                assertEquals(5, count(o, l -> l.startsWith("活跃的线程数量: ")));
                assertEquals(5, count(o, l -> l.startsWith("线程 ") && l.endsWith(" is over.")));
            }),
            entry("TrafficLight", o -> {
                for (String car : List.of("Bruce", "Amadeus", "Lee", "Vick", "John", "Google")) {
                    assertEquals(1, count(o, ("Green light...the Car " + car + " across the road.")::equals), car);
                }
                assertTrue(count(o, l -> l.contains("green light is on...")) > 0);
                assertTrue(count(o, l -> l.contains("red light is on...")) > 0);
                assertEquals("thread is over;", last(o));
            }),
            entry("FirstInFirstOut", o -> assertEquals(List.of("1", "2"), o.lines(), "first in, first out")),
            entry("LastInFirstOut", o -> assertEquals(List.of("3", "2"), o.lines(), "last in, first out")),
            entry("PriorityTuples", o -> assertEquals(List.of("(-2, 4)", "(-1, 3)"), o.lines(),
                    "lowest priority first; on a tie the data decides, as for Python's tuples")),
            entry("ProducerCustomers", ExamplesTest::checkProducerCustomers),
            entry("ProcessInfo", o -> {
                List<String> lines = o.lines().stream().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
                assertEquals(15, lines.size(), o.output());
                long child = childPid(o, lines.get(10), "process id: (\\d+)");
                assertEquals(List.of(
                        "main    ", "module name: __main__",
                        "parent process: " + ProcessHandle.current().pid(), "process id: " + o.pid(), "", "", "",
                        "function f", "module name: __main__",
                        "parent process: " + o.pid(), "process id: " + child, "", "", "",
                        "hello Bruce"), lines, "the child's parent is main");
            }),
            entry("QueueChildPut", o -> assertEquals(List.of("['Bruce', 'Lee']"), o.lines(),
                    "the parent gets the list the child put")),
            entry("QueueFiveFull", o -> assertEquals(List.of("消息队列已经满员", "5", "False", "put1号", "put2号"),
                    o.lines(), "put_nowait on a full Queue(5) raises Full; the rest is first in, first out")),
            entry("QueueWriteThenRead", o -> assertEquals(List.of(
                    "queue获取到值 鲁班", "queue获取到值 李白", "queue获取到值 武则天", "queue获取到值 孙尚香",
                    "从消息队列中获取到值 鲁班", "从消息队列中获取到值 李白", "从消息队列中获取到值 武则天", "从消息队列中获取到值 孙尚香",
                    "数据写入读取完毕"), o.lines(),
                    "the writer is joined before the reader starts; the reader gets every name, in order")),
            entry("PipeSendRecv", o -> assertEquals(List.of(
                    "['Bruce', 'Lee', 'From Child']", "['Bruce', 'Lee', 'From Child2']", "EOFError"), o.lines(),
                    "two messages, in order, then the end of the pipe")),
            entry("ManagerDictList", ExamplesTest::checkManagerDictList),
            entry("GetTicketUnlocked", o -> {
                List<String> lines = withoutColors(o);
                long shown = lines.stream().filter(l -> l.matches("目前还剩\\[[01]\\]张票\\.")).count();
                long sawOne = count(lines, "目前还剩[1]张票."::equals);
                long bought = count(lines, "购票成功"::equals);
                assertEquals(3, shown, "each buyer shows the count:\n" + o.output());
                assertEquals(3 + bought, lines.size(), o.output());
                assertTrue(bought >= 1 && bought <= sawOne,
                        "the first buyer buys; a buyer who saw 0 cannot, the others race for it:\n" + o.output());
            }),
            entry("GetTicketLock", o -> {
                List<String> lines = withoutColors(o);
                assertEquals(4, lines.size(), o.output());
                assertEquals(3, count(lines, l -> l.matches("目前还剩\\[[01]\\]张票\\.")), o.output());
                assertEquals(1, count(lines, "购票成功"::equals), "the lock lets one ticket be sold:\n" + o.output());
                int sold = lines.indexOf("购票成功");
                assertTrue(lines.indexOf("目前还剩[1]张票.") >= 0 && lines.indexOf("目前还剩[1]张票.") < sold,
                        "the buyer showed the count 1 first:\n" + o.output());
            }),
            entry("PoolCallback", o -> {
                List<String> lines = o.lines();
                assertEquals(1 + 12 + 20, lines.size(), o.output());
                String pid = mainPid(o);
                Predicate<String> mains = l -> l.startsWith("Process->") || l.equals("end") || l.equals("pool close.");
                assertEquals(Stream.concat(IntStream.range(0, 10).mapToObj(i -> "Process->" + i),
                        Stream.of("end", "pool close.")).toList(), lines.stream().filter(mains).toList());
                assertTrue(lines.indexOf("end") < lines.indexOf("109"),
                        "apply_async does not wait: main is done before the last task:\n" + o.output());
                checkFooBar(lines.stream().skip(1).filter(mains.negate()).toList(), 10, pid);
            }),
            entry("PoolCallbackProcesses", o -> {
                List<String> lines = o.lines();
                assertEquals(1 + 12 + 20, lines.size(), o.output());
                String pid = mainPid(o);
                Predicate<String> mains = l -> l.startsWith("Process->") || l.equals("end") || l.equals("pool close.");
                assertEquals(Stream.concat(IntStream.range(0, 10).mapToObj(i -> "Process->" + i),
                        Stream.of("end", "pool close.")).toList(), lines.stream().filter(mains).toList());
                assertTrue(lines.indexOf("end") < lines.indexOf("109"),
                        "apply_async does not wait: main is done before the last task:\n" + o.output());
                checkFooBar(lines.stream().skip(1).filter(mains.negate()).toList(), 10, pid);
            }),
            entry("PoolGetResults", o -> {
                List<String> lines = o.lines();
                assertEquals(1 + 2 + 10 + 5, lines.size(), o.output());
                String pid = mainPid(o);
                Predicate<String> mains = l -> l.equals("end") || l.equals("pool close.");
                assertEquals(List.of("end", "pool close."), lines.stream().filter(mains).toList());
                assertTrue(lines.indexOf("end") < lines.indexOf("104"),
                        "apply_async does not wait: main is done before the last task:\n" + o.output());
                assertEquals(IntStream.range(100, 105).mapToObj(v -> "res-->" + v).toList(),
                        lines.subList(lines.size() - 5, lines.size()), "get() after join(), in submission order");
                checkFooBar(lines.subList(1, lines.size() - 5).stream().filter(mains.negate()).toList(), 5, pid);
            }),
            entry("PoolGetResultsProcesses", o -> {
                List<String> lines = o.lines();
                assertEquals(1 + 2 + 10 + 5, lines.size(), o.output());
                String pid = mainPid(o);
                Predicate<String> mains = l -> l.equals("end") || l.equals("pool close.");
                assertEquals(List.of("end", "pool close."), lines.stream().filter(mains).toList());
                assertTrue(lines.indexOf("end") < lines.indexOf("104"),
                        "apply_async does not wait: main is done before the last task:\n" + o.output());
                assertEquals(IntStream.range(100, 105).mapToObj(v -> "res-->" + v).toList(),
                        lines.subList(lines.size() - 5, lines.size()), "get() after join(), in submission order");
                checkFooBar(lines.subList(1, lines.size() - 5).stream().filter(mains.negate()).toList(), 5, pid);
            }),
            entry("ValueArrayNegate", o -> assertEquals(List.of("3.1415927", "[0, -1, -2, -3, -4, -5, -6, -7, -8, -9]"),
                    o.lines(), "the child's writes to shared memory are seen by the parent")),
            entry("ShowThreads", o -> {
                assertEquals("main thread stop", o.lines().get(0), "main ends first");
                assertEquals(set(IntStream.range(0, 10).mapToObj(i -> "thread" + i)),
                        set(o.lines().stream().skip(1)));
            }),
            entry("GlNumUnlocked", o -> {
                assertEquals(1, count(o, "main thread stop"::equals));
                List<Integer> values = integers(o);
                assertEquals(10, values.size());
                assertTrue(values.stream().allMatch(v -> v >= 1 && v <= 10), values.toString());
            }),
            entry("GlNumRLock", o -> assertEquals(
                    IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList(), o.lines(),
                    "under the lock the numbers come in order")),
            entry("EventGate", o -> {
                assertEquals(10, count(o, "start"::equals));
                assertEquals(10, count(o, "execute"::equals), "main's set() releases all ten");
                assertEquals(1, count(o, "input:true"::equals));
            }),
            entry("SayHi", o -> {
                assertEquals(10, o.lines().size(), o.output());
                assertEquals(set(IntStream.range(0, 10).mapToObj(i -> "say hi " + i)), set(o.lines().stream()),
                        "every child says hi once; main does not wait, the exit does");
            }),
            entry("GlobalListIsolation", o -> {
                assertEquals(11, o.lines().size(), o.output());
                assertEquals(1, count(o, "ending []"::equals), "the parent's list stays empty");
                assertEquals(set(IntStream.range(0, 10).mapToObj(i -> "say hi [" + i + "]")),
                        set(o.lines().stream().filter(l -> l.startsWith("say hi"))),
                        "each child appends to a list of its own");
            }),
            entry("ArrayShared", o -> {
                assertEquals(8, o.lines().size(), o.output());
                List<Integer> zero = arrayLines(o, 0);
                List<Integer> one = arrayLines(o, 1);
                assertEquals(4, zero.size(), o.output());
                assertEquals(4, one.size(), o.output());
                assertTrue(zero.get(0) == 100 && Set.of(22, 101).contains(zero.get(1)), "child 0: " + zero);
                assertTrue(Set.of(11, 100).contains(one.get(0)) && one.get(1) == 101, "child 1: " + one);
                assertEquals(List.of(33, 44), zero.subList(2, 4));
                assertEquals(List.of(33, 44), one.subList(2, 4));
                assertTrue(zero.get(1) == 101 || one.get(0) == 100,
                        "the child that writes second reads after both writes, so it sees the other's:\n" + o.output());
            }),
            entry("ManagerDictValues", o -> assertEquals(List.of("[100]", "[100, 101]"), o.lines(),
                    "each child is joined before the next starts, and sees the writes made before it")),
            entry("ArrayRLock", o -> {
                List<String> lines = o.lines();
                assertEquals(80, lines.size(), o.output());
                Set<Integer> children = new TreeSet<>();
                for (int b = 0; b < 80; b += 4) {
                    Matcher first = Pattern.compile("(\\d+) -----> (\\d+)").matcher(lines.get(b));
                    assertTrue(first.matches(), lines.get(b));
                    int i = Integer.parseInt(first.group(1));
                    assertEquals(List.of(i + " -----> " + (100 + i), i + " -----> 22", i + " -----> 33", i + " -----> 44"),
                            lines.subList(b, b + 4), "under the lock a child's four lines come together:\n" + o.output());
                    children.add(i);
                }
                assertEquals(set(IntStream.range(0, 20).mapToObj(Integer::toString)),
                        set(children.stream().map(Object::toString)), "each of the 20 children once");
            }),
            entry("PoolFooBar", o -> {
                assertEquals(1, count(o, "end"::equals));
                assertTrue(o.lines().indexOf("end") <= 5,
                        "apply_async does not wait: main is done before the second round of five:\n" + o.output());
                assertEquals(IntStream.range(100, 110).boxed().toList(), integers(o).stream().sorted().toList(),
                        "the callback prints every return value once");
                assertEquals(11, o.lines().size(), o.output());
            }),
            entry("PoolFooBarProcesses", o -> {
                assertEquals(1, count(o, "end"::equals));
                assertTrue(o.lines().indexOf("end") <= 5,
                        "apply_async does not wait: main is done before the second round of five:\n" + o.output());
                assertEquals(IntStream.range(100, 110).boxed().toList(), integers(o).stream().sorted().toList(),
                        "the callback prints every return value once");
                assertEquals(11, o.lines().size(), o.output());
            }),
            entry("ParentAlsoTask", o -> {
                List<String> lines = o.lines();
                assertEquals(9, lines.size(), o.output());
                assertEquals("我是父进程", lines.get(0));
                for (String l : List.of("我是子进程", "我在跳舞", "子进程结束")) {
                    assertEquals(2, count(o, l::equals), "once from the child, once from the parent: " + l);
                }
                int end = lines.indexOf("父进程结束");
                assertTrue(end >= 2 && lines.indexOf("子进程结束") < end - 1, o.output());
                assertTrue(Double.parseDouble(lines.get(end - 1)) >= 0.3, "the parent ran task() itself");
            }),
            entry("TaskKwargs", o -> assertEquals(List.of("我是父进程", "我是子进程", "我是哈巴罗在跳舞", "子进程结束"),
                    o.lines(), "the program ends after its child, which nobody joined")),
            entry("GlobalAge", o -> {
                assertEquals(6, o.lines().size(), o.output());
                assertEquals("我是父进程", o.lines().get(0));
                assertEquals(1, count(o, "age是10"::equals), "the parent's age is still 10");
                assertEquals(List.of("我是子进程", "我是哈巴罗1号在跳舞", "哈巴罗1号今年12", "子进程结束"),
                        o.lines().stream().skip(1).filter(l -> !l.equals("age是10")).toList(),
                        "one child, whose age is 0; ac is never started");
            }),
            entry("SingPids", o -> {
                List<String> lines = o.lines();
                assertEquals(4, lines.size(), o.output());
                assertEquals("父进程编号:" + o.pid(), lines.get(0));
                assertEquals(List.of("子进程编号:" + childPid(o, lines.get(1), "子进程编号:(\\d+)"), "美女在唱歌",
                        "父进程编号为:" + o.pid()), lines.subList(1, 4), "the child's parent is main");
            }),
            entry("NoodlesJoinEach", o -> assertEquals(Stream.concat(Stream.concat(Stream.of("主进程开始"),
                    IntStream.range(0, 10).mapToObj(i -> "这是我吃的第" + i + "碗面")), Stream.of("主进程结束")).toList(),
                    o.lines(), "each child is joined before the next starts")),
            entry("NoodlesJoinAll", o -> {
                List<String> lines = o.lines();
                assertEquals(12, lines.size(), o.output());
                assertEquals("主进程开始", lines.get(0));
                assertEquals(set(IntStream.range(0, 10).mapToObj(i -> "这是我吃的第" + i + "碗面")),
                        set(lines.subList(1, 11).stream()));
                assertEquals("主进程结束", lines.get(11), "main joins all ten first");
            }),
            entry("DaemonMeal", o -> {
                assertEquals(1, count(o, "结束"::equals), o.output());
                List<String> meals = o.lines().stream().filter(l -> !l.equals("结束")).toList();
                assertTrue(meals.size() < 5, "the daemon child is terminated before its fifth meal:\n" + o.output());
                assertEquals(IntStream.range(0, meals.size()).mapToObj(i -> "在第" + i + "次干饭").toList(), meals);
            }),
            entry("TomTicketUnlocked", o -> {
                Map<Integer, Integer> seen = ticketSearches(o);
                Map<Integer, Integer> bought = ticketOutcomes(o, "购票成功");
                assertEquals(4 + bought.size(), o.lines().size(), o.output());
                assertFalse(bought.isEmpty(), "the first buyer buys:\n" + o.output());
                for (int tom : bought.keySet()) {
                    assertEquals(1, seen.get(tom), "a buyer who saw 0 tickets cannot buy:\n" + o.output());
                    assertTrue(bought.get(tom) > o.lines().indexOf(searchLine(tom, 1)), "search, then get:\n" + o.output());
                }
            }),
            entry("TomTicketLock", o -> {
                Map<Integer, Integer> seen = ticketSearches(o);
                Map<Integer, Integer> bought = ticketOutcomes(o, "购票成功");
                Map<Integer, Integer> failed = ticketOutcomes(o, "购票失败");
                assertEquals(8, o.lines().size(), o.output());
                assertEquals(1, bought.size(), "the lock lets one ticket be sold:\n" + o.output());
                assertEquals(3, failed.size(), o.output());
                Set<Integer> toms = new TreeSet<>(bought.keySet());
                toms.addAll(failed.keySet());
                assertEquals(Set.of(1, 2, 3, 4), toms, "each buyer buys or fails:\n" + o.output());
                int winner = bought.keySet().iterator().next();
                assertEquals(1, seen.get(winner), o.output());
                assertTrue(bought.get(winner) > o.lines().indexOf(searchLine(winner, 1)), o.output());
                failed.forEach((tom, at) -> assertTrue(at > o.lines().indexOf(searchLine(tom, seen.get(tom))), o.output()));
            }),
            entry("TomTicketLockJoin", o -> assertEquals(List.of(
                    searchLine(1, 1), "Tom1号购票成功", searchLine(2, 0), "Tom2号购票失败",
                    searchLine(3, 0), "Tom3号购票失败", searchLine(4, 0), "Tom4号购票失败"), o.lines(),
                    "one buyer after the other: Tom1号 buys the ticket")),
            entry("SemaphoreHome", ExamplesTest::checkSemaphoreHome),
            entry("WorkThread", o -> assertEquals(List.of("张三在种田"), o.lines())),
            entry("WorkNum", o -> assertEquals(List.of("张三在种田", "150", "250"), o.lines(),
                    "the child's num is its own")),
            entry("MyProcessClass", o -> assertEquals(Stream.concat(Stream.concat(Stream.of("开始进程类函数"),
                    IntStream.range(0, 5).mapToObj(i -> "在第" + i + "次干饭")), Stream.of("结束进程类函数")).toList(),
                    o.lines())),
            entry("MyThreadClass", o -> assertEquals(List.of("开始线程类函数", "结束线程类函数"), o.lines())),
            entry("RLockMyThread", o -> assertEquals(
                    List.of("开始线程类函数", "拿到ll的锁", "拿到tl的锁", "结束线程类函数"), o.lines(),
                    "one RLock under two names is taken four times without blocking")),
            entry("TimerStrftime", o -> {
                assertEquals(3, o.lines().size(), o.output());
                assertEquals("线程执行之后的时间", o.lines().get(1));
                DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss");
                LocalDateTime before = LocalDateTime.parse(o.lines().get(0), f);
                LocalDateTime after = LocalDateTime.parse(o.lines().get(2), f);
                long seconds = Duration.between(before, after).toSeconds();
                assertTrue(seconds >= 2 && seconds <= 4, "the timer fires 2 s later, got " + seconds);
            }),
            entry("Crosswalk", o -> {
                for (int k = 1; k <= 10; k++) {
                    assertEquals(1, count(o, ("路人" + k + "行人正在通行")::equals), "pedestrian " + k);
                }
                assertTrue(count(o, "红灯亮起"::equals) > 0);
            }),
            entry("ExecutorSubmit", o -> {
                assertEquals(20, o.lines().size(), o.output());
                assertEquals(IntStream.range(0, 20).boxed().toList(), integers(o).stream().sorted().toList(),
                        "every call runs once, although main returns first: the executor is shut down at exit");
            }),
            entry("ProcessExecutorSubmit", o -> {
                assertEquals(20, o.lines().size(), o.output());
                assertEquals(IntStream.range(0, 20).boxed().toList(), integers(o).stream().sorted().toList(),
                        "every call runs once");
            }),
            entry("ExecutorResult", o -> assertEquals(
                    IntStream.range(0, 20).boxed().flatMap(n -> Stream.of(n.toString(), "返回值是 " + 2 * n)).toList(),
                    o.lines(), "result() waits for each call before the next is submitted")),
            entry("ProcessExecutorResult", o -> assertEquals(
                    IntStream.range(0, 20).boxed().flatMap(n -> Stream.of(n.toString(), "返回值是 " + 2 * n)).toList(),
                    o.lines(), "result() waits for each call before the next is submitted")),
            entry("ExecutorShutdown", o -> {
                List<String> lines = o.lines();
                assertEquals(40, lines.size(), o.output());
                assertEquals(set(IntStream.range(0, 20).mapToObj(Integer::toString)), set(lines.stream().limit(20)),
                        "shutdown(true) waits for every call");
                assertEquals(IntStream.range(0, 20).mapToObj(n -> "返回值是 " + 2 * n).toList(), lines.subList(20, 40));
            }),
            entry("ProcessExecutorShutdown", o -> {
                List<String> lines = o.lines();
                assertEquals(40, lines.size(), o.output());
                assertEquals(set(IntStream.range(0, 20).mapToObj(Integer::toString)), set(lines.stream().limit(20)),
                        "shutdown(true) waits for every call");
                assertEquals(IntStream.range(0, 20).mapToObj(n -> "返回值是 " + 2 * n).toList(), lines.subList(20, 40));
            }),
            entry("ProcessExecutorDoneCallback", o -> {
                List<String> lines = o.lines();
                assertEquals(10, lines.size(), o.output());
                for (int n = 0; n < 5; n++) {
                    int started = lines.indexOf(Integer.toString(n));
                    int done = lines.indexOf("获取返回值结果" + 2 * n);
                    assertTrue(started >= 0 && done > started, "call " + n + " and then its callback:\n" + o.output());
                }
            }),
            entry("ExecutorDoneCallback", o -> {
                List<String> lines = o.lines();
                assertEquals(10, lines.size(), o.output());
                for (int n = 0; n < 5; n++) {
                    int started = lines.indexOf(Integer.toString(n));
                    int done = lines.indexOf("获取返回值结果" + 2 * n);
                    assertTrue(started >= 0 && done > started, "call " + n + " and then its callback:\n" + o.output());
                }
            }));

    @TestFactory
    Stream<DynamicTest> everyExampleExitsWithZeroAndPrintsWhatItShould() {
        return Examples.ALL.stream().map(example -> dynamicTest(example.name(), () -> {
            Launcher.Outcome outcome = Launcher.runCapturingOutput(example, TIMEOUT);
            assertTrue(outcome.ok(), () -> outcome.describe() + "; output:\n" + outcome.output());
            CHECKS.get(example.name()).accept(outcome);
        }));
    }

    @Test
    void everyExampleHasACheck() {
        assertEquals(new TreeSet<>(CHECKS.keySet()),
                Examples.ALL.stream().map(Example::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void examplesHaveDistinctNames() {
        assertEquals(Examples.ALL.size(), Examples.ALL.stream().map(Example::name).distinct().count());
    }

    /**
     * Main ends while daemon threads still sleep, and they die with the JVM: fewer than ten of
     * them print. Each sleeps 0 or 1 s at random, so all ten may (rarely, 1 in 1024) be done in
     * time; three runs make that chance negligible.
     */
    @Test
    void daemonThreadsDieWithMain() throws Exception {
        Example daemons = Examples.named("DaemonThreads").orElseThrow();
        StringBuilder outputs = new StringBuilder();
        for (int run = 0; run < 3; run++) {
            Launcher.Outcome outcome = Launcher.runCapturingOutput(daemons, TIMEOUT);
            assertTrue(outcome.ok(), outcome::describe);
            long over = count(outcome, l -> l.endsWith(" is over."));
            int data = integers(outcome).get(0);
            assertTrue(data >= 1 && data <= 11, outcome.output());
            if (over < 10) {
                return;
            }
            outputs.append(outcome.output()).append("----\n");
        }
        throw new AssertionError("every daemon thread finished in three runs:\n" + outputs);
    }

    @Test
    void aChildThatOutlivesItsTimeoutIsKilled() throws Exception {
        Example timer = Examples.named("TimerStrftime").orElseThrow(); // runs for 2 s
        Launcher.Outcome outcome = Launcher.runCapturingOutput(timer, Duration.ofMillis(300));
        assertTrue(outcome.timedOut());
        assertFalse(outcome.ok());
        assertFalse(ProcessHandle.of(outcome.pid()).map(ProcessHandle::isAlive).orElse(false),
                "the child JVM is gone");
    }

    @Test
    void tourRunsTheNamedExamplesAndRejectsUnknownNames() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, Tour.run(new String[] {"WorkThread", "bankbalance"}, out, false));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("== WorkThread \u2014 seed 004: Thread(target=work, args=('张三',))\n张三在种田\n"),
                printed);
        assertTrue(printed.contains("== BankBalance \u2014 seed 000: bank balance with Lock\n0\n"), printed);
        assertTrue(printed.contains("== 2 examples, all passed"), printed);

        bytes.reset();
        assertEquals(2, Tour.run(new String[] {"NoSuchExample"}, out, false));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("no example named 'NoSuchExample'"));
    }

    /**
     * ProducerCustomers: the producer makes products 0 to 99 in order; the customers come one at a
     * time, each takes 1 to 4 products or comes too late and leaves; every product is used once,
     * first in first out; the producer's q.join() returns after the last one is used, and main
     * ends last.
     */
    private static void checkProducerCustomers(Launcher.Outcome o) {
        List<String> lines = o.lines();
        assertEquals(IntStream.range(0, 100).mapToObj(k -> "生产了[产品-" + k + "]").toList(),
                lines.stream().filter(l -> l.startsWith("生产了[")).toList(), "100 products, in order");

        assertEquals("Customer<0>消费了[产品-0]。",
                lines.stream().filter(l -> l.startsWith("Customer<")).findFirst().orElse(""),
                "main lets the first customer in once the first product is there");
        Pattern served = Pattern.compile("Customer<(\\d+)>消费了\\[产品-(\\d+)\\]。");
        Pattern late = Pattern.compile("Customer<(\\d+)>来晚了。");
        List<Integer> used = new ArrayList<>();
        Map<Integer, Integer> bought = new HashMap<>();
        Set<Integer> gone = new HashSet<>();
        int current = -1;
        int lastUse = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher s = served.matcher(line);
            Matcher l = late.matcher(line);
            if (!s.matches() && !l.matches()) {
                continue;
            }
            int customer = Integer.parseInt(s.matches() ? s.group(1) : l.group(1));
            assertTrue(customer >= current, "customers come one after the other: " + line);
            assertFalse(gone.contains(customer), "a customer who came too late has left: " + line);
            current = customer;
            if (s.matches()) {
                used.add(Integer.parseInt(s.group(2)));
                assertTrue(bought.merge(customer, 1, Integer::sum) <= 4, "at most 4 each: " + line);
                lastUse = i;
            } else {
                gone.add(customer);
            }
        }
        assertEquals(IntStream.range(0, 100).boxed().toList(), used,
                "each product used once, first in first out");
        Set<Integer> customers = new HashSet<>(bought.keySet());
        customers.addAll(gone);
        assertTrue(customers.containsAll(IntStream.range(0, 100).boxed().toList()),
                "each of the 100 customers buys or comes too late: " + new TreeSet<>(customers));

        int done = lines.indexOf("共生产了100个[产品-99],且已经用完。");
        assertTrue(done > lastUse, "q.join() returns after the last product is used:\n" + o.output());
        assertEquals(1, count(o, l -> l.startsWith("共生产了")));
        assertEquals("所有顾客都走了。", last(o), "main waits for the producer");
    }

    /**
     * ManagerDictList: ten children each print the shared list just after appending their pid to
     * it, then the parent prints the dict (ten {@code pid: pid} entries) and the list (0 to 4, then
     * the ten pids). The list only grows, so every child's line is a prefix of the final list; the
     * child whose append was the i-th prints at least 5 + i elements, so sorted by length the i-th
     * line has at least 5 + i; and the last to append prints the whole list.
     */
    private static void checkManagerDictList(Launcher.Outcome o) {
        List<String> lines = o.lines();
        assertEquals(12, lines.size(), o.output());
        List<Long> list = pythonList(lines.get(11), o);
        assertEquals(15, list.size(), o.output());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), list.subList(0, 5), "range(5) first:\n" + o.output());
        List<Long> pids = list.subList(5, 15);
        assertEquals(10, new HashSet<>(pids).size(), "ten distinct pids:\n" + o.output());
        for (long pid : pids) {
            assertFalse(pid == o.pid() || pid == ProcessHandle.current().pid(),
                    "a child's pid, not the example's: " + pid);
        }

        Matcher dict = Pattern.compile("\\{(\\d+: \\d+(, \\d+: \\d+)*)?\\}").matcher(lines.get(10));
        assertTrue(dict.matches(), "print(d), as Python prints a dict:\n" + o.output());
        Set<Long> keys = new TreeSet<>();
        for (String item : lines.get(10).substring(1, lines.get(10).length() - 1).split(", ")) {
            String[] kv = item.split(": ");
            assertEquals(kv[0], kv[1], "d[os.getpid()] = os.getpid(): " + item);
            assertTrue(keys.add(Long.parseLong(kv[0])), "each key once: " + item);
        }
        assertEquals(new TreeSet<>(pids), keys, "the dict's keys are the pids in the list:\n" + o.output());

        List<Integer> sizes = new ArrayList<>();
        for (String line : lines.subList(0, 10)) {
            List<Long> seen = pythonList(line, o);
            assertEquals(list.subList(0, Math.min(seen.size(), 15)), seen,
                    "a child prints the growing list as it was:\n" + o.output());
            sizes.add(seen.size());
        }
        sizes.sort(null);
        for (int i = 0; i < 10; i++) {
            assertTrue(sizes.get(i) >= 6 + i, "each child prints after its own append: sizes " + sizes
                    + "\n" + o.output());
        }
    }

    /** The numbers of a Python list of ints as printed, {@code [0, 1, 2]}. */
    private static List<Long> pythonList(String line, Launcher.Outcome o) {
        assertTrue(line.matches("\\[(-?\\d+(, -?\\d+)*)?\\]"), "a Python list of ints: " + line + "\n" + o.output());
        String inner = line.substring(1, line.length() - 1);
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(", ")).map(Long::parseLong).toList();
    }

    /**
     * SemaphoreHome: Tom0号 to Tom8号 each go into the room once and come out after; an entering
     * line is printed once a permit is held and a leaving line before it is given back, so in
     * the output there are never more than three inside.
     */
    private static void checkSemaphoreHome(Launcher.Outcome o) {
        List<String> lines = o.lines();
        assertEquals(18, lines.size(), o.output());
        Pattern enter = Pattern.compile("Tom(\\d)号猥琐的进入小黑屋");
        Pattern leave = Pattern.compile("Tom(\\d)号惊恐的跑出房间");
        Set<String> inside = new HashSet<>();
        Set<String> entered = new TreeSet<>();
        Set<String> left = new TreeSet<>();
        int most = 0;
        for (String line : lines) {
            Matcher in = enter.matcher(line);
            Matcher out = leave.matcher(line);
            if (in.matches()) {
                assertTrue(entered.add(in.group(1)), "each goes in once: " + line);
                inside.add(in.group(1));
                most = Math.max(most, inside.size());
                assertTrue(inside.size() <= 3, "at most three in the room: " + inside + "\n" + o.output());
            } else {
                assertTrue(out.matches(), "an entering or leaving line: " + line);
                assertTrue(inside.remove(out.group(1)), "one leaves after going in: " + line + "\n" + o.output());
                left.add(out.group(1));
            }
        }
        Set<String> all = set(IntStream.range(0, 9).mapToObj(Integer::toString));
        assertEquals(all, entered, o.output());
        assertEquals(all, left, o.output());
        assertTrue(most >= 1, o.output());
    }

    /** The look-up line of {@code TomTicket*}: Tom{@code tom}号 sees {@code count} tickets. */
    private static String searchLine(int tom, int count) {
        return "Tom" + tom + "号正在查看票源 ， 当前剩余票数为：" + count;
    }

    /** TomTicket*: the count each of Tom1号 to Tom4号 saw; each looks once. */
    private static Map<Integer, Integer> ticketSearches(Launcher.Outcome o) {
        Pattern search = Pattern.compile("Tom([1-4])号正在查看票源 ， 当前剩余票数为：([01])");
        Map<Integer, Integer> seen = new HashMap<>();
        for (String line : o.lines()) {
            Matcher m = search.matcher(line);
            if (m.matches()) {
                assertEquals(null, seen.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        "each buyer looks once:\n" + o.output());
            }
        }
        assertEquals(Set.of(1, 2, 3, 4), seen.keySet(), "every buyer looks:\n" + o.output());
        return seen;
    }

    /** TomTicket*: the line index of each buyer's {@code outcome} line (bought or failed); at most one each. */
    private static Map<Integer, Integer> ticketOutcomes(Launcher.Outcome o, String outcome) {
        Pattern p = Pattern.compile("Tom([1-4])号" + outcome);
        Map<Integer, Integer> at = new HashMap<>();
        List<String> lines = o.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i));
            if (m.matches()) {
                assertEquals(null, at.put(Integer.parseInt(m.group(1)), i), "once each:\n" + o.output());
            }
        }
        return at;
    }

    /** ArrayShared: the values child {@code i} printed, {@code i -----> v}, in its order. */
    private static List<Integer> arrayLines(Launcher.Outcome o, int i) {
        Pattern line = Pattern.compile(i + " -----> (\\d+)");
        return o.lines().stream().map(line::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).toList();
    }

    /** The output's lines with their ANSI color escapes taken out. */
    private static List<String> withoutColors(Launcher.Outcome o) {
        return o.lines().stream().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    private static long count(List<String> lines, Predicate<String> line) {
        return lines.stream().filter(line).count();
    }

    /** The pid of a pool example's first line, {@code __main__ <pid>}. */
    private static String mainPid(Launcher.Outcome o) {
        Matcher main = Pattern.compile("__main__ (\\d+)").matcher(o.lines().isEmpty() ? "" : o.lines().get(0));
        assertTrue(main.matches(), "main prints __name__ and its pid first:\n" + o.output());
        assertEquals(Long.toString(o.pid()), main.group(1), "the pid is the child JVM's");
        return main.group(1);
    }

    /**
     * The output of {@code count} tasks {@code Foo(i)} and their callbacks {@code Bar}: each
     * {@code i + 100} once, and after it its "-->exec done:" line, with main's pid (callbacks run
     * in the pool's result handler, in main's process); nothing else.
     */
    private static void checkFooBar(List<String> lines, int count, String pid) {
        assertEquals(2 * count, lines.size(), String.join("\n", lines));
        for (int v = 100; v < 100 + count; v++) {
            int value = lines.indexOf(Integer.toString(v));
            int done = lines.indexOf("-->exec done: " + v + " " + pid);
            assertTrue(value >= 0 && done > value, "Foo prints " + v + ", then Bar gets it:\n" + String.join("\n", lines));
        }
    }

    /** The pid in {@code line} (group 1 of {@code regex}): a child process's, not the example's. */
    private static long childPid(Launcher.Outcome o, String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertTrue(m.matches(), "a child's pid: " + line + "\n" + o.output());
        long pid = Long.parseLong(m.group(1));
        assertFalse(pid == o.pid() || pid == ProcessHandle.current().pid(), "the child is a process of its own: " + line);
        return pid;
    }

    private static String last(Launcher.Outcome o) {
        List<String> lines = o.lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static long count(Launcher.Outcome o, Predicate<String> line) {
        return o.lines().stream().filter(line).count();
    }

    private static List<Integer> integers(Launcher.Outcome o) {
        return o.lines().stream().filter(l -> INTEGER.matcher(l).matches()).map(Integer::parseInt).toList();
    }

    private static Set<String> set(Stream<String> lines) {
        return lines.collect(Collectors.toCollection(TreeSet::new));
    }
}
