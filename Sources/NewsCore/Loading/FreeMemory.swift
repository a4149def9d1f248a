internal import CFileSystem

/// Returns freed memory to the system after work that made and dropped a lot of it.
///
/// glibc's allocator keeps what is freed in the arena of the thread that allocated it, and the load, the
/// index write and the search index are built on worker threads: at 100,000 records a warm reader kept
/// about 300 MB of freed transients resident (896 MB settled against 475 MB when every record was whole).
/// Call it off the run loop: it walks every arena (tens of milliseconds).
public enum FreeMemory {
  public static func release() { newsreader_release_free_memory() }
}
