/* sorted-entries (opt-in): within one list, entries in alphabetical order
 * of their names, case folded and accents ignored (É sorts with E).  A
 * list is a run of link-list entries of one section at one indentation. */
#include <stdlib.h>

#include "common.h"
#include "unicode.h"

static int indent(const struct ll_source *src, const struct ll_entry *e) {
  int line, col;
  ll_source_linecol(src, e->marker_span.start, &line, &col);
  return col;
}

/* The marker's column of an entry. */
static int col_of(const struct ll_source *src, const struct ll_entry *e) {
  return indent(src, e);
}

/* Is line ln of src part of an item whose marker is at column col: not
 * blank and indented past the marker (a nested list, a continuation)? */
static int inside(const struct ll_source *src, int ln, int col) {
  size_t n;
  const char *p = ll_source_line(src, ln, &n);
  size_t i = 0;
  while (i < n && p[i] == ' ')
    i++;
  return i < n && (int)i + 1 > col;
}

/* The line after the last of a's lines: its own, and those of its
 * sub-lists and continuations. */
static int item_end(const struct ll_source *src, const struct ll_entry *a) {
  int ln = a->end_line + 1, col = col_of(src, a);
  while ((size_t)ln <= src->nlines && inside(src, ln, col))
    ln++;
  return ln;
}

/* Does b follow a in one list, as this rule compares them: the same
 * section and indentation, nothing but a's own lines between? */
static int siblings(const struct ll_source *src, const struct ll_entry *a,
                    const struct ll_entry *b) {
  return a->section == b->section && indent(src, a) == indent(src, b) &&
         b->line == item_end(src, a);
}

static int sortable(const struct ll_entry *e) {
  return (e->flags & LL_ENTRY_ITEM) && e->name && e->marker;
}

/* One entry of a run being sorted: its lines' bytes, and its place. */
struct block {
  const struct ll_entry *e;
  size_t start, end, at;
};

/* flags: the ll_u8_compare flags (qsort_r's argument, no global: two
 * threads may sort at once) */
static int cmp_block(const void *pa, const void *pb, void *flags) {
  const struct block *a = pa, *b = pb;
  int c = ll_u8_compare(a->e->name, b->e->name, *(unsigned *)flags);
  if (c)
    return c;
  return a->at < b->at ? -1 : a->at > b->at; /* stable */
}

/* The fix of a run v[0..n) of sibling entries: the bytes of their lines,
 * from the first one's start to the end of the last one's last line
 * (sub-lists and continuation lines are the entry's lines), rewritten
 * with each entry's lines moved whole into the sorted order (stable, as
 * the rule compares).  Nothing when the last line has no line ending
 * (it could not move up), or when an entry's lines do not start at its
 * marker's indentation. */
static void fix_run(struct ll_ctx *ctx, const struct ll_entry *const *v,
                    size_t n, unsigned flags) {
  const struct ll_source *src = ctx->src;
  struct block *b = ll_xcalloc(n, sizeof *b);
  int ok = 1;
  for (size_t i = 0; i < n && ok; i++) {
    b[i].e = v[i];
    b[i].at = i;
    b[i].start = ll_source_offset(src, v[i]->line, 1);
    int next = i + 1 < n ? v[i + 1]->line : item_end(src, v[i]);
    b[i].end =
        (size_t)next <= src->nlines ? ll_source_offset(src, next, 1) : src->len;
    ok = b[i].end > b[i].start && src->data[b[i].end - 1] == '\n' &&
         v[i]->marker_span.start >= b[i].start &&
         v[i]->marker_span.start < b[i].end &&
         (i == 0 || b[i].start == b[i - 1].end);
    for (size_t k = b[i].start; ok && k < v[i]->marker_span.start; k++)
      ok = src->data[k] == ' ' || src->data[k] == '\t';
  }
  if (ok) {
    qsort_r(b, n, sizeof *b, cmp_block, &flags);
    struct ll_buf out;
    ll_buf_init(&out, 0);
    for (size_t i = 0; i < n; i++)
      ll_buf_add(&out, src->data + b[i].start, b[i].end - b[i].start);
    struct ll_span s = {ll_source_offset(src, v[0]->line, 1), 0};
    s.end = s.start + out.len;
    ll_fix(ctx, s, out.data, out.len);
    ll_buf_free(&out);
  }
  free(b);
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *order = ll_option(ctx, "order");
  int fold = !order || strcmp(order, "alpha-case") != 0;
  unsigned flags = LL_U8_FOLD_MARKS | (fold ? LL_U8_FOLD_CASE : 0);
  /* runs of siblings, each from its first entry not yet in a run, over
   * the sub-lists between (their entries make runs of their own); the
   * first finding of a run carries the run's fix */
  char *taken = ll_xcalloc(m->nentries + 1, 1);
  const struct ll_entry **run = ll_xcalloc(m->nentries + 1, sizeof *run);
  for (size_t i = 0; i < m->nentries; i++) {
    if (taken[i] || !sortable(m->entries[i]))
      continue;
    size_t n = 0;
    run[n++] = m->entries[i];
    int col = col_of(ctx->src, m->entries[i]);
    for (size_t j = i + 1; j < m->nentries; j++) {
      const struct ll_entry *e = m->entries[j];
      int c = e->marker ? col_of(ctx->src, e) : 0;
      if (e->marker && c > col && e->section == run[n - 1]->section &&
          e->line < item_end(ctx->src, run[n - 1]))
        continue; /* inside the last sibling: a sub-list's entry */
      if (!sortable(e) || !siblings(ctx->src, run[n - 1], e))
        break;
      taken[j] = 1;
      run[n++] = e;
    }
    int fixed = 0;
    for (size_t k = 1; k < n; k++) {
      const struct ll_entry *prev = run[k - 1], *e = run[k];
      if (ll_u8_compare(prev->name, e->name, flags) <= 0)
        continue;
      ll_report(ctx, ll_name_or_entry(e),
                "'%s' is out of order: it sorts before '%s' (line %d)", e->name,
                prev->name, prev->line);
      if (!fixed++)
        fix_run(ctx, run, n, flags);
    }
  }
  free(run);
  free(taken);
}

const struct ll_rule_ops ll_rule_SORTED_ENTRIES = {.on_finish = finish};
