internal import CNCursesW
import Synchronization

/// The process's signal handlers: interrupts end the reader's loop, SIGUSR1 asks for a reload, SIGPIPE is
/// ignored, and every fatal signal restores the terminal before the process dies of it.
///
/// The handlers are Swift functions that touch only `Atomic` values and the one `nr_rescue` block, both
/// created before any handler is installed. The flags are atomics rather than C statics: the release
/// build once had its handler and its input loop each inline a different copy of a C static flag, and
/// ignored the first Ctrl-C.
enum SignalTrap {
  /// The first SIGINT, SIGTERM, SIGHUP or SIGALRM since curses began; 0 when none arrived.
  static let interrupt = Atomic<Int32>(0)
  /// SIGUSR1s not yet reported as `.reloadRequested`.
  static let reloadRequests = Atomic<Int>(0)
  /// Saved terminal modes, the crash note's path and the replaced handlers, for the C side.
  nonisolated(unsafe) static let rescue: UnsafeMutablePointer<nr_rescue> = nr_rescue_create()
  private static let crashHandlersInstalled = Atomic<Bool>(false)

  /// Signals that end the reader as a quit would, with status 128 + signal.
  static let interruptSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGALRM]
  /// Signals after which the process cannot go on: SIGQUIT (Ctrl-\) is handled the same way.
  static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT]

  /// Takes the fatal signals for the whole process, replacing the Swift runtime's backtracer (which would
  /// print over the screen and wait at an interactive prompt). Idempotent; the first call's note wins.
  static func installCrashHandlers(program: String, started: String, notePath: String?) {
    guard !crashHandlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
    nr_rescue_describe(rescue, program, started, notePath)
    nr_ensure_alternate_stack(rescue)
    for signal in fatalSignals {
      nr_install_handler(rescue, signal, fatalHandler, 0, 1)
    }
  }

  /// Before curses starts: saves the terminal modes and takes the interrupts, SIGUSR1 and SIGPIPE.
  /// ncurses only installs its own SIGINT/SIGTERM handlers over default ones, so it leaves these alone.
  static func install() {
    interrupt.store(0, ordering: .sequentiallyConsistent)
    reloadRequests.store(0, ordering: .sequentiallyConsistent)
    nr_rescue_terminal_begin(rescue)
    for signal in interruptSignals {
      // No SA_RESTART: a read the signal interrupts returns at once.
      nr_install_handler(rescue, signal, interruptHandler, 0, 0)
    }
    // Handlers, not SIG_IGN: an ignored signal stays ignored in the programs the reader starts.
    nr_install_handler(rescue, SIGUSR1, reloadHandler, 1, 0)
    nr_install_handler(rescue, SIGPIPE, ignoreHandler, 1, 0)
    nr_unblock_signal(SIGWINCH)  // ncurses installs its own resize handler
  }

  /// After curses has ended: the previous handlers come back (the fatal ones stay).
  static func release() {
    nr_rescue_terminal_end(rescue)
    for signal in interruptSignals + [SIGUSR1, SIGPIPE] { nr_restore_handler(rescue, signal) }
  }

  /// The interrupt that arrived, if any; it stays reported until the next `install()`.
  static func pendingInterrupt() -> Int32? {
    let signal = interrupt.load(ordering: .sequentiallyConsistent)
    return signal == 0 ? nil : signal
  }

  /// Whether a SIGUSR1 arrived since the last call.
  static func takeReloadRequest() -> Bool {
    reloadRequests.exchange(0, ordering: .sequentiallyConsistent) > 0
  }
}

/// The first interrupt is recorded for the input loop; a second means the loop is not listening, so the
/// terminal is restored here and the process leaves with 128 + signal.
private let interruptHandler: @convention(c) (Int32) -> Void = { signal in
  let (first, _) = SignalTrap.interrupt.compareExchange(
    expected: 0, desired: signal, ordering: .sequentiallyConsistent)
  if !first { nr_rescue_and_exit(SignalTrap.rescue, 128 + signal) }
}

private let reloadHandler: @convention(c) (Int32) -> Void = { _ in
  SignalTrap.reloadRequests.wrappingAdd(1, ordering: .sequentiallyConsistent)
}

/// SIGPIPE: the write that caused it fails with EPIPE and is handled there.
private let ignoreHandler: @convention(c) (Int32) -> Void = { _ in }

private let fatalHandler: @convention(c) (Int32) -> Void = { signal in
  nr_rescue_and_die(SignalTrap.rescue, signal)
}
