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

void ll_heading_close(struct builder *b) {
  struct ll_model *m = b->m;
  size_t sec = m->nsections - 1;
  const struct ll_section *s = &m->sections[sec];
  const char *prose = b->prose;
  struct ll_span prose_span = b->prose_span;
  b->prose = NULL;
  if (s->level < 2 || s->skipped || !s->depth)
    return;
  size_t a = m->nentries;
  while (a > 0 && m->entries[a - 1]->section == sec)
    a--;
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
