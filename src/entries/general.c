/* general.c - the general reader: entries of a shape no reader knows,
 * found by their repetition.  Most lists repeat one template per section
 * (a bold line, a paragraph about it, a line of links; a linked name,
 * then a paragraph).  As in web data extraction (MDR: adjacent sibling
 * subtrees of the same shape are the records of a region; RoadRunner:
 * align the repetitions into fields), the top-level blocks of a section
 * that the named readers read nothing from are cut into records where
 * the block that starts one recurs, and each record's fields are given
 * by role: the first strong or linked text is the name, labelled links
 * are the links, the remaining prose is the description. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

#define MIN_RECORDS 3 /* repetitions that make a template */
#define MAX_FIELDS 6  /* blocks one record may have */
#define LINKED_PCT 60 /* records that must have a link */

enum kind {
  K_OTHER,
  K_TITLE,  /* a paragraph that starts with bold or italic text */
  K_LINKED, /* a paragraph that starts with a link */
  K_PROSE,  /* a paragraph of text */
  K__COUNT
};

void ll_general_block(struct builder *b, cmark_node *n) {
  if (b->skipping || b->block_mode)
    return;
  b->blocks = ll_grow(b->blocks, &b->blocks_cap, b->nblocks, sizeof *b->blocks);
  b->blocks[b->nblocks++] = n;
}

/* Does the subtree of n hold an entry link? */
static int has_link(cmark_node *n);

/* What a top-level block can be in a record.  A record starts with a
 * line that is only a name: bold text (no link in it), or a link (in
 * bold or not) with at most punctuation after it on its line. */
static enum kind kind_of(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
    return K_OTHER;
  cmark_node *kids = cmark_node_first_child(n);
  cmark_node *first = ll_first_significant(kids);
  if (!first)
    return K_OTHER;
  cmark_node *stop = ll_line_end(first);
  struct ll_link *l = ll_name_link(first);
  if (l && ll_is_entry_link(l) && !(l->flags & LL_LINK_AUTOLINK) &&
      ll_paper_tail(first, stop))
    return K_LINKED;
  cmark_node *strong;
  if (!l && cmark_node_get_type(first) == CMARK_NODE_STRONG &&
      ll_is_lone_strong(first, stop, &strong) && !has_link(strong))
    return K_TITLE;
  return K_PROSE;
}

/* Does the subtree of n hold an entry link? */
static int has_link(cmark_node *n) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  int found = 0;
  while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    if (ev == CMARK_EVENT_ENTER &&
        ll_is_entry_link(ll_link_of(cmark_iter_get_node(it))))
      found = 1;
  cmark_iter_free(it);
  return found;
}

/* The links of the subtree of n, given to e; a "Label:" text before one,
 * or a link text that is a label, labels it. */
static void add_links(struct builder *b, struct ll_entry *e, cmark_node *n) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *c = cmark_iter_get_node(it);
    struct ll_link *l = ll_link_of(c);
    if (!ll_is_entry_link(l))
      continue;
    const char *label = ll_label_of(b, cmark_node_previous(c), c);
    char *lab = label ? ll_arena_strdup(&b->m->arena, label) : NULL;
    if (!lab && ll_is_label_form(l->text, strlen(l->text)))
      lab = (char *)(uintptr_t)ll_label_text(b, l->text);
    ll_build_link(b, e, l, lab);
    cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(it);
}

/* One record: blocks [from, to) of the section. */
static void read_record(struct builder *b, const unsigned char *kinds,
                        size_t from, size_t to) {
  cmark_node *head = b->blocks[from];
  struct ll_span span = ll_doc_block_span(&b->view, head);
  span.end = ll_doc_block_span(&b->view, b->blocks[to - 1]).end;
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_GENERAL, span);
  cmark_node *first = ll_first_significant(cmark_node_first_child(head));
  struct ll_link *nl = ll_name_link(first);
  const char *t = nl ? nl->text : ll_build_plain(b, first);
  if (nl)
    ll_build_link(b, e, nl, NULL);
  e->name = ll_build_trimmed(b, t, strlen(t));
  if (!e->name[0])
    e->name = NULL;
  if (e->name)
    ll_build_name_span(b, e, span);
  /* the rest of the head's first line, after the name, may describe it */
  size_t n;
  const char *s =
      ll_build_range(b, cmark_node_next(first), ll_line_end(first), &n);
  ll_take_separator(&s, &n);
  if (n >= 12) {
    e->description = ll_build_trimmed(b, s, n);
    e->desc_span = ll_build_trim_span(b, ll_doc_block_span(&b->view, head));
  }
  for (size_t i = from; i < to; i++) {
    cmark_node *blk = b->blocks[i];
    if (!e->description && i > from && kinds[i] == K_PROSE && !has_link(blk)) {
      const char *p = ll_build_plain(b, blk);
      e->description = ll_build_trimmed(b, p, strlen(p));
      e->desc_span = ll_build_trim_span(b, ll_doc_block_span(&b->view, blk));
    }
    add_links(b, e, blk);
  }
}

void ll_general_close(struct builder *b) {
  size_t nb = b->nblocks;
  b->nblocks = 0;
  if (nb < MIN_RECORDS || b->m->nentries > b->gen_first)
    return; /* too short, or the named readers read this section */
  /* each block's kind, worked out once (it may walk the block's tree) */
  unsigned char *kinds = ll_xmalloc(nb);
  size_t count[K__COUNT] = {0};
  for (size_t i = 0; i < nb; i++)
    count[kinds[i] = (unsigned char)kind_of(b->blocks[i])]++;
  /* the kind that starts records: the commonest name-bearing one */
  enum kind start = count[K_TITLE] >= count[K_LINKED] ? K_TITLE : K_LINKED;
  size_t first = 0;
  while (first < nb && kinds[first] != start)
    first++; /* what comes before the first record introduces them */
  size_t records = 0, linked = 0;
  int templ = count[start] >= MIN_RECORDS;
  for (size_t i = first; templ && i < nb;) {
    size_t j = i + 1;
    while (j < nb && kinds[j] != start)
      j++;
    if (j - i > MAX_FIELDS)
      templ = 0; /* not a template: long stretches between */
    int any = 0;
    for (size_t k = i; k < j && !any; k++)
      any = has_link(b->blocks[k]);
    records++;
    linked += any ? 1 : 0;
    i = j;
  }
  if (templ && records >= MIN_RECORDS && linked * 100 >= records * LINKED_PCT)
    for (size_t i = first; i < nb;) {
      size_t j = i + 1;
      while (j < nb && kinds[j] != start)
        j++;
      read_record(b, kinds, i, j);
      i = j;
    }
  free(kinds);
}
