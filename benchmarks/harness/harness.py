#!/usr/bin/env python3
"""CPython side by side: runs the same workloads in CPython and in Java with pyconcurrent.

    python3 benchmarks/harness/harness.py [--quick | --smoke] [--write docs/benchmarks.md]
                                          [--java PATH] [--jar PATH] [--only NAME,...]

The CPython side is workloads.py, run by this same interpreter; the Java side is
org.pyconcurrent.benchmarks.harness.SideBySide from the shaded benchmarks jar, all workloads in
one JVM. Both sides run the same workload at the same size with the same timing protocol and
print one JSON line per workload; this script parses them and prints the table
``workload | CPython | pyconcurrent | ratio``.

Modes: the default full run (about a minute), --quick (10-15 s, the README tour) and --smoke
(a second or two: tiny sizes, proves that both sides run and their output parses; for CI).
Exit status: 0 when every workload ran on both sides, 1 when one failed, 2 on a setup error
(missing jar, no java, bad arguments).

With --write FILE it rewrites only its own section of FILE, between the markers
``<!-- harness:begin -->`` and ``<!-- harness:end -->`` (appended when absent; the file is created
when missing), and writes a bar chart of the ratios, harness-ratios.svg, next to FILE.

Standard library only: no pip packages.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
import workloads  # noqa: E402  (the registry: labels, sizes, targets)

JAVA_MAIN = "org.pyconcurrent.benchmarks.harness.SideBySide"
DEFAULT_JAR = REPO / "benchmarks" / "target" / "benchmarks.jar"
BEGIN = "<!-- harness:begin -->"
END = "<!-- harness:end -->"
SVG_NAME = "harness-ratios.svg"


@dataclass(frozen=True)
class Mode:
    """How long each side measures: at least `warmup` warm-up runs lasting at least
    `warmup_time` seconds, then at least `runs` timed runs lasting at least `min_time` seconds."""

    name: str
    warmup: int
    warmup_time: float
    runs: int
    min_time: float
    timeout: float  # seconds for one side's whole process; a hang fails the run


MODES = {
    "full": Mode("full", warmup=1, warmup_time=0.5, runs=5, min_time=2.0, timeout=900),
    "quick": Mode("quick", warmup=1, warmup_time=0.2, runs=3, min_time=0.3, timeout=300),
    "smoke": Mode("smoke", warmup=1, warmup_time=0.0, runs=1, min_time=0.0, timeout=120),
}


class SetupError(Exception):
    """Something to fix before the harness can run: exit status 2, no traceback."""


# ----------------------------------------------------------------------------------------------
# Running the two sides
# ----------------------------------------------------------------------------------------------


@dataclass
class Side:
    name: str  # "CPython" or "pyconcurrent"
    info: dict = field(default_factory=dict)
    results: Dict[str, dict] = field(default_factory=dict)
    errors: List[str] = field(default_factory=list)
    seconds: float = 0.0


def timing_args(mode: Mode) -> List[str]:
    return ["--warmup", str(mode.warmup), "--warmup-time", str(mode.warmup_time),
            "--runs", str(mode.runs), "--min-time", str(mode.min_time)]


def run_side(side: Side, cmd: List[str], timeout: float) -> None:
    """Runs one side's process, reading its JSON lines as they come (progress on stderr)."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO)
    except OSError as e:
        side.errors.append(f"cannot start {shlex.join(cmd)}: {e}")
        return
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        proc.kill()

    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    try:
        for line in proc.stdout:
            line = line.strip()
            if not line.startswith("{"):
                if line:
                    print(f"  [{side.name}] {line}", file=sys.stderr)
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                side.errors.append(f"unparsable output line {line!r}: {e}")
                continue
            if "info" in obj:
                side.info = obj["info"]
            elif "workload" in obj:
                name = obj["workload"]
                side.results[name] = obj
                status = f"error: {obj['error']}" if "error" in obj else "ok"
                print(f"  {side.name:<12} {name:<24} {status}", file=sys.stderr, flush=True)
        rc = proc.wait()
    finally:
        timer.cancel()
    side.seconds = time.monotonic() - start
    if timed_out.is_set():
        side.errors.append(f"timed out after {timeout:.0f} s and was killed")
    elif rc != 0:
        side.errors.append(f"exited with status {rc}")


def check_java(java: str, jar: Path) -> str:
    if not jar.is_file():
        raise SetupError(
            f"the benchmarks jar is missing: {jar}\n"
            "  run ./run tour or ./run mvn package first (it builds benchmarks/target/benchmarks.jar)")
    resolved = shutil.which(java)
    if resolved is None:
        raise SetupError(f"no java executable at '{java}'; pass --java PATH (a JDK 21 or newer)")
    return resolved


# ----------------------------------------------------------------------------------------------
# Rows of the table
# ----------------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    workload: object
    n: int
    cpython: Optional[float] = None  # ops/s, or speed-up
    java: Optional[float] = None
    error: Optional[str] = None

    @property
    def kind(self):
        return self.workload.kind

    @property
    def ratio(self) -> Optional[float]:
        if self.cpython and self.java:
            return self.java / self.cpython
        return None

    @property
    def target_met(self) -> Optional[bool]:
        target = self.workload.target
        if target is None or self.error:
            return None
        value = self.java if self.kind == "speedup" else self.ratio
        return value is not None and value >= target


def value_of(result: dict, w) -> float:
    """Operations per second, or the speed-up, from one side's result line."""
    if w.kind == "throughput":
        if result.get("kind") != "throughput" or not result.get("times"):
            raise ValueError(f"expected a throughput result, got {result}")
        return result["n"] / statistics.median(result["times"])
    if result.get("kind") != "speedup" or not result.get("serial_times"):
        raise ValueError(f"expected a speed-up result, got {result}")
    return statistics.median(result["serial_times"]) / statistics.median(result["threaded_times"])


def make_rows(names, sizes, cpython: Side, java: Side) -> List[Row]:
    rows = []
    for name in names:
        row = Row(name, workloads.WORKLOADS[name], sizes[name])
        problems = []
        for side, attr in ((cpython, "cpython"), (java, "java")):
            result = side.results.get(name)
            if result is None:
                problems.append(f"{side.name}: no result")
            elif "error" in result:
                problems.append(f"{side.name}: {result['error']}")
            else:
                try:
                    setattr(row, attr, value_of(result, row.workload))
                except (ValueError, KeyError, TypeError, ZeroDivisionError) as e:
                    problems.append(f"{side.name}: bad result ({e})")
        row.error = "; ".join(problems) or None
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------
# Formatting
# ----------------------------------------------------------------------------------------------


def sig(x: float, digits: int = 3) -> str:
    """x with `digits` significant digits, no exponent: 0.0123, 1.23, 12.3, 123, 1230."""
    if x == 0 or not math.isfinite(x):
        return str(x)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    return f"{x:.{decimals}f}"


def fmt_num(x: float) -> str:
    """3 significant digits and an SI prefix: 4.25 M, 515 k, 12.3."""
    for scale, prefix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if x >= scale:
            return f"{sig(x / scale)}{prefix}"
    return sig(x)


def fmt_rate(x: float, unit: str) -> str:
    return f"{fmt_num(x)} {unit}"


def fmt_ratio(x: Optional[float]) -> str:
    return "—" if x is None else f"{sig(x)}x"


def fmt_cell(row: Row, value: Optional[float]) -> str:
    if value is None:
        return "failed"
    if row.kind == "speedup":
        return f"{value:.2f}x speed-up"
    return fmt_rate(value, row.workload.unit)


def workload_cell(row: Row) -> str:
    return f"{row.workload.label} (N = {row.n:,})"


def table_lines(rows: List[Row], markdown: bool) -> List[str]:
    header = ["workload", "CPython", "pyconcurrent", "ratio"]
    body = [[workload_cell(r), fmt_cell(r, r.cpython), fmt_cell(r, r.java), fmt_ratio(r.ratio)]
            for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|:--|--:|--:|--:|"]
        for cells in body:
            cells[3] = f"**{cells[3]}**" if cells[3] != "—" else cells[3]
            lines.append("| " + " | ".join(cells) + " |")
        return lines
    widths = [max(len(c[i]) for c in [header] + body) for i in range(4)]

    def line(cells):
        return " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                          for i, (c, w) in enumerate(zip(cells, widths)))

    return [line(header), "-+-".join("-" * w for w in widths)] + [line(c) for c in body]


def target_lines(rows: List[Row]) -> List[str]:
    out = []
    for r in rows:
        t = r.workload.target
        if t is None:
            continue
        if r.kind == "speedup":
            want, got = f"speed-up ≥ {t:g}x", f"{r.java:.2f}x" if r.java else "failed"
        else:
            want, got = f"≥ {t:g}x CPython", fmt_ratio(r.ratio) if r.ratio else "failed"
        verdict = {True: "met", False: "missed", None: "not measured"}[r.target_met]
        out.append(f"{r.workload.label}: {want} — {got}, {verdict}")
    return out


def note_lines(rows: List[Row], mode: Mode) -> List[str]:
    lines = []
    ops: Dict[str, List[str]] = {}
    for r in rows:
        if r.kind == "throughput":
            ops.setdefault(r.workload.op, []).append(r.workload.label)
    if ops:
        what = "; ".join(f"{' and '.join(labels)}: {op}" for op, labels in ops.items())
        lines.append("**Throughput rows** show operations per second on each side; one operation "
                     f"is — {what}. ratio = pyconcurrent ÷ CPython.")
    for r in rows:
        if r.kind == "speedup":
            lines.append(
                f"**{r.workload.label}**: one pure-CPU function, {r.workload.work}, is called "
                "twice one after the other, then twice at once in two threads; each side shows "
                "its speed-up = serial time ÷ threaded time, and ratio = pyconcurrent's speed-up "
                "÷ CPython's. CPython's GIL lets one thread at a time run Python code, so two "
                "threads take as long as the two serial calls (about 1x, or a little less, "
                "however many cores there are). Java threads run on separate cores: up to 2x "
                "with two threads, on a machine with two idle cores.")
    runs = "run" if mode.warmup == 1 else "runs"
    for r in rows:
        if getattr(r.workload, "note", None):
            lines.append(f"**{r.workload.label}**: {r.workload.note}")
    lines.append(
        "**Timing**: both sides run the same code (`benchmarks/harness/workloads.py` and its "
        "port in `org.pyconcurrent.benchmarks.harness`) at the same N, with the same protocol: "
        f"at least {mode.warmup} warm-up {runs} lasting at least {mode.warmup_time:g} s, then at "
        f"least {mode.runs} timed runs lasting at least {mode.min_time:g} s; each figure is the "
        "median of the timed runs. Threads are `threading.Thread` and Java platform threads.")
    return lines


# ----------------------------------------------------------------------------------------------
# The chart: horizontal bars of the ratios on a log scale, a line at 1x
# ----------------------------------------------------------------------------------------------


def nice_bounds(values: List[float], plot_w: float):
    """1-2-5 bounds around the values and 1x, and ticks no closer together than labels allow."""
    steps = [1, 2, 5]

    def down(x):
        e = math.floor(math.log10(x))
        for s in reversed(steps):
            if s * 10 ** e <= x:
                return s * 10 ** e
        return 10 ** e

    def up(x):
        e = math.floor(math.log10(x))
        for s in steps + [10]:
            if s * 10 ** e >= x * 0.999:
                return s * 10 ** e
        return 10 ** (e + 1)

    lo = down(min(min(values), 1.0) / 1.8)
    hi = up(max(max(values) * 1.15, 5.0))
    per_decade = plot_w / math.log10(hi / lo)
    shown = [1, 2, 5] if per_decade >= 170 else [1, 5] if per_decade >= 100 else [1]
    ticks = []
    e = math.floor(math.log10(lo))
    while 10 ** e <= hi:
        for s in shown:
            if lo <= s * 10 ** e <= hi:
                ticks.append(s * 10 ** e)
        e += 1
    return lo, hi, ticks


def tick_label(x: float) -> str:
    return f"{x:g}x"


def svg_chart(rows: List[Row], subtitle: str) -> str:
    rows = [r for r in rows if r.ratio]
    if not rows:
        return ""
    esc = html.escape
    font = "font-family=\"-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\""
    labels = [r.workload.label for r in rows]
    details = []
    for r in rows:
        if r.kind == "speedup":
            details.append(f"speed-up {r.cpython:.2f}x → {r.java:.2f}x")
        else:
            details.append(f"{fmt_num(r.cpython)} → {fmt_num(r.java)} {r.workload.unit}")
    label_w = max(max(len(s) for s in labels) * 8.0, max(len(s) for s in details) * 6.4) + 24
    plot_x0 = round(label_w)
    plot_w = 440
    plot_x1 = plot_x0 + plot_w
    width = max(plot_x1 + 70, 760)
    top = 96
    row_h = 50
    bar_h = 24
    height = top + row_h * len(rows) + 96

    lo, hi, ticks = nice_bounds([r.ratio for r in rows], plot_w)

    def x_of(v):
        return plot_x0 + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {font}>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="28" font-size="18" font-weight="bold" fill="#1a202c">'
        f'pyconcurrent vs CPython: how many times faster</text>',
        f'<text x="16" y="50" font-size="13" fill="#4a5568">{esc(subtitle)}</text>',
    ]
    plot_bottom = top + row_h * len(rows)
    for t in ticks:
        x = x_of(t)
        if abs(t - 1) < 1e-9:
            continue
        out.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{plot_bottom}" '
                   f'stroke="#e2e8f0" stroke-width="1"/>')
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 18}" font-size="12" fill="#718096" '
                   f'text-anchor="middle">{tick_label(t)}</text>')
    for i, r in enumerate(rows):
        y = top + i * row_h
        cy = y + row_h / 2
        x1, xv = x_of(1.0), x_of(r.ratio)
        if r.ratio >= 1:
            color = "#dd6b20" if r.kind == "speedup" else "#2b6cb0"
        else:
            color = "#c53030"
        bx, bw = min(x1, xv), max(abs(xv - x1), 1.5)
        out.append(f'<text x="{plot_x0 - 12}" y="{cy - 3:.1f}" font-size="14" fill="#1a202c" '
                   f'text-anchor="end">{esc(labels[i])}</text>')
        out.append(f'<text x="{plot_x0 - 12}" y="{cy + 13:.1f}" font-size="11" fill="#718096" '
                   f'text-anchor="end">{esc(details[i])}</text>')
        out.append(f'<rect x="{bx:.1f}" y="{cy - bar_h / 2:.1f}" width="{bw:.1f}" '
                   f'height="{bar_h}" rx="2" fill="{color}"/>')
        target = r.workload.target
        anchor, lx = ("start", xv + 6) if r.ratio >= 1 else ("end", xv - 6)
        if r.ratio < 1 and xv - 6 - 8.5 * len(fmt_ratio(r.ratio)) < plot_x0:
            anchor, lx = "start", x1 + 6  # no room on the left: beside the 1x line
        if target and r.kind == "throughput" and lo <= target <= hi:
            tx = x_of(target)
            if r.ratio >= 1 and xv <= tx < xv + 60:  # keep the value label clear of the marker
                lx = tx + 6
            out.append(f'<line x1="{tx:.1f}" y1="{cy - bar_h / 2 - 4:.1f}" x2="{tx:.1f}" '
                       f'y2="{cy + bar_h / 2 + 4:.1f}" stroke="#1a202c" stroke-width="2" '
                       f'stroke-dasharray="3,2"/>')
        out.append(f'<text x="{lx:.1f}" y="{cy + 5:.1f}" font-size="14" font-weight="bold" '
                   f'fill="#1a202c" text-anchor="{anchor}">{fmt_ratio(r.ratio)}</text>')
    x1 = x_of(1.0)
    out.append(f'<line x1="{x1:.1f}" y1="{top - 10}" x2="{x1:.1f}" y2="{plot_bottom + 4}" '
               f'stroke="#1a202c" stroke-width="2"/>')
    out.append(f'<text x="{x1:.1f}" y="{top - 16}" font-size="12" font-weight="bold" '
               f'fill="#1a202c" text-anchor="middle">CPython = 1x</text>')
    out.append(f'<text x="{x1:.1f}" y="{plot_bottom + 18}" font-size="12" fill="#1a202c" '
               f'text-anchor="middle">1x</text>')
    legend_y = plot_bottom + 50
    legends = ["Blue: throughput, pyconcurrent ÷ CPython. Orange: speed-up of two CPU-bound "
               "threads, pyconcurrent's ÷ CPython's.",
               "Grey figures under each name: CPython → pyconcurrent. Log scale."]
    if any(r.ratio < 1 for r in rows):
        legends[1] = "Red: slower than CPython. " + legends[1]
    for k, text in enumerate(legends):
        out.append(f'<text x="16" y="{legend_y + 17 * k}" font-size="12" fill="#4a5568">'
                   f'{esc(text)}</text>')
    if any(r.workload.target and r.kind == "throughput" for r in rows):
        ly = legend_y + 17 * len(legends)
        out.append(f'<line x1="18" y1="{ly - 11}" x2="18" y2="{ly + 3}" stroke="#1a202c" '
                   f'stroke-width="2" stroke-dasharray="3,2"/>')
        out.append(f'<text x="28" y="{ly}" font-size="12" fill="#4a5568">'
                   f'the target this workload should reach</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------
# Machine description and the markdown section
# ----------------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cpu_busy(seconds: float = 0.5) -> Optional[float]:
    """The fraction of all CPUs that was busy over the next `seconds` (Linux), else None."""

    def sample():
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    if total1 <= total0:
        return None
    return 1 - (idle1 - idle0) / (total1 - total0)


def machine_line(cpython: Side, java: Side, busy: Optional[float]) -> str:
    cores = os.cpu_count()
    py = cpython.info
    jv = java.info
    parts = [f"{cores} CPUs ({cpu_model()}, {platform.system()} {platform.machine()})"]
    if busy is not None:
        parts.append(f"{busy:.0%} of the CPU time was busy just before the run")
    py_s = f"{py.get('implementation', 'CPython')} {py.get('version', platform.python_version())}"
    java_s = f"Java {jv.get('runtime', jv.get('version', '?'))}"
    if jv.get("vendor") or jv.get("vm"):
        java_s += f" ({', '.join(x for x in (jv.get('vendor'), jv.get('vm')) if x)})"
    return f"{'; '.join(parts)}. {py_s}. {java_s}."


def markdown_section(rows, mode, machine, date, command, svg_rel: Optional[str]) -> str:
    lines = [
        BEGIN,
        "## CPython side by side",
        "",
        "The same workloads in CPython (threading, queue) and in Java (pyconcurrent). Written by "
        "`benchmarks/harness/harness.py` (`./run harness`); everything between the "
        "`harness:begin` and `harness:end` markers is replaced on each run.",
        "",
    ]
    if svg_rel:
        lines += [f"![How many times faster pyconcurrent is than CPython, per workload "
                  f"(log scale)]({svg_rel})", ""]
    lines += table_lines(rows, markdown=True)
    lines.append("")
    lines += [f"- {s}" for s in note_lines(rows, mode)]
    targets = target_lines(rows)
    if targets:
        lines += ["", "Targets: " + "; ".join(targets) + "."]
    lines += [
        "",
        f"Machine: {machine}  ",
        f"Mode: {mode.name}" + (" (a short run: fewer, shorter timed runs, noisier figures)"
                                 if mode.name == "quick" else "") + "  ",
        f"Date: {date}  ",
        f"Command: `{command}`",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = "# Benchmarks\n"
    b, e = text.find(BEGIN), text.find(END)
    if b != -1 and e != -1 and e > b:
        tail = text[e + len(END):]
        text = text[:b] + section.rstrip("\n") + (tail if tail.startswith("\n") else "\n" + tail)
    elif b != -1 or e != -1:
        raise SetupError(f"{path} has only one of the markers {BEGIN} / {END}; fix it by hand")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    atomic_write(path, text)


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


# ----------------------------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="harness.py",
        description="Runs the same workloads in CPython and in Java with pyconcurrent and prints "
                    "workload | CPython | pyconcurrent | ratio.")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="short run, about 10-15 s")
    size.add_argument("--smoke", action="store_true",
                      help="tiny sizes, a second or two: proves both sides run (CI)")
    p.add_argument("--write", metavar="FILE", type=Path,
                   help=f"rewrite the harness section of FILE and write {SVG_NAME} next to it")
    p.add_argument("--java", default="java", help="the java executable (default: java on PATH)")
    p.add_argument("--jar", type=Path, default=None,
                   help="the shaded benchmarks jar (default: benchmarks/target/benchmarks.jar "
                        "in this repository)")
    p.add_argument("--only", metavar="NAME,...",
                   help=f"run only these workloads (of: {', '.join(workloads.WORKLOADS)})")
    return p.parse_args(argv)


def main(argv) -> int:
    args = parse_args(argv)
    if args.write and args.smoke:
        raise SetupError("--smoke measures nothing worth keeping; --write needs a full or --quick run")
    mode = MODES["smoke" if args.smoke else "quick" if args.quick else "full"]
    names = list(workloads.WORKLOADS)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in workloads.WORKLOADS]
        if unknown or not names:
            raise SetupError(f"unknown workload(s) {', '.join(unknown)}; "
                             f"known: {', '.join(workloads.WORKLOADS)}")
    jar = (args.jar or DEFAULT_JAR).resolve()
    java = check_java(args.java, jar)
    sizes = {n: getattr(workloads.WORKLOADS[n].sizes, mode.name) for n in names}
    pairs = [x for n in names for x in (n, str(sizes[n]))]
    busy = None if mode.name == "smoke" else cpu_busy()
    started = time.monotonic()
    if busy is not None and busy >= 0.15:
        print(f"harness: warning: the machine is busy ({busy:.0%} of the CPU time just before "
              "the run); both sides' numbers, the threaded ones most, will suffer",
              file=sys.stderr)
    print(f"harness: {mode.name} run of {len(names)} workload(s), CPython then Java",
          file=sys.stderr, flush=True)

    cpython, jvm = Side("CPython"), Side("pyconcurrent")
    run_side(cpython, [sys.executable, str(HERE / "workloads.py")] + timing_args(mode) + pairs,
             mode.timeout)
    run_side(jvm, [java, "-cp", str(jar), JAVA_MAIN] + timing_args(mode) + pairs, mode.timeout)

    rows = make_rows(names, sizes, cpython, jvm)
    failed = [r for r in rows if r.error]
    errors = [f"{s.name}: {e}" for s in (cpython, jvm) for e in s.errors]

    print()
    for line in table_lines(rows, markdown=False):
        print(line)
    print()
    if mode.name == "smoke":
        print("smoke run: tiny sizes and a cold JVM; it proves that both sides run, "
              "the numbers mean nothing")
    else:
        for line in target_lines(rows):
            print(f"  target: {line}")
    print(f"\nCPython side {cpython.seconds:.1f} s, Java side {jvm.seconds:.1f} s, "
          f"total {time.monotonic() - started:.1f} s ({mode.name} mode)")
    for r in failed:
        print(f"FAILED {r.name}: {r.error}", file=sys.stderr)
    for e in errors:
        print(f"FAILED {e}", file=sys.stderr)

    if args.write:
        if failed or errors:
            print(f"not writing {args.write}: the run failed", file=sys.stderr)
        else:
            target = args.write if args.write.is_absolute() else Path.cwd() / args.write
            date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            machine = machine_line(cpython, jvm, busy)
            script = Path(__file__).resolve()
            if script.is_relative_to(Path.cwd().resolve()):
                script = script.relative_to(Path.cwd().resolve())
            command = shlex.join(["python3", str(script)] + list(argv))
            subtitle = (f"{os.cpu_count()} CPUs, CPython {cpython.info.get('version', '?')}, "
                        f"Java {jvm.info.get('version', '?')}, {date}")
            svg = svg_chart(rows, subtitle)
            svg_path = target.parent / SVG_NAME
            atomic_write(svg_path, svg)
            write_section(target, markdown_section(rows, mode, machine, date, command, SVG_NAME))
            print(f"wrote {args.write} (its harness section) and {svg_path}", file=sys.stderr)
    return 1 if failed or errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SetupError as e:
        print(f"harness: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
