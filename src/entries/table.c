/* table.c - the table reader: a row with a link is an entry. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entries/entries.h"

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

static int header_is(const char *h, const char *const *words) {
  char low[64];
  size_t i = 0, j = 0;
  while (h[i] && j + 1 < sizeof low) {
    unsigned char c = (unsigned char)h[i++];
    if (ll_isalpha(c) || c == ' ')
      low[j++] = (char)ll_tolower(c);
  }
  low[j] = '\0';
  const char *p = low;
  while (*p == ' ')
    p++;
  for (int k = 0; words[k]; k++)
    if (strncmp(p, words[k], strlen(words[k])) == 0)
      return 1;
  return 0;
}

/* Does a cell say no ("No", "false")? */
static int is_no(const char *t) {
  size_t n = strlen(t);
  ll_trim(&t, &n);
  return (n == 2 && strncasecmp(t, "no", 2) == 0) ||
         (n == 5 && strncasecmp(t, "false", 5) == 0);
}

#define MAX_COLS 64

/* Do the cells of column col say one thing in most rows (three or more):
 * "[视频链接](u)", "[Download](u)" in every row are a label, however it
 * is spelt, not the rows' names? */
static int repeated_text(struct builder *b, cmark_node *r0, int col) {
  struct ll_map seen = {0};
  size_t rows = 0, best = 0;
  for (cmark_node *r = r0; r; r = cmark_node_next(r)) {
    cmark_node *x = cmark_node_first_child(r);
    for (int k = 0; x && k < col; k++)
      x = cmark_node_next(x);
    if (!x)
      continue;
    rows++;
    const char *t = ll_build_plain(b, x);
    uintptr_t n = (uintptr_t)ll_map_get(&seen, t) + 1;
    ll_map_put(&seen, t, (const void *)n);
    if (t[0] && n > best)
      best = n;
  }
  ll_map_free(&seen);
  return rows >= 3 && best * 2 >= rows;
}

/* Where the link column holds labels ("[Link](u)" in every row), the
 * column of text that tells the rows apart names them: the one with the
 * most distinct values ("Technology | Provider | Course | Link": the
 * course).  -1 when there is none. */
static int naming_column(struct builder *b, cmark_node *header, int link_col,
                         int desc_col, int access_col, const int *with_link) {
  cmark_node *r0 = cmark_node_next(header);
  cmark_node *c0 = r0 ? cmark_node_first_child(r0) : NULL;
  for (int c = 0; c0 && c < link_col; c++)
    c0 = cmark_node_next(c0);
  const char *t = c0 ? ll_build_plain(b, c0) : "";
  if (!ll_is_field_label(b, t, strlen(t)) && !repeated_text(b, r0, link_col))
    return -1;
  int best = -1;
  size_t best_n = 0;
  struct ll_map seen = {0};
  struct ll_buf key;
  ll_buf_init(&key, 0);
  for (int c = 0; c < MAX_COLS; c++) {
    if (c == link_col || c == desc_col || c == access_col || with_link[c])
      continue;
    size_t distinct = 0, cells = 0;
    for (cmark_node *r = r0; r; r = cmark_node_next(r)) {
      cmark_node *x = cmark_node_first_child(r);
      for (int k = 0; x && k < c; k++)
        x = cmark_node_next(x);
      if (!x)
        continue;
      cells++;
      key.len = 0;
      ll_buf_printf(&key, "%d\x1f%s", c, ll_build_plain(b, x));
      distinct += ll_map_add(&seen, key.data, x) ? 0 : 1;
    }
    if (!cells)
      break;
    if (distinct > best_n) {
      best = c;
      best_n = distinct;
    }
  }
  ll_map_free(&seen);
  ll_buf_free(&key);
  return best;
}

/* Is the row only navigation: a "**[⬆ Back to Index](#index)**" line
 * right under a table, which GFM reads as one more row, and no link of
 * an entry (in bold or emphasis too)? */
static int nav_row(cmark_node **cells, int ncells) {
  int nav = 0;
  for (int c = 0; c < ncells; c++)
    for (cmark_node *x = cmark_node_first_child(cells[c]); x;
         x = cmark_node_next(x)) {
      cmark_node_type t = cmark_node_get_type(x);
      cmark_node *y = t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH
                          ? cmark_node_first_child(x)
                          : x;
      for (; y; y = y == x ? NULL : cmark_node_next(y)) {
        struct ll_link *l = ll_link_of(y);
        if (ll_is_entry_link(l))
          return 0;
        nav |= l && (l->flags & LL_LINK_NAV);
      }
    }
  return nav;
}

/* A table whose header names no description column ("Use it for",
 * "简述"): the column without links whose cells are prose, four words a
 * row or more on average, the most of them; -1 when none is. */
static int prose_column(struct builder *b, cmark_node *header, int name_col,
                        int access_col, const int *with_link) {
  size_t words[MAX_COLS] = {0}, rows = 0;
  for (cmark_node *r = cmark_node_next(header); r; r = cmark_node_next(r)) {
    rows++;
    int c = 0;
    for (cmark_node *x = cmark_node_first_child(r); x && c < MAX_COLS;
         x = cmark_node_next(x), c++) {
      const char *t = ll_build_plain(b, x);
      words[c] += ll_count_words(t, strlen(t));
    }
  }
  int best = -1;
  for (int c = 0; c < MAX_COLS; c++)
    if (c != name_col && c != access_col && !with_link[c] &&
        words[c] >= 4 * rows && (best < 0 || words[c] > words[best]))
      best = c;
  return best;
}

/* Is the row a summary ("| **Total** | **1,920** | deduplicated |"): no
 * link in it, its first cell and another one wholly bold?  It adds the
 * rows up; it lists nothing. */
static int summary_row(cmark_node **cells, int ncells) {
  int bold = 0, first = 1;
  for (int c = 0; c < ncells; c++) {
    for (cmark_node *k = cmark_node_first_child(cells[c]); k;
         k = cmark_node_next(k))
      if (ll_link_of(k) || (cmark_node_get_type(k) == CMARK_NODE_STRONG &&
                            ll_link_of(cmark_node_first_child(k))))
        return 0;
    cmark_node *x = ll_first_significant(cmark_node_first_child(cells[c]));
    if (!x)
      continue;
    int whole = cmark_node_get_type(x) == CMARK_NODE_STRONG &&
                !ll_first_significant(cmark_node_next(x));
    if (first && !whole)
      return 0;
    first = 0;
    bold += whole;
  }
  return bold >= 2;
}

/* What the header and the rows say about a table's columns. */
struct table {
  cmark_node *header;
  int ncols;
  int name_col, desc_col, access_col, https_col;
  unsigned long long cite; /* columns whose header names a citation */
  int with_link[MAX_COLS]; /* rows with an entry link, per column */
  int rows, rows_with_link;
  int text_col;  /* the column of text that names the rows, or -1 */
  int label_col; /* the link column's text is the same label in most rows */
};

/* One row being read: its cells and its entry. */
struct row {
  cmark_node *cells[MAX_COLS];
  int ncells;
  struct ll_entry *e;
};

static void read_header(struct builder *b, struct table *t) {
  static const char *const name_words[] = {
      "name",    "api",     "title",   "project", "tool",     "resource",
      "dataset", "library", "service", "repo",    "software", NULL};
  static const char *const desc_words[] = {"desc", "about", "summary",
                                           "details", NULL};
  static const char *const access_words[] = {
      "auth", "access", "licen", "price", "pricing", "cost", NULL};
  static const char *const https_words[] = {"https", "ssl", NULL};
  static const char *const cite_words[] = {"paper", "source",   "reference",
                                           "code",  "citation", NULL};
  t->name_col = t->desc_col = t->access_col = t->https_col = -1;
  for (cmark_node *c = cmark_node_first_child(t->header);
       c && t->ncols < MAX_COLS; c = cmark_node_next(c), t->ncols++) {
    const char *h = ll_build_plain(b, c);
    if (header_is(h, cite_words))
      t->cite |= 1ull << t->ncols;
    if (t->name_col < 0 && header_is(h, name_words))
      t->name_col = t->ncols;
    else if (t->desc_col < 0 && header_is(h, desc_words))
      t->desc_col = t->ncols;
    else if (t->access_col < 0 && header_is(h, access_words))
      t->access_col = t->ncols;
    else if (t->https_col < 0 && header_is(h, https_words))
      t->https_col = t->ncols;
  }
}

/* Which column holds the links, and do most rows have one? */
static void count_links(struct table *t) {
  for (cmark_node *r = cmark_node_next(t->header); r; r = cmark_node_next(r)) {
    t->rows++;
    int any = 0, col = 0;
    for (cmark_node *c = cmark_node_first_child(r); c && col < MAX_COLS;
         c = cmark_node_next(c), col++) {
      for (cmark_node *x = cmark_node_first_child(c); x;
           x = cmark_node_next(x)) {
        if (ll_is_entry_link(ll_link_of(x))) {
          t->with_link[col]++;
          any = 1;
          break;
        }
      }
    }
    t->rows_with_link += any;
  }
}

static int lists_resources(const struct table *t) {
  /* Not a table of resources: a table of contents links to in-page
   * anchors only (navigation, no entry links), so it holds no entries. */
  if (t->rows == 0 || t->rows_with_link * 2 < t->rows)
    return 0;
  /* A table of results (a leaderboard: "Model | Score | Paper / Source |
   * Code"): its rows name no resources of the list, its links only cite
   * the papers behind each result.  Its rows are no entries. */
  int cited_only = t->with_link[0] == 0 && t->cite;
  for (int c = 0; cited_only && c < t->ncols; c++)
    if (t->with_link[c] && !(t->cite & (1ull << c)))
      cited_only = 0;
  return !(t->name_col < 0 && cited_only);
}

/* The columns that name and describe the rows, where the header does not
 * say; 0 when no column names them. */
static int choose_columns(struct builder *b, struct table *t) {
  int by_header = t->name_col >= 0;
  if (t->name_col < 0) {
    for (int c = 0; c < t->ncols; c++)
      if (t->with_link[c] * 2 >= t->rows) {
        t->name_col = c;
        break;
      }
  }
  if (t->name_col < 0)
    return 0;
  if (t->desc_col < 0)
    t->desc_col =
        prose_column(b, t->header, t->name_col, t->access_col, t->with_link);
  t->text_col = by_header
                    ? -1
                    : naming_column(b, t->header, t->name_col, t->desc_col,
                                    t->access_col, t->with_link);
  /* the link column's text is the same label in most rows */
  t->label_col = t->text_col >= 0 &&
                 repeated_text(b, cmark_node_next(t->header), t->name_col);
  return 1;
}

static void row_name(struct builder *b, const struct table *t, struct row *w) {
  int nc = t->name_col;
  const char *s = ll_build_plain(b, w->cells[nc]);
  /* a link column of "[Link](u)" cells names nothing: the first
   * column of text names the row ("Provider | Course | Link") */
  if (t->text_col >= 0 && t->text_col < w->ncells && w->cells[t->text_col] &&
      (t->label_col || ll_is_field_label(b, s, strlen(s)))) {
    nc = t->text_col;
    s = ll_build_plain(b, w->cells[nc]);
  }
  w->e->name = ll_build_trimmed(b, s, strlen(s));
  if (!w->e->name[0])
    w->e->name = NULL;
  w->e->name_span =
      ll_build_trim_span(b, ll_doc_block_span(&b->view, w->cells[nc]));
}

static void row_links(struct builder *b, const struct table *t, struct row *w) {
  struct ll_entry *e = w->e;
  /* The name cell's links first, then the first link elsewhere. */
  for (int pass = 0; pass < 2 && e->nlinks == 0; pass++) {
    for (int c = 0; c < w->ncells; c++) {
      if ((pass == 0) != (c == t->name_col))
        continue;
      for (cmark_node *x = cmark_node_first_child(w->cells[c]); x;
           x = cmark_node_next(x)) {
        struct ll_link *l = ll_link_of(x);
        if (ll_is_entry_link(l)) {
          ll_build_link(b, e, l, NULL);
          if (pass)
            break;
        }
      }
      if (pass && e->nlinks)
        break;
    }
  }
  /* A row with no other link: a thumbnail that links to the full
   * image ("| [<img>](full.png) | Caption |") is the resource. */
  for (int c = 0; c < w->ncells && e->nlinks == 0; c++)
    for (cmark_node *x = cmark_node_first_child(w->cells[c]); x;
         x = cmark_node_next(x)) {
      struct ll_link *l = ll_link_of(x);
      if (l && cmark_node_get_type(x) == CMARK_NODE_LINK &&
          (l->flags & LL_LINK_IMAGE) && !(l->flags & LL_LINK_NAV)) {
        ll_build_link(b, e, l, NULL);
        break;
      }
    }
}

static void row_description(struct builder *b, const struct table *t,
                            struct row *w) {
  struct ll_entry *e = w->e;
  int dc = t->desc_col;
  /* A description column that holds the name ("| [<img>](u) |
   * [Caption](v) |" under "Preview | Description"): the caption names
   * the row and says what it is. */
  if (dc == t->name_col && e->name)
    e->flags |= LL_ENTRY_TITLED;
  if (dc < 0 || dc == t->name_col || dc >= w->ncells || !w->cells[dc])
    return;
  const char *s = ll_build_plain(b, w->cells[dc]);
  e->description = ll_build_trimmed(b, s, strlen(s));
  if (!e->description[0]) {
    e->description = NULL; /* an empty cell: no description */
  } else if (strcmp(e->description, "None") == 0 ||
             strcmp(e->description, "null") == 0) {
    /* a generated table's missing value (Python's None, JSON's
     * null): no description, none an editor left out */
    e->description = NULL;
    e->flags |= LL_ENTRY_NULL_DESCRIPTION;
  }
  e->desc_span =
      ll_build_trim_span(b, ll_doc_block_span(&b->view, w->cells[dc]));
}

static void row_access(struct builder *b, const struct table *t,
                       struct row *w) {
  struct ll_entry *e = w->e;
  if (t->https_col >= 0 && t->https_col < w->ncells && w->cells[t->https_col] &&
      is_no(ll_build_plain(b, w->cells[t->https_col])))
    e->flags |= LL_ENTRY_NO_HTTPS; /* public-apis' "HTTPS: No" */
  int ac = t->access_col;
  if (ac >= 0 && ac < w->ncells && w->cells[ac]) {
    const char *s = ll_build_plain(b, w->cells[ac]);
    e->access = ll_build_trimmed(b, s, strlen(s));
    e->access_span =
        ll_build_trim_span(b, ll_doc_block_span(&b->view, w->cells[ac]));
  }
}

static void row_read(struct builder *b, const struct table *t, cmark_node *r) {
  struct row w = {0};
  for (cmark_node *c = cmark_node_first_child(r); c && w.ncells < MAX_COLS;
       c = cmark_node_next(c))
    w.cells[w.ncells++] = c;
  if (nav_row(w.cells, w.ncells) || summary_row(w.cells, w.ncells))
    return;
  struct ll_span rs = ll_doc_block_span(&b->view, r);
  w.e = ll_build_entry(b, LL_STYLE_TABLE, rs);
  if (w.cells[t->name_col])
    row_name(b, t, &w);
  row_links(b, t, &w);
  row_description(b, t, &w);
  row_access(b, t, &w);
}

static void table_read(struct builder *b, cmark_node *table) {
  struct table t = {0};
  t.header = cmark_node_first_child(table);
  if (!t.header)
    return;
  read_header(b, &t);
  count_links(&t);
  if (!lists_resources(&t) || !choose_columns(b, &t))
    return;
  size_t first = b->m->nentries;
  for (cmark_node *r = cmark_node_next(t.header); r; r = cmark_node_next(r))
    row_read(b, &t, r);
  ll_mirror_table(b, first, b->line0 + cmark_node_get_start_line(table));
}

static int claim(struct builder *b, cmark_node *n) {
  if (ll_doc_kind(n) != LL_NODE_TABLE)
    return 0;
  table_read(b, n);
  return 1;
}

const struct ll_reader ll_reader_table = {"table", claim};
