#!/usr/bin/env python3
"""Times the real newsreader binary following its directory on a pseudo-terminal: arrivals, a burst, idle CPU.

Usage: watch_latency.py BINARY CORPUS --records N [--arrivals A] [--burst B] [--idle-seconds S]
                        [--timeout S]

The corpus is copied first (hard links where the file system allows, so the copy is cheap; nothing in the
original is ever written), then the reader is started on the copy on a 200x60 pseudo-terminal as
first_screen.py starts it, with a private cache directory, and left to finish its load and write its load
index; it is quit once the index is written, and the timed reader starts warm from it. A probe file is then
written until the reader shows it, so the watch is known to be running. Then:

  - arrival_ms: A times, one record file written as a temporary file and renamed into a directory of the
    copy, and the milliseconds from just before the rename until the header counts it (the article is then
    listed: the header counts the listed articles); a second apart, so each is a change of its own;
  - idle_cpu_percent: the reader's user and system time (/proc/PID/stat) over S quiet seconds, as a
    percentage of one core, once the index write after the changes is done and --settle-seconds passed;
  - burst_ms: B record files created one after another (each written and closed) in a directory already
    watched, and the milliseconds from the first until the header counts all of them;
    burst_rescanning says whether the reader fell back to rescanning (inotify's queue overflowed).

Prints one JSON object, or {"missing": reason} when this system has no pseudo-terminals. Standard library
only; the terminal emulator is first_screen.py's.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import first_screen  # noqa: E402  (the emulator and the start of the reader)


def record(title, day):
    return f'---\ntitle: "{title}"\npublishedDateTime: 2031-01-{day:02d}T09:00:00Z\n---\n'


class Reader:
    """The reader on a pseudo-terminal, with its screen kept up to date by polling its output."""

    def __init__(self, binary, corpus):
        self.terminal = first_screen.Terminal(first_screen.COLUMNS, first_screen.ROWS)
        self.pid, self.master, self.started = first_screen.start(binary, corpus)
        # Whether the status bar has said the reader watches by rescanning (its message expires).
        self.rescanning = False

    def pump(self, timeout):
        data = first_screen.read_some(self.master, timeout)
        if data is None:
            raise Failure("the reader went away", self)
        if data:
            self.terminal.feed(data)
            if not self.rescanning and "rescanning" in self.screen_text():
                self.rescanning = True
        return time.monotonic()

    def wait_for(self, condition, timeout, what):
        """Polls the screen until `condition(screen text)` holds; returns the time it first held."""
        deadline = time.monotonic() + timeout
        while True:
            now = self.pump(0)
            if condition(self.screen_text()):
                return now
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Failure(f"{what} not seen within {timeout:.0f} s", self)
            self.pump(min(remaining, 0.05))
            if condition(self.screen_text()):
                return time.monotonic()

    def header(self):
        return self.terminal.text(0)

    def screen_text(self):
        return "\n".join(self.terminal.screen())

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self, timeout):
        os.write(self.master, b"q")
        status = first_screen.wait_exit(self.pid, self.master, timeout)
        os.close(self.master)
        return status


class Failure(Exception):
    def __init__(self, reason, reader):
        super().__init__(reason)
        self.screen = [line for line in reader.terminal.screen() if line]


def counted(records):
    text = f"{records:,} articles"
    return lambda screen: text in screen.split("\n", 1)[0] and "loading" not in screen.split("\n", 1)[0]


def wait_for_index(reader, after, timeout):
    """Waits (pumping the screen) until the reader's load index was written later than `after` (seconds since
    1970), so its writing is over."""
    directory = os.path.join(first_screen.CACHE_DIRECTORY, "newsreader")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            names = [name for name in os.listdir(directory) if name.endswith(".nrindex")]
            if any(os.stat(os.path.join(directory, name)).st_mtime > after for name in names):
                return
        except FileNotFoundError:
            pass
        reader.pump(0.2)
    raise Failure(f"no load index written within {timeout:.0f} s", reader)


def copy_corpus(corpus, destination):
    """A copy of the corpus: hard links when possible (instant, and a rename over a link leaves the original
    alone), else a real copy."""
    result = subprocess.run(["cp", "-al", corpus, destination], stderr=subprocess.DEVNULL)
    if result.returncode != 0:
        shutil.rmtree(destination, ignore_errors=True)
        shutil.copytree(corpus, destination)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("corpus")
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--arrivals", type=int, default=20)
    parser.add_argument("--burst", type=int, default=20000)
    parser.add_argument("--idle-seconds", type=float, default=10)
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--settle-seconds", type=float, default=10, help="quiet before the idle CPU is measured")
    options = parser.parse_args()

    if first_screen.pty is None:
        print(json.dumps({"missing": "no pseudo-terminal support"}))
        return 0
    if not os.access(options.binary, os.X_OK):
        print(json.dumps({"error": f"{options.binary} is not built"}))
        return 0

    scratch = tempfile.mkdtemp(prefix="newsbench-watch-")
    first_screen.CACHE_DIRECTORY = os.path.join(scratch, "cache")
    copy = os.path.join(scratch, "corpus")
    answer = {"records": options.records}
    reader = None
    try:
        copy_corpus(options.corpus, copy)
        # Linking changed every file's ctime: past the index's racy window, or the warm start parses them all.
        time.sleep(1.5)
        arrivals = os.path.join(copy, "arrivals")
        os.mkdir(arrivals)
        # A first start writes the load index; the timed one starts warm from it, as a reader usually does
        # (a cold start's index write would compete with everything timed here).
        reader = Reader(options.binary, copy)
        reader.wait_for(counted(options.records), options.timeout, f"{options.records:,} articles")
        wait_for_index(reader, 0, options.timeout)
        reader.quit(options.timeout)
        reader = Reader(options.binary, copy)
        reader.wait_for(counted(options.records), options.timeout, f"{options.records:,} articles")
        # The watch starts after the first load; a probe shows when it runs.
        deadline = time.monotonic() + options.timeout
        probe = os.path.join(arrivals, "probe.txt")
        probed = f"{options.records + 1:,} articles"
        while True:
            with open(probe, "w") as file:
                file.write(record("Watch bench probe", 1))
            try:
                # Written again only when it never showed: each write is a change of its own.
                reader.wait_for(lambda screen: probed in screen.split("\n", 1)[0], 5, "the probe")
                break
            except Failure:
                if time.monotonic() > deadline:
                    raise
        reader.wait_for(counted(options.records + 1), options.timeout, "the probe's load to end")
        listed = options.records + 1
        time.sleep(2)  # the index written after the probe, off the run loop, has had its time

        samples = []
        last_change = time.time()
        for number in range(options.arrivals):
            temporary = os.path.join(arrivals, f".arrival-{number}.tmp")
            with open(temporary, "w") as file:
                file.write(record(f"Watch bench arrival {number}", 2 + number % 27))
            started = time.monotonic()
            os.rename(temporary, os.path.join(arrivals, f"arrival-{number}.txt"))
            last_change = time.time()
            listed += 1
            seen = reader.wait_for(counted(listed), options.timeout, f"arrival {number}")
            samples.append((seen - started) * 1000)
            # Apart, so each is a change of its own rather than one coalesced run.
            settle = time.monotonic() + 1
            while time.monotonic() < settle:
                reader.pump(settle - time.monotonic())
        answer["arrival_ms"] = samples

        # The index is written once changes pause (2 s), taking seconds at 100,000 records: idle is after.
        wait_for_index(reader, last_change, options.timeout)
        settle = time.monotonic() + options.settle_seconds
        while time.monotonic() < settle:
            reader.pump(settle - time.monotonic())
        before = reader.cpu_seconds()
        began = time.monotonic()
        while time.monotonic() < began + options.idle_seconds:
            reader.pump(began + options.idle_seconds - time.monotonic())
        answer["idle_cpu_percent"] = 100 * (reader.cpu_seconds() - before) / (time.monotonic() - began)
        answer["idle_seconds"] = options.idle_seconds

        if options.burst > 0:
            burst = os.path.join(copy, "000") if os.path.isdir(os.path.join(copy, "000")) else arrivals
            started = time.monotonic()
            for number in range(options.burst):
                with open(os.path.join(burst, f"burst-{number}.txt"), "w") as file:
                    file.write(record(f"Watch bench burst {number}", 1 + number % 28))
            answer["burst_write_ms"] = (time.monotonic() - started) * 1000
            listed += options.burst
            seen = reader.wait_for(counted(listed), options.timeout, f"the burst of {options.burst:,}")
            answer["burst_ms"] = (seen - started) * 1000
            answer["burst_rescanning"] = reader.rescanning
        answer["exit_status"] = reader.quit(options.timeout)
        reader = None
    except Failure as failure:
        answer["error"] = str(failure)
        answer["screen"] = failure.screen
    finally:
        if reader is not None:
            try:
                os.kill(reader.pid, signal.SIGKILL)
                os.waitpid(reader.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
