/* missing-description: in a list whose entries mostly carry descriptions,
 * one that does not.  A list that never describes its entries (a bare
 * link list) is its authors' choice, so nothing is reported there. */
#include "common.h"

/* A list's habit: percent of the entries of a kind that carry a
 * description.  Where only most do (free-programming-books' authors,
 * sindresorhus/awesome's self-explaining names: 70-89%), going without
 * is the list's own allowance; where nearly all do, the few without are
 * slips. */
#define MIN_SHARE 90
/* A section's habit, per level of its items: below this share, the
 * section lists names by its own choice (awesome-go's books, its
 * subreddits). */
#define SECTION_SHARE 50
#define MIN_SECTION 3 /* top-level items that show a section's habit */
#define MIN_ENTRIES 5 /* fewer entries show no habit */

/* A nested list (an item's sub-list) is a list of its own: when most of
 * its items in a section go without descriptions, that is its style
 * (sindresorhus/awesome's sub-lists of names), whatever the file does. */
/* How far a list marker is indented (a tab counts 4). */
static int indent(const struct ll_source *src, const struct ll_entry *e) {
  int line, col, w = 0;
  ll_source_linecol(src, e->marker_span.start, &line, &col);
  size_t len;
  const char *p = ll_source_line(src, line, &len);
  for (int i = 0; i < col - 1 && (size_t)i < len; i++)
    w += p[i] == '\t' ? 4 - w % 4 : 1;
  return w;
}

/* Per indent of one section's items: how many have a description. */
struct depth {
  int col;
  size_t with, total;
};

/* Fill d (up to max) with the indents of the section's items in
 * entries[a..b); return how many.  An indent past max counts as none. */
static size_t depths(const struct ll_ctx *ctx, const struct ll_model *m,
                     size_t a, size_t b, struct depth *d, size_t max) {
  size_t n = 0;
  for (size_t i = a; i < b; i++) {
    const struct ll_entry *x = m->entries[i];
    if (!x->marker)
      continue;
    int col = indent(ctx->src, x);
    size_t k = 0;
    while (k < n && d[k].col != col)
      k++;
    if (k == n) {
      if (n == max)
        continue;
      d[n++] = (struct depth){col, 0, 0};
    }
    d[k].total++;
    d[k].with += x->description != NULL;
  }
  return n;
}

static int nested_without(const struct ll_ctx *ctx, const struct depth *d,
                          size_t nd, const struct ll_entry *e) {
  if (!e->marker)
    return 0;
  int col = indent(ctx->src, e);
  for (size_t k = 0; k < nd; k++)
    if (d[k].col == col)
      /* top-level items show a section's habit only when there are
       * enough of them (a section of meetups, of podcasts: names) */
      return (col >= 2 || d[k].total >= MIN_SECTION) &&
             d[k].with * 100 < d[k].total * SECTION_SHARE;
  return 0;
}

/* Does the name read as a title that says what the entry is ("Learn
 * FFmpeg libav the Hard Way"): four words or more? */
static int is_title(const char *name) {
  size_t words = 0;
  for (const char *p = name; p && *p; p++)
    words += !ll_isspace((unsigned char)*p) &&
             (p == name || ll_isspace((unsigned char)p[-1]));
  return words >= 4;
}

static int option_on(struct ll_ctx *ctx, const char *key) {
  const char *v = ll_option(ctx, key);
  return v && (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0);
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  int required = option_on(ctx, "require");
  int titles = option_on(ctx, "titles");
  size_t with[LL_KINDS] = {0}, total[LL_KINDS] = {0};
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    total[ll_entry_kind(e)]++;
    if (e->description)
      with[ll_entry_kind(e)]++;
  }
  /* entries come in document order, so a section's are together: its
   * indents are counted once, when its first candidate is met */
  struct depth d[64];
  size_t nd = 0, group_end = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    /* (a generated table's None: its source had no description to give,
     * there is nothing for the list's maintainer to write) */
    if (e->description ||
        (e->flags & (LL_ENTRY_NOTE | LL_ENTRY_TITLED | LL_ENTRY_GROUP |
                     LL_ENTRY_NULL_DESCRIPTION)) ||
        (titles && is_title(e->name)))
      continue;
    if (!required &&
        (total[ll_entry_kind(e)] < MIN_ENTRIES ||
         with[ll_entry_kind(e)] * 100 < total[ll_entry_kind(e)] * MIN_SHARE))
      continue;
    if (!required) {
      if (i >= group_end) {
        size_t a = i, b = i + 1;
        while (a > 0 && m->entries[a - 1]->section == e->section)
          a--;
        while (b < m->nentries && m->entries[b]->section == e->section)
          b++;
        nd = depths(ctx, m, a, b, d, sizeof d / sizeof d[0]);
        group_end = b;
      }
      if (nested_without(ctx, d, nd, e))
        continue;
    }
    if (e->name)
      ll_report(ctx, ll_name_or_entry(e),
                "entry '%s' has no description (%zu of %zu entries have one)",
                e->name, with[ll_entry_kind(e)], total[ll_entry_kind(e)]);
    else
      ll_report(ctx, ll_name_or_entry(e),
                "entry has no description (%zu of %zu entries have one)",
                with[ll_entry_kind(e)], total[ll_entry_kind(e)]);
  }
}

const struct ll_rule_ops ll_rule_MISSING_DESCRIPTION = {.on_finish = finish};
