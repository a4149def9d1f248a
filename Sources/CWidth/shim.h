#ifndef NEWSREADER_CWIDTH_SHIM_H
#define NEWSREADER_CWIDTH_SHIM_H
/* wcwidth is only declared under X/Open; plain Glibc never exports it to Swift. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <strings.h>

static inline int cwidth_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/* 1 when the current LC_CTYPE codeset is UTF-8. */
static inline int cwidth_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != 0 && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/* Adopts the user's locale, falling back to C.UTF-8 when its codeset is not UTF-8 (LANG unset in CI
   or cron): wcwidth and ncursesw only know wide characters under a UTF-8 LC_CTYPE. Numbers stay in
   the C locale so nothing that formats or parses them changes with the user's language.
   Returns 1 when a UTF-8 codeset is active afterwards. Not thread-safe: call it once, early. */
static inline int cwidth_use_utf8_locale(void) {
  setlocale(LC_ALL, "");
  if (!cwidth_codeset_is_utf8()) {
    if (setlocale(LC_ALL, "C.UTF-8") == 0 && setlocale(LC_ALL, "C.utf8") == 0) {
      setlocale(LC_CTYPE, "en_US.UTF-8");
    }
  }
  setlocale(LC_NUMERIC, "C");
  return cwidth_codeset_is_utf8();
}
#endif
