/* block.c - the block reader: a bold title, a description paragraph,
 * an access note and labelled link lines ("Access: URL"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

void ll_block_finish(struct builder *b) {
  struct ll_entry *e = b->cur;
  if (!e)
    return;
  if (b->desc.len) {
    const char *s = b->desc.data;
    size_t n = b->desc.len;
    ll_trim(&s, &n);
    if (n)
      e->description = ll_arena_strndup(&b->m->arena, s, n);
  }
  b->desc.len = 0;
  b->cur = NULL;
}

void ll_block_close_group(struct builder *b) {
  ll_block_finish(b);
  b->ngroup = 0;
  b->orphan = NULL;
}

void ll_block_title(struct builder *b, cmark_node *strong,
                    struct ll_span span) {
  ll_block_finish(b);
  struct ll_span ss = ll_doc_block_span(&b->view, strong);
  if (cmark_node_get_start_line(strong) <= 0)
    ss = span;
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_BLOCK, ss);
  const char *t = ll_build_plain(b, strong);
  e->name = ll_build_trimmed(b, t, strlen(t));
  if (!e->name[0])
    e->name = NULL;
  e->name_span = ss;
  b->group = ll_grow(b->group, &b->group_cap, b->ngroup, sizeof *b->group);
  b->group[b->ngroup++] = e;
  b->cur = e;
  if (b->orphan)
    ll_build_link(b, e, b->orphan, b->orphan->label);
}

void ll_block_adopt(struct builder *b, struct ll_entry *e) {
  ll_block_finish(b);
  b->group = ll_grow(b->group, &b->group_cap, b->ngroup, sizeof *b->group);
  b->group[b->ngroup++] = e;
}

/* A labelled link line: give it to the entries waiting for a link. */
static void block_label(struct builder *b, struct ll_link *l,
                        const char *label) {
  size_t waiting = 0;
  for (size_t i = b->ngroup; i-- > 0;) {
    if (b->group[i]->nlinks)
      break;
    waiting++;
  }
  ll_block_finish(b); /* a description ends where its links begin */
  if (waiting) {
    for (size_t i = b->ngroup - waiting; i < b->ngroup; i++)
      ll_build_link(b, b->group[i], l, label);
  } else if (b->ngroup) {
    ll_build_link(b, b->group[b->ngroup - 1], l, label);
  } else {
    b->orphan = l;
    if (!l->label)
      l->label = ll_arena_strdup(&b->m->arena, label);
  }
}

/* "Access: " before a link: return the label (in b->tmp) or NULL. */
const char *ll_label_of(struct builder *b, cmark_node *text, cmark_node *link) {
  if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
    return NULL;
  if (!ll_is_entry_link(ll_link_of(link)))
    return NULL;
  const char *s = cmark_node_get_literal(text);
  size_t n = strlen(s);
  ll_trim(&s, &n);
  size_t len = ll_label_colon(s, n);
  if (!len)
    return NULL;
  b->tmp.len = 0;
  ll_buf_add(&b->tmp, s, len);
  return b->tmp.data;
}

/* A labelled line whose URL is not a link ("Access: htp://x", see
 * links.c): its link, or NULL. */
static struct ll_link *text_url(cmark_node *n) {
  return n && cmark_node_get_type(n) == CMARK_NODE_TEXT
             ? cmark_node_get_user_data(n)
             : NULL;
}

/* Is n followed, up to stop, by nothing but punctuation and spaces? */
static int ends_line(cmark_node *n, cmark_node *stop) {
  for (cmark_node *c = cmark_node_next(n); c && c != stop;
       c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) != CMARK_NODE_TEXT)
      return 0;
    for (const char *p = cmark_node_get_literal(c); p && *p; p++)
      if (ll_isalnum((unsigned char)*p))
        return 0;
  }
  return 1;
}

/* A description line of a block entry; a bold note at its end is the
 * access condition, not description. */
static void block_text(struct builder *b, cmark_node *first, cmark_node *stop,
                       struct ll_span ls) {
  struct ll_entry *e = b->cur;
  if (!e || e->nlinks)
    return;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) == CMARK_NODE_STRONG &&
        (ll_is_access_text(ll_build_plain(b, n)) ||
         (n != ll_first_significant(first) && ends_line(n, stop)))) {
      const char *t = ll_build_plain(b, n);
      e->access = ll_build_trimmed(b, t, strlen(t));
      e->access_span = ll_doc_block_span(&b->view, n);
      if (cmark_node_get_start_line(n) <= 0)
        e->access_span = ls;
      continue;
    }
    ll_doc_plain(&b->desc, n);
  }
  ll_buf_addc(&b->desc, ' ');
  if (e->desc_span.end == 0)
    e->desc_span = ls;
  else
    e->desc_span.end = ls.end;
  if (ls.end > e->span.end)
    e->span.end = ls.end;
  int col;
  ll_source_linecol(b->src, e->span.end ? e->span.end - 1 : 0, &e->end_line,
                    &col);
}

static void handle_paragraph(struct builder *b, cmark_node *para) {
  struct ll_span ps = ll_doc_block_span(&b->view, para);
  int first_line = cmark_node_get_start_line(para);
  cmark_node *n = cmark_node_first_child(para);
  int k = 0;
  int nlines = cmark_node_get_end_line(para) - first_line + 1;
  while (n) {
    cmark_node *stop = ll_line_end(n);
    struct ll_span ls = ll_para_line_span(b, ps, first_line, k);
    cmark_node *first = ll_first_significant(n);
    if (first == stop)
      first = NULL;
    cmark_node *strong = NULL;
    cmark_node *inner = first;
    if (first && ll_is_lone_strong(first, stop, &strong))
      inner = ll_first_significant(cmark_node_first_child(strong));
    const char *label =
        inner ? ll_label_of(b, inner, cmark_node_next(inner)) : NULL;
    if (b->block_mode && label) {
      char *lab = ll_arena_strdup(&b->m->arena, label);
      block_label(b, ll_link_of(cmark_node_next(inner)), lab);
    } else if (b->block_mode && text_url(inner)) {
      block_label(b, text_url(inner), text_url(inner)->label);
    } else if (b->block_mode && strong) {
      const char *t = ll_build_plain(b, strong);
      if (b->cur && !b->cur->access && ll_is_access_text(t)) {
        b->cur->access = ll_build_trimmed(b, t, strlen(t));
        b->cur->access_span = ls;
      } else {
        cmark_node *next = cmark_node_next(para);
        int heading_like =
            nlines == 1 && next && cmark_node_get_type(next) == CMARK_NODE_LIST;
        if (heading_like)
          ll_block_finish(b);
        else
          ll_block_title(b, strong, ls);
      }
    } else if (b->block_mode && b->cur) {
      block_text(b, n, stop, ls);
    }
    n = stop ? cmark_node_next(stop) : NULL;
    k++;
  }
}

/* Block mode: the document writes labelled link lines ("Access: URL")
 * under bold titles.  Count them among top-level paragraphs, up to max. */
int ll_block_count_labels(struct builder *b, cmark_node *doc, int max) {
  int labels = 0;
  for (cmark_node *p = cmark_node_first_child(doc); p && labels < max;
       p = cmark_node_next(p)) {
    if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
      continue;
    for (cmark_node *n = cmark_node_first_child(p); n; n = cmark_node_next(n)) {
      cmark_node *next = cmark_node_next(n);
      if ((next && ll_label_of(b, n, next)) || text_url(n))
        labels++;
    }
  }
  return labels;
}

/* A paragraph at the top level (or in a block quote), in block mode. */
static int claim(struct builder *b, cmark_node *n) {
  if (!b->block_mode || !ll_is_top_paragraph(n))
    return 0;
  handle_paragraph(b, n);
  return 1;
}

const struct ll_reader ll_reader_block = {"block", claim};
