/* doc.c - the cmark-gfm wrapper: extensions, parse, node kinds, spans. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmark-gfm-core-extensions.h>

#include "internal.h"

/* ---- the tree's memory ----------------------------------------------
 * A parse allocates tens of thousands of small nodes and buffers, about
 * twenty times the input, and frees them one by one at the end.  Here
 * they come from large regions instead, bump-allocated and released whole:
 * no per-node free, in-place growth for the last buffer, and regions
 * advised for transparent huge pages, which saves thousands of page
 * faults per megabyte (expensive on virtual machines).  cmark_mem has no
 * context pointer, so the region in use is found through a thread-local:
 * one parse at a time per thread, set by ll_doc_parse, cleared by
 * ll_doc_free. */

#define HDR 16 /* size header, keeps 16-byte alignment */
/* Blocks above this size (growing buffers, mostly) come from malloc and
 * are really freed: the regions keep the many small ones only. */
#define BIG 1024

struct ll_docmem {
  struct ll_docmem *prev;
  char *base;
  size_t used, cap;
  size_t last; /* offset of the last block, for in-place realloc */
  size_t big;  /* malloc'd blocks not yet freed (all regions: in cur) */
  /* freed small blocks by size class, for reuse (newest region only) */
  void *free_list[BIG / HDR + 1];
};

static _Thread_local struct ll_docmem *cur;

static struct ll_docmem *region(size_t need, struct ll_docmem *prev) {
  size_t cap = need < ((size_t)4 << 20) ? ((size_t)4 << 20) : need;
  cap = (cap + ((size_t)2 << 20) - 1) & ~(((size_t)2 << 20) - 1);
  void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    fputs("listlint: out of memory\n", stderr);
    abort();
  }
#ifdef MADV_HUGEPAGE
  madvise(p, cap, MADV_HUGEPAGE);
#endif
  struct ll_docmem *m = ll_xcalloc(1, sizeof *m);
  m->prev = prev;
  m->base = p;
  m->cap = cap;
  m->last = SIZE_MAX;
  return m;
}

static int in_region(const void *p) {
  for (const struct ll_docmem *m = cur; m; m = m->prev)
    if ((const char *)p >= m->base && (const char *)p < m->base + m->cap)
      return 1;
  return 0;
}

static void *mem_alloc(size_t n) {
  if (n > BIG) {
    cur->big++;
    return ll_xcalloc(1, n);
  }
  /* at least HDR bytes: a free block keeps the list's link in them */
  n = n ? (n + HDR - 1) & ~(size_t)(HDR - 1) : HDR;
  void **fl = &cur->free_list[n / HDR];
  if (*fl) {
    char *p = *fl;
    memcpy(fl, p, sizeof *fl);
    memset(p, 0, n);
    return p;
  }
  if (cur->cap - cur->used < n + HDR) {
    struct ll_docmem *m = region(n + HDR, cur);
    memcpy(m->free_list, cur->free_list, sizeof m->free_list);
    m->big = cur->big;
    cur = m;
  }
  char *p = cur->base + cur->used;
  memcpy(p, &n, sizeof n);
  cur->last = cur->used;
  cur->used += n + HDR;
  return p + HDR; /* fresh anonymous memory is zero: calloc is free */
}

static void *mem_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) {
    fputs("listlint: out of memory\n", stderr);
    abort();
  }
  return mem_alloc(count * size);
}

/* A freed small block waits in its size class for the next request. */
static void mem_free_small(void *ptr, size_t n) {
  void **fl = &cur->free_list[n / HDR];
  memcpy(ptr, fl, sizeof *fl);
  *fl = ptr;
}

static void *mem_realloc(void *ptr, size_t n) {
  if (!ptr)
    return mem_alloc(n);
  if (!in_region(ptr))
    return ll_xrealloc(ptr, n);
  char *h = (char *)ptr - HDR;
  size_t old;
  memcpy(&old, h, sizeof old);
  size_t want = (n + HDR - 1) & ~(size_t)(HDR - 1);
  if (want <= old)
    return ptr;
  /* the last block grows in place, as buffers being filled do */
  if (want <= BIG && h == cur->base + cur->last &&
      cur->cap - cur->last - HDR >= want) {
    memcpy(h, &want, sizeof want);
    cur->used = cur->last + HDR + want;
    return ptr;
  }
  void *q = mem_alloc(n);
  memcpy(q, ptr, old);
  mem_free_small(ptr, old);
  return q;
}

static void mem_free(void *ptr) {
  if (!ptr)
    return;
  if (!in_region(ptr)) {
    free(ptr);
    cur->big--;
    return;
  }
  size_t n;
  memcpy(&n, (char *)ptr - HDR, sizeof n);
  mem_free_small(ptr, n);
}

static cmark_mem region_mem = {mem_calloc, mem_realloc, mem_free};

void ll_doc_free(cmark_node *doc, struct ll_docmem *mem) {
  /* nodes are small and go with the regions, but a node's literal may
   * be a large malloc'd block: then free node by node */
  if (doc && mem && mem->big)
    cmark_node_free(doc);
  while (mem) {
    struct ll_docmem *prev = mem->prev;
    munmap(mem->base, mem->cap);
    free(mem);
    mem = prev;
  }
  cur = NULL;
}

cmark_node *ll_doc_parse(const char *data, size_t len,
                         struct ll_docmem **memp) {
  cmark_gfm_core_extensions_ensure_registered();
  cur = region(len * 8, NULL);
  cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &region_mem);
  if (!p) {
    ll_doc_free(NULL, cur);
    return NULL;
  }
  static const char *const exts[] = {"table", "autolink"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e)
      cmark_parser_attach_syntax_extension(p, e);
  }
  cmark_parser_feed(p, data, len);
  cmark_node *doc = cmark_parser_finish(p);
  cmark_parser_free(p);
  /* the newest region is cur; ll_doc_free walks back through the rest */
  *memp = cur;
  if (!doc) {
    ll_doc_free(NULL, cur);
    *memp = NULL;
  }
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
