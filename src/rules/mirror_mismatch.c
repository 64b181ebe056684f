/* mirror-mismatch: a table that mirrors the list of its section (see
 * src/entries/mirror.c) and the list disagree: an item of the list is
 * missing from the table, or a row of the table from the list. */
#include "common.h"

/* A table that repeats fewer than this share of its section's linked
 * entries is a selection of them ("the five most starred"), not a copy:
 * what it leaves out is not missing. */
#define COVER_PCT 60

/* What a row is called: the text of the link in its name cell (not the
 * decoration around it, "🔗 name"), else its name. */
static const char *row_name(const struct ll_entry *r) {
  const struct ll_link *l = ll_primary(r);
  if (l && l->text[0] && l->span.start >= r->name_span.start &&
      l->span.end <= r->name_span.end)
    return l->text;
  return r->name ? r->name : l ? l->url : "";
}

/* The entries of one section, entries[a..b): those the table leaves out. */
static void missing_rows(struct ll_ctx *ctx, const struct ll_model *m, size_t a,
                         size_t b) {
  const struct ll_section *s = &m->sections[m->entries[a]->section];
  size_t linked = 0, mirrored = 0;
  for (size_t i = a; i < b; i++) {
    const struct ll_entry *e = m->entries[i];
    if (e->flags & LL_ENTRY_ROW)
      continue; /* a table that mirrors nothing */
    linked += e->nlinks > 0;
    mirrored += (e->flags & LL_ENTRY_MIRRORED) != 0;
  }
  if (mirrored * 100 < linked * COVER_PCT)
    return;
  for (size_t i = a; i < b; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!e->nlinks || (e->flags & (LL_ENTRY_MIRRORED | LL_ENTRY_ROW)))
      continue;
    ll_report(ctx, ll_name_or_entry(e),
              "'%s' is listed here but missing from the table at line %d",
              e->name ? e->name : ll_primary(e)->url, s->mirror_line);
  }
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  /* entries come section by section: each section's run once */
  for (size_t a = 0, b; a < m->nentries; a = b) {
    size_t sec = m->entries[a]->section;
    for (b = a + 1; b < m->nentries && m->entries[b]->section == sec; b++)
      ;
    if (m->sections[sec].mirror_line)
      missing_rows(ctx, m, a, b);
  }
  /* rows that repeat no entry; the section's first entry says whether
   * its list is above the table or below it */
  size_t j = 0;
  for (size_t i = 0; i < m->nmirrors; i++) {
    const struct ll_entry *r = m->mirrors[i];
    if (r->twin || !r->nlinks)
      continue;
    while (j < m->nentries && m->entries[j]->section < r->section)
      j++;
    int above = j == m->nentries || m->entries[j]->section != r->section ||
                m->entries[j]->line < r->line;
    ll_report(ctx, ll_primary(r)->span, "table row '%s' is not in the list %s",
              row_name(r), above ? "above" : "below");
  }
}

const struct ll_rule_ops ll_rule_MIRROR_MISMATCH = {.on_finish = finish};
