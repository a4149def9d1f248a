#ifndef NEWSREADER_CFILESYSTEM_SHIM_H
#define NEWSREADER_CFILESYSTEM_SHIM_H
// statfs is not in Swift's Glibc module (only statvfs, which has no file-system type): the record walk
// needs the type to recognize pseudo-file systems such as proc and sysfs.
#if defined(__linux__)
#include <sys/vfs.h>

/// The f_type of the file system holding `path`, or -1 when statfs fails (errno set).
static inline long long newsreader_file_system_type(const char *path) {
  struct statfs info;
  if (statfs(path, &info) != 0) return -1;
  return (long long)info.f_type;
}
#else
static inline long long newsreader_file_system_type(const char *path) {
  (void)path;
  return -1;
}
#endif

#if defined(__GLIBC__)
#include <malloc.h>
/// Gives the pages of freed memory back to the system (glibc keeps them in its arenas otherwise).
static inline void newsreader_release_free_memory(void) { malloc_trim(0); }
#else
static inline void newsreader_release_free_memory(void) {}
#endif
#endif
