/* links.c - pass 1: every link of the document, located in the source,
 * and the comments (suppressions live in them). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

struct ll_link *ll_link_of(cmark_node *n) {
  cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
    return NULL;
  return cmark_node_get_user_data(n);
}

int ll_is_nav_url(const char *url) { return url[0] == '#' || url[0] == '\0'; }

/* ------------------------------------------------------------------ */
/* Pass 1: every link of the document, located in the source           */
/* ------------------------------------------------------------------ */

static void locate_link(struct builder *b, cmark_node *n, struct ll_link *l,
                        size_t *cursor, struct ll_span block) {
  const struct ll_source *src = &b->view;
  const char *text = l->text;
  size_t tlen = strlen(text);
  int sl = cmark_node_get_start_line(n);
  size_t from = *cursor > block.start ? *cursor : block.start;
  if (from > block.end)
    from = block.start;
  int found = 0;
  if (sl > 0 && !(l->flags & LL_LINK_WWW)) {
    size_t off = ll_source_offset(src, sl, cmark_node_get_start_column(n));
    char c = src->data[off];
    if (c == '[' || c == '!' || c == '<') {
      l->span.start = off;
      int el = cmark_node_get_end_line(n), ec = cmark_node_get_end_column(n);
      l->span.end = ll_source_offset(src, el, ec) + 1;
      if (l->span.end <= off || l->span.end > src->len)
        l->span.end = off + 1;
      found = 1;
    }
  }
  if (!found && tlen) {
    /* Autolinks have no (or off-by-one) positions: find their text. */
    const char *p = ll_find_mem(src->data + from, block.end - from, text, tlen);
    if (!p)
      p = ll_find_mem(src->data + block.start, block.end - block.start, text,
                      tlen);
    if (p) {
      l->span.start = (size_t)(p - src->data);
      l->span.end = l->span.start + tlen;
      found = 1;
    }
  }
  if (!found) {
    l->span.start = from;
    l->span.end = from < src->len ? from + 1 : from;
  }
  /* The destination's own bytes, for edits and exact columns. */
  l->url_span = l->span;
  if (!(l->flags & LL_LINK_AUTOLINK)) {
    size_t ulen = strlen(l->url);
    const char *p = ll_rfind_mem(src->data + l->span.start,
                                 l->span.end - l->span.start, l->url, ulen);
    if (p) {
      l->url_span.start = (size_t)(p - src->data);
      l->url_span.end = l->url_span.start + ulen;
    }
  } else if (src->data[l->span.start] == '<') {
    l->url_span.start = l->span.start + 1;
    l->url_span.end =
        l->span.end > l->url_span.start + 1 ? l->span.end - 1 : l->span.end;
  }
  *cursor = l->span.end;
}

/* Every <!-- comment --> of an HTML node, located in the source. */
static void collect_comments(struct builder *b, cmark_node *n,
                             struct ll_span where) {
  const char *lit = cmark_node_get_literal(n);
  struct ll_model *m = b->m;
  size_t from = where.start;
  /* bounded searches: strstr under ASan measures the rest of the string
   * on every call, quadratic over a line of many comments */
  const char *end = lit ? lit + strlen(lit) : NULL;
  for (const char *p = lit ? ll_find_mem(lit, (size_t)(end - lit), "<!--", 4)
                           : NULL;
       p; p = ll_find_mem(p, (size_t)(end - p), "<!--", 4)) {
    const char *e = ll_find_mem(p + 4, (size_t)(end - p - 4), "-->", 3);
    if (!e)
      break;
    m->comments = ll_grow(m->comments, &m->comments_cap, m->ncomments,
                          sizeof *m->comments);
    struct ll_comment *c = &m->comments[m->ncomments++];
    c->text = ll_arena_strndup(&m->arena, p + 4, (size_t)(e - p - 4));
    /* an HTML block's end position is not reliable, and inside a block
     * quote or a list item the source holds the comment with the
     * containers' prefixes on its lines: the comment is the next "<!--"
     * of the source whose first bytes (up to 64, on its first line) are
     * the comment's, to its "-->" (neither can span lines) */
    const char *data = b->src->data, *at = NULL, *close = NULL;
    size_t slen = b->src->len;
    size_t head = (size_t)(e + 3 - p) < 64 ? (size_t)(e + 3 - p) : 64;
    const char *nl = memchr(p, '\n', head);
    if (nl)
      head = (size_t)(nl - p);
    while (from < slen &&
           (at = ll_find_mem(data + from, slen - from, "<!--", 4)) != NULL) {
      if ((size_t)(data + slen - at) >= head && memcmp(at, p, head) == 0)
        break;
      from = (size_t)(at - data) + 1;
      at = NULL;
    }
    if (at)
      close = ll_find_mem(at + 4, slen - (size_t)(at + 4 - data), "-->", 3);
    if (at && close) {
      c->span.start = (size_t)(at - data);
      c->span.end = (size_t)(close + 3 - data);
      from = c->span.end;
    } else {
      c->span.start = c->span.end = where.start;
      from = slen; /* none further: no more searching to the end */
    }
    int col;
    ll_source_linecol(b->src, c->span.start, &c->line, &col);
    ll_source_linecol(b->src, c->span.end ? c->span.end - 1 : 0, &c->end_line,
                      &col);
    p = e + 3;
  }
}

/* ---- links and entries written in HTML (see html.c) ---- */

/* The source bytes of an HTML block: its lines, as many as its text has
 * (its end position is not reliable, see collect_comments). */
struct ll_span ll_html_block_bytes(struct builder *b, cmark_node *n) {
  struct ll_span s = {0, 0};
  const char *lit = cmark_node_get_literal(n);
  int first = b->line0 + cmark_node_get_start_line(n);
  if (!lit || first < 1 || (size_t)first > b->src->nlines)
    return s;
  size_t lines = 0;
  for (const char *p = lit; (p = strchr(p, '\n')); p++)
    lines++;
  if (lit[0] && lit[strlen(lit) - 1] != '\n')
    lines++;
  size_t last = (size_t)first - 1 + lines; /* 0-based line after it */
  s.start = b->src->lines[first - 1];
  s.end = last < b->src->nlines ? b->src->lines[last] : b->src->len;
  return s;
}

/* Every <a href=...>...</a> of an HTML block becomes a link of the
 * model, in document order, as Markdown links do; the block remembers
 * where its links start, for handle_html_block. */
static void collect_html_links(struct builder *b, cmark_node *n) {
  struct ll_model *m = b->m;
  struct ll_span r = ll_html_block_bytes(b, n);
  const char *d = b->src->data, *end = d + r.end;
  size_t first = m->nlinks;
  for (const char *p = d + r.start; p < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p)
      break;
    struct ll_html_a a;
    size_t len = ll_html_anchor(p, end, &a);
    if (!len)
      continue;
    struct ll_link *l = ll_arena_alloc(&m->arena, sizeof *l);
    memset(l, 0, sizeof *l);
    struct ll_buf *t = &b->text;
    t->len = 0;
    ll_buf_add(t, "", 0);
    ll_html_decode(t, a.href, a.href_len);
    size_t ul = t->len;
    const char *u = t->data;
    ll_trim(&u, &ul);
    l->url = ll_arena_strndup(&m->arena, u, ul);
    t->len = 0;
    ll_buf_add(t, "", 0);
    ll_html_text(t, a.text, a.text_len);
    l->text = ll_arena_strndup(&m->arena, t->data, t->len);
    l->flags |= LL_LINK_HTML;
    if (ll_html_has_img(a.text, a.text_len))
      l->flags |= LL_LINK_IMAGE; /* a badge, a logo, a sponsor's banner */
    if (ll_is_nav_url(l->url))
      l->flags |= LL_LINK_NAV;
    ll_url_parse_in(&m->arena, l->url, &l->parsed);
    l->span.start = (size_t)(p - d);
    l->span.end = l->span.start + len;
    l->url_span.start = (size_t)(a.href - d);
    l->url_span.end = l->url_span.start + a.href_len;
    m->links = ll_grow(m->links, &m->links_cap, m->nlinks, sizeof *m->links);
    m->links[m->nlinks++] = l;
    p += len - 1;
  }
  if (m->nlinks > first)
    cmark_node_set_user_data(n, (void *)(uintptr_t)(first + 1));
}

/* "Access: htp://example.org/x" on a line of its own: a labelled link
 * line whatever its URL looks like, though cmark-gfm made no link of it
 * (a misspelt scheme).  It becomes a link of the model, so that the URL
 * is checked and the line gives its entry a link; the text node holds
 * it as its user data (block.c). */
static void text_url(struct builder *b, cmark_node *n, size_t *cursor,
                     struct ll_span block) {
  cmark_node *prev = cmark_node_previous(n), *next = cmark_node_next(n);
  if ((prev && cmark_node_get_type(prev) != CMARK_NODE_SOFTBREAK &&
       cmark_node_get_type(prev) != CMARK_NODE_LINEBREAK) ||
      (next && cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK &&
       cmark_node_get_type(next) != CMARK_NODE_LINEBREAK))
    return;
  size_t len;
  const char *s = ll_doc_literal(n, &len);
  const char *colon = s ? memchr(s, ':', len < 48 ? len : 48) : NULL;
  if (!colon || colon + 1 >= s + len || colon[1] != ' ')
    return;
  const char *lab = s;
  size_t ln = (size_t)(colon + 1 - s);
  ll_trim(&lab, &ln);
  size_t lablen = ll_label_colon(lab, ln);
  const char *u = colon + 1;
  size_t un = len - (size_t)(u - s);
  ll_trim(&u, &un);
  if (!lablen || !un || memchr(u, ' ', un))
    return;
  const char *sep = ll_find_mem(u, un, "://", 3);
  if (!(sep && sep > u && ll_isalpha((unsigned char)u[0])) &&
      !(un > 4 && memcmp(u, "www.", 4) == 0))
    return;
  struct ll_model *m = b->m;
  const char *d = b->src->data;
  size_t from = *cursor > block.start ? *cursor : block.start;
  /* the URL is on this line, near the cursor: look no further than a
   * line's worth (a block of many such lines stays linear) */
  size_t lim = from < block.end ? block.end - from : 0;
  if (lim > 4096 + un)
    lim = 4096 + un;
  const char *at = lim ? ll_find_mem(d + from, lim, u, un) : NULL;
  if (!at)
    return;
  struct ll_link *l = ll_arena_alloc(&m->arena, sizeof *l);
  memset(l, 0, sizeof *l);
  l->url = ll_arena_strndup(&m->arena, u, un);
  l->text = l->url;
  l->label = ll_arena_strndup(&m->arena, lab, lablen);
  l->flags = LL_LINK_AUTOLINK;
  l->span.start = (size_t)(at - d);
  l->span.end = l->span.start + un;
  l->url_span = l->span;
  ll_url_parse_in(&m->arena, l->url, &l->parsed);
  *cursor = l->span.end;
  cmark_node_set_user_data(n, l);
  m->links = ll_grow(m->links, &m->links_cap, m->nlinks, sizeof *m->links);
  m->links[m->nlinks++] = l;
}

void ll_links_collect(struct builder *b, cmark_node *doc) {
  struct ll_model *m = b->m;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  size_t cursor = 0;
  struct ll_span block = {0, b->src->len};
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
        ll_doc_kind(n) == LL_NODE_TABLE_CELL) {
      block = ll_doc_block_span(&b->view, n);
      if (cursor < block.start)
        cursor = block.start;
      continue;
    }
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
      collect_comments(
          b, n,
          t == CMARK_NODE_HTML_BLOCK ? ll_doc_block_span(&b->view, n) : block);
      if (t == CMARK_NODE_HTML_BLOCK)
        collect_html_links(b, n);
      continue;
    }
    if (t == CMARK_NODE_TEXT) {
      text_url(b, n, &cursor, block);
      continue;
    }
    if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
      continue;
    struct ll_link *l = ll_arena_alloc(&m->arena, sizeof *l);
    memset(l, 0, sizeof *l);
    const char *url = cmark_node_get_url(n);
    l->url = ll_arena_strdup(&m->arena, url ? url : "");
    l->text = ll_arena_strdup(&m->arena, ll_build_plain(b, n));
    if (t == CMARK_NODE_IMAGE) {
      l->flags |= LL_LINK_IMAGE;
    } else {
      cmark_node *c = cmark_node_first_child(n);
      if (c && cmark_node_get_type(c) == CMARK_NODE_IMAGE &&
          !cmark_node_next(c))
        l->flags |= LL_LINK_IMAGE; /* a badge: [![x](img)](url) */
      if (c && !l->text[0] && cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE)
        l->flags |= LL_LINK_IMAGE; /* [<img src=...>](url) */
      /* An autolink's text is its URL, less any scheme it was given. */
      if (strcmp(l->text, l->url) == 0 || (strncmp(l->url, "mailto:", 7) == 0 &&
                                           strcmp(l->text, l->url + 7) == 0))
        l->flags |= LL_LINK_AUTOLINK;
      else if (strncmp(l->url, "http://", 7) == 0 &&
               strcmp(l->text, l->url + 7) == 0 &&
               ll_tolower((unsigned char)l->text[0]) == 'w')
        l->flags |= LL_LINK_AUTOLINK | LL_LINK_WWW;
    }
    if (ll_is_nav_url(l->url))
      l->flags |= LL_LINK_NAV;
    ll_url_parse_in(&m->arena, l->url, &l->parsed);
    locate_link(b, n, l, &cursor, block);
    /* An inline link that merely shows its URL is not an autolink. */
    if ((l->flags & LL_LINK_AUTOLINK) && !(l->flags & LL_LINK_WWW) &&
        b->src->data[l->span.start] == '[')
      l->flags &= ~(unsigned)LL_LINK_AUTOLINK;
    cmark_node_set_user_data(n, l);
    m->links = ll_grow(m->links, &m->links_cap, m->nlinks, sizeof *m->links);
    m->links[m->nlinks++] = l;
    if (t == CMARK_NODE_IMAGE)
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(it);
}
