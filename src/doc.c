/* doc.c - the cmark-gfm wrapper: extensions, parse, node kinds, spans. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmark-gfm-core-extensions.h>
/* The node's layout, which libcmark-gfm-dev installs for extensions,
 * from the same build as the library: ll_doc_literal reads a text node's
 * bytes where cmark_node_get_literal copies them on first use (a test
 * checks that the two agree). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wcast-qual"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <cmark-gfm/node.h>
#pragma GCC diagnostic pop

#include "internal.h"

/* ---- the tree's memory ----------------------------------------------
 * A parse allocates tens of thousands of small nodes and buffers, about
 * twenty times the input, and frees them one by one at the end.  Here
 * they come from large regions instead, bump-allocated and released whole:
 * no per-node free, in-place growth for the last buffer, and regions
 * advised for transparent huge pages, which saves thousands of page
 * faults per megabyte (expensive on virtual machines).  The memory of one
 * parse is kept for the next (ll_doc_reset): a document read in pieces
 * touches its pages once.  cmark_mem has no context pointer, so the
 * memory in use is found through a thread-local: one parse at a time per
 * thread, set by ll_doc_parse. */

/* Every block has a header: its size, and whether it came from malloc. */
#define HDR 16
/* Blocks above this size (growing buffers, mostly) come from malloc and
 * are really freed: the regions keep the many small ones only. */
#define BIG 1024

struct region {
  struct region *prev;
  char *base;
  size_t cap;
};

/* A malloc'd block: list links, then the header, then the data. */
struct bigblk {
  struct bigblk *prev, *next;
  size_t size, big;
};

struct ll_docmem {
  struct region *head; /* the region being filled, older ones behind it */
  size_t used;
  size_t last;         /* offset of the last block, for in-place realloc */
  struct bigblk *bigs; /* malloc'd blocks not yet freed */
  /* freed small blocks by size class, for reuse */
  void *free_list[BIG / HDR + 1];
};

static _Thread_local struct ll_docmem *cur;

/* The region of the last document freed, kept for the next one: a run
 * over many files does not fault in fresh pages for each.  One per
 * thread, as cur is. */
static _Thread_local struct region *spare;

static void add_region(struct ll_docmem *m, size_t need) {
  size_t cap = need < ((size_t)4 << 20) ? ((size_t)4 << 20) : need;
  cap = (cap + ((size_t)2 << 20) - 1) & ~(((size_t)2 << 20) - 1);
  struct region *r = spare;
  if (r && r->cap >= cap) {
    spare = NULL;
  } else {
    r = ll_xmalloc(sizeof *r);
    r->base = ll_map_huge(cap);
    r->cap = cap;
  }
  r->prev = m->head;
  m->head = r;
  m->used = 0;
  m->last = SIZE_MAX;
}

/* Keep r (all zeros) as the spare, unless the spare is larger; unmap
 * the other. */
static void drop_region(struct region *r) {
  if (!spare || spare->cap < r->cap) {
    struct region *old = spare;
    spare = r;
    r = old;
  }
  if (r) {
    munmap(r->base, r->cap);
    free(r);
  }
}

void ll_doc_thread_end(void) {
  if (spare) {
    munmap(spare->base, spare->cap);
    free(spare);
    spare = NULL;
  }
}

/* Clear a freed block of n bytes (a multiple of HDR) handed out again:
 * blocks are small, and a variable-length memset becomes a `rep stos`,
 * whose start-up cost is that of many stores. */
static void clear(char *p, size_t n) {
  static const char zero[HDR];
  for (size_t i = 0; i < n; i += HDR)
    memcpy(p + i, zero, HDR);
}

static void *mem_alloc(size_t n) {
  if (n > BIG) {
    struct bigblk *b = ll_xcalloc(1, sizeof *b + n);
    b->size = n;
    b->big = 1;
    b->next = cur->bigs;
    if (b->next)
      b->next->prev = b;
    cur->bigs = b;
    return b + 1;
  }
  /* at least HDR bytes: a free block keeps the list's link in them */
  n = n ? (n + HDR - 1) & ~(size_t)(HDR - 1) : HDR;
  void **fl = &cur->free_list[n / HDR];
  if (*fl) {
    char *p = *fl;
    memcpy(fl, p, sizeof *fl);
    clear(p, n);
    return p;
  }
  if (cur->head->cap - cur->used < n + HDR)
    add_region(cur, n + HDR);
  /* a region is all zeros past what is in use (see ll_doc_reset), as
   * calloc promises */
  char *p = cur->head->base + cur->used;
  memcpy(p, &n, sizeof n);
  cur->last = cur->used;
  cur->used += n + HDR;
  return p + HDR;
}

static void *mem_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    ll_oom();
  return mem_alloc(count * size);
}

static size_t block_size(const void *ptr, int *big) {
  size_t h[2];
  memcpy(h, (const char *)ptr - HDR, sizeof h);
  *big = h[1] != 0;
  return h[0];
}

static void big_free(void *ptr) {
  struct bigblk *b = (struct bigblk *)ptr - 1;
  if (b->prev)
    b->prev->next = b->next;
  else
    cur->bigs = b->next;
  if (b->next)
    b->next->prev = b->prev;
  free(b);
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
  int big;
  size_t old = block_size(ptr, &big);
  if (big) {
    if (n <= old)
      return ptr;
    struct bigblk *b = (struct bigblk *)ptr - 1;
    struct bigblk *prev = b->prev, *next = b->next;
    b = ll_xrealloc(b, sizeof *b + n);
    b->size = n;
    if (prev)
      prev->next = b;
    else
      cur->bigs = b;
    if (next)
      next->prev = b;
    return b + 1;
  }
  size_t want = (n + HDR - 1) & ~(size_t)(HDR - 1);
  if (want <= old)
    return ptr;
  /* the last block grows in place, as buffers being filled do */
  char *h = (char *)ptr - HDR;
  if (want <= BIG && h == cur->head->base + cur->last &&
      cur->head->cap - cur->last - HDR >= want) {
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
  int big;
  size_t n = block_size(ptr, &big);
  if (big)
    big_free(ptr);
  else
    mem_free_small(ptr, n);
}

static cmark_mem region_mem = {mem_calloc, mem_realloc, mem_free};

void ll_doc_reset(struct ll_docmem *mem) {
  if (!mem)
    return;
  while (mem->bigs) {
    struct bigblk *next = mem->bigs->next;
    free(mem->bigs);
    mem->bigs = next;
  }
  /* keep the newest region (its pages are in memory) for the next parse */
  struct region *r = mem->head ? mem->head->prev : NULL;
  while (r) {
    struct region *prev = r->prev;
    munmap(r->base, r->cap);
    free(r);
    r = prev;
  }
  /* what the parse wrote is cleared at once: one memset (a `rep stos`
   * of the whole) is faster than a clear of each block as it is handed
   * out, which the next parse would need */
  if (mem->head) {
    mem->head->prev = NULL;
    memset(mem->head->base, 0, mem->used);
  }
  mem->used = 0;
  mem->last = SIZE_MAX;
  memset(mem->free_list, 0, sizeof mem->free_list);
  if (cur == mem)
    cur = NULL;
}

void ll_doc_free(struct ll_docmem *mem) {
  if (!mem)
    return;
  ll_doc_reset(mem);
  if (mem->head)
    drop_region(mem->head);
  free(mem);
}

/* ---- tables cmark-gfm cannot afford ----------------------------------
 * cmark-gfm 0.29.0.gfm.6 (Debian's) appends each cell of a table row to
 * a linked list by walking it from its head, so a row of k cells costs
 * k*k/2 steps (40,000 cells on one line: 17 s), and it fills every short
 * row up to the delimiter row's width with empty cells, without the limit
 * later releases have (1,000 columns over 4,000 lines of "b", 10 KB:
 * 4 million nodes, 1 GB).  A table with a line of more than
 * LL_TABLE_COLS_MAX cells, or whose rows would need more cells filled in
 * than the document's budget, is therefore not read as a table, as md4c
 * refuses tables wider than 128 columns: its delimiter row is escaped in
 * a copy of the input (one byte, so every offset stays).  Counting pipes
 * over-estimates cells, and a table is taken to run to the next blank
 * line: the check can only err towards refusing a huge table. */
#define LL_TABLE_COLS_MAX 256

static int blank_line(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '>' && p[i] != '\r')
      return 0;
  return 1;
}

/* A delimiter row's shape: only spaces, '>', '|', ':' and '-', with at
 * least one '|' and one '-'.  Return the offset of its first '|', ':' or
 * '-', or -1. */
static long delimiter_row(const char *p, size_t n) {
  int bar = 0, dash = 0;
  long first = -1;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c == '|' || c == ':' || c == '-') {
      if (first < 0)
        first = (long)i;
      bar |= c == '|';
      dash |= c == '-';
    } else if (c != ' ' && c != '\t' && c != '>' && c != '\r') {
      return -1;
    }
  }
  return bar && dash ? first : -1;
}

static size_t pipes(const char *p, size_t n) {
  size_t k = 0;
  for (const char *q = p, *end = p + n; (q = memchr(q, '|', (size_t)(end - q)));
       q++)
    k++;
  return k;
}

/* A copy of data with the delimiter rows of unaffordable tables escaped,
 * or NULL when every table may be read.  Caller frees. */
static char *tame_tables(const char *data, size_t len) {
  if (!memchr(data, '|', len))
    return NULL;
  char *copy = NULL;
  size_t budget = len / 2 + 4096; /* cells to fill in, over the document */
  size_t prev = 0, prev_len = 0;  /* the line before */
  int have_prev = 0;
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(data + at, '\n', len - at);
    size_t n = nl ? (size_t)(nl - (data + at)) : len - at;
    long d = have_prev ? delimiter_row(data + at, n) : -1;
    if (d >= 0) {
      size_t cols = pipes(data + at, n) + 1;
      size_t widest = pipes(data + prev, prev_len) + 1;
      if (cols > widest)
        widest = cols;
      size_t fill = 0, r = at + n + (nl != NULL);
      /* the rows, to the next blank line */
      while (r < len) {
        const char *rn = memchr(data + r, '\n', len - r);
        size_t m = rn ? (size_t)(rn - (data + r)) : len - r;
        if (blank_line(data + r, m))
          break;
        size_t k = pipes(data + r, m) + 1;
        if (k > widest)
          widest = k;
        fill += k < cols ? cols - k : 0;
        if (widest > LL_TABLE_COLS_MAX || fill > budget)
          break;
        r += m + (rn != NULL);
      }
      if (widest > LL_TABLE_COLS_MAX || fill > budget) {
        if (!copy) {
          copy = ll_xmalloc(len + 1);
          memcpy(copy, data, len);
          copy[len] = '\0';
        }
        /* "|---" becomes "\\---", "---|" "\\--|": no longer a delimiter
         * row (an escaped '-' is still a '-' as text) */
        size_t i = at + (size_t)d;
        if (copy[i] == '|')
          i += strcspn(copy + i, "-:");
        if (i < at + n)
          copy[i] = '\\';
      } else {
        budget -= fill;
      }
    }
    have_prev = !blank_line(data + at, n);
    prev = at;
    prev_len = n;
    at += n + (nl != NULL);
  }
  return copy;
}

cmark_node *ll_doc_parse(const char *data, size_t len,
                         struct ll_docmem **memp) {
  return ll_doc_parse_tail(data, len, NULL, 0, memp);
}

/* cmark-gfm keeps two things process-wide: its registry of extensions
 * (filled once), and the inline parser's table of the extensions'
 * special characters, which each cmark_parser_finish fills before it
 * parses inlines and clears after.  Threads that lint at once (the
 * audit) would clear it under each other (autolinks then went missing
 * at random), so the inline phase of a parse runs one at a time; block
 * parsing, the larger part, runs side by side. */
static pthread_once_t registered = PTHREAD_ONCE_INIT;
static pthread_mutex_t inlines = PTHREAD_MUTEX_INITIALIZER;

static void register_extensions(void) {
  cmark_gfm_core_extensions_ensure_registered();
}

cmark_node *ll_doc_parse_tail(const char *data, size_t len, const char *tail,
                              size_t tail_len, struct ll_docmem **memp) {
  pthread_once(&registered, register_extensions);
  if (!*memp) {
    *memp = ll_xcalloc(1, sizeof **memp);
    add_region(*memp, len * 8);
  }
  cur = *memp;
  cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &region_mem);
  if (!p)
    return NULL;
  static const char *const exts[] = {"table", "autolink"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e)
      cmark_parser_attach_syntax_extension(p, e);
  }
  char *tamed = tame_tables(data, len);
  cmark_parser_feed(p, tamed ? tamed : data, len);
  if (tail_len) { /* link reference definitions: no tables */
    cmark_parser_feed(p, "\n\n", 2);
    cmark_parser_feed(p, tail, tail_len);
  }
  pthread_mutex_lock(&inlines);
  cmark_node *doc = cmark_parser_finish(p);
  pthread_mutex_unlock(&inlines);
  cmark_parser_free(p);
  free(tamed);
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
const char *ll_doc_literal(cmark_node *n, size_t *len) {
  cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE) {
    *len = 0;
    return "";
  }
  *len = n->as.literal.len > 0 ? (size_t)n->as.literal.len : 0;
  return *len ? (const char *)n->as.literal.data : "";
}

static int leaf_plain(struct ll_buf *b, cmark_node *c) {
  switch (cmark_node_get_type(c)) {
  case CMARK_NODE_TEXT:
  case CMARK_NODE_CODE: {
    size_t n;
    const char *lit = ll_doc_literal(c, &n);
    if (n)
      ll_buf_add(b, lit, n);
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
