#ifndef NEWSREADER_CWIDTH_SHIM_H
#define NEWSREADER_CWIDTH_SHIM_H
/* wcwidth is only declared under X/Open; plain Glibc never exports it to Swift. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>

static inline int cwidth_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
#endif
