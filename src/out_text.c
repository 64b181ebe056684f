/* out_text.c - compiler-style text: file:line:col: severity: message [id],
 * optionally the source line with a caret, and a closing summary. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "listlint.h"
#include "unicode.h"

#define TAB_COLS 8   /* the most columns a tab can take */
#define MIN_COLS 20  /* a narrower terminal is taken to be this wide */
#define MAX_MARK 120 /* the longest ~~~ under a finding */

static const char *sev_color(enum ll_severity s) {
  return s == LL_SEV_ERROR     ? "\033[1;31m"
         : s == LL_SEV_WARNING ? "\033[1;33m"
                               : "\033[1;36m";
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* ---- control characters ----------------------------------------------
 * Nothing from the linted file reaches the terminal raw that a terminal
 * would act on: C0 controls and DEL show as less(1) shows them, in caret
 * notation (ESC as ^[), C1 controls as <U+009B>, bytes that are not
 * UTF-8 as <9B> (some terminals take a lone 0x9B for CSI).  Source lines
 * keep their tabs; file names and messages escape them too. */

/* The shown form of the character at s[i] (i < n) if it is escaped, in
 * out (at least 9 bytes, NUL-terminated), with its length; 0 when it is
 * shown as it is.  Its byte length in *k. */
static size_t escaped(const char *s, size_t i, size_t n, int keep_tab,
                      char *out, size_t *k) {
  unsigned char c = (unsigned char)s[i];
  *k = 1;
  if ((c < 0x20 && !(c == '\t' && keep_tab)) || c == 0x7F) {
    out[0] = '^';
    out[1] = (char)(c ^ 0x40);
    out[2] = '\0';
    return 2;
  }
  if (c < 0x80)
    return 0;
  unsigned cp = ll_u8_at(s + i, n - i, k);
  if (cp == 0xFFFD && *k == 1)
    return (size_t)snprintf(out, 9, "<%02X>", c);
  if (cp >= 0x80 && cp <= 0x9F)
    return (size_t)snprintf(out, 9, "<U+%04X>", cp);
  return 0;
}

static int needs_look(unsigned char c) { return c < 0x20 || c >= 0x7F; }

/* Write n bytes of s, control characters escaped. */
static void put_shown(FILE *fp, const char *s, size_t n, int keep_tab) {
  size_t run = 0;
  for (size_t i = 0; i < n;) {
    if (!needs_look((unsigned char)s[i])) {
      i++;
      continue;
    }
    char out[12];
    size_t k, w = escaped(s, i, n, keep_tab, out, &k);
    if (w) {
      fwrite(s + run, 1, i - run, fp);
      fwrite(out, 1, w, fp);
      run = i + k;
    }
    i += k;
  }
  fwrite(s + run, 1, n - run, fp);
}

void ll_vsay(const char *fmt, va_list ap) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  if (ll_buf_vprintf(&b, fmt, ap) < 0)
    ll_buf_adds(&b, "listlint: (message too long)\n");
  /* line by line: the message's own line ends stay */
  for (size_t at = 0; at < b.len;) {
    const char *nl = memchr(b.data + at, '\n', b.len - at);
    size_t n = nl ? (size_t)(nl - (b.data + at)) : b.len - at;
    put_shown(stderr, b.data + at, n, 1);
    if (nl)
      putc('\n', stderr);
    at += n + (nl != NULL);
  }
  ll_buf_free(&b);
}

void ll_say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ll_vsay(fmt, ap);
  va_end(ap);
}

static void puts_shown(FILE *fp, const char *s) {
  put_shown(fp, s, strlen(s), 0);
}

/* The character at line[i] (i < n): its length, and in *w the columns a
 * terminal gives it (a tab counts its most, an escaped control character
 * the columns of its escape). */
static size_t char_at(const char *line, size_t i, size_t n, size_t *w) {
  unsigned char c = (unsigned char)line[i];
  if (c >= 0x20 && c < 0x7F) {
    *w = 1;
    return 1;
  }
  if (c == '\t') {
    *w = TAB_COLS;
    return 1;
  }
  char out[12];
  size_t k, e = escaped(line, i, n, 1, out, &k);
  if (e) {
    *w = e;
    return k;
  }
  *w = (size_t)ll_u8_charwidth(ll_u8_at(line + i, n - i, &k));
  return k;
}

/* The start of the character before byte i > 0. */
static size_t char_before(const char *line, size_t i) {
  size_t p = i - 1;
  while (p > 0 && i - p < 4 && is_cont((unsigned char)line[p]))
    p--;
  return p;
}

/* Do the n bytes of line fit in cols columns?  Reads no further than it
 * must: a long line is not measured to its end. */
static int fits(const char *line, size_t n, size_t cols) {
  /* printable ASCII takes a column a byte */
  if (n <= cols) {
    size_t i = 0;
    while (i < n && !needs_look((unsigned char)line[i]))
      i++;
    if (i == n)
      return 1;
  }
  size_t w = 0, cw;
  for (size_t i = 0; i < n;) {
    i += char_at(line, i, n, &cw);
    if ((w += cw) > cols)
      return 0;
  }
  return 1;
}

/* The part [*from, *to) of a line (len bytes) too wide for cols columns
 * that shows byte col: a third of the room before it, the rest after,
 * and all of it before when the line ends sooner. */
static void window(const char *line, size_t len, size_t col, size_t cols,
                   size_t *from, size_t *to) {
  size_t room = cols - 6; /* "..." at each end */
  size_t f = col, t, w = 0, cw;
  while (f > 0) {
    size_t p = char_before(line, f);
    char_at(line, p, len, &cw);
    if (w + cw > room / 3)
      break;
    w += cw;
    f = p;
  }
  for (t = f, w = 0; t < len;) {
    size_t k = char_at(line, t, len, &cw);
    if (w + cw > room)
      break;
    w += cw;
    t += k;
  }
  while (t == len && f > 0) { /* the line ends: show more before */
    size_t p = char_before(line, f);
    char_at(line, p, len, &cw);
    if (w + cw > room)
      break;
    w += cw;
    f = p;
  }
  *from = f;
  *to = t;
}

/* The source line of a finding and a caret under it, placed by display
 * width: a CJK character takes two columns, a combining mark none, a tab
 * is copied.  A line wider than the terminal is shortened around the
 * finding rather than left to wrap. */
static void show_source(FILE *fp, const struct ll_source *src,
                        const struct ll_diag *g, const struct ll_out_opts *o) {
  size_t len;
  const char *line = ll_source_line(src, g->line, &len);
  size_t col = (size_t)(g->col - 1);
  if (col > len)
    col = len;
  /* a column inside a character points at the character */
  if (col < len && is_cont((unsigned char)line[col])) {
    size_t p = char_before(line, col + 1), k;
    if (p < col && (ll_u8_at(line + p, len - p, &k), p + k > col))
      col = p;
  }
  size_t from = 0, to = len;
  if (o->width > 0) {
    size_t cols = (size_t)(o->width < MIN_COLS ? MIN_COLS : o->width) - 2;
    if (!fits(line, len, cols))
      window(line, len, col, cols, &from, &to);
  }
  fputs(from ? "  ..." : "  ", fp);
  put_shown(fp, line + from, to - from, 1);
  fputs(to < len ? "...\n" : "\n", fp);
  fputs(from ? "     " : "  ", fp);
  size_t cw;
  for (size_t i = from; i < col;) {
    size_t k = char_at(line, i, len, &cw);
    if (line[i] == '\t')
      fputc('\t', fp);
    else
      for (size_t j = 0; j < cw; j++)
        fputc(' ', fp);
    i += k;
  }
  size_t width = 0;
  if (g->end_line == g->line && g->end_col > g->col) {
    size_t end = (size_t)(g->end_col - 1);
    for (size_t i = col; i < end && i < to;) {
      size_t k = char_at(line, i, len, &cw);
      width += line[i] == '\t' ? 1 : cw;
      i += k;
    }
  }
  if (!width)
    width = 1;
  if (o->color)
    fputs("\033[1;32m", fp);
  fputc('^', fp);
  for (size_t i = 1; i < width && i < MAX_MARK; i++)
    fputc('~', fp);
  if (o->color)
    fputs("\033[0m", fp);
  fputc('\n', fp);
}

void ll_out_text(FILE *fp, const struct ll_diags *d, size_t from,
                 const struct ll_source *src, const struct ll_out_opts *o) {
  for (size_t i = from; i < d->n; i++) {
    const struct ll_diag *g = &d->v[i];
    /* "file:line:col: severity: message [id]", each part escaped */
    if (o->color)
      fputs("\033[1m", fp);
    puts_shown(fp, g->file);
    fprintf(fp, ":%d:%d:", g->line, g->col);
    if (o->color)
      fprintf(fp, "\033[0m %s%s:\033[0m ", sev_color(g->severity),
              ll_severity_name(g->severity));
    else
      fprintf(fp, " %s: ", ll_severity_name(g->severity));
    puts_shown(fp, g->message);
    fputs(o->color ? " \033[2m[" : " [", fp);
    puts_shown(fp, ll_diag_id(g));
    fputs(o->color ? "]\033[0m\n" : "]\n", fp);
    if (o->show_source && src)
      show_source(fp, src, g, o);
  }
}

static void count(FILE *fp, size_t n, const char *what, int *first) {
  if (!n)
    return;
  fprintf(fp, "%s%zu %s%s", *first ? "" : ", ", n, what, n == 1 ? "" : "s");
  *first = 0;
}

void ll_out_text_summary(FILE *fp, const struct ll_diags *d, size_t nfiles,
                         const struct ll_out_opts *o) {
  size_t n[4] = {0};
  for (size_t i = 0; i < d->n; i++)
    n[d->v[i].severity]++;
  int first = 1;
  if (o->color)
    fputs("\033[1m", fp);
  count(fp, n[LL_SEV_ERROR], "error", &first);
  count(fp, n[LL_SEV_WARNING], "warning", &first);
  count(fp, n[LL_SEV_INFO], "info", &first);
  if (first)
    fputs("no problems", fp);
  fprintf(fp, " in %zu file%s", nfiles, nfiles == 1 ? "" : "s");
  if (o->color)
    fputs("\033[0m", fp);
  fputc('\n', fp);
}
