/* common.h - helpers the rules share: the text of an entry, majorities. */
#ifndef LL_RULES_COMMON_H
#define LL_RULES_COMMON_H

#include <string.h>

#include "../listlint.h"

/* A primary link, or NULL. */
static inline const struct ll_link *ll_primary(const struct ll_entry *e) {
  return e->nlinks ? e->links[0] : NULL;
}

/* Where to point at an entry's name, or failing that at the entry. */
static inline struct ll_span ll_name_or_entry(const struct ll_entry *e) {
  if (e->name_span.end > e->name_span.start)
    return e->name_span;
  const struct ll_link *l = ll_primary(e);
  return l ? l->span : e->span;
}

/* The last n bytes of a span (at most its length). */
static inline struct ll_span ll_span_tail(struct ll_span s, size_t n) {
  if (s.end - s.start > n)
    s.start = s.end - n;
  return s;
}

/* The bytes from the end of an entry's name to its description that
 * hold its separator and the blanks around it (" - ", ": "), or an empty
 * span when they hold anything else (a line break, a qualifier, no
 * separator at all). */
static inline struct ll_span ll_sep_gap(const struct ll_source *src,
                                        const struct ll_entry *e) {
  struct ll_span none = {0, 0}, g = e->sep_span;
  const char *d = src->data;
  if (!e->separator || !e->separator[0] || g.end <= g.start ||
      e->desc_span.start < g.end || e->desc_span.start > src->len)
    return none;
  while (g.start > 0 && (d[g.start - 1] == ' ' || d[g.start - 1] == '\t'))
    g.start--;
  for (size_t i = g.end; i < e->desc_span.start; i++)
    if (d[i] != ' ' && d[i] != '\t')
      return none;
  g.end = e->desc_span.start;
  return g;
}

/* Does a list follow the source at off, after blank space ("allows you
 * to..." or "Kani verifies:", then "- ...")?  The description's last
 * words lead into it.  (Ask it of prose descriptions: after a list item
 * comes its sibling.) */
static inline int ll_list_follows(const struct ll_source *src, size_t off) {
  const char *d = src->data;
  size_t n = src->len;
  while (off < n && ll_isspace((unsigned char)d[off]))
    off++;
  if (off + 1 < n && strchr("-*+", d[off]) && d[off + 1] == ' ')
    return 1;
  size_t k = off;
  while (k < n && ll_isdigit((unsigned char)d[k]))
    k++;
  return k > off && k + 1 < n && strchr(".)", d[k]) && d[k + 1] == ' ';
}

/* An entry whose description follows "name separator": the form whose
 * conventions can be learned. */
static inline int ll_conventional(const struct ll_entry *e) {
  return (e->flags & LL_ENTRY_INLINE) && e->separator && e->description &&
         e->description[0];
}

/* Entries read alike, for counting a list's habits apart: list items,
 * one-line entries, labelled blocks, notes, table rows (an index below
 * LL_KINDS, from the entry's traits). */
#define LL_KINDS 32
static inline unsigned ll_entry_kind(const struct ll_entry *e) {
  return ((e->flags & LL_ENTRY_ITEM) ? 1u : 0u) |
         ((e->flags & LL_ENTRY_INLINE) ? 2u : 0u) |
         ((e->flags & LL_ENTRY_LABELLED) ? 4u : 0u) |
         ((e->flags & LL_ENTRY_NOTE) ? 8u : 0u) |
         ((e->flags & LL_ENTRY_ROW) ? 16u : 0u);
}

/* A convention holds when at least LL_MAJORITY_MIN entries take part and
 * the majority is at least LL_MAJORITY_PCT percent. */
#define LL_MAJORITY_MIN 10
#define LL_MAJORITY_PCT 80
static inline int ll_is_majority(size_t count, size_t total) {
  return total >= LL_MAJORITY_MIN && count * 100 >= total * LL_MAJORITY_PCT &&
         count < total;
}

#endif
