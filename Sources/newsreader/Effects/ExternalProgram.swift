#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs another program directly (never through a shell) with its output kept off the terminal.
struct ExternalProgram: Sendable {
  /// The program name or path and its arguments.
  var arguments: [String]

  /// Whether `name` is an executable file in one of the `PATH` directories (or is itself a path to one).
  static func isInstalled(_ name: String, path: String? = nil) -> Bool {
    resolve(name, path: path) != nil
  }

  /// The full path of `name`: itself when it contains a slash, else the first match in `PATH`.
  static func resolve(_ name: String, path: String? = nil) -> String? {
    if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
    let searchPath = path ?? (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin")
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Starts the program with `input` on its standard input and /dev/null for its output, in its own
  /// process group so it outlives us and never touches our terminal. A background thread reaps it; when
  /// it ends, `completion` gets whether it exited with status 0. Returns false when it could not start.
  @discardableResult
  func start(input: [UInt8]? = nil, completion: (@Sendable (Bool) -> Void)? = nil) -> Bool {
    guard let executable = arguments.first.flatMap({ ExternalProgram.resolve($0) }) else { return false }

    var pipeEnds: [Int32] = [-1, -1]
    if input != nil, pipe(&pipeEnds) != 0 { return false }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if input != nil {
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
      posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
      posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Its own process group: Ctrl-C in the reader never reaches it, and it survives our exit.
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    let cArguments = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var pid = pid_t()
    let result = posix_spawn(&pid, executable, &actions, &attributes, cArguments, environ)
    if input != nil { close(pipeEnds[0]) }
    guard result == 0 else {
      if input != nil { close(pipeEnds[1]) }
      return false
    }

    let writeEnd = pipeEnds[1]
    let child = pid
    let bytes = input
    DetachedThread.detach {
      if let bytes {
        ExternalProgram.writeAll(bytes, to: writeEnd)
        close(writeEnd)
      }
      var status: Int32 = 0
      while waitpid(child, &status, 0) == -1 && errno == EINTR {}
      completion?((status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0)
    }
    return true
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}

/// A detached POSIX thread, so reaping a child never blocks the interface or a Swift concurrency pool.
enum DetachedThread {
  static func detach(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(
      &thread, nil,
      { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
      }, box)
    if created == 0 {
      pthread_detach(thread)
    } else {
      Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
    }
  }
}
