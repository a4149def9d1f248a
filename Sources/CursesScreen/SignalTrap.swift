internal import CNCursesW

/// SIGINT, SIGTERM and SIGHUP while curses is active: the first is recorded for the input loop to
/// report as `Event.interrupt`, a second restores the terminal and exits with 128 + signal.
///
/// The shim's signal state is `static` C, so each Swift file calling it would get its own copy:
/// this file is the only one that may.
enum SignalTrap {
  static func install() { nr_trap_signals() }

  static func release() { nr_release_signals() }

  /// The signal that arrived since the last call, if any.
  static func takePending() -> Int32? {
    let signal = nr_take_pending_signal()
    return signal == 0 ? nil : signal
  }
}
