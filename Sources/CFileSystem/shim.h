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
#endif
