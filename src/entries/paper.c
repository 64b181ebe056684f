/* paper.c - the paper reader: a title, then links whose texts are labels
 * ("**Title**: about it, venue. [[Paper](u)] [[Code](u)]"), in a list
 * item or a paragraph; a prose paragraph right after such a paragraph is
 * its description. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

static int has_letter(const char *s) {
  for (; *s; s++)
    if (ll_isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
      return 1;
  return 0;
}

struct ll_entry *ll_paper_read(struct builder *b, cmark_node *kids,
                               cmark_node *stop, cmark_node *fl,
                               struct ll_span ps) {
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_PAPER, ps);
  cmark_node *first = ll_first_significant(kids);
  cmark_node *rest = kids;
  cmark_node_type ft = first ? cmark_node_get_type(first) : CMARK_NODE_NONE;
  struct ll_buf *d = &b->text;
  d->len = 0;
  ll_buf_add(d, "", 0);
  if (first != fl && (ft == CMARK_NODE_STRONG || ft == CMARK_NODE_EMPH)) {
    const char *t = ll_build_plain(b, first);
    rest = cmark_node_next(first);
    size_t tn = strlen(t);
    while (tn && t[tn - 1] == ' ')
      tn--;
    if (tn > 1 && t[tn - 1] == '.') /* "**Title.** AAAI, 2019." */
      tn--;
    if (has_letter(t)) /* "**2015-05** | Title | ...": a date names nothing */
      e->name = ll_build_trimmed(b, t, tn);
  }
  ll_plain_range(d, rest, fl);
  const char *s = d->data;
  size_t n = d->len;
  ll_trim(&s, &n);
  /* the brackets around the first label ("[[Paper](u)]") are not text */
  while (n && (s[n - 1] == '[' || s[n - 1] == '(')) {
    n--;
    ll_trim(&s, &n);
  }
  if (!e->name && n) {
    /* no short name: the title names the entry, and describes it too */
    ll_take_separator(&s, &n);
    const char *bar = ll_find_mem(s, n, " | ", 3);
    size_t k = bar ? (size_t)(bar - s) : n - ll_separator_at_end(s, n, 1);
    while (k && (s[k - 1] == ',' || s[k - 1] == ';' || s[k - 1] == ' '))
      k--; /* '"Title", venue, [[Paper](u)]' */
    e->name = ll_build_trimmed(b, s, k);
    e->flags |= LL_ENTRY_TITLED;
    n = 0;
  } else {
    e->separator = ll_take_separator(&s, &n);
    /* "**Title**. *Authors*. Venue": the title's full stop ends it */
    if (!e->separator[0] && n >= 2 && s[0] == '.' && s[1] == ' ') {
      e->separator = ".";
      s++, n--;
      ll_trim(&s, &n);
    }
  }
  if (n)
    e->description = ll_build_trimmed(b, s, n);
  if (e->name && !e->name[0])
    e->name = NULL;
  const char *src = b->src->data;
  if (e->name)
    ll_build_name_span(b, e, ps);
  if (e->description) {
    size_t dl = strlen(e->description);
    const char *p = ll_find_mem(src + ps.start, ps.end - ps.start,
                                e->description, dl < 16 ? dl : 16);
    struct ll_link *l = ll_link_of(fl);
    if (p) {
      e->desc_span.start = (size_t)(p - src);
      e->desc_span.end =
          l && l->span.start > e->desc_span.start ? l->span.start : ps.end;
      e->desc_span = ll_build_trim_span(b, e->desc_span);
    }
  }
  ll_build_fields(b, e, fl, stop, NULL);
  return e;
}

int ll_paper_head(cmark_node *kids, cmark_node *fl) {
  cmark_node *first = ll_first_significant(kids);
  if (!first || first == fl)
    return 1;
  cmark_node_type t = cmark_node_get_type(first);
  if (t != CMARK_NODE_STRONG && t != CMARK_NODE_EMPH)
    return 1; /* the text is the title: "Maxout Networks [[arXiv]](u)" */
  /* "**ATOMIC: An Atlas of Commonsense.** AAAI, 2019. [paper](u)": a
   * title closed by its own full stop, whatever follows it */
  size_t fn;
  const char *ft = ll_doc_literal(cmark_node_last_child(first), &fn);
  while (ft && fn && ft[fn - 1] == ' ')
    fn--;
  if (ft && fn > 1 && strchr(".?!", ft[fn - 1]))
    return 1;
  cmark_node *n = cmark_node_next(first);
  size_t len;
  const char *s = n && n != fl ? ll_doc_literal(n, &len) : NULL;
  if (!s)
    return 1;
  size_t i = 0;
  while (i < len && s[i] == ' ')
    i++;
  /* "**Title**: about", "**Title** (venue)", not "**zpm** plugins are" */
  return i == len ||
         !(ll_isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80);
}

int ll_paper_tail(cmark_node *fl, cmark_node *stop) {
  int depth = 0; /* parentheses open in the text so far */
  for (cmark_node *n = cmark_node_next(fl); n && n != stop;
       n = cmark_node_next(n)) {
    if (ll_link_of(n))
      continue;
    cmark_node_type t = cmark_node_get_type(n);
    /* "[[pdf](u)] (**ELMo**)": the model's short name, in parentheses */
    if (depth > 0 && (t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH ||
                      t == CMARK_NODE_CODE))
      continue;
    size_t len;
    const char *s = ll_doc_literal(n, &len);
    for (size_t i = 0; i < len; i++) {
      unsigned char c = (unsigned char)s[i];
      if (ll_isalnum(c) || c >= 0x80)
        return 0;
      depth += c == '(' ? 1 : c == ')' && depth ? -1 : 0;
    }
    if (t != CMARK_NODE_TEXT && t != CMARK_NODE_SOFTBREAK &&
        t != CMARK_NODE_LINEBREAK && t != CMARK_NODE_HTML_INLINE)
      return 0;
  }
  return 1;
}

/* The first link of nodes first..stop whose text is a field label, after
 * some title text; NULL when there is none. */
static cmark_node *field_link(struct builder *b, cmark_node *first,
                              cmark_node *stop) {
  for (cmark_node *n = cmark_node_next(first); n && n != stop;
       n = cmark_node_next(n)) {
    struct ll_link *l = ll_link_of(n);
    if (!ll_is_entry_link(l))
      continue;
    if ((l->flags & LL_LINK_AUTOLINK) || !ll_is_field_link(b, l) ||
        !ll_paper_tail(n, stop) || !ll_paper_head(first, n))
      return NULL;
    return n;
  }
  return NULL;
}

/* A top-level paragraph whose first line is a bold title with labelled
 * links; the rest of it, or the next paragraph, is its description. */
static int claim(struct builder *b, cmark_node *para) {
  if (!ll_is_top_paragraph(para)) {
    if (cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH)
      b->paper = NULL;
    return 0;
  }
  cmark_node *kids = cmark_node_first_child(para);
  cmark_node *first = ll_first_significant(kids);
  cmark_node *stop = ll_line_end(kids);
  cmark_node *fl = NULL;
  if (first && first != stop &&
      (cmark_node_get_type(first) == CMARK_NODE_STRONG ||
       cmark_node_get_type(first) == CMARK_NODE_EMPH))
    fl = field_link(b, first, stop);
  struct ll_span ps = ll_doc_block_span(&b->view, para);
  if (!fl) {
    struct ll_entry *e = b->paper;
    b->paper = NULL;
    if (!e || e->description)
      return 0;
    for (cmark_node *n = kids; n; n = cmark_node_next(n))
      if (ll_is_entry_link(ll_link_of(n)))
        return 0; /* links of its own: not the paper's description */
    const char *t = ll_build_plain(b, para);
    e->description = ll_build_trimmed(b, t, strlen(t));
    e->desc_span = ll_build_trim_span(b, ps);
    ll_build_extend(b, e, ps.end);
    return 1;
  }
  struct ll_span ls =
      ll_para_line_span(b, ps, cmark_node_get_start_line(para), 0);
  struct ll_entry *e = ll_paper_read(b, kids, stop, fl, ls);
  if (stop && !e->description) {
    /* the lines after the title line describe it */
    size_t n;
    const char *s = ll_build_range(b, cmark_node_next(stop), NULL, &n);
    if (n) {
      e->description = ll_build_trimmed(b, s, n);
      struct ll_span ds = {ls.end, ps.end};
      e->desc_span = ll_build_trim_span(b, ds);
      ll_build_extend(b, e, ps.end);
    }
  }
  b->paper = e->description ? NULL : e;
  return 1;
}

const struct ll_reader ll_reader_paper = {"paper", claim};
