/* model.c - the list model: the readers walk a cmark-gfm document (a
 * large one a piece at a time) and build sections, links and entries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

const char *ll_style_name(enum ll_style s) {
  static const char *const names[] = {"link-list", "block",   "notes",
                                      "table",     "html",    "titled",
                                      "paper",     "heading", "general"};
  _Static_assert(sizeof names / sizeof *names == LL_STYLE__COUNT,
                 "a name for each style");
  return (unsigned)s < LL_STYLE__COUNT ? names[s] : "?";
}

/* ---- reading a large list in pieces ----------------------------------
 * cmark-gfm's tree takes about fifteen times the bytes it was parsed
 * from.  A list is a sequence of sections, and a blank line followed by
 * an ATX heading at the left margin closes every block but two (a fenced
 * code block or an HTML block of kinds 1-5 still open at the top level):
 * so the list is parsed a piece at a time, split before such headings,
 * each piece's tree read into the model and dropped before the next one
 * is parsed.  A piece whose last top-level block is one of those two and
 * runs to its very end may have swallowed the heading: then the rest of
 * the document is parsed whole.  Link reference definitions apply to the
 * whole document, so a list that may have one is never split. */

/* Bytes a piece holds at least: fewer pieces amortise the parser.  A
 * variable, so that the tests can split at every heading. */
size_t ll_piece_min = 64 * 1024;

static int blank_line(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  return p == end || *p == '\n';
}

static int atx_heading_at(const char *p, const char *end) {
  int n = 0;
  while (p < end && *p == '#' && n < 7)
    p++, n++;
  return n >= 1 && n <= 6 &&
         (p == end || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n');
}

/* Could a line define a link reference ("[label]: url")?  Conservative:
 * a '[' somewhere before a "]:" on one line. */
static int may_define_refs(const struct ll_source *src) {
  const char *d = src->data, *end = d + src->len;
  for (const char *p = d; (p = memchr(p, ']', (size_t)(end - p))); p++) {
    if (p + 1 == end || p[1] != ':')
      continue;
    const char *q = p;
    while (q > d && q[-1] != '\n' && q[-1] != '[')
      q--;
    if (q > d && q[-1] == '[')
      return 1;
  }
  return 0;
}

/* Container markers a link reference definition may stand in: block
 * quotes ("> ") and list items ("- ", "1. "), with the indent before
 * them.  Return the text after them. */
static const char *after_containers(const char *p, const char *end) {
  for (;;) {
    const char *q = p;
    for (int k = 0; k < 3 && q < end && *q == ' '; k++)
      q++;
    if (q < end && *q == '>') {
      p = q + 1 + (q + 1 < end && q[1] == ' ');
      continue;
    }
    if (q + 1 < end && strchr("-*+", *q) && q[1] == ' ') {
      p = q + 2;
      continue;
    }
    const char *r = q;
    while (r < end && ll_isdigit((unsigned char)*r) && r - q < 9)
      r++;
    if (r > q && r + 1 < end && (*r == '.' || *r == ')') && r[1] == ' ') {
      p = r + 2;
      continue;
    }
    return q;
  }
}

/* Does line k look like a link reference definition, "[label]: url",
 * perhaps inside containers?  Its text (from '[') in *startp. */
static int def_line(const struct ll_source *src, size_t k,
                    const char **startp) {
  const char *d = src->data, *end = d + src->len;
  const char *p = d + src->lines[k];
  const char *eol = memchr(p, '\n', (size_t)(end - p));
  if (!eol)
    eol = end;
  const char *q = after_containers(p, eol);
  if (q >= eol || *q != '[')
    return 0;
  const char *c = memchr(q, ']', (size_t)(eol - q));
  if (!c || c + 1 >= eol || c[1] != ':')
    return 0;
  *startp = q;
  return 1;
}

/* A link reference definition may be anywhere and serves the whole
 * file; a piece read alone would miss those of the other pieces.  The
 * lines that may define one are gathered into defs, which every piece is
 * read with (after it: what they make there is cut, see cut_tail), each
 * with its title's line.  Return 0 when they are too many to repeat for
 * every piece: the file is then read whole. */
#define DEFS_MAX (16 * 1024)

static int gather_defs(const struct ll_source *src, struct ll_buf *defs) {
  const char *d = src->data, *end = d + src->len;
  int prev_def = 0, fenced = 0;
  for (size_t k = 0; k < src->nlines; k++) {
    const char *start, *p = d + src->lines[k];
    /* nothing in a fenced code block defines anything */
    const char *f = p;
    while (f < end && *f == ' ' && f - p < 3)
      f++;
    if (f + 2 < end && (*f == '`' || *f == '~') && f[1] == *f && f[2] == *f)
      fenced = !fenced;
    int is_def = !fenced && def_line(src, k, &start);
    /* a definition cannot interrupt a paragraph: after a blank line,
     * another definition, or in a container of its own */
    if (is_def && (k == 0 || prev_def || start != d + src->lines[k] ||
                   blank_line(d + src->lines[k - 1], end))) {
      const char *eol = memchr(start, '\n', (size_t)(end - start));
      size_t stop = eol ? (size_t)(eol - d) + 1 : src->len;
      /* a title on the next line: "   \"Title\"" */
      if (k + 1 < src->nlines) {
        const char *t = d + src->lines[k + 1];
        while (t < end && (*t == ' ' || *t == '\t'))
          t++;
        if (t < end && t > d + src->lines[k + 1] && strchr("\"'(", *t))
          stop = k + 2 < src->nlines ? src->lines[k + 2] : src->len;
      }
      ll_buf_add(defs, start, stop - (size_t)(start - d));
      if (defs->len && defs->data[defs->len - 1] != '\n')
        ll_buf_addc(defs, '\n');
      if (defs->len > DEFS_MAX)
        return 0;
    }
    prev_def = is_def;
  }
  return 1;
}

/* Cut from a piece's tree what its definitions' tail made (a line that
 * only looked like one): the top-level blocks after the piece's nlines
 * lines. */
static void cut_tail(cmark_node *doc, int nlines) {
  cmark_node *n;
  while ((n = cmark_node_last_child(doc)) &&
         cmark_node_get_start_line(n) > nlines)
    cmark_node_unlink(n);
}

/* The line (0-based) where the next piece starts, at least ll_piece_min
 * bytes (ll_piece_min) after line from; src->nlines when none does. */
static size_t next_piece(const struct ll_source *src, size_t from) {
  const char *d = src->data, *end = d + src->len;
  size_t want =
      ll_piece_min > src->len ? src->len : src->lines[from] + ll_piece_min;
  size_t lo = from + 1, hi = src->nlines;
  while (lo < hi) { /* the first line starting at or after want */
    size_t mid = lo + (hi - lo) / 2;
    if (src->lines[mid] < want)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k < src->nlines; k++) {
    const char *p = d + src->lines[k];
    if (*p == '#' && atx_heading_at(p, end) &&
        blank_line(d + src->lines[k - 1], end))
      return k;
  }
  return src->nlines;
}

/* Did the piece of nlines lines end inside a block that a following
 * heading would not have closed? */
static int piece_open_at_end(cmark_node *doc, int nlines) {
  cmark_node *last = cmark_node_last_child(doc);
  if (!last)
    return 0;
  cmark_node_type t = cmark_node_get_type(last);
  if (t == CMARK_NODE_CODE_BLOCK) {
    int len, off;
    char ch;
    if (!cmark_node_get_fenced(last, &len, &off, &ch))
      return 0;
  } else if (t != CMARK_NODE_HTML_BLOCK) {
    return 0;
  }
  return cmark_node_get_end_line(last) >= nlines;
}

static const struct ll_reader *const readers[] = {
#define LL_READER(id) &ll_reader_##id,
#include "entries/readers.def"
#undef LL_READER
};

/* Find the entries of a tree whose links are collected: headings and
 * breaks here, the rest by the first reader that claims it. */
static void read_tree(struct builder *b, cmark_node *doc) {
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HEADING) {
      ll_general_close(b);
      ll_section_heading(b, n);
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      continue;
    }
    if (t == CMARK_NODE_HTML_BLOCK && ll_is_html_heading(n)) {
      ll_general_close(b);
      ll_section_html(b, n);
      continue;
    }
    if (cmark_node_parent(n) == doc && t != CMARK_NODE_THEMATIC_BREAK)
      ll_general_block(b, n);
    if (t == CMARK_NODE_THEMATIC_BREAK) {
      ll_block_close_group(b);
      continue;
    }
    int claimed = 0;
    for (size_t i = 0;
         !b->skipping && !claimed && i < sizeof readers / sizeof *readers; i++)
      claimed = readers[i]->claim(b, n);
    /* a paragraph or a table holds no further entries inside */
    if (claimed || t == CMARK_NODE_PARAGRAPH || ll_doc_kind(n) == LL_NODE_TABLE)
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(it);
  ll_general_close(b); /* a piece ends where its last section does */
}

static void builder_init(struct builder *b, const struct ll_source *src,
                         const char *skip_headings) {
  memset(b, 0, sizeof *b);
  b->src = src;
  b->view = *src;
  b->m = ll_xcalloc(1, sizeof *b->m);
  if (skip_headings) {
    char *perr = NULL;
    b->skip = ll_pattern_new(skip_headings, 1, &perr);
    free(perr); /* checked when the configuration was read */
  }
  ll_buf_init(&b->tmp, 0);
  ll_buf_init(&b->desc, 0);
  ll_buf_init(&b->text, 0);
  ll_section_new(b, 0);
  ll_fields_scan(b, src);
}

static void builder_done(struct builder *b) {
  ll_heading_close(b, 0);
  ll_block_close_group(b);
  ll_mirror_section_end(b);
  ll_heading_prose(b);
  /* an entry named by a field label ("Link", "more details") */
  for (size_t i = 0; i < b->m->nentries; i++) {
    struct ll_entry *e = b->m->entries[i];
    if (e->name && ll_is_field_label(b, e->name, strlen(e->name)))
      e->flags |= LL_ENTRY_LABEL_NAME;
  }
  free(b->group);
  free(b->tables);
  free(b->blocks);
  ll_buf_free(&b->tmp);
  ll_buf_free(&b->desc);
  ll_buf_free(&b->text);
  ll_map_free(&b->fields);
  ll_pattern_free(b->skip);
}

/* Read src into b, a piece at a time (whole when split is 0).  Return 1
 * when done, 0 when block mode turned out to be on after the first piece
 * (the caller starts again in it), -1 when cmark-gfm failed. */
static int read_pieces(struct builder *b, int split, const struct ll_buf *defs,
                       int *labels) {
  const struct ll_source *src = b->src;
  struct ll_docmem *mem = NULL;
  int r = 1;
  /* the line index always has line 1, even for empty input: one piece */
  for (size_t line = 0; r == 1 && line < src->nlines;) {
    size_t next = split ? next_piece(src, line) : src->nlines;
    size_t from = src->lines[line];
    size_t to = next < src->nlines ? src->lines[next] : src->len;
    int whole = next == src->nlines && line == 0;
    cmark_node *doc = whole ? ll_doc_parse(src->data, src->len, &mem)
                            : ll_doc_parse_tail(src->data + from, to - from,
                                                defs->data, defs->len, &mem);
    if (doc && !whole)
      cut_tail(doc, (int)(next - line));
    if (doc && next < src->nlines &&
        piece_open_at_end(doc, (int)(next - line))) {
      ll_doc_reset(mem); /* the heading may be inside: read on whole */
      next = src->nlines;
      to = src->len;
      doc = ll_doc_parse_tail(src->data + from, to - from, defs->data,
                              defs->len, &mem);
      if (doc)
        cut_tail(doc, (int)(next - line));
    }
    if (!doc) {
      r = -1;
      break;
    }
    b->line0 = (int)line;
    b->view.lines = src->lines + line;
    b->view.nlines = src->nlines - line;
    ll_links_collect(b, doc);
    if (!b->block_mode && *labels < 2) {
      *labels += ll_block_count_labels(b, doc, 2 - *labels);
      if (*labels >= 2) {
        if (line > 0)
          r = 0; /* earlier pieces were read without it */
        else
          b->block_mode = 1;
      }
    }
    if (r == 1)
      read_tree(b, doc);
    ll_doc_reset(mem);
    line = next;
  }
  ll_doc_free(mem);
  return r;
}

/* An entry that is not one after all: its links become plain links. */
static void unlink_entry(struct ll_entry *e) {
  for (size_t j = 0; j < e->nlinks; j++) {
    struct ll_link *l = e->links[j];
    if (l->entry == e) {
      l->entry = NULL;
      l->flags &= ~(unsigned)(LL_LINK_ENTRY | LL_LINK_PRIMARY | LL_LINK_SHARED);
    }
  }
}

/* Bullets above the first section of a list whose entries are in
 * sections (a list of the venues covered, of the author's other lists)
 * introduce the list: they are not its entries, and no convention is
 * learned from them.  A list with fewer than two sections of entries
 * keeps its top: there the top is the list. */
static void drop_intro(struct ll_model *m) {
  size_t sections = 0, top = 0, last = (size_t)-1;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (m->sections[e->section].level <= 1)
      top++;
    else if (e->section != last)
      sections++;
    last = e->section;
  }
  if (!top || sections < 2)
    return;
  size_t k = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    struct ll_entry *e = m->entries[i];
    if (m->sections[e->section].level > 1) {
      m->entries[k++] = e;
      continue;
    }
    unlink_entry(e);
  }
  m->nentries = k;
}

/* Is the entry a pointer to another page of the list, a relative link
 * to a Markdown file ("[BY SUBJECT](free-programming-books-subjects.md)
 * This section has been moved to its own file")? */
static int points_to_page(const struct ll_entry *e) {
  if (!e->nlinks)
    return 0;
  const struct ll_link *l = e->links[0];
  if (l->parsed.scheme || l->parsed.host || !l->url[0] || strstr(l->url, "//"))
    return 0;
  size_t n = strcspn(l->url, "?#");
  return (n > 3 && memcmp(l->url + n - 3, ".md", 3) == 0) ||
         (n > 9 && memcmp(l->url + n - 9, ".markdown", 9) == 0);
}

/* Among a list's entries, the odd pointer to another of its pages is
 * navigation, not an entry; where most entries are such pointers (an
 * index of sub-lists) they are the entries. */
#define POINTER_PCT 10

static void drop_pointers(struct ll_model *m) {
  size_t pointers = 0;
  for (size_t i = 0; i < m->nentries; i++)
    pointers += (size_t)points_to_page(m->entries[i]);
  if (!pointers || pointers * 100 > m->nentries * POINTER_PCT)
    return;
  size_t k = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    struct ll_entry *e = m->entries[i];
    if (points_to_page(e))
      unlink_entry(e);
    else
      m->entries[k++] = e;
  }
  m->nentries = k;
}

struct ll_model *ll_model_build(const struct ll_source *src,
                                const char *skip_headings, char **err) {
  struct ll_buf defs;
  ll_buf_init(&defs, 0);
  ll_buf_add(&defs, "", 0);
  int split = src->len > ll_piece_min &&
              (!may_define_refs(src) || gather_defs(src, &defs));
  struct builder b;
  int labels = 0;
  builder_init(&b, src, skip_headings);
  int r = read_pieces(&b, split, &defs, &labels);
  if (r == 0) { /* again, in block mode from the start */
    builder_done(&b);
    ll_model_free(b.m);
    builder_init(&b, src, skip_headings);
    b.block_mode = 1;
    r = read_pieces(&b, split, &defs, &labels);
  }
  ll_buf_free(&defs);
  builder_done(&b);
  if (r > 0) {
    drop_intro(b.m);
    drop_pointers(b.m);
  }
  if (r < 0) {
    ll_model_free(b.m);
    *err = ll_xstrdup("cmark-gfm returned no document");
    return NULL;
  }
  return b.m;
}

char *ll_section_path(const struct ll_model *m, size_t section) {
  const struct ll_section *s = &m->sections[section];
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_add(&b, "", 0);
  for (size_t i = 0; i < s->depth; i++)
    ll_buf_printf(&b, "%s%s", i ? " > " : "", s->path[i]);
  return ll_buf_detach(&b);
}

void ll_model_free(struct ll_model *m) {
  if (!m)
    return;
  ll_arena_free(&m->arena);
  free(m->entries);
  free(m->mirrors);
  free(m->links);
  free(m->comments);
  free(m->sections);
  free(m);
}
