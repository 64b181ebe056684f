/* internal.h - what the library's modules share but users need not see.
 * Only this header includes cmark-gfm's headers. */
#ifndef LL_INTERNAL_H
#define LL_INTERNAL_H

#include <cmark-gfm.h>

#include "listlint.h"

/* doc.c: parse with the table and autolink extensions and source
 * positions.  The tree lives in memory of its own (see doc.c): *mem is
 * made on the first parse (pass NULL) and may serve further parses, each
 * after ll_doc_reset, which releases the tree at once (no cmark_node_free)
 * and keeps the memory; ll_doc_free releases it.  A tree may be used only
 * until the next reset, on the thread that parsed it.  Return NULL on
 * failure. */
struct ll_docmem;
cmark_node *ll_doc_parse(const char *data, size_t len, struct ll_docmem **mem);
/* The same, with tail (tail_len bytes) fed after data and a blank line:
 * link reference definitions of the whole file, for a piece of it. */
cmark_node *ll_doc_parse_tail(const char *data, size_t len, const char *tail,
                              size_t tail_len, struct ll_docmem **mem);
void ll_doc_reset(struct ll_docmem *mem);
void ll_doc_free(struct ll_docmem *mem);

/* entries/model.c: a list longer than this is read a piece at a time, split
 * before headings (see entries/model.c); the tests change it. */
extern size_t ll_piece_min;

enum ll_node_kind {
  LL_NODE_OTHER,
  LL_NODE_TABLE,
  LL_NODE_TABLE_ROW,
  LL_NODE_TABLE_CELL
};
/* Classify extension nodes, whose type numbers are assigned at run time. */
enum ll_node_kind ll_doc_kind(cmark_node *n);

/* The byte span of a block node from its (reliable) source positions. */
struct ll_span ll_doc_block_span(const struct ll_source *src, cmark_node *n);

/* The bytes of a text or code node (not NUL-terminated), without the
 * copy cmark_node_get_literal makes; "" and 0 for another node. */
const char *ll_doc_literal(cmark_node *n, size_t *len);

/* Append the plain text of n and its descendants to b (soft and hard
 * breaks as a space, images as nothing).  Iterative: deep nesting is safe. */
void ll_doc_plain(struct ll_buf *b, cmark_node *n);

/* html.c: entries written in HTML inside an HTML block. */
struct ll_html_a {
  const char *href, *text; /* the attribute's value and the link's
                              contents, as written */
  size_t href_len, text_len;
};
/* Does a link's opening tag <a ...> start at p? */
int ll_html_is_anchor(const char *p, const char *end);
/* Past spaces, &nbsp;, emoji shortcodes and opening tags other than <a>
 * from p. */
const char *ll_html_skip_lead(const char *p, const char *end);
/* The length of the link <a ... href=...>...</a> at p (its parts in *a),
 * or 0 when there is none. */
size_t ll_html_anchor(const char *p, const char *end, struct ll_html_a *a);
/* Does HTML text hold an image (<img>, <picture>, <svg>)? */
int ll_html_has_img(const char *p, size_t n);
/* Append the text of HTML to b: tags dropped (and footnote marks,
 * <sup>...</sup>), character references decoded, white space (&nbsp;
 * too) collapsed and trimmed. */
void ll_html_text(struct ll_buf *b, const char *p, size_t n);
/* Append p with its character references decoded (an href's value). */
void ll_html_decode(struct ll_buf *b, const char *p, size_t n);

/* engine.c */
extern const struct ll_rule_ops *const ll_rule_ops[LL_R__COUNT];

#endif
