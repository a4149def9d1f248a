#!/usr/bin/env python3
"""Times the real newsreader binary under a pseudo-terminal: start to first screen, start to records listed.

Usage: first_screen.py BINARY CORPUS --records N [--repetitions R] [--warm-up W] [--timeout S]

For each repetition it starts `BINARY --theme monochrome CORPUS` on a 200x60 pseudo-terminal
(TERM=xterm-256color, LANG=C.UTF-8), feeds everything the reader writes through a small terminal
emulator and records, in milliseconds from just before the fork:
  - first_screen_ms: the header row shows "newsreader" (the first frame has been drawn);
  - first_articles_ms: the header counts a screenful of articles or more (min(N, 60), the rows of the
    terminal): a first load lists the records parsed so far while it runs, a warm start lists them all;
  - records_listed_ms: the header row shows "<N> articles" (N with thousands separators, as the reader
    prints it) and no longer "loading": every record is listed (a warm start lists them from the listing
    beside its index, and says "reading details" while the records themselves decode);
  - records_complete_ms: the same, and no longer "reading details" either: every record is whole;
  - peak_resident_kb: the reader's VmHWM (/proc/PID/status) at that moment, its peak memory so far;
  - with --settle S: settled_peak_kb and settled_resident_kb, its VmHWM and VmRSS once it has settled (its
    CPU time, /proc/PID/stat, stood still for a second: the search index built, the load index written),
    and settled_ms, when that was; a start that had not settled S seconds after its records were whole is
    read then and counted in "unsettled_starts".
Then it types `q` and waits for the reader to exit (killing it after --timeout seconds).

The screen is emulated rather than searched as text because curses only sends what changed: when
"0 articles" becomes "100,000 articles" it may move the cursor, insert characters or repeat one, so the
words never appear together in the byte stream. Only the sequences ncurses emits for xterm-256color that
move text around are interpreted; colours and modes are skipped.

Prints one JSON object: {"first_screen_ms": [...], "first_articles_ms": [...], "records_listed_ms": [...], "records_complete_ms": [...], "exit_statuses": [...], ...},
or {"missing": reason} when this system has no pseudo-terminals. When a start does not list the records
(a crash, a timeout), "error" says why the first such start failed, "screen" holds what it showed and
"failed_starts" counts them; their first screens are still timed when they drew one.
Standard library only.
"""

import argparse
import atexit
import codecs
import json
import os
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import time
import unicodedata

try:
    import fcntl
    import pty
    import termios
except ImportError:  # not a Unix: no pseudo-terminals
    pty = None

COLUMNS, ROWS = 200, 60


class Terminal:
    """Just enough of an xterm to know what the reader's screen shows: text, cursor moves, erases, scrolls."""

    def __init__(self, columns, rows):
        self.columns, self.rows = columns, rows
        self.lines = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0
        self.top, self.bottom = 0, rows - 1
        self.saved = (0, 0)
        self.last = " "
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.state = "text"
        self.sequence = ""

    def text(self, row):
        return "".join(self.lines[row])

    def screen(self):
        return [self.text(row).rstrip() for row in range(self.rows)]

    def feed(self, data):
        for character in self.decoder.decode(data):
            self.step(character)

    def step(self, character):
        if self.state == "text":
            if character == "\x1b":
                self.state, self.sequence = "escape", ""
            elif character == "\x9b":
                self.state, self.sequence = "csi", ""
            elif ord(character) < 0x20 or ord(character) == 0x7F:
                self.control(character)
            else:
                self.put(character)
        elif self.state == "escape":
            if character == "[":
                self.state, self.sequence = "csi", ""
            elif character == "]":
                self.state = "osc"
            elif character in "()*+#%":
                self.state = "charset"  # one more character names the set
            else:
                self.state = "text"
                self.escape(character)
        elif self.state == "charset":
            self.state = "text"
        elif self.state == "csi":
            if "\x40" <= character <= "\x7e":
                self.state = "text"
                self.csi(self.sequence, character)
            else:
                self.sequence += character
        elif self.state == "osc":
            if character == "\x07":
                self.state = "text"
            elif character == "\x1b":
                self.state = "osc-escape"
        elif self.state == "osc-escape":
            self.state = "text" if character == "\\" else "osc"

    def control(self, character):
        if character == "\r":
            self.column = 0
        elif character in "\n\x0b\x0c":
            self.line_feed()
        elif character == "\b":
            self.column = max(0, min(self.column, self.columns - 1) - 1)
        elif character == "\t":
            self.column = min(self.columns - 1, (self.column // 8 + 1) * 8)

    def put(self, character):
        width = self.width(character)
        if width == 0:
            return  # a combining mark stays with the character before it
        if self.column + width > self.columns:  # the pending wrap of the last column
            self.column = 0
            self.line_feed()
        self.lines[self.row][self.column] = character
        if width == 2 and self.column + 1 < self.columns:
            self.lines[self.row][self.column + 1] = ""
        self.column += width
        self.last = character

    @staticmethod
    def width(character):
        if unicodedata.combining(character) or character in "\u200d\ufe0e\ufe0f":
            return 0
        return 2 if unicodedata.east_asian_width(character) in "WF" else 1

    def line_feed(self):
        if self.row == self.bottom:
            self.scroll_up(1)
        elif self.row < self.rows - 1:
            self.row += 1

    def scroll_up(self, count, top=None):
        top = self.top if top is None else top
        for _ in range(count):
            del self.lines[top]
            self.lines.insert(self.bottom, [" "] * self.columns)

    def scroll_down(self, count, top=None):
        top = self.top if top is None else top
        for _ in range(count):
            del self.lines[self.bottom]
            self.lines.insert(top, [" "] * self.columns)

    def escape(self, final):
        if final == "M":  # reverse index
            if self.row == self.top:
                self.scroll_down(1)
            elif self.row > 0:
                self.row -= 1
        elif final == "D":
            self.line_feed()
        elif final == "E":
            self.column = 0
            self.line_feed()
        elif final == "7":
            self.saved = (self.row, self.column)
        elif final == "8":
            self.row, self.column = self.saved
        elif final == "c":
            self.__init__(self.columns, self.rows)

    def csi(self, sequence, final):
        if sequence[:1] in ("?", ">", "=", "<"):
            if final in "hl" and any(mode in ("1049", "47", "1047") for mode in sequence[1:].split(";")):
                self.erase_display(2)  # the alternate screen starts blank
            return
        try:
            numbers = [int(part) if part else 0 for part in sequence.split(";")]
        except ValueError:
            return  # something this emulator does not know (e.g. a sub-parameter colour): it moves nothing
        first = numbers[0] if numbers else 0
        count = max(1, first)
        row, column = self.row, min(self.column, self.columns - 1)
        if final in "Hf":
            self.row = min(self.rows, max(1, first)) - 1
            self.column = min(self.columns, max(1, numbers[1] if len(numbers) > 1 else 1)) - 1
        elif final == "A":
            self.row = max(0, row - count)
        elif final in "Be":
            self.row = min(self.rows - 1, row + count)
        elif final in "Ca":
            self.column = min(self.columns - 1, column + count)
        elif final == "D":
            self.column = max(0, column - count)
        elif final == "E":
            self.row, self.column = min(self.rows - 1, row + count), 0
        elif final == "F":
            self.row, self.column = max(0, row - count), 0
        elif final in "G`":
            self.column = min(self.columns, count) - 1
        elif final == "d":
            self.row = min(self.rows, count) - 1
        elif final == "K":
            line = self.lines[row]
            start, end = {0: (column, self.columns), 1: (0, column + 1), 2: (0, self.columns)}.get(first, (0, 0))
            line[start:end] = [" "] * (end - start)
        elif final == "J":
            self.erase_display(first)
        elif final == "@":
            line = self.lines[row]
            line[column:column] = [" "] * count
            del line[self.columns :]
        elif final == "P":
            line = self.lines[row]
            del line[column : column + count]
            line.extend([" "] * (self.columns - len(line)))
        elif final == "X":
            line = self.lines[row]
            end = min(self.columns, column + count)
            line[column:end] = [" "] * (end - column)
        elif final == "b":
            for _ in range(count):
                self.put(self.last)
        elif final == "L":
            if self.top <= row <= self.bottom:
                self.scroll_down(count, top=row)
        elif final == "M":
            if self.top <= row <= self.bottom:
                self.scroll_up(count, top=row)
        elif final == "S":
            self.scroll_up(count)
        elif final == "T":
            self.scroll_down(count)
        elif final == "r":
            top = max(1, first) - 1
            bottom = (numbers[1] if len(numbers) > 1 and numbers[1] else self.rows) - 1
            if top < bottom < self.rows:
                self.top, self.bottom = top, bottom
            self.row = self.column = 0

    def erase_display(self, mode):
        row, column = self.row, min(self.column, self.columns - 1)
        if mode == 0:
            self.lines[row][column:] = [" "] * (self.columns - column)
            rows = range(row + 1, self.rows)
        elif mode == 1:
            self.lines[row][: column + 1] = [" "] * (column + 1)
            rows = range(0, row)
        else:
            rows = range(self.rows)
        for other in rows:
            self.lines[other] = [" "] * self.columns


READER_ARGUMENTS = []
CACHE_DIRECTORY = None
# The reader's reading state for these starts: a private file (created by the first start, reused by
# the next, as a user's is), never the state of whoever runs the benchmark.
STATE_DIRECTORY = tempfile.mkdtemp(prefix="newsbench-state-")
atexit.register(shutil.rmtree, STATE_DIRECTORY, True)


def start(binary, corpus):
    """Forks the reader on a new 200x60 pseudo-terminal; returns (pid, master fd, start time)."""
    environment = {
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/"),
        # A crash prints its backtrace and exits instead of waiting 30 s for a key on the terminal.
        "SWIFT_BACKTRACE": "interactive=no",
    }
    if CACHE_DIRECTORY:
        environment["XDG_CACHE_HOME"] = CACHE_DIRECTORY
    state = os.path.join(STATE_DIRECTORY, "state.sqlite")
    arguments = [binary, "--theme", "monochrome", "--state", state, *READER_ARGUMENTS, corpus]
    return spawn(arguments, environment)


def spawn(arguments, environment):
    """Forks `arguments` on a new 200x60 pseudo-terminal; returns (pid, master fd, start time).

    peer_screen.py starts the peers through this too, so every program is timed from the same moment."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: its own session with the pseudo-terminal as the controlling terminal
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for descriptor in (0, 1, 2):
                os.dup2(slave, descriptor)
            if slave > 2:
                os.close(slave)
            os.execve(arguments[0], arguments, environment)
        finally:
            os._exit(127)
    os.close(slave)
    return pid, master, started


def peak_resident_kb(pid):
    """VmHWM of a running process in KiB (its peak resident memory so far), or None off Linux."""
    return resident_kb(pid)[0]


def resident_kb(pid):
    """(VmHWM, VmRSS) of a running process in KiB, or (None, None) off Linux."""
    found = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    found[line[:5]] = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return found.get("VmHWM"), found.get("VmRSS")


def cpu_ticks(pid):
    """User and system clock ticks the process has used, or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat(5)
    except (OSError, ValueError, IndexError):
        return None


def settle(pid, master, terminal, seconds):
    """Drains the terminal until the reader's CPU time stands still for a second, at most `seconds`:
    whether it settled."""
    deadline = time.monotonic() + seconds
    history = []
    while time.monotonic() < deadline:
        data = read_some(master, 0.1)
        if data is None:
            return False
        terminal.feed(data)
        ticks = cpu_ticks(pid)
        if ticks is None:
            return False
        now = time.monotonic()
        history.append((now, ticks))
        history = [(when, used) for when, used in history if now - when <= 1.05]
        if now - history[0][0] >= 0.95 and ticks - history[0][1] <= 1:
            return True
    return False


def read_some(master, timeout):
    """What the reader wrote within `timeout` seconds: bytes, b"" on a quiet wait, None once it has gone."""
    ready, _, _ = select.select([master], [], [], max(0.0, timeout))
    if not ready:
        return b""
    try:
        data = os.read(master, 65536)
    except OSError:  # EIO: the reader closed the terminal
        return None
    return data if data else None


def wait_exit(pid, master, timeout):
    """Drains the terminal until the reader exits; kills it after `timeout` seconds. Returns its status."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            return os.waitstatus_to_exitcode(status)
        if read_some(master, 0.05) is None:
            _, status = os.waitpid(pid, 0)
            return os.waitstatus_to_exitcode(status)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def describe(status):
    """An exit status as os.waitstatus_to_exitcode gives it, in words."""
    if status < 0:
        try:
            return f"died of signal {-status} ({signal.Signals(-status).name})"
        except ValueError:
            return f"died of signal {-status}"
    return f"exited with status {status}"


ARTICLE_COUNT = re.compile(r"([0-9][0-9,]*) articles?\b")


def run_once(binary, corpus, records, timeout, settle_seconds=0):
    """One start of the reader: (first screen ms, first articles ms, records listed ms, records complete ms,
    exit status, peak resident KiB, settled: None or (ms, peak KiB, resident KiB, whether it settled)).

    Raises Failure (carrying the first-screen time when there was one) when the records never get listed."""
    listed_text = f"{records:,} articles"
    screenful = min(records, ROWS)
    terminal = Terminal(COLUMNS, ROWS)
    pid, master, started = start(binary, corpus)
    first = articles = listed = complete = None
    try:
        deadline = started + timeout
        while complete is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Failure(f"the header did not show '{listed_text}' within {timeout:.0f} s", terminal, first)
            data = read_some(master, remaining)
            arrived = time.monotonic()
            if data is None:
                _, status = os.waitpid(pid, 0)
                pid = None
                reason = f"the reader {describe(os.waitstatus_to_exitcode(status))} before listing the records"
                raise Failure(reason, terminal, first)
            terminal.feed(data)
            header = terminal.text(0)
            if first is None and "newsreader" in header:
                first = (arrived - started) * 1000
            if first is not None and articles is None:
                count = ARTICLE_COUNT.search(header)
                if count and int(count.group(1).replace(",", "")) >= screenful:
                    articles = (arrived - started) * 1000
            if first is not None and listed is None and listed_text in header and "loading" not in header:
                listed = (arrived - started) * 1000
            if listed is not None and "reading details" not in header:
                complete = (arrived - started) * 1000
        # Read once the records are whole, before `q`: the peak of getting there.
        peak = peak_resident_kb(pid)
        settled = None
        if settle_seconds > 0:
            calm = settle(pid, master, terminal, settle_seconds)
            settled_peak, settled_resident = resident_kb(pid)
            settled = ((time.monotonic() - started) * 1000, settled_peak, settled_resident, calm)
        os.write(master, b"q")
        status = wait_exit(pid, master, timeout)
        pid = None
    finally:
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(master)
    return first, articles, listed, complete, status, peak, settled


class Failure(Exception):
    """The reader did not list the records; carries what it showed instead and when its first screen came."""

    def __init__(self, reason, terminal, first_screen_ms):
        super().__init__(reason)
        self.screen = [line for line in terminal.screen() if line]
        self.first_screen_ms = first_screen_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("corpus")
    parser.add_argument("--records", type=int, required=True, help="records in the corpus, as the header counts them")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--reader-arg", action="append", default=[], help="an option given to the reader (repeatable)")
    parser.add_argument("--cache-dir", help="XDG_CACHE_HOME for the reader (where its load index lives)")
    parser.add_argument("--warm-up", type=int, default=1, help="untimed starts first (page cache, binary)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a start may take before it fails")
    parser.add_argument("--settle", type=float, default=0,
                        help="seconds to wait, once every record is whole, for the reader to settle (0: do not)")
    options = parser.parse_args()
    global CACHE_DIRECTORY
    READER_ARGUMENTS.extend(options.reader_arg)
    CACHE_DIRECTORY = options.cache_dir

    if pty is None:
        print(json.dumps({"missing": "no pseudo-terminal support"}))
        return 0
    try:
        os.close(os.openpty()[0])
    except OSError as error:
        print(json.dumps({"missing": f"no pseudo-terminal support ({error.strerror})"}))
        return 0
    if not os.access(options.binary, os.X_OK):
        print(json.dumps({"error": f"{options.binary} is not built"}))
        return 0

    answer = {
        "first_screen_ms": [],
        "first_articles_ms": [],
        "records_listed_ms": [],
        "records_complete_ms": [],
        "peak_resident_kb": [],
        "exit_statuses": [],
        "settled_ms": [],
        "settled_peak_kb": [],
        "settled_resident_kb": [],
        "unsettled_starts": 0,
        "columns": COLUMNS,
        "rows": ROWS,
    }
    for repetition in range(-options.warm_up, options.repetitions):
        try:
            first, articles, listed, complete, status, peak, settled = run_once(
                options.binary, options.corpus, options.records, options.timeout, options.settle)
        except Failure as failure:
            # The first screen was still drawn (and is timed) when the reader failed later: keep that figure,
            # and what went wrong the first time.
            first, articles, listed, complete, status, peak = failure.first_screen_ms, None, None, None, None, None
            settled = None
            if "error" not in answer:
                answer["error"] = str(failure)
                answer["screen"] = failure.screen
        if repetition < 0:
            continue  # a warm-up start
        if first is not None:
            answer["first_screen_ms"].append(first)
        if articles is not None:
            answer["first_articles_ms"].append(articles)
        if listed is not None:
            answer["records_listed_ms"].append(listed)
        if complete is not None:
            answer["records_complete_ms"].append(complete)
        if status is not None:
            answer["exit_statuses"].append(status)
        if peak is not None:
            answer["peak_resident_kb"].append(peak)
        if settled is not None:
            settled_ms, settled_peak, settled_resident, calm = settled
            answer["settled_ms"].append(settled_ms)
            if settled_peak is not None:
                answer["settled_peak_kb"].append(settled_peak)
            if settled_resident is not None:
                answer["settled_resident_kb"].append(settled_resident)
            if not calm:
                answer["unsettled_starts"] += 1
    if "error" in answer:
        answer["failed_starts"] = options.repetitions - len(answer["records_listed_ms"])
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
