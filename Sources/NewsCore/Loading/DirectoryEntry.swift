#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fields of a `readdir` entry, read in place.
///
/// A `dirent` is only as long as its name (`d_reclen`), so loading the whole struct (`entry.pointee`) can
/// read past the end of the directory buffer and fault: the loader's walk crashed on it first, then the
/// watcher's. Every reader of directory entries goes through here (the walk reads the name's first byte
/// in place itself).
public enum DirectoryEntry {
  /// The entry's name.
  public static func name(_ entry: UnsafeMutablePointer<dirent>) -> String {
    let raw = UnsafeRawPointer(entry)
    return String(
      cString: (raw + MemoryLayout<dirent>.offset(of: \dirent.d_name)!).assumingMemoryBound(to: CChar.self))
  }

  /// The entry's `d_type` (`DT_DIR`, `DT_LNK`, `DT_UNKNOWN`...).
  public static func type(_ entry: UnsafeMutablePointer<dirent>) -> UInt8 {
    (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_type)!).load(as: UInt8.self)
  }
}
