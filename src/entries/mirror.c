/* mirror.c - a table that repeats the entries of its section (statistics
 * of the items listed above it) mirrors them: its rows are no new
 * entries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* A table mirrors its section when at least this share of its rows with
 * links link to entries of the section that are not table rows.  Decided
 * by repetition, not by the look of the table, so that a table of
 * resources after a short introductory list stays entries. */
#define MIRROR_PCT 60

void ll_mirror_table(struct builder *b, size_t first, int line) {
  if (b->m->nentries <= first)
    return;
  b->tables = ll_grow(b->tables, &b->tables_cap, b->ntables, sizeof *b->tables);
  b->tables[b->ntables++] =
      (struct ll_table_rows){first, b->m->nentries - first, line};
}

/* A link's key: its normalised URL, or (relative, mailto: ...) the URL as
 * written, marked so that it equals no normalised one. */
static void link_key(struct ll_buf *kb, const struct ll_link *l) {
  if (ll_url_key_in(kb, &l->parsed) == 0)
    return;
  kb->len = 0;
  ll_buf_addc(kb, '\x01');
  ll_buf_adds(kb, l->url);
}

/* The entry of keys that row links to, or NULL. */
static struct ll_entry *repeated(const struct ll_map *keys, struct ll_buf *kb,
                                 const struct ll_entry *row) {
  for (size_t k = 0; k < row->nlinks; k++) {
    link_key(kb, row->links[k]);
    const void *e = ll_map_get(keys, kb->data);
    if (e)
      return (struct ll_entry *)(uintptr_t)e;
  }
  return NULL;
}

/* Mark the rows of t mirrors when most repeat an entry of keys; return
 * whether they do. */
static int decide(struct builder *b, const struct ll_table_rows *t,
                  const struct ll_map *keys, struct ll_buf *kb) {
  struct ll_entry **rows = b->m->entries + t->first;
  size_t linked = 0, hits = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (!rows[i]->nlinks)
      continue;
    linked++;
    hits += repeated(keys, kb, rows[i]) != NULL;
  }
  if (!linked || hits * 100 < linked * MIRROR_PCT)
    return 0;
  for (size_t i = 0; i < t->n; i++) {
    struct ll_entry *r = rows[i], *e = repeated(keys, kb, r);
    r->flags |= LL_ENTRY_MIRROR;
    r->twin = e;
    if (e && !e->twin) {
      e->twin = r;
      e->flags |= LL_ENTRY_MIRRORED;
    }
  }
  struct ll_section *s = &b->m->sections[b->m->nsections - 1];
  if (!s->mirror_line)
    s->mirror_line = t->line;
  return 1;
}

/* A section never spans two pieces (they split before headings), and all
 * this reads is the model: the same whole or in pieces. */
void ll_mirror_section_end(struct builder *b) {
  struct ll_model *m = b->m;
  size_t ntables = b->ntables, first = b->sec_first;
  b->ntables = 0;
  b->sec_first = m->nentries;
  if (!ntables)
    return;
  struct ll_map keys = {0};
  struct ll_buf kb;
  ll_buf_init(&kb, 0);
  for (size_t i = first; i < m->nentries; i++) {
    struct ll_entry *e = m->entries[i];
    if (e->style == LL_STYLE_TABLE)
      continue;
    for (size_t k = 0; k < e->nlinks; k++) {
      link_key(&kb, e->links[k]);
      ll_map_add(&keys, kb.data, e);
    }
  }
  int any = 0;
  /* no list in the section: its tables are its entries */
  for (size_t t = 0; keys.n && t < ntables; t++)
    any |= decide(b, &b->tables[t], &keys, &kb);
  ll_map_free(&keys);
  ll_buf_free(&kb);
  if (!any)
    return;
  size_t j = first;
  for (size_t i = first; i < m->nentries; i++) {
    struct ll_entry *e = m->entries[i];
    if (!(e->flags & LL_ENTRY_MIRROR)) {
      m->entries[j++] = e;
      continue;
    }
    m->mirrors =
        ll_grow(m->mirrors, &m->mirrors_cap, m->nmirrors, sizeof *m->mirrors);
    m->mirrors[m->nmirrors++] = e;
  }
  m->nentries = j;
  b->sec_first = j;
}
