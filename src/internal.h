/* internal.h - what the library's modules share but users need not see.
 * Only this header includes cmark-gfm's headers. */
#ifndef LL_INTERNAL_H
#define LL_INTERNAL_H

#include <cmark-gfm.h>

#include "listlint.h"

/* doc.c: parse with the table and autolink extensions and source
 * positions.  The tree lives in a region of its own (see doc.c), which
 * ll_doc_free releases at once; the tree may be used (iterated) only
 * between ll_doc_parse and ll_doc_free on the same thread.  Return NULL
 * on failure. */
struct ll_docmem;
cmark_node *ll_doc_parse(const char *data, size_t len, struct ll_docmem **mem);
void ll_doc_free(cmark_node *doc, struct ll_docmem *mem);

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

/* Append the plain text of n and its descendants to b (soft and hard
 * breaks as a space, images as nothing).  Iterative: deep nesting is safe. */
void ll_doc_plain(struct ll_buf *b, cmark_node *n);

/* engine.c */
extern const struct ll_rule_ops *const ll_rule_ops[LL_R__COUNT];

#endif
