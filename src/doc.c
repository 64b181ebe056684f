/* doc.c - the cmark-gfm wrapper: extensions, parse, node kinds, spans. */
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "internal.h"

cmark_node *ll_doc_parse(const char *data, size_t len) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS);
  if (!p)
    return NULL;
  static const char *const exts[] = {"table", "autolink"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e)
      cmark_parser_attach_syntax_extension(p, e);
  }
  cmark_parser_feed(p, data, len);
  cmark_node *doc = cmark_parser_finish(p);
  cmark_parser_free(p);
  return doc;
}

enum ll_node_kind ll_doc_kind(cmark_node *n) {
  /* Extension types are registered at run time, so they are told apart
   * from the core ones by name. */
  switch (cmark_node_get_type(n)) {
  case CMARK_NODE_DOCUMENT:
  case CMARK_NODE_BLOCK_QUOTE:
  case CMARK_NODE_LIST:
  case CMARK_NODE_ITEM:
  case CMARK_NODE_CODE_BLOCK:
  case CMARK_NODE_HTML_BLOCK:
  case CMARK_NODE_CUSTOM_BLOCK:
  case CMARK_NODE_PARAGRAPH:
  case CMARK_NODE_HEADING:
  case CMARK_NODE_THEMATIC_BREAK:
  case CMARK_NODE_FOOTNOTE_DEFINITION:
  case CMARK_NODE_TEXT:
  case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK:
  case CMARK_NODE_CODE:
  case CMARK_NODE_HTML_INLINE:
  case CMARK_NODE_CUSTOM_INLINE:
  case CMARK_NODE_EMPH:
  case CMARK_NODE_STRONG:
  case CMARK_NODE_LINK:
  case CMARK_NODE_IMAGE:
  case CMARK_NODE_FOOTNOTE_REFERENCE:
    return LL_NODE_OTHER;
  default:
    break;
  }
  const char *s = cmark_node_get_type_string(n);
  if (strcmp(s, "table") == 0)
    return LL_NODE_TABLE;
  if (strcmp(s, "table_row") == 0 || strcmp(s, "table_header") == 0)
    return LL_NODE_TABLE_ROW;
  if (strcmp(s, "table_cell") == 0)
    return LL_NODE_TABLE_CELL;
  return LL_NODE_OTHER;
}

struct ll_span ll_doc_block_span(const struct ll_source *src, cmark_node *n) {
  struct ll_span s;
  s.start = ll_source_offset(src, cmark_node_get_start_line(n),
                             cmark_node_get_start_column(n));
  int el = cmark_node_get_end_line(n), ec = cmark_node_get_end_column(n);
  s.end = el > 0 ? ll_source_offset(src, el, ec) + (ec > 0 ? 1 : 0) : s.start;
  if (s.end > src->len)
    s.end = src->len;
  if (s.end < s.start)
    s.end = s.start;
  return s;
}

/* A leaf's text, or -1 for a node with children (or an image). */
static int leaf_plain(struct ll_buf *b, cmark_node *c) {
  switch (cmark_node_get_type(c)) {
  case CMARK_NODE_TEXT:
  case CMARK_NODE_CODE: {
    const char *lit = cmark_node_get_literal(c);
    if (lit)
      ll_buf_adds(b, lit);
    return 0;
  }
  case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK:
    ll_buf_addc(b, ' ');
    return 0;
  case CMARK_NODE_HTML_INLINE:
    return 0;
  default:
    return cmark_node_first_child(c) ? -1 : 0;
  }
}

void ll_doc_plain(struct ll_buf *b, cmark_node *n) {
  /* Most nodes are a leaf or hold only leaves: no iterator for those. */
  if (cmark_node_get_type(n) == CMARK_NODE_IMAGE)
    return;
  if (leaf_plain(b, n) == 0)
    return;
  size_t mark = b->len;
  cmark_node *c = cmark_node_first_child(n);
  for (; c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_IMAGE || leaf_plain(b, c) < 0)
      break;
  if (!c)
    return;
  b->len = mark; /* a deeper tree: start again with the iterator */
  if (b->data)
    b->data[mark] = '\0';
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *x = cmark_iter_get_node(it);
    if (cmark_node_get_type(x) == CMARK_NODE_IMAGE)
      /* Skip the alt text: a badge says nothing about the entry. */
      cmark_iter_reset(it, x, CMARK_EVENT_EXIT);
    else
      leaf_plain(b, x);
  }
  cmark_iter_free(it);
}
