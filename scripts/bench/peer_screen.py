#!/usr/bin/env python3
"""Times the benchmark's peers the way first_screen.py times the reader: start to the full list on a pty.

Usage: peer_screen.py sfeed_curses TSV --records N [--repetitions R] [--warm-up W] [--timeout S]
       peer_screen.py newsboat ATOM --records N [--imports I] [--repetitions R] [--warm-up W] [--timeout S]

Each start runs on a 200x60 pseudo-terminal (TERM=xterm-256color, LANG=C.UTF-8, HOME a private directory
removed afterwards) through first_screen.py's `spawn`, and its output goes through the same terminal
emulator; the milliseconds are counted from just before the fork until the peer's screen shows all N items:

  - sfeed_curses TSV: it reads every file given before it draws anything, then draws the feeds sidebar with
    "name (new/total)" and the first feed's items. Done when the sidebar's first row shows "(x/N)", the
    items pane's first row has text and the status line (the selected item's link) is drawn.
  - newsboat ATOM: first imported: I times (`newsboat -x reload`, default 1) into a fresh cache of a private
    directory (a urls file naming file://ATOM, an empty config, the cache), timed from the fork to the exit,
    with the peak resident memory the kernel reports for the child (ru_maxrss, as /usr/bin/time -f %M).
    Each start then opens that cache: when the feed list shows the feed (it is drawn once the cache is
    loaded) Enter is typed, and the start is done when the title reads "Articles in feed ... N total)" and the first
    item row is drawn.

At that moment the peer's VmHWM (/proc/PID/status) is read: its peak resident memory so far. Then `q`
(sfeed_curses) or `Q` (newsboat, which would otherwise go back to its feed list) is typed and the exit
awaited (killed after --timeout).

Prints one JSON object: {"listed_ms": [...], "peak_resident_kb": [...], "exit_statuses": [...],
"import_seconds": [...], "import_peak_kb": [...], "version": "...", "columns", "rows"}; {"missing": reason}
when the peer is not installed or there are no pseudo-terminals; "error" and "screen" (as in
first_screen.py) when a start did not reach the full list. Standard library only.
"""

import argparse
import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import first_screen  # noqa: E402  (the emulator, the pseudo-terminal start, VmHWM)

# The peers' HOME: their dot files and histories go here, never into the home of whoever runs the bench.
HOME = tempfile.mkdtemp(prefix="newsbench-peer-home-")
atexit.register(shutil.rmtree, HOME, True)


def environment():
    return {
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": HOME,
    }


class Failure(Exception):
    """A start that did not reach the full list; carries the screen it showed."""

    def __init__(self, reason, terminal):
        super().__init__(reason)
        self.screen = [line for line in terminal.screen() if line]


class Sfeed:
    """sfeed_curses over one TSV file."""

    command = "sfeed_curses"
    quit_key = b"q"

    def __init__(self, feed, records):
        self.arguments = [shutil.which(self.command) or self.command, feed]
        self.counted = f"/{records})"

    def reset(self):
        pass

    def version(self):
        return package_version("sfeed")

    def step(self, terminal, write):
        """True once the full list is on the screen."""
        top = terminal.text(0)
        sidebar, bar, items = top.partition("\u2502")
        return self.counted in sidebar and bar != "" and items.strip() != "" and terminal.text(terminal.rows - 1).strip() != ""

    def describe(self):
        return f"the sidebar did not show '{self.counted}' with the items"


class Newsboat:
    """newsboat over one Atom feed imported into a private cache."""

    command = "newsboat"
    quit_key = b"Q"

    def __init__(self, feed, records, directory):
        self.directory = directory
        self.urls = os.path.join(directory, "urls")
        self.config = os.path.join(directory, "config")
        self.cache = os.path.join(directory, "cache.db")
        with open(self.urls, "w", encoding="utf-8") as handle:
            handle.write("file://" + os.path.abspath(feed) + "\n")
        with open(self.config, "w", encoding="utf-8"):
            pass  # the defaults: keep every item, no reload at start, no confirmation to quit
        binary = shutil.which(self.command) or self.command
        self.arguments = [binary, "-u", self.urls, "-c", self.cache, "-C", self.config]
        self.items_counted = f"{records} total)"
        self.opened = False

    def reset(self):
        self.opened = False

    def version(self):
        try:
            output = subprocess.run(
                [self.arguments[0], "-v"], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        first = output.splitlines()[0] if output else ""
        return first.split(" - ")[0].strip() or None

    def import_once(self, timeout):
        """One `-x reload` into a fresh cache: (seconds, peak resident KiB, exit status)."""
        for path in (self.cache, self.cache + ".lock"):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        quiet = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDWR, 0),
            (os.POSIX_SPAWN_DUP2, 0, 1),
            (os.POSIX_SPAWN_DUP2, 0, 2),
        ]
        started = time.monotonic()
        pid = os.posix_spawn(self.arguments[0], self.arguments + ["-x", "reload"], environment(), file_actions=quiet)
        status, usage = wait4_timeout(pid, timeout)
        return time.monotonic() - started, usage.ru_maxrss if usage else None, status

    def step(self, terminal, write):
        top = terminal.text(0)
        if not self.opened:
            # The feed list is drawn once the cache is loaded; its "(unread/total)" column is 11 cells wide
            # and cuts "(100000/100000)", so the count is read from the article list's title instead.
            if "Your feeds" in top and "newsbench" in terminal.text(1):
                write(b"\r")
                self.opened = True
            return False
        return "Articles in feed" in top and self.items_counted in top and terminal.text(1).strip() != ""

    def describe(self):
        if not self.opened:
            return "the feed list did not show the feed 'newsbench'"
        return f"the article list title did not show '{self.items_counted}'"


def wait4_timeout(pid, timeout):
    """Waits for `pid` with its resource usage; kills it after `timeout` seconds. Returns (status, usage)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        finished, status, usage = os.wait4(pid, os.WNOHANG)
        if finished:
            return os.waitstatus_to_exitcode(status), usage
        time.sleep(0.005)  # an import takes seconds: 5 ms of polling is below its noise
    os.kill(pid, signal.SIGKILL)
    os.wait4(pid, 0)
    return -signal.SIGKILL, None


def package_version(name):
    """The Debian package's version when dpkg knows it (sfeed_curses prints none of its own)."""
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{name} {result.stdout.strip()}" if result.returncode == 0 and result.stdout.strip() else None


def run_once(peer, timeout):
    """One start: (milliseconds to the full list, peak resident KiB then, exit status). Raises Failure."""
    terminal = first_screen.Terminal(first_screen.COLUMNS, first_screen.ROWS)
    peer.reset()
    pid, master, started = first_screen.spawn(peer.arguments, environment())
    listed = None
    try:
        deadline = started + timeout
        while listed is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Failure(f"{peer.describe()} within {timeout:.0f} s", terminal)
            data = first_screen.read_some(master, remaining)
            arrived = time.monotonic()
            if data is None:
                _, status = os.waitpid(pid, 0)
                pid = None
                code = first_screen.describe(os.waitstatus_to_exitcode(status))
                raise Failure(f"{peer.command} {code} before its full list", terminal)
            terminal.feed(data)
            if peer.step(terminal, lambda keys: os.write(master, keys)):
                listed = (arrived - started) * 1000
        peak = first_screen.peak_resident_kb(pid)
        os.write(master, peer.quit_key)
        status = first_screen.wait_exit(pid, master, timeout)
        pid = None
    finally:
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(master)
    return listed, peak, status


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("peer", choices=("sfeed_curses", "newsboat"))
    parser.add_argument("feed", help="the TSV file (sfeed_curses) or the Atom file (newsboat)")
    parser.add_argument("--records", type=int, required=True, help="items in the feed")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--imports", type=int, default=1, help="newsboat: timed imports (-x reload)")
    parser.add_argument("--warm-up", type=int, default=1, help="untimed starts first (page cache, binary)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a start or an import may take")
    options = parser.parse_args()

    if shutil.which(options.peer) is None:
        package = "sfeed" if options.peer == "sfeed_curses" else "newsboat"
        print(json.dumps({"missing": f"{options.peer} is not installed (Debian package {package})"}))
        return 0
    if first_screen.pty is None:
        print(json.dumps({"missing": "no pseudo-terminal support"}))
        return 0
    try:
        os.close(os.openpty()[0])
    except OSError as error:
        print(json.dumps({"missing": f"no pseudo-terminal support ({error.strerror})"}))
        return 0

    work = tempfile.mkdtemp(prefix="newsbench-peer-")
    try:
        if options.peer == "sfeed_curses":
            peer = Sfeed(options.feed, options.records)
        else:
            peer = Newsboat(options.feed, options.records, work)
        answer = {
            "listed_ms": [],
            "peak_resident_kb": [],
            "exit_statuses": [],
            "version": peer.version(),
            "columns": first_screen.COLUMNS,
            "rows": first_screen.ROWS,
        }
        if isinstance(peer, Newsboat):
            answer.update(import_seconds=[], import_peak_kb=[])
            for _ in range(options.imports):
                seconds, peak, status = peer.import_once(options.timeout)
                if status != 0:
                    answer["error"] = f"newsboat -x reload {first_screen.describe(status)}"
                    print(json.dumps(answer))
                    return 0
                answer["import_seconds"].append(seconds)
                if peak is not None:
                    answer["import_peak_kb"].append(peak)
        for repetition in range(-options.warm_up, options.repetitions):
            try:
                listed, peak, status = run_once(peer, options.timeout)
            except Failure as failure:
                answer.setdefault("error", str(failure))
                answer.setdefault("screen", failure.screen)
                continue
            if repetition < 0:
                continue  # a warm-up start
            answer["listed_ms"].append(listed)
            answer["exit_statuses"].append(status)
            if peak is not None:
                answer["peak_resident_kb"].append(peak)
        print(json.dumps(answer))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
