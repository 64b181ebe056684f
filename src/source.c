/* source.c - the bytes of one input, its line index, offsets <-> lines. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "listlint.h"

static void index_lines(struct ll_source *src) {
  size_t cap = 64, n = 0;
  size_t *v = ll_xmalloc(cap * sizeof *v);
  v[n++] = 0;
  const char *d = src->data, *end = d + src->len;
  src->has_nul = memchr(d, '\0', src->len) != NULL;
  /* CR, LF and CRLF end a line, as in CommonMark: both looked for with
   * memchr, the next CR kept until the scan passes it */
  const char *cr = memchr(d, '\r', src->len);
  for (const char *p = d; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (cr && cr < p)
      cr = memchr(p, '\r', (size_t)(end - p));
    if (cr && (!nl || cr < nl)) /* CRLF, or a lone CR */
      nl = cr + 1 < end && cr[1] == '\n' ? cr + 1 : cr;
    if (!nl || nl >= end)
      break;
    if (nl + 1 < end) {
      if (n == cap) {
        cap *= 2;
        v = ll_xrealloc(v, cap * sizeof *v);
      }
      v[n++] = (size_t)(nl + 1 - d);
    }
    p = nl + 1;
  }
  src->lines = v;
  src->nlines = n;
}

struct ll_source *ll_source_from_mem(const char *name, const char *data,
                                     size_t len) {
  struct ll_source *src = ll_xcalloc(1, sizeof *src);
  src->name = ll_xstrdup(name);
  src->data = ll_xstrndup(data, len);
  src->len = len;
  index_lines(src);
  return src;
}

static char *errmsg(const char *name, const char *what) {
  return ll_strfmt("%s: %s", name, what);
}

struct ll_source *ll_source_load(const char *path, const char *display,
                                 size_t max_bytes, char **err) {
  const char *name = display ? display : path;
  FILE *fp;
  int is_stdin = strcmp(path, "-") == 0;
  if (is_stdin) {
    fp = stdin;
  } else {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      *err = errmsg(name, "is a directory");
      return NULL;
    }
    fp = fopen(path, "rb");
    if (!fp) {
      *err = errmsg(name, strerror(errno));
      return NULL;
    }
  }
  struct ll_buf b;
  ll_buf_init(&b, max_bytes);
  /* a regular file is read at once into a buffer of its size */
  struct stat fst;
  if (!is_stdin && fstat(fileno(fp), &fst) == 0 && S_ISREG(fst.st_mode) &&
      (size_t)fst.st_size < max_bytes) {
    b.cap = (size_t)fst.st_size + 1;
    b.data = ll_xmalloc(b.cap);
    b.data[0] = '\0';
    size_t got = fread(b.data, 1, (size_t)fst.st_size, fp);
    b.len = got;
    b.data[got] = '\0';
  }
  char chunk[65536];
  size_t n;
  int toobig = 0;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    if (ll_buf_add(&b, chunk, n) < 0) {
      toobig = 1;
      break;
    }
  }
  int rerr = ferror(fp);
  int saved = errno;
  if (!is_stdin)
    fclose(fp);
  if (toobig || rerr) {
    ll_buf_free(&b);
    if (toobig) {
      *err = ll_strfmt("%s: file is larger than the %zu-byte limit", name,
                       max_bytes);
    } else {
      *err = errmsg(name, strerror(saved));
    }
    return NULL;
  }
  struct ll_source *src = ll_xcalloc(1, sizeof *src);
  src->name = ll_xstrdup(name);
  src->len = b.len;
  src->data = ll_buf_detach(&b);
  index_lines(src);
  return src;
}

void ll_source_free(struct ll_source *src) {
  if (!src)
    return;
  free(src->name);
  free(src->data);
  free(src->lines);
  free(src);
}

void ll_source_linecol(const struct ll_source *src, size_t off, int *line,
                       int *col) {
  /* Callers mostly go forward through a file: look near the line found
   * last before searching the whole index. */
  static _Thread_local const size_t *last_lines;
  static _Thread_local size_t last;
  if (off > src->len)
    off = src->len;
  if (!src->nlines || !src->lines) { /* never so: line 1 starts at 0 */
    *line = 1;
    *col = (int)off + 1;
    return;
  }
  size_t lo = 0, hi = src->nlines;
  if (last_lines == src->lines && last < hi && src->lines[last] <= off) {
    lo = last;
    for (int i = 0; i < 4 && lo + 1 < hi && src->lines[lo + 1] <= off; i++)
      lo++;
    if (lo + 1 < hi && src->lines[lo + 1] <= off)
      lo++; /* further on: search from here */
    else
      hi = lo + 1;
  }
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (src->lines[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  last_lines = src->lines;
  last = lo;
  *line = (int)lo + 1;
  *col = (int)(off - src->lines[lo]) + 1;
}

size_t ll_source_offset(const struct ll_source *src, int line, int col) {
  if (line < 1)
    return 0;
  if ((size_t)line > src->nlines)
    return src->len;
  size_t off = src->lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
  return off > src->len ? src->len : off;
}

const char *ll_source_line(const struct ll_source *src, int line, size_t *len) {
  if (line < 1 || (size_t)line > src->nlines) {
    *len = 0;
    return "";
  }
  size_t start = src->lines[line - 1];
  size_t end = (size_t)line < src->nlines ? src->lines[line] : src->len;
  while (end > start &&
         (src->data[end - 1] == '\n' || src->data[end - 1] == '\r'))
    end--;
  *len = end - start;
  return src->data + start;
}
