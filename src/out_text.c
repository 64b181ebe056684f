/* out_text.c - compiler-style text: file:line:col: severity: message [id],
 * optionally the source line with a caret, and a closing summary. */
#include <string.h>

#include "listlint.h"

#define WINDOW 160 /* bytes of a long line shown around the column */

static const char *sev_color(enum ll_severity s) {
  return s == LL_SEV_ERROR     ? "\033[1;31m"
         : s == LL_SEV_WARNING ? "\033[1;33m"
                               : "\033[1;36m";
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

static void show_source(FILE *fp, const struct ll_source *src,
                        const struct ll_diag *g, const struct ll_out_opts *o) {
  size_t len;
  const char *line = ll_source_line(src, g->line, &len);
  size_t col = (size_t)(g->col - 1);
  if (col > len)
    col = len;
  size_t from = 0, to = len;
  if (len > 2 * WINDOW) {
    from = col > WINDOW / 2 ? col - WINDOW / 2 : 0;
    while (from > 0 && is_cont((unsigned char)line[from]))
      from--;
    to = from + 2 * WINDOW < len ? from + 2 * WINDOW : len;
    while (to < len && is_cont((unsigned char)line[to]))
      to++;
  }
  fputs(from ? "  ..." : "  ", fp);
  fwrite(line + from, 1, to - from, fp);
  fputs(to < len ? "...\n" : "\n", fp);
  fputs(from ? "     " : "  ", fp);
  for (size_t i = from; i < col; i++) {
    unsigned char c = (unsigned char)line[i];
    if (is_cont(c))
      continue; /* one column per character, not per byte */
    fputc(c == '\t' ? '\t' : ' ', fp);
  }
  size_t width = 1;
  if (g->end_line == g->line && g->end_col > g->col) {
    width = 0;
    for (size_t i = col; i < (size_t)(g->end_col - 1) && i < to; i++)
      width += !is_cont((unsigned char)line[i]);
    if (!width)
      width = 1;
  }
  if (o->color)
    fputs("\033[1;32m", fp);
  fputc('^', fp);
  for (size_t i = 1; i < width && i < 120; i++)
    fputc('~', fp);
  if (o->color)
    fputs("\033[0m", fp);
  fputc('\n', fp);
}

void ll_out_text(FILE *fp, const struct ll_diags *d, size_t from,
                 const struct ll_source *src, const struct ll_out_opts *o) {
  for (size_t i = from; i < d->n; i++) {
    const struct ll_diag *g = &d->v[i];
    if (o->color)
      fprintf(fp,
              "\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s \033[2m[%s]\033[0m\n",
              g->file, g->line, g->col, sev_color(g->severity),
              ll_severity_name(g->severity), g->message, ll_diag_id(g));
    else
      fprintf(fp, "%s:%d:%d: %s: %s [%s]\n", g->file, g->line, g->col,
              ll_severity_name(g->severity), g->message, ll_diag_id(g));
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
