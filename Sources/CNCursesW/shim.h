#ifndef NEWSREADER_CNCURSESW_SHIM_H
#define NEWSREADER_CNCURSESW_SHIM_H
/* SwiftPM drops the -D flags pkg-config prints, so the wide API must be switched on here. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#endif
