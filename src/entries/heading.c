/* heading.c - the heading reader: a section that holds one resource, the
 * heading its name, its first paragraph its description and its bullets
 * its labelled links ("## Title [1]", prose, "* Paper: [t](u)",
 * "* [Code](u)").  It reads a section when the section closes, from the
 * entries the item reader made of the bullets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* Are the entries a..m->nentries of the closing section the fields of
 * one resource: one-line items with one link and no description, at
 * least two, half of them or more named by field labels? */
static int are_fields(struct builder *b, size_t a) {
  const struct ll_model *m = b->m;
  size_t n = m->nentries - a, fields = 0;
  if (n < 2)
    return 0;
  for (size_t i = a; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!(e->flags & LL_ENTRY_ITEM) || e->description || !e->name ||
        e->nlinks != 1 || e->line != e->end_line)
      return 0;
    fields += ll_is_field_label(b, e->name, strlen(e->name)) ? 1 : 0;
  }
  return fields * 2 >= n;
}

void ll_heading_close(struct builder *b, int next_level) {
  struct ll_model *m = b->m;
  size_t sec = m->nsections - 1;
  const struct ll_section *s = &m->sections[sec];
  const char *prose = b->prose;
  struct ll_span prose_span = b->prose_span;
  struct ll_link *prose_link = b->prose_link;
  struct ll_link *head_link = b->head_link;
  b->prose = NULL;
  b->prose_link = NULL;
  b->head_link = NULL;
  if (s->level < 2 || s->skipped || !s->depth)
    return;
  int leaf = next_level == 0 || next_level <= s->level;
  if (leaf && s->level < 7)
    b->leaves[s->level]++;
  size_t a = m->nentries;
  while (a > 0 && m->entries[a - 1]->section == sec)
    a--;
  /* No entries and prose about one thing with a link, or a heading that
   * links to the thing ("### [x-cmd](u)", then what it is, perhaps a few
   * bullets of its own): a candidate. */
  if (leaf && prose && (head_link || (a == m->nentries && prose_link))) {
    b->cands = ll_grow(b->cands, &b->cands_cap, b->ncands, sizeof *b->cands);
    struct ll_heading_cand *c = &b->cands[b->ncands++];
    c->section = sec;
    c->level = s->level;
    c->prose = prose;
    c->prose_span = prose_span;
    c->link = head_link ? head_link : prose_link;
    c->items = m->nentries - a;
    return;
  }
  if (!are_fields(b, a))
    return;
  size_t end = m->nentries;
  struct ll_span span = {s->span.start, m->entries[end - 1]->span.end};
  struct ll_entry *h = ll_build_entry(b, LL_STYLE_HEADING, span);
  h->name = s->path[s->depth - 1];
  h->name_span = s->span;
  for (size_t i = a; i < end; i++) {
    struct ll_entry *e = m->entries[i];
    struct ll_link *l = e->links[0];
    l->entry = NULL;
    l->flags &= ~(unsigned)LL_LINK_PRIMARY;
    ll_build_link(b, h, l, ll_label_text(b, e->name));
  }
  if (prose) {
    h->description = prose;
    h->desc_span = prose_span;
  }
  m->entries[a] = h;
  m->nentries = a + 1;
}

/* Sections that are one resource each, told in prose: "### SQuAD", then
 * "The [Stanford Question Answering Dataset](u) is ...", perhaps a table
 * of results.  One such section is prose; the same template in three
 * leaf sections or more of one level, and in most of them, is a list of
 * resources, one per heading. */
#define CAND_MIN 3
#define CAND_PCT 60

static int by_start(const void *x, const void *y) {
  const struct ll_entry *a = *(struct ll_entry *const *)x,
                        *c = *(struct ll_entry *const *)y;
  return a->span.start < c->span.start ? -1 : a->span.start > c->span.start;
}

/* A section that is one resource may hold a few bullets of its own (its
 * features, its other links) where most of its kind hold none: at most
 * this share of the candidates of a level.  Where more have bullets,
 * the bullets are the section's entries and the heading a group. */
#define ITEMS_PCT 25

/* The entries of the resource sections (owner[section], see below) that
 * are their own bullets: their links become the owner's; they go. */
static void absorb_items(struct builder *b, struct ll_entry **owner) {
  struct ll_model *m = b->m;
  size_t k = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    struct ll_entry *e = m->entries[i], *h = owner[e->section];
    if (!h || e == h) {
      m->entries[k++] = e;
      continue;
    }
    for (size_t j = 0; j < e->nlinks; j++) {
      struct ll_link *l = e->links[j];
      l->entry = NULL;
      l->flags &= ~(unsigned)LL_LINK_PRIMARY;
      /* "- [AI Tools](u): ..." is one of its pages; "- Unlike
       * [antigen](u), ..." a sentence about it, whose links are
       * prose */
      if (!(e->flags & LL_ENTRY_PROSE))
        ll_build_link(b, h, l, NULL);
      else
        l->flags &= ~(unsigned)LL_LINK_ENTRY;
    }
    if (e->span.end > h->span.end)
      ll_build_extend(b, h, e->span.end);
  }
  m->nentries = k;
}

void ll_heading_prose(struct builder *b) {
  struct ll_model *m = b->m;
  size_t per[7] = {0}, with_items[7] = {0}, made = 0, owned = 0;
  for (size_t i = 0; i < b->ncands; i++) {
    per[b->cands[i].level]++;
    with_items[b->cands[i].level] += b->cands[i].items > 0;
  }
  struct ll_entry **owner = NULL;
  for (size_t i = 0; i < b->ncands; i++) {
    const struct ll_heading_cand *c = &b->cands[i];
    if (per[c->level] < CAND_MIN ||
        per[c->level] * 100 < b->leaves[c->level] * CAND_PCT)
      continue;
    if (c->items && with_items[c->level] * 100 > per[c->level] * ITEMS_PCT)
      continue;
    const struct ll_section *s = &m->sections[c->section];
    struct ll_span span = {s->span.start, c->prose_span.end};
    struct ll_entry *e = ll_build_entry(b, LL_STYLE_HEADING, span);
    e->section = c->section;
    e->name = s->path[s->depth - 1];
    e->name_span = s->span;
    c->link->entry = NULL;
    ll_build_link(b, e, c->link, NULL);
    ll_build_extend(b, e, c->prose_span.end);
    e->description = c->prose;
    e->desc_span = c->prose_span;
    made++;
    if (c->items) {
      if (!owner)
        owner = ll_xcalloc(m->nsections, sizeof *owner);
      owner[c->section] = e;
      owned++;
    }
  }
  if (owned)
    absorb_items(b, owner);
  free(owner);
  if (made) /* the new entries go in document order */
    qsort(m->entries, m->nentries, sizeof *m->entries, by_start);
  free(b->cands);
  b->cands = NULL;
  b->ncands = b->cands_cap = 0;
}
