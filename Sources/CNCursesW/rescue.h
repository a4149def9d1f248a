#ifndef NEWSREADER_CNCURSESW_RESCUE_H
#define NEWSREADER_CNCURSESW_RESCUE_H
/* Included by shim.h (after the libc headers it needs); SignalTrap.swift is its only user. */
/* Signal handling and terminal rescue.

   Nothing here keeps state of its own. Function-local statics in this header are copied into every
   object file that inlines the function: the release build once had the signal handler set one copy of
   the "pending signal" flag while the input loop read another, so the first SIGINT was never seen. All
   state now lives in one `struct nr_rescue` that the Swift side allocates once and passes in, and the
   handlers themselves are Swift functions that reach it (and their Synchronization.Atomic flags)
   through a single global. Everything called from a handler is async-signal-safe (tcsetattr, write,
   open, mkdir, sigaction, raise, _exit), except backtrace(), which is primed at start and run last. */
enum { NR_PATH_BYTES = 4096, NR_SIGNAL_SLOTS = 32, NR_ALTERNATE_STACK_BYTES = 65536 };

struct nr_rescue {
  struct termios modes;
  int terminal_active; /* curses owns the terminal: a handler must restore it (atomic builtins) */
  int restored;        /* the terminal was restored once already (atomic builtins) */
  char note_path[NR_PATH_BYTES]; /* empty: no crash note */
  char program[64];              /* "newsreader 0.1.0", first line of a crash note */
  char started[64];              /* when the process started, for the note */
  struct sigaction previous[NR_SIGNAL_SLOTS];
  int saved[NR_SIGNAL_SLOTS];
  void *alternate_stack;
};

/* One zeroed block, never freed: handlers may run until the very end of the process. */
static inline struct nr_rescue *nr_rescue_create(void) {
  return (struct nr_rescue *)calloc(1, sizeof(struct nr_rescue));
}

static inline void nr_copy_text(char *destination, size_t capacity, const char *source) {
  size_t index = 0;
  if (source != NULL) {
    for (; source[index] != '\0' && index + 1 < capacity; index++) destination[index] = source[index];
  }
  destination[index] = '\0';
}

/* Fills the note path and the note's first lines; a path too long for the buffer means no note. */
static inline void nr_rescue_describe(struct nr_rescue *rescue, const char *program, const char *started,
                                      const char *note_path) {
  nr_copy_text(rescue->program, sizeof rescue->program, program);
  nr_copy_text(rescue->started, sizeof rescue->started, started);
  if (note_path != NULL && strlen(note_path) < sizeof rescue->note_path) {
    nr_copy_text(rescue->note_path, sizeof rescue->note_path, note_path);
  } else {
    rescue->note_path[0] = '\0';
  }
  /* backtrace() loads libgcc on its first call: do that now, not inside a crash handler. */
  void *frame[2];
  (void)backtrace(frame, 2);
}

/* Unblocks a signal some other code handles (SIGWINCH: ncurses installs its own resize handler). */
static inline void nr_unblock_signal(int signal_number) {
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

/* Installs `handler` for `signal_number`, keeping what was there for nr_restore_handler. Every trapped
   signal is blocked while a handler runs, so a crash handler and an interrupt handler never interleave.
   `alternate_stack` runs it on the alternate stack (a stack overflow leaves no room on the normal one). */
static inline int nr_install_handler(struct nr_rescue *rescue, int signal_number, void (*handler)(int),
                                     int restart, int alternate_stack) {
  if (signal_number <= 0 || signal_number >= NR_SIGNAL_SLOTS) return -1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  static const int blocked[] = {SIGINT,  SIGTERM, SIGHUP, SIGALRM, SIGQUIT, SIGSEGV, SIGBUS,
                                SIGILL,  SIGTRAP, SIGABRT, SIGFPE, SIGUSR1, SIGPIPE};
  for (size_t index = 0; index < sizeof blocked / sizeof blocked[0]; index++) {
    sigaddset(&action.sa_mask, blocked[index]);
  }
  action.sa_flags = (restart ? SA_RESTART : 0) | (alternate_stack ? SA_ONSTACK : 0);
  struct sigaction previous;
  if (sigaction(signal_number, &action, &previous) != 0) return -1;
  if (!rescue->saved[signal_number]) {
    rescue->previous[signal_number] = previous;
    rescue->saved[signal_number] = 1;
  }
  /* A parent may have started us with it blocked (a thread pool's worker passes on its mask through
     exec): unblock it, or the signal would silently do nothing. */
  nr_unblock_signal(signal_number);
  return 0;
}

/* Puts back what nr_install_handler replaced. */
static inline void nr_restore_handler(struct nr_rescue *rescue, int signal_number) {
  if (signal_number <= 0 || signal_number >= NR_SIGNAL_SLOTS || !rescue->saved[signal_number]) return;
  sigaction(signal_number, &rescue->previous[signal_number], NULL);
  rescue->saved[signal_number] = 0;
}

/* Gives the calling thread an alternate signal stack unless it has one. */
static inline void nr_ensure_alternate_stack(struct nr_rescue *rescue) {
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE) &&
      current.ss_size >= NR_ALTERNATE_STACK_BYTES)
    return;
  if (rescue->alternate_stack == NULL) rescue->alternate_stack = malloc(NR_ALTERNATE_STACK_BYTES);
  if (rescue->alternate_stack == NULL) return;
  stack_t stack = {.ss_sp = rescue->alternate_stack, .ss_flags = 0, .ss_size = NR_ALTERNATE_STACK_BYTES};
  sigaltstack(&stack, NULL);
}

/* Saves the terminal modes; from now on a handler restores them and the screen. Call before newterm. */
static inline void nr_rescue_terminal_begin(struct nr_rescue *rescue) {
  if (tcgetattr(STDIN_FILENO, &rescue->modes) != 0) return;
  __atomic_store_n(&rescue->restored, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n(&rescue->terminal_active, 1, __ATOMIC_SEQ_CST);
}

/* Curses has ended the screen itself: nothing for a handler to restore. */
static inline void nr_rescue_terminal_end(struct nr_rescue *rescue) {
  __atomic_store_n(&rescue->terminal_active, 0, __ATOMIC_SEQ_CST);
}

static inline void nr_write_fd(int fd, const char *bytes, size_t count) {
  while (count > 0) {
    ssize_t written = write(fd, bytes, count);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes += written;
    count -= (size_t)written;
  }
}

static inline void nr_write_text(int fd, const char *text) { nr_write_fd(fd, text, strlen(text)); }

static inline void nr_write_number(int fd, long long value) {
  char digits[24];
  int index = (int)sizeof digits;
  int negative = value < 0;
  unsigned long long magnitude = negative ? 0ULL - (unsigned long long)value : (unsigned long long)value;
  do {
    digits[--index] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (negative) digits[--index] = '-';
  nr_write_fd(fd, digits + index, sizeof digits - (size_t)index);
}

/* Restores the saved modes and leaves the alternate screen, shows the cursor, turns mouse reporting and
   keypad transmit mode off, with fixed bytes any xterm-like terminal (and tmux, screen) understands.
   Only while curses is active, and only once.
   Returns whether curses had the terminal (restored now or by another handler already). */
static inline int nr_rescue_terminal(struct nr_rescue *rescue) {
  if (!__atomic_load_n(&rescue->terminal_active, __ATOMIC_SEQ_CST)) return 0;
  if (__atomic_exchange_n(&rescue->restored, 1, __ATOMIC_SEQ_CST)) return 1;
  static const char reset[] =
      "\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l" /* mouse reporting off */
      "\033[?1l\033>"                                                      /* keypad transmit off */
      "\033[0m\033[?25h"                                                   /* attributes off, cursor on */
      "\033[?1049l";                                                       /* leave the alternate screen */
  tcsetattr(STDIN_FILENO, TCSANOW, &rescue->modes);
  nr_write_fd(STDOUT_FILENO, reset, sizeof reset - 1);
  return 1;
}

/* The second interrupt: the loop is not listening, so restore the terminal here and leave. */
static inline void nr_rescue_and_exit(struct nr_rescue *rescue, int status) {
  nr_rescue_terminal(rescue);
  _exit(status);
}

static inline const char *nr_signal_name(int signal_number) {
  switch (signal_number) {
  case SIGSEGV: return "SIGSEGV";
  case SIGBUS: return "SIGBUS";
  case SIGILL: return "SIGILL";
  case SIGTRAP: return "SIGTRAP";
  case SIGABRT: return "SIGABRT";
  case SIGFPE: return "SIGFPE";
  case SIGQUIT: return "SIGQUIT";
  default: return "a signal";
  }
}

/* Creates every missing directory above the note (mode 700), as `mkdir -p` of its parent would. */
static inline void nr_make_parent_directories(const char *path) {
  char partial[NR_PATH_BYTES];
  size_t length = strlen(path);
  if (length >= sizeof partial) return;
  memcpy(partial, path, length + 1);
  for (size_t index = 1; index < length; index++) {
    if (partial[index] != '/') continue;
    partial[index] = '\0';
    (void)mkdir(partial, 0700);
    partial[index] = '/';
  }
}

/* A fatal signal: restore the terminal first, write the crash note, say where it is, then die of the
   same signal so the parent sees what happened (the shell reports 128 + signal). */
static inline void nr_rescue_and_die(struct nr_rescue *rescue, int signal_number) {
  int had_terminal = nr_rescue_terminal(rescue);
  int note = -1;
  if (rescue->note_path[0] != '\0') {
    nr_make_parent_directories(rescue->note_path);
    note = open(rescue->note_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  }
  const char *name = nr_signal_name(signal_number);
  if (note >= 0) {
    struct timespec now = {0, 0};
    clock_gettime(CLOCK_REALTIME, &now);
    nr_write_text(note, rescue->program);
    nr_write_text(note, " stopped by ");
    nr_write_text(note, name);
    nr_write_text(note, " (signal ");
    nr_write_number(note, signal_number);
    nr_write_text(note, ")\nprocess ");
    nr_write_number(note, (long long)getpid());
    nr_write_text(note, ", started ");
    nr_write_text(note, rescue->started);
    nr_write_text(note, ", stopped at ");
    nr_write_number(note, (long long)now.tv_sec);
    nr_write_text(note, " seconds since 1970\n"
                        "return addresses (addr2line -f -C -e BINARY OFFSET names them):\n");
  }
  nr_write_text(STDERR_FILENO, "newsreader: stopped by ");
  nr_write_text(STDERR_FILENO, name);
  if (had_terminal) nr_write_text(STDERR_FILENO, "; the terminal was restored");
  if (note >= 0) {
    nr_write_text(STDERR_FILENO, "; crash note: ");
    nr_write_text(STDERR_FILENO, rescue->note_path);
  }
  nr_write_text(STDERR_FILENO, "\n");
  if (note >= 0) {
    /* Last, after everything that matters: glibc does not promise backtrace() is async-signal-safe
       (it is primed, so it loads nothing here), and a corrupt stack could fault it. */
    void *frames[64];
    int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, note);
    close(note);
  }
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(signal_number, &fallback, NULL);
  /* Pending until this handler returns (the signal is blocked while it runs), then fatal. A fault sent
     by the hardware would also recur when the instruction runs again. */
  raise(signal_number);
}
#endif
