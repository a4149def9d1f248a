import Foundation
import Glibc

/// Runs a program to its exit and reports the peak resident memory the kernel counted for it (`ru_maxrss`
/// from `wait4`, as `/usr/bin/time -f %M` prints it): the whole life of the process, what it did after the
/// moment a screen probe reads its VmHWM included.
enum ChildUsage {
  struct Outcome {
    var status: Int32
    var seconds: Double
    var peakKiB: Int
  }

  /// `arguments[0]` run with `arguments`, the environment plus `environment`, its output to /dev/null; nil
  /// when it could not be started or waited for.
  static func run(_ arguments: [String], environment: [String: String]) -> Outcome? {
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    let started = DispatchTime.now().uptimeNanoseconds
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { return nil }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    // Exited normally: the status is in the second byte; killed by a signal: reported as -1.
    let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    return Outcome(status: exitStatus, seconds: seconds, peakKiB: Int(usage.ru_maxrss))
  }
}
