/* list-marker: where most bullet entries at one nesting level use one
 * marker (-, * or +), the few at that level that use another; and a
 * marker without the space that makes it one.  Each
 * level has its own convention: '*' for entries and '-' for the items
 * nested under them is a style, not a slip. */
#include "common.h"

#define MAX_DEPTH 8

static int idx(char c) {
  return c == '-' ? 0 : c == '*' ? 1 : c == '+' ? 2 : -1;
}

static int most(const size_t *counts) {
  int best = 0;
  for (int k = 1; k < 3; k++)
    if (counts[k] > counts[best])
      best = k;
  return best;
}

static int level(const struct ll_entry *e) {
  /* levels past MAX_DEPTH share the last one */
  return e->depth < 1 ? 0 : e->depth > MAX_DEPTH ? MAX_DEPTH - 1 : e->depth - 1;
}

/* Is 1-based line ln of src blank (or outside it)? */
static int blank(const struct ll_source *src, int ln) {
  if (ln < 1 || (size_t)ln > src->nlines)
    return 1;
  size_t n;
  const char *p = ll_source_line(src, ln, &n);
  for (size_t i = 0; i < n; i++)
    if (!ll_isspace((unsigned char)p[i]))
      return 0;
  return 1;
}

/* May the marker of e be changed?  A new marker joins the item to the
 * lists beside it; across a blank line that would make a tight list
 * loose (its items spaced as paragraphs), so an item with a blank line
 * between it and another bullet keeps its marker.  A marker that is not
 * the first byte of its line after the indentation is left too. */
static int may_change(const struct ll_source *src, const struct ll_entry *e) {
  int line, col;
  ll_source_linecol(src, e->marker_span.start, &line, &col);
  size_t n;
  const char *p = ll_source_line(src, line, &n);
  for (int i = 0; i < col - 1; i++)
    if (p[i] != ' ')
      return 0;
  if ((size_t)col >= n || (p[col] != ' ' && p[col] != '\t'))
    return 0;
  for (int dir = -1; dir <= 1; dir += 2) {
    int ln = dir < 0 ? line - 1 : e->end_line + 1;
    if (!blank(src, ln))
      continue;
    while (ln >= 1 && (size_t)ln <= src->nlines && blank(src, ln))
      ln += dir;
    if (ln < 1 || (size_t)ln > src->nlines)
      continue;
    const char *q = ll_source_line(src, ln, &n);
    size_t i = 0;
    while (i < n && q[i] == ' ')
      i++;
    /* a bullet, or a line indented into a list, across the blank */
    if (i > 0 || (i + 1 < n && strchr("-*+", q[i]) &&
                  (q[i + 1] == ' ' || q[i + 1] == '\t')))
      return 0;
  }
  return 1;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  /* counts per level, and over the whole list */
  size_t counts[MAX_DEPTH][3] = {{0}}, all[3] = {0}, total[MAX_DEPTH] = {0},
         n = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    int k = idx(e->marker);
    if (k < 0)
      continue;
    counts[level(e)][k]++;
    total[level(e)]++;
    all[k]++;
    n++;
  }
  static const char marks[] = "-*+";
  const char *opt = ll_option(ctx, "marker");
  int forced = opt && idx(opt[0]) >= 0 ? idx(opt[0]) : -1;
  /* Each level's marker, or -1 for none to hold it to: a level of its
   * own learns its majority; a level too small to learn from keeps its
   * marker when all its entries agree, and otherwise is held to the
   * list's majority. */
  int want[MAX_DEPTH];
  int best_all = most(all);
  int list_majority = ll_is_majority(all[best_all], n);
  for (int d = 0; d < MAX_DEPTH; d++) {
    int b = most(counts[d]);
    if (forced >= 0)
      want[d] = forced;
    else if (total[d] >= LL_MAJORITY_MIN)
      want[d] = ll_is_majority(counts[d][b], total[d]) ? b : -1;
    else if (counts[d][b] == total[d])
      want[d] = -1;
    else
      want[d] = list_majority ? best_all : -1;
  }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    int k = idx(e->marker), d = level(e);
    if (k < 0 || want[d] < 0 || k == want[d])
      continue;
    int own = total[d] >= LL_MAJORITY_MIN && forced < 0;
    size_t c = own ? counts[d][want[d]] : all[want[d]];
    size_t t = own ? total[d] : n;
    if (forced >= 0)
      ll_report(ctx, e->marker_span,
                "list marker '%c' differs from '%c', which the "
                "configuration requires",
                e->marker, marks[want[d]]);
    else if (d > 0 && own)
      ll_report(ctx, e->marker_span,
                "list marker '%c' differs from '%c' used by %zu of %zu "
                "entries at this nesting level",
                e->marker, marks[want[d]], c, t);
    else
      ll_report(ctx, e->marker_span,
                "list marker '%c' differs from '%c' used by %zu of %zu entries",
                e->marker, marks[want[d]], c, t);
    if (may_change(ctx->src, e))
      ll_fix(ctx, e->marker_span, &marks[want[d]], 1);
  }
}

/* "-[Name](url)" at the start of a line: without a space after it the
 * marker makes no list item, and the line joins the paragraph above it
 * as text.  ('*' is left alone: "*[Name](url)*" is emphasis.) */
static void link(struct ll_ctx *ctx, const struct ll_link *l) {
  const char *d = ctx->src->data;
  size_t at = l->span.start;
  /* (a link on a continuation line may be placed at its text) */
  if (at > 0 && at < ctx->src->len && d[at] != '[' && d[at - 1] == '[')
    at--;
  if ((l->flags & LL_LINK_IMAGE) || at == 0 || at >= ctx->src->len ||
      d[at] != '[' || (d[at - 1] != '-' && d[at - 1] != '+'))
    return;
  size_t p = at - 1;
  while (p > 0 && (d[p - 1] == ' ' || d[p - 1] == '\t'))
    p--;
  if (p > 0 && d[p - 1] != '\n')
    return;
  struct ll_span s = {at - 1, at};
  ll_report(ctx, s,
            "no space after the list marker '%c': the line is no list item "
            "(write '%c [Name](url)')",
            d[at - 1], d[at - 1]);
}

const struct ll_rule_ops ll_rule_LIST_MARKER = {.on_finish = finish,
                                                .on_link = link};
