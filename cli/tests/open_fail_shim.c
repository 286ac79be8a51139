/* LD_PRELOAD shim for the command's tests: makes open() of one file fail
 * (EIO) from its Nth opening on, so a test can fail a file between the
 * passes the command makes over its inputs (corpus pass, processing,
 * dedup --filter's second reading), which no real file does on cue.
 *   BH_FAIL_OPEN_SUFFIX  the path's ending ("x.jsonl")
 *   BH_FAIL_OPEN_AFTER   how many openings succeed first (0: all fail) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long openings;

static int should_fail(const char* path) {
  const char* suffix = getenv("BH_FAIL_OPEN_SUFFIX");
  const char* after = getenv("BH_FAIL_OPEN_AFTER");
  if (!suffix || !after || !path) return 0;
  const size_t n = strlen(path), m = strlen(suffix);
  if (n < m || strcmp(path + n - m, suffix) != 0) return 0;
  return atomic_fetch_add(&openings, 1) >= atol(after);
}

typedef int (*open_fn)(const char*, int, ...);

static int forward(const char* name, const char* path, int flags, va_list ap) {
  const open_fn real = (open_fn)dlsym(RTLD_NEXT, name);
  /* glibc's rule for when a mode argument was passed */
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) return real(path, flags, va_arg(ap, int));
  return real(path, flags);
}

#define SHIM(name)                           \
  int name(const char* path, int flags, ...) { \
    if (should_fail(path)) {                 \
      errno = EIO;                           \
      return -1;                             \
    }                                        \
    va_list ap;                              \
    va_start(ap, flags);                     \
    const int fd = forward(#name, path, flags, ap); \
    va_end(ap);                              \
    return fd;                               \
  }
SHIM(open)
SHIM(open64)

/* _FORTIFY_SOURCE's checked opens (no mode argument). */
typedef int (*open2_fn)(const char*, int);
#define SHIM2(name)                                      \
  int name(const char* path, int flags) {                \
    if (should_fail(path)) {                             \
      errno = EIO;                                       \
      return -1;                                         \
    }                                                    \
    return ((open2_fn)dlsym(RTLD_NEXT, #name))(path, flags); \
  }
SHIM2(__open_2)
SHIM2(__open64_2)
