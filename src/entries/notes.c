/* notes.c - the notes reader: "Name  https://bare.url  (about it)". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* A bare URL on a short line of its own: "Name  https://x  (about it)". */
void ll_notes_line(struct builder *b, cmark_node *first, cmark_node *stop,
                   struct ll_span ls) {
  cmark_node *url = NULL;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    struct ll_link *l = ll_link_of(n);
    if (!l)
      continue;
    if (!(l->flags & LL_LINK_AUTOLINK) || !ll_is_entry_link(l))
      return;
    url = n;
    break;
  }
  if (!url)
    return;
  struct ll_buf pre;
  ll_buf_init(&pre, 0);
  ll_buf_add(&pre, "", 0);
  ll_plain_range(&pre, first, url);
  const char *s = pre.data;
  size_t n = pre.len;
  ll_trim(&s, &n);
  if (!ll_is_name_text(s, n, 0)) {
    ll_buf_free(&pre);
    return;
  }
  /* After the URL: nothing, or a parenthesised description.  Anything
   * else is a sentence that mentions a URL. */
  struct ll_buf post;
  ll_buf_init(&post, 0);
  ll_buf_add(&post, "", 0);
  ll_plain_range(&post, cmark_node_next(url), stop);
  const char *ps = post.data;
  size_t pn = post.len;
  ll_trim(&ps, &pn);
  int prose = pn && ps[0] != '(';
  ll_buf_free(&post);
  if (prose) {
    ll_buf_free(&pre);
    return;
  }
  struct ll_link *l = ll_link_of(url);
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_NOTES, ls);
  ll_build_link(b, e, l, NULL);
  const char *name = s;
  size_t nlen = n;
  /* "Name:" / "Name -": the separator is not part of the name */
  size_t sl = ll_separator_at_end(name, nlen, 0);
  if (sl) {
    nlen -= sl;
    ll_trim(&name, &nlen);
  }
  if (nlen) {
    e->name = ll_arena_strndup(&b->m->arena, name, nlen);
    ll_build_name_span(b, e, ls);
  }
  pre.len = 0;
  ll_plain_range(&pre, cmark_node_next(url), stop);
  s = pre.data;
  n = pre.len;
  ll_strip_parens(&s, &n);
  if (n) {
    e->description = ll_arena_strndup(&b->m->arena, s, n);
    struct ll_span ds = {l->span.end, ls.end};
    e->desc_span = ll_build_trim_span(b, ds);
  }
  ll_buf_free(&pre);
}

/* Is the line from n text without links: a description of the bare URL
 * on the line before? */
static int next_line_describes(struct builder *b, cmark_node *n) {
  cmark_node *stop = ll_line_end(n);
  for (cmark_node *c = n; c != stop; c = cmark_node_next(c))
    if (ll_link_of(c))
      return 0;
  /* a sentence, not another name: it ends as one, or has five words */
  size_t len;
  const char *s = ll_build_range(b, n, stop, &len);
  if (!len)
    return 0;
  char last = s[len - 1];
  if (last == '.' || last == '!' || last == '?' ||
      (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x82", 3) == 0))
    return 1;
  int words = 1;
  for (size_t i = 1; i < len; i++)
    words += s[i] == ' ' && s[i - 1] != ' ';
  return words >= 5;
}

/* Outside block mode, each line of a top-level paragraph may be a note. */
static int claim(struct builder *b, cmark_node *para) {
  if (b->block_mode || !ll_is_top_paragraph(para))
    return 0;
  struct ll_span ps = ll_doc_block_span(&b->view, para);
  int first_line = cmark_node_get_start_line(para);
  int k = 0;
  size_t before = b->m->nentries;
  for (cmark_node *n = cmark_node_first_child(para); n; k++) {
    cmark_node *stop = ll_line_end(n);
    cmark_node *first = ll_first_significant(n);
    size_t had = b->m->nentries;
    if (first && first != stop)
      ll_notes_line(b, first, stop, ll_para_line_span(b, ps, first_line, k));
    n = stop ? cmark_node_next(stop) : NULL;
    struct ll_entry *e =
        b->m->nentries > had ? b->m->entries[b->m->nentries - 1] : NULL;
    if (e && !e->name && !e->description && n && next_line_describes(b, n)) {
      /* "https://x" then "What it is." on the next line */
      cmark_node *stop2 = ll_line_end(n);
      size_t tn;
      const char *t = ll_build_range(b, n, stop2, &tn);
      k++;
      struct ll_span ls = ll_para_line_span(b, ps, first_line, k);
      e->description = ll_build_trimmed(b, t, tn);
      e->desc_span = ls;
      ll_build_extend(b, e, ls.end);
      n = stop2 ? cmark_node_next(stop2) : NULL;
    }
  }
  if (b->m->nentries == before && !b->prose) {
    /* prose: it may describe the section (see heading.c); a line of
     * badges has no text and is no prose */
    const char *t = ll_build_plain(b, para);
    const char *p = ll_build_trimmed(b, t, strlen(t));
    if (*p) {
      b->prose = p;
      b->prose_span = ll_build_trim_span(b, ps);
    }
  }
  if (b->m->nentries == before && !b->prose_link)
    for (cmark_node *n = cmark_node_first_child(para); n && !b->prose_link;
         n = cmark_node_next(n))
      if (ll_is_entry_link(ll_link_of(n)))
        b->prose_link = ll_link_of(n);
  return 1;
}

const struct ll_reader ll_reader_notes = {"notes", claim};
