#ifndef NEWSREADER_CNCURSESW_SHIM_H
#define NEWSREADER_CNCURSESW_SHIM_H
/* SwiftPM drops the -D flags pkg-config prints, so the wide API must be switched on here.
   NCURSES_WIDECHAR alone does it: defining _XOPEN_SOURCE here as well would give libc structures
   (fd_set) other field names than Glibc's module has, and any file importing both Glibc (or
   Foundation) and a module that uses this one would fail to build. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Swift 6 rejects C globals and cannot expand function-like macros: accessors for both. */
static inline WINDOW *nr_stdscr(void) { return stdscr; }
static inline int nr_lines(void) { return LINES; }
static inline int nr_cols(void) { return COLS; }
static inline int nr_colors(void) { return COLORS; }
static inline int nr_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t nr_a_bold(void) { return A_BOLD; }
static inline attr_t nr_a_dim(void) { return A_DIM; }
static inline attr_t nr_a_italic(void) { return A_ITALIC; }
static inline attr_t nr_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nr_a_reverse(void) { return A_REVERSE; }
static inline attr_t nr_a_normal(void) { return A_NORMAL; }

static inline int nr_key_f(int n) { return KEY_F(n); }
static inline int nr_key_code_yes(void) { return KEY_CODE_YES; }
static inline int nr_ok(void) { return OK; }
static inline int nr_err(void) { return ERR; }

static inline unsigned long nr_all_mouse_events(void) { return (unsigned long)(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION); }
static inline unsigned long nr_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline unsigned long nr_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline unsigned long nr_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline unsigned long nr_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline unsigned long nr_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline unsigned long nr_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline unsigned long nr_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline unsigned long nr_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Reads the pending mouse event; returns OK or ERR. */
static inline int nr_getmouse(int *row, int *column, unsigned long *state) {
  MEVENT event;
  if (getmouse(&event) != OK) return ERR;
  *row = event.y;
  *column = event.x;
  *state = (unsigned long)event.bstate;
  return OK;
}

/* Whether the terminal can be driven: 0 yes; 1 TERM unknown or setupterm failed; 2 a hardcopy or
   generic terminal; 3 no cursor addressing (cup). Checked before newterm because initscr calls
   exit(1) on an unset TERM and "succeeds" with TERM=dumb. */
static inline int nr_check_terminal(void) {
  int status = 0;
  if (setupterm(NULL, STDOUT_FILENO, &status) != OK) return 1;
  int result = 0;
  if (tigetflag("hc") > 0 || tigetflag("gn") > 0) result = 2;
  char *cup = tigetstr("cup");
  if (result == 0 && (cup == NULL || cup == (char *)-1)) result = 3;
  del_curterm(cur_term);
  return result;
}

/* Importing Glibc next to this module breaks (fd_set is defined under other feature macros here),
   so the few libc calls CursesScreen needs come through the shim. */
static inline int nr_isatty(int fd) { return isatty(fd); }
static inline const char *nr_term_name(void) { return getenv("TERM"); }
static inline void nr_flush_stdio(void) { fflush(NULL); }

static inline SCREEN *nr_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline int nr_set_style(attr_t attributes, short pair) {
  return wattr_set(stdscr, attributes, pair, NULL);
}

/* Writes every byte unbuffered, retrying on EINTR and short writes (for OSC 52 after a refresh). */
static inline int nr_write_all(const unsigned char *bytes, size_t count) {
  while (count > 0) {
    ssize_t written = write(STDOUT_FILENO, bytes, count);
    if (written < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    bytes += written;
    count -= (size_t)written;
  }
  return 0;
}

/* Signal handlers' helpers and the terminal rescue on a crash. */
#include "rescue.h"

/* Whether the terminal on standard input has gone away (hung up or closed): curses
   then returns ERR at once from every read, and a poll loop would spin. */
static inline int nr_input_gone(void) {
  struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
  if (poll(&input, 1, 0) < 0) return 0;
  return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Restores the terminal if the process exits while curses is still active (an exit() from anywhere). */
static void nr_end_at_exit(void) {
  if (!isendwin()) endwin();
}

static inline void nr_register_exit_restore(void) {
  static int registered = 0;
  if (!registered) {
    registered = 1;
    atexit(nr_end_at_exit);
  }
}
#endif
