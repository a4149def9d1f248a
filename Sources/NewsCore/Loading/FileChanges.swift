/// What a file watcher saw change under the opened paths, so a load can read only those files: record files
/// written, moved in, moved away or deleted, and directories that appeared or went away (everything under
/// them). `everything` says the watcher lost track (its queue overflowed, an opened directory itself went
/// away): then only a full load is right.
public struct FileChanges: Sendable, Hashable {
  /// Paths of record files, as the watcher joined them from the opened paths.
  public var files: Set<String>
  /// Paths of directories whose whole content may have changed.
  public var directories: Set<String>
  /// True when nothing short of a full load is right.
  public var everything: Bool

  public init(files: Set<String> = [], directories: Set<String> = [], everything: Bool = false) {
    self.files = files
    self.directories = directories
    self.everything = everything
  }

  /// A change of every file: a full load.
  public static let all = FileChanges(everything: true)

  public var isEmpty: Bool { !everything && files.isEmpty && directories.isEmpty }

  /// Files changed since either.
  public mutating func formUnion(_ other: FileChanges) {
    everything = everything || other.everything
    if everything {
      files = []
      directories = []
    } else {
      files.formUnion(other.files)
      directories.formUnion(other.directories)
    }
  }

  /// Files changed since either.
  public func union(_ other: FileChanges) -> FileChanges {
    var both = self
    both.formUnion(other)
    return both
  }
}
