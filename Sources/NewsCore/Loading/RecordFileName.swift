/// Which file names the loader reads, for code outside the loader (the file watcher) that must agree with it.
public enum RecordFileName {
  /// Whether a directory entry called `name` is read by a load: not hidden, and with a record extension.
  public static func isRecord(_ name: String) -> Bool {
    !name.hasPrefix(".") && FileWalker.isRecordFile(name)
  }

  /// Whether a directory called `name` is entered by a load (hidden ones are skipped).
  public static func isWalkedDirectory(_ name: String) -> Bool { !name.hasPrefix(".") }
}
