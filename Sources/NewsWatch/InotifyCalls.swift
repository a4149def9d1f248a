#if canImport(Glibc)
  import Glibc
#endif

/// The inotify calls the watcher makes, as values so a test can make one fail (the watch limit reached)
/// without exhausting the machine's real limit.
public struct InotifyCalls: Sendable {
  /// `inotify_init1`: a descriptor, or -1 with `errno` set.
  public var initialize: @Sendable () -> Int32
  /// `inotify_add_watch(descriptor, path, mask)`: a watch descriptor, or -1 with `errno` set.
  public var addWatch: @Sendable (_ descriptor: Int32, _ path: String, _ mask: UInt32) -> Int32

  public init(
    initialize: @escaping @Sendable () -> Int32,
    addWatch: @escaping @Sendable (_ descriptor: Int32, _ path: String, _ mask: UInt32) -> Int32
  ) {
    self.initialize = initialize
    self.addWatch = addWatch
  }

  /// The kernel's.
  public static let system = InotifyCalls(
    initialize: { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) },
    addWatch: { descriptor, path, mask in inotify_add_watch(descriptor, path, mask) })

  /// The kernel's, except that adding watch number `limit + 1` and later fails with `ENOSPC`, as when
  /// `fs.inotify.max_user_watches` is reached.
  public static func limited(to limit: Int) -> InotifyCalls {
    let counter = WatchCounter()
    return InotifyCalls(
      initialize: system.initialize,
      addWatch: { descriptor, path, mask in
        guard counter.next() <= limit else {
          errno = ENOSPC
          return -1
        }
        return inotify_add_watch(descriptor, path, mask)
      })
  }
}

/// Counts watches added, from one thread at a time (the watcher's).
private final class WatchCounter: @unchecked Sendable {
  private var count = 0
  func next() -> Int {
    count += 1
    return count
  }
}
