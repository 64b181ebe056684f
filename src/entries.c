/* entries.c - the list model: turn a cmark-gfm document into sections,
 * links and entries, whatever style the list is written in. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "internal.h"
#include "pattern.h"

const char *ll_style_name(enum ll_style s) {
  static const char *const names[] = {"link-list", "block", "notes", "table",
                                      "html"};
  return (unsigned)s < LL_STYLE__COUNT ? names[s] : "?";
}

struct builder {
  const struct ll_source *src;
  /* The piece of src being read (see ll_model_build): the same bytes and
   * offsets, its line index starting at the piece's first line, so that
   * cmark-gfm's positions in the piece convert to offsets in src. */
  struct ll_source view;
  int line0; /* lines of src before the piece */
  struct ll_model *m;
  struct ll_buf tmp;
  /* heading stack */
  const char *heads[7];
  int head_level[7];
  size_t nheads;
  int skipping; /* the current section holds no entries */
  /* block entries: the group since the last *** or heading */
  struct ll_pattern *skip; /* the configuration's skip-headings */
  int block_mode;
  struct ll_entry **group;
  size_t ngroup, group_cap;
  struct ll_entry *cur;   /* the block entry being read */
  struct ll_link *orphan; /* an Access: line seen before any title */
  struct ll_buf desc;     /* the current block entry's description */
  struct ll_buf text;     /* set_description's scratch */
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static void *grow(void *v, size_t *cap, size_t n, size_t size) {
  if (n < *cap)
    return v;
  *cap = *cap ? *cap * 2 : 16;
  return ll_xrealloc(v, *cap * size);
}

static const char *find_mem(const char *hay, size_t hlen, const char *needle,
                            size_t nlen) {
  if (nlen == 0 || nlen > hlen)
    return NULL;
  const char *end = hay + hlen - nlen;
  for (const char *p = hay; p <= end; p++) {
    p = memchr(p, needle[0], (size_t)(end - p) + 1);
    if (!p)
      return NULL;
    if (memcmp(p, needle, nlen) == 0)
      return p;
  }
  return NULL;
}

static const char *rfind_mem(const char *hay, size_t hlen, const char *needle,
                             size_t nlen) {
  if (nlen == 0 || nlen > hlen)
    return NULL;
  for (const char *p = hay + hlen - nlen; p >= hay; p--)
    if (*p == needle[0] && memcmp(p, needle, nlen) == 0)
      return p;
  return NULL;
}

/* Trim ASCII white space and UTF-8 no-break spaces at both ends. */
static void trim(const char **s, size_t *n) {
  const char *p = *s;
  size_t len = *n;
  for (;;) {
    if (len && ll_isspace((unsigned char)p[0])) {
      p++;
      len--;
    } else if (len >= 2 && (unsigned char)p[0] == 0xC2 &&
               (unsigned char)p[1] == 0xA0) {
      p += 2;
      len -= 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (len && ll_isspace((unsigned char)p[len - 1]))
      len--;
    else if (len >= 2 && (unsigned char)p[len - 2] == 0xC2 &&
             (unsigned char)p[len - 1] == 0xA0)
      len -= 2;
    else
      break;
  }
  *s = p;
  *n = len;
}

static char *arena_trimmed(struct builder *b, const char *s, size_t n) {
  trim(&s, &n);
  return ll_arena_strndup(&b->m->arena, s, n);
}

static const char *plain(struct builder *b, cmark_node *n) {
  b->tmp.len = 0;
  ll_buf_add(&b->tmp, "", 0);
  ll_doc_plain(&b->tmp, n);
  return b->tmp.data;
}

/* Plain text of the siblings from first up to (not including) stop. */
static void plain_range(struct ll_buf *out, cmark_node *first,
                        cmark_node *stop) {
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n))
    ll_doc_plain(out, n);
}

static int is_blank_text(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
    return 0;
  const char *s = cmark_node_get_literal(n);
  for (; s && *s; s++)
    if (!ll_isspace((unsigned char)*s))
      return 0;
  return 1;
}

/* Leading decoration before an entry's link: emoji, a :shortcode:, a
 * checkbox.  A letter (of any script) or digit outside a shortcode is not. */
static int is_decoration_text(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
    return 0;
  const char *s = cmark_node_get_literal(n);
  size_t len = s ? strlen(s) : 0;
  if (len > 24)
    return 0;
  int in_code = 0;
  for (size_t i = 0; i < len;) {
    unsigned cp;
    int k = ll_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (k < 0)
      return 0;
    i += (size_t)k;
    if (cp == ':')
      in_code = !in_code;
    else if (cp < 0x80 ? ll_isalnum((int)cp) && !in_code
                       : !(cp >= 0x2190 && cp <= 0x2BFF) && cp < 0x1F000 &&
                             cp != 0xFE0F && cp != 0x200D)
      return 0;
  }
  return !in_code;
}

static struct ll_link *link_of(cmark_node *n) {
  cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
    return NULL;
  return cmark_node_get_user_data(n);
}

static int is_nav_url(const char *url) {
  return url[0] == '#' || url[0] == '\0';
}

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
    const char *p = find_mem(src->data + from, block.end - from, text, tlen);
    if (!p)
      p = find_mem(src->data + block.start, block.end - block.start, text,
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
    const char *p = rfind_mem(src->data + l->span.start,
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
  for (const char *p = lit ? strstr(lit, "<!--") : NULL; p;
       p = strstr(p, "<!--")) {
    const char *e = strstr(p + 4, "-->");
    if (!e)
      break;
    m->comments =
        grow(m->comments, &m->comments_cap, m->ncomments, sizeof *m->comments);
    struct ll_comment *c = &m->comments[m->ncomments++];
    c->text = ll_arena_strndup(&m->arena, p + 4, (size_t)(e - p - 4));
    size_t len = (size_t)(e + 3 - p);
    /* an HTML block's end position is not reliable: search on to the
     * end of the source if need be (the comment is there verbatim) */
    const char *at = from < b->src->len ? find_mem(b->src->data + from,
                                                   b->src->len - from, p, len)
                                        : NULL;
    c->span.start = at ? (size_t)(at - b->src->data) : where.start;
    c->span.end = at ? c->span.start + len : where.start;
    if (at)
      from = c->span.end;
    int col;
    ll_source_linecol(b->src, c->span.start, &c->line, &col);
    ll_source_linecol(b->src, c->span.end ? c->span.end - 1 : 0, &c->end_line,
                      &col);
    p = e + 3;
  }
}

static int is_entry_link(const struct ll_link *l) {
  return l && !(l->flags & (LL_LINK_IMAGE | LL_LINK_NAV));
}

/* ---- links and entries written in HTML (see html.c) ---- */

/* The source bytes of an HTML block: its lines, as many as its text has
 * (its end position is not reliable, see collect_comments). */
static struct ll_span html_block_bytes(struct builder *b, cmark_node *n) {
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
  struct ll_span r = html_block_bytes(b, n);
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
    trim(&u, &ul);
    l->url = ll_arena_strndup(&m->arena, u, ul);
    t->len = 0;
    ll_buf_add(t, "", 0);
    ll_html_text(t, a.text, a.text_len);
    l->text = ll_arena_strndup(&m->arena, t->data, t->len);
    if (ll_html_has_img(a.text, a.text_len))
      l->flags |= LL_LINK_IMAGE; /* a badge, a logo, a sponsor's banner */
    if (is_nav_url(l->url))
      l->flags |= LL_LINK_NAV;
    ll_url_parse_in(&m->arena, l->url, &l->parsed);
    l->span.start = (size_t)(p - d);
    l->span.end = l->span.start + len;
    l->url_span.start = (size_t)(a.href - d);
    l->url_span.end = l->url_span.start + a.href_len;
    m->links = grow(m->links, &m->links_cap, m->nlinks, sizeof *m->links);
    m->links[m->nlinks++] = l;
    p += len - 1;
  }
  if (m->nlinks > first)
    cmark_node_set_user_data(n, (void *)(uintptr_t)(first + 1));
}

static void collect_links(struct builder *b, cmark_node *doc) {
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
    if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
      continue;
    struct ll_link *l = ll_arena_alloc(&m->arena, sizeof *l);
    memset(l, 0, sizeof *l);
    const char *url = cmark_node_get_url(n);
    l->url = ll_arena_strdup(&m->arena, url ? url : "");
    l->text = ll_arena_strdup(&m->arena, plain(b, n));
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
    if (is_nav_url(l->url))
      l->flags |= LL_LINK_NAV;
    ll_url_parse_in(&m->arena, l->url, &l->parsed);
    locate_link(b, n, l, &cursor, block);
    /* An inline link that merely shows its URL is not an autolink. */
    if ((l->flags & LL_LINK_AUTOLINK) && !(l->flags & LL_LINK_WWW) &&
        b->src->data[l->span.start] == '[')
      l->flags &= ~(unsigned)LL_LINK_AUTOLINK;
    cmark_node_set_user_data(n, l);
    m->links = grow(m->links, &m->links_cap, m->nlinks, sizeof *m->links);
    m->links[m->nlinks++] = l;
    if (t == CMARK_NODE_IMAGE)
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(it);
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

static struct ll_entry *new_entry(struct builder *b, enum ll_style style,
                                  struct ll_span span) {
  struct ll_model *m = b->m;
  struct ll_entry *e = ll_arena_alloc(&m->arena, sizeof *e);
  memset(e, 0, sizeof *e);
  e->style = style;
  e->span = span;
  e->section = m->nsections - 1;
  int col;
  ll_source_linecol(b->src, span.start, &e->line, &col);
  ll_source_linecol(b->src, span.end > span.start ? span.end - 1 : span.start,
                    &e->end_line, &col);
  m->entries =
      grow(m->entries, &m->entries_cap, m->nentries, sizeof *m->entries);
  m->entries[m->nentries++] = e;
  return e;
}

static void add_link(struct builder *b, struct ll_entry *e, struct ll_link *l,
                     const char *label) {
  if (!l)
    return;
  for (size_t i = 0; i < e->nlinks; i++)
    if (e->links[i] == l)
      return;
  /* Entry link arrays are small: grow them by copying in the arena. */
  struct ll_link **v =
      ll_arena_alloc(&b->m->arena, (e->nlinks + 1) * sizeof *v);
  if (e->nlinks)
    memcpy(v, e->links, e->nlinks * sizeof *v);
  v[e->nlinks++] = l;
  e->links = v;
  if (l->entry && l->entry != e)
    l->flags |= LL_LINK_SHARED;
  else
    l->entry = e;
  l->flags |= LL_LINK_ENTRY;
  if (e->nlinks == 1)
    l->flags |= LL_LINK_PRIMARY;
  if (label && !l->label)
    l->label = ll_arena_strdup(&b->m->arena, label);
  if (l->span.end > e->span.end)
    e->span.end = l->span.end;
}

/* Separators between a name and its description, longest first. */
static const char *const separators[] = {
    "\xE2\x80\x94", /* em dash */
    "\xE2\x80\x93", /* en dash */
    "\xEF\xBC\x9A", /* full-width colon */
    "--",           "-", ":", "|", "~", NULL};
/* their lengths, looked up for every entry */
static const unsigned char separator_len[] = {3, 3, 3, 2, 1, 1, 1, 1};
_Static_assert(sizeof separator_len ==
                   sizeof separators / sizeof *separators - 1,
               "a length for each separator");

/* The length of the separator s (n bytes) ends with, leaving at least
 * keep bytes before it; 0 when it ends with none. */
static size_t separator_at_end(const char *s, size_t n, size_t keep) {
  for (int i = 0; separators[i]; i++) {
    size_t sl = separator_len[i];
    if (n >= sl + keep && memcmp(s + n - sl, separators[i], sl) == 0)
      return sl;
  }
  return 0;
}

/* If s starts (after spaces) with a separator, return it and advance. */
static const char *take_separator(const char **s, size_t *n) {
  const char *p = *s;
  size_t len = *n;
  trim(&p, &len);
  for (int i = 0; separators[i]; i++) {
    size_t sl = separator_len[i];
    if (len >= sl && memcmp(p, separators[i], sl) == 0) {
      /* "-" must stand apart ("-foo" is a word); multi-byte ones need not */
      if (sl == 1 && separators[i][0] == '-' && len > 1 &&
          !ll_isspace((unsigned char)p[1]))
        continue;
      *s = p + sl;
      *n = len - sl;
      return separators[i];
    }
  }
  *s = p;
  *n = len;
  return "";
}

/* Find a separator in the source after off (past closing emphasis). */
static struct ll_span source_separator(struct builder *b, size_t off,
                                       size_t end, const char *sep) {
  const char *d = b->src->data;
  while (off < end && (d[off] == '*' || d[off] == '_'))
    off++;
  size_t p = off;
  for (;;) {
    if (p < end && (d[p] == ' ' || d[p] == '\t'))
      p++;
    else if (p + 1 < end && (unsigned char)d[p] == 0xC2 &&
             (unsigned char)d[p + 1] == 0xA0)
      p += 2; /* a no-break space: invisible-char's finding */
    else
      break;
  }
  struct ll_span s = {off, off};
  size_t sl = strlen(sep);
  if (sl && p + sl <= end && memcmp(d + p, sep, sl) == 0) {
    s.start = p;
    s.end = p + sl;
  }
  return s;
}

static struct ll_span trim_span(struct builder *b, struct ll_span s) {
  const char *d = b->src->data;
  while (s.start < s.end && ll_isspace((unsigned char)d[s.start]))
    s.start++;
  while (s.end > s.start && ll_isspace((unsigned char)d[s.end - 1]))
    s.end--;
  return s;
}

/* Strip one pair of enclosing parentheses: notes write "(description)". */
static void strip_parens(const char **s, size_t *n) {
  trim(s, n);
  if (*n >= 2 && (*s)[0] == '(' && (*s)[*n - 1] == ')') {
    (*s)++;
    *n -= 2;
    trim(s, n);
  }
}

/* A line break followed by a navigation link ("**[back to top](#x)**",
 * written right under an item, joins the item's paragraph): the
 * description stops there. */
static cmark_node *nav_line(cmark_node *n) {
  for (; n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK)
      continue;
    cmark_node *x = cmark_node_next(n);
    while (x && is_blank_text(x))
      x = cmark_node_next(x);
    if (x && (cmark_node_get_type(x) == CMARK_NODE_STRONG ||
              cmark_node_get_type(x) == CMARK_NODE_EMPH))
      x = cmark_node_first_child(x);
    struct ll_link *l = x ? link_of(x) : NULL;
    if (l && (l->flags & LL_LINK_NAV))
      return n;
  }
  return NULL;
}

/* The description after a name node: plain text of what follows it in
 * the paragraph, with its separator taken off. */
static void set_description(struct builder *b, struct ll_entry *e,
                            cmark_node *after, size_t src_off,
                            struct ll_span para, int parens) {
  struct ll_buf *d = &b->text;
  d->len = 0;
  ll_buf_add(d, "", 0);
  cmark_node *nav = nav_line(cmark_node_next(after));
  plain_range(d, cmark_node_next(after), nav);
  if (nav) {
    /* the description ends with the line the navigation link follows */
    int line, col;
    ll_source_linecol(b->src, src_off, &line, &col);
    size_t len;
    const char *p = ll_source_line(b->src, line, &len);
    size_t eol = (size_t)(p - b->src->data) + len;
    if (eol < para.end)
      para.end = eol;
  }
  const char *s = d->data;
  size_t n = d->len;
  trim(&s, &n);
  if (n == 0) {
    e->separator = "";
    e->sep_span.start = e->sep_span.end = src_off;
    return;
  }
  const char *sep = take_separator(&s, &n);
  e->separator = sep;
  e->sep_span = source_separator(b, src_off, para.end, sep);
  if (!sep[0] && s[0] == '(') {
    e->separator = NULL; /* "(PDF)": a note, not a description's form */
  } else if (!sep[0]) {
    /* "[x](u) by @someone - Description": a qualifier, then the
     * separator. */
    for (int i = 0; separators[i]; i++) {
      char pat[8];
      snprintf(pat, sizeof pat, " %s ", separators[i]);
      size_t pl = strlen(pat);
      const char *q = find_mem(s, n < 80 ? n : 80, pat, pl);
      if (!q)
        continue;
      e->separator = separators[i];
      n -= (size_t)(q - s) + pl;
      s = q + pl;
      const char *w =
          find_mem(b->src->data + src_off, para.end - src_off, pat, pl);
      if (w) {
        e->sep_span.start = (size_t)(w - b->src->data) + 1;
        e->sep_span.end = e->sep_span.start + pl - 2;
      }
      break;
    }
  }
  if (parens)
    strip_parens(&s, &n);
  e->description = arena_trimmed(b, s, n);
  struct ll_span ds = {e->sep_span.end, para.end};
  e->desc_span = trim_span(b, ds);
}

/* Where the description of an HTML entry line ends: at a line break or
 * a closing tag of the line's container. */
static const char *html_line_end(const char *p, const char *end) {
  /* (not </td>: in a table row the description is the next cell) */
  static const char *const stops[] = {"<br", "</li", "</p", "</div", NULL};
  for (; p < end; p++) {
    if (*p != '<')
      continue;
    for (int i = 0; stops[i]; i++) {
      size_t n = strlen(stops[i]);
      size_t k = 0;
      while (k < n && p + k < end &&
             ll_tolower((unsigned char)p[k]) == stops[i][k])
        k++;
      if (k == n)
        return p;
    }
  }
  return end;
}

/* The entries of an HTML block: lines that start (after spaces, &nbsp;
 * and opening tags) with a link with a text; what follows it up to <br>
 * (or a closing tag, or the next such line) is its separator and
 * description.  A block whose links have no description at all (a row of
 * links under a logo) holds no entries. */
static void handle_html_block(struct builder *b, cmark_node *n) {
  size_t k = (size_t)(uintptr_t)cmark_node_get_user_data(n);
  if (!k)
    return; /* no links */
  k--;
  struct ll_model *m = b->m;
  struct ll_span r = html_block_bytes(b, n);
  const char *d = b->src->data;
  struct cand {
    struct ll_link *l;
    size_t rest_end;
    const char *rest; /* the text after the link, to rest_end */
  } *c = NULL;
  size_t nc = 0, cap = 0;
  int described = 0;
  /* the block's lines, and which of them start with a link */
  for (size_t ls = r.start; ls < r.end;) {
    const char *nl = memchr(d + ls, '\n', r.end - ls);
    size_t le = nl ? (size_t)(nl - d) : r.end;
    size_t at = (size_t)(ll_html_skip_lead(d + ls, d + le) - d);
    while (k < m->nlinks && m->links[k]->span.start < at)
      k++;
    struct ll_link *l =
        k < m->nlinks && m->links[k]->span.start == at ? m->links[k] : NULL;
    if (is_entry_link(l) && l->text[0]) {
      /* its description runs to a <br> or a closing tag, over lines if
       * need be, but not into the next line that starts with a link */
      size_t stop = l->span.end, lim = r.end;
      for (size_t q = stop; q < r.end;) {
        const char *nq = memchr(d + q, '\n', r.end - q);
        if (!nq)
          break;
        q = (size_t)(nq - d) + 1;
        const char *qe = memchr(d + q, '\n', r.end - q);
        const char *qend = qe ? qe : d + r.end;
        if (ll_html_is_anchor(ll_html_skip_lead(d + q, qend), qend)) {
          lim = q;
          break;
        }
      }
      const char *re = html_line_end(d + stop, d + lim);
      b->text.len = 0;
      ll_buf_add(&b->text, "", 0);
      ll_html_text(&b->text, d + l->span.end, (size_t)(re - d) - l->span.end);
      described |= b->text.len > 0;
      c = grow(c, &cap, nc, sizeof *c);
      c[nc].l = l;
      c[nc].rest_end = (size_t)(re - d);
      c[nc].rest = ll_arena_strndup(&m->arena, b->text.data, b->text.len);
      nc++;
      /* go on at the line after the entry's end */
      const char *after = memchr(re, '\n', r.end - (size_t)(re - d));
      le = after ? (size_t)(after - d) : r.end;
    }
    ls = le + 1;
  }
  for (size_t i = 0; described && i < nc; i++) {
    struct ll_link *l = c[i].l;
    struct ll_span es = {l->span.start, c[i].rest_end};
    struct ll_entry *e = new_entry(b, LL_STYLE_HTML, trim_span(b, es));
    add_link(b, e, l, NULL);
    e->name = l->text;
    /* the name's bytes: the link's text less the tags around it */
    struct ll_html_a a;
    ll_html_anchor(d + l->span.start, d + l->span.end, &a);
    const char *ns = a.text, *ne = a.text + a.text_len;
    for (;;) {
      while (ns < ne && ll_isspace((unsigned char)*ns))
        ns++;
      const char *gt =
          ns < ne && *ns == '<' ? memchr(ns, '>', (size_t)(ne - ns)) : NULL;
      if (!gt)
        break;
      ns = gt + 1;
    }
    for (;;) {
      while (ne > ns && ll_isspace((unsigned char)ne[-1]))
        ne--;
      if (ne <= ns || ne[-1] != '>')
        break;
      const char *lt = ne - 1;
      while (lt > ns && *lt != '<')
        lt--;
      if (*lt != '<')
        break;
      ne = lt;
    }
    e->name_span.start = (size_t)(ns - d);
    e->name_span.end = (size_t)(ne - d);
    /* separator and description, from the text of the rest */
    const char *s = c[i].rest;
    size_t len = strlen(s);
    if (len == 0) {
      e->separator = "";
      e->sep_span.start = e->sep_span.end = l->span.end;
      continue;
    }
    const char *sep = take_separator(&s, &len);
    e->separator = sep;
    e->sep_span = source_separator(b, l->span.end, c[i].rest_end, sep);
    if (len) {
      e->description = arena_trimmed(b, s, len);
      struct ll_span ds = {e->sep_span.end, c[i].rest_end};
      e->desc_span = trim_span(b, ds);
    }
  }
  free(c);
}

/* The end of a name node in the source: the link's, or the emphasis's. */
static size_t node_end(struct builder *b, cmark_node *n, struct ll_link *l) {
  if (n && cmark_node_get_type(n) != CMARK_NODE_LINK &&
      cmark_node_get_end_line(n) > 0) {
    size_t off = ll_source_offset(&b->view, cmark_node_get_end_line(n),
                                  cmark_node_get_end_column(n)) +
                 1;
    if (off >= l->span.end && off <= b->src->len)
      return off;
  }
  return l->span.end;
}

static void set_marker(struct builder *b, struct ll_entry *e,
                       cmark_node *item) {
  cmark_node *list = cmark_node_parent(item);
  size_t off = ll_source_offset(&b->view, cmark_node_get_start_line(item),
                                cmark_node_get_start_column(item));
  const char *d = b->src->data;
  while (off < b->src->len && (d[off] == ' ' || d[off] == '\t'))
    off++;
  if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
    while (off < b->src->len && ll_isdigit((unsigned char)d[off]))
      off++;
  }
  if (off < b->src->len && (d[off] == '-' || d[off] == '*' || d[off] == '+' ||
                            d[off] == '.' || d[off] == ')')) {
    e->marker = d[off];
    e->marker_span.start = off;
    e->marker_span.end = off + 1;
  }
}

static cmark_node *first_significant(cmark_node *n) {
  while (n && (is_blank_text(n) || is_decoration_text(n)))
    n = cmark_node_next(n);
  return n;
}

/* The link that names an entry: the first node, or emphasis around it. */
static struct ll_link *name_link(cmark_node *first) {
  if (!first)
    return NULL;
  cmark_node_type t = cmark_node_get_type(first);
  if (t == CMARK_NODE_LINK)
    return link_of(first);
  if (t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH) {
    cmark_node *c = first_significant(cmark_node_first_child(first));
    if (c && cmark_node_get_type(c) == CMARK_NODE_LINK)
      return link_of(c);
  }
  return NULL;
}

/* Does text look like "Name:" or "Name -": a short label before a link? */
static int name_prefix(const char *s, size_t n, const char **name,
                       size_t *nlen) {
  trim(&s, &n);
  if (n == 0 || n > 80)
    return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ')
      return 0; /* a sentence, not a name */
  size_t sl = separator_at_end(s, n, 1);
  if (!sl)
    return 0;
  *name = s;
  *nlen = n - sl;
  trim(name, nlen);
  return *nlen > 0;
}

static void handle_item(struct builder *b, cmark_node *item, cmark_node *para);
static void block_title(struct builder *b, cmark_node *strong,
                        struct ll_span span);

static int is_lone_strong(cmark_node *first, cmark_node *stop,
                          cmark_node **strong) {
  cmark_node *s = NULL;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (is_blank_text(n))
      continue;
    if ((t == CMARK_NODE_STRONG) && !s)
      s = n;
    else
      return 0;
  }
  *strong = s;
  return s != NULL;
}

/* Is n the only thing among its siblings but white space? */
static int is_alone(cmark_node *first, cmark_node *n) {
  for (cmark_node *c = first; c; c = cmark_node_next(c))
    if (c != n && !is_blank_text(c))
      return 0;
  return 1;
}

static void handle_item(struct builder *b, cmark_node *item, cmark_node *para) {
  struct ll_span ps = ll_doc_block_span(&b->view, para);
  cmark_node *kids = cmark_node_first_child(para);
  cmark_node *strong;
  if (b->block_mode && is_lone_strong(kids, NULL, &strong)) {
    cmark_node *c = first_significant(cmark_node_first_child(strong));
    if (!(c && cmark_node_get_type(c) == CMARK_NODE_LINK)) {
      block_title(b, strong, ps);
      return;
    }
  }
  cmark_node *first = first_significant(kids);
  struct ll_link *l = name_link(first);
  struct ll_entry *e;
  if (l && !(l->flags & LL_LINK_AUTOLINK)) {
    if (!is_entry_link(l))
      return; /* a badge, or a table of contents */
    e = new_entry(b, LL_STYLE_LINK_LIST, ps);
    add_link(b, e, l, NULL);
    const char *name = l->text;
    size_t nlen = strlen(name);
    trim(&name, &nlen);
    if (nlen) {
      e->name = ll_arena_strndup(&b->m->arena, name, nlen);
      e->name_span = l->span;
      const char *d = b->src->data;
      if (d[l->span.start] == '[' && l->span.end > l->span.start) {
        e->name_span.start = l->span.start + 1;
        /* [Name](url): the name ends at "](" before the URL */
        size_t u = l->url_span.start;
        if (u >= e->name_span.start + 2 && d[u - 1] == '(' && d[u - 2] == ']')
          e->name_span.end = u - 2;
      }
    }
    set_description(b, e, first, node_end(b, first, l), ps, 0);
    set_marker(b, e, item);
    return;
  }
  /* "Name: https://x" or "Name - [x](y)": a short label, then the link. */
  if (first && cmark_node_get_type(first) == CMARK_NODE_TEXT) {
    cmark_node *next = cmark_node_next(first);
    struct ll_link *nl = next ? link_of(next) : NULL;
    const char *lit = cmark_node_get_literal(first);
    const char *name;
    size_t nlen;
    if (is_entry_link(nl) && name_prefix(lit, strlen(lit), &name, &nlen)) {
      e = new_entry(b, LL_STYLE_LINK_LIST, ps);
      add_link(b, e, nl, NULL);
      e->name = ll_arena_strndup(&b->m->arena, name, nlen);
      const char *p =
          find_mem(b->src->data + ps.start, ps.end - ps.start, name, nlen);
      if (p) {
        e->name_span.start = (size_t)(p - b->src->data);
        e->name_span.end = e->name_span.start + nlen;
      }
      set_description(b, e, next, nl->span.end, ps, 1);
      e->separator = NULL; /* not the list's separator: no convention */
      set_marker(b, e, item);
      return;
    }
  }
  /* Otherwise the first real link of the item, if any. */
  for (cmark_node *n = kids; n; n = cmark_node_next(n)) {
    struct ll_link *al = link_of(n);
    if (!is_entry_link(al))
      continue;
    if ((al->flags & LL_LINK_AUTOLINK) && is_alone(kids, n)) {
      /* A bare URL alone under an entry: another link of that entry
       * (a mirror, a website), not an entry of its own. */
      cmark_node *up = cmark_node_parent(cmark_node_parent(item));
      struct ll_entry *pe = up && cmark_node_get_type(up) == CMARK_NODE_ITEM
                                ? cmark_node_get_user_data(up)
                                : NULL;
      if (pe) {
        add_link(b, pe, al, NULL);
        return;
      }
    }
    struct ll_buf d;
    ll_buf_init(&d, 0);
    ll_buf_add(&d, "", 0);
    e = new_entry(b, LL_STYLE_LINK_LIST, ps);
    add_link(b, e, al, NULL);
    if (al->flags & LL_LINK_AUTOLINK) {
      /* A bare URL: the text around it describes it, nothing names it. */
      plain_range(&d, kids, n);
      ll_buf_addc(&d, ' ');
      plain_range(&d, cmark_node_next(n), NULL);
    } else {
      e->flags |= LL_ENTRY_PROSE;
      e->name = al->text[0] ? al->text : NULL;
      e->name_span = al->span;
      plain_range(&d, kids, NULL);
    }
    const char *s = d.data;
    size_t len = d.len;
    strip_parens(&s, &len);
    if (len) {
      e->description = arena_trimmed(b, s, len);
      e->desc_span = trim_span(b, ps);
    }
    ll_buf_free(&d);
    set_marker(b, e, item);
    return;
  }
}

/* ------------------------------------------------------------------ */
/* Block entries: **Title**, description, Label: URL                    */
/* ------------------------------------------------------------------ */

static int is_access_text(const char *s) {
  static const char *const words[] = {
      "requires",   "require ",   "registration", "free",
      "paid",       "login",      "log in",       "sign up",
      "signup",     "account",    "licen",        "subscription",
      "commercial", "restricted", "open access",  "public",
      "api key",    "apikey",     "oauth",        "application",
      "approval",   "membership", "request",      "no registration",
      NULL};
  char low[64];
  size_t i = 0;
  while (s[i] && i + 1 < sizeof low) {
    low[i] = (char)ll_tolower((unsigned char)s[i]);
    i++;
  }
  low[i] = '\0';
  const char *p = low;
  while (*p == ' ' || *p == '(' || *p == '[')
    p++;
  for (int k = 0; words[k]; k++)
    if (strncmp(p, words[k], strlen(words[k])) == 0)
      return 1;
  return 0;
}

static void finish_block_entry(struct builder *b) {
  struct ll_entry *e = b->cur;
  if (!e)
    return;
  if (b->desc.len) {
    const char *s = b->desc.data;
    size_t n = b->desc.len;
    trim(&s, &n);
    if (n)
      e->description = ll_arena_strndup(&b->m->arena, s, n);
  }
  b->desc.len = 0;
  b->cur = NULL;
}

static void close_group(struct builder *b) {
  finish_block_entry(b);
  b->ngroup = 0;
  b->orphan = NULL;
}

static void block_title(struct builder *b, cmark_node *strong,
                        struct ll_span span) {
  finish_block_entry(b);
  struct ll_span ss = ll_doc_block_span(&b->view, strong);
  if (cmark_node_get_start_line(strong) <= 0)
    ss = span;
  struct ll_entry *e = new_entry(b, LL_STYLE_BLOCK, ss);
  const char *t = plain(b, strong);
  e->name = arena_trimmed(b, t, strlen(t));
  if (!e->name[0])
    e->name = NULL;
  e->name_span = ss;
  b->group = grow(b->group, &b->group_cap, b->ngroup, sizeof *b->group);
  b->group[b->ngroup++] = e;
  b->cur = e;
  if (b->orphan)
    add_link(b, e, b->orphan, b->orphan->label);
}

/* A labelled link line: give it to the entries waiting for a link. */
static void block_label(struct builder *b, struct ll_link *l,
                        const char *label) {
  size_t waiting = 0;
  for (size_t i = b->ngroup; i-- > 0;) {
    if (b->group[i]->nlinks)
      break;
    waiting++;
  }
  finish_block_entry(b); /* a description ends where its links begin */
  if (waiting) {
    for (size_t i = b->ngroup - waiting; i < b->ngroup; i++)
      add_link(b, b->group[i], l, label);
  } else if (b->ngroup) {
    add_link(b, b->group[b->ngroup - 1], l, label);
  } else {
    b->orphan = l;
    if (!l->label)
      l->label = ll_arena_strdup(&b->m->arena, label);
  }
}

/* "Access: " before a link: return the label (in b->tmp) or NULL. */
static const char *label_of(struct builder *b, cmark_node *text,
                            cmark_node *link) {
  if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
    return NULL;
  if (!is_entry_link(link_of(link)))
    return NULL;
  const char *s = cmark_node_get_literal(text);
  size_t n = strlen(s);
  trim(&s, &n);
  size_t cl = 0;
  if (n >= 1 && s[n - 1] == ':')
    cl = 1;
  else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0)
    cl = 3;
  if (!cl)
    return NULL;
  n -= cl;
  trim(&s, &n);
  if (n == 0 || n > 40 || !ll_isalpha((unsigned char)s[0]))
    return NULL;
  int words = 1;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ')
      words++;
    if (s[i] == '.' || s[i] == ':' || s[i] == ',')
      return NULL;
  }
  if (words > 4)
    return NULL;
  b->tmp.len = 0;
  ll_buf_add(&b->tmp, s, n);
  return b->tmp.data;
}

/* The source span of line k of a paragraph (lines follow source lines). */
static struct ll_span para_line_span(struct builder *b, struct ll_span ps,
                                     int first_line, int k) {
  size_t len;
  const char *p = ll_source_line(&b->view, first_line + k, &len);
  struct ll_span s;
  s.start = (size_t)(p - b->src->data);
  s.end = s.start + len;
  if (s.start < ps.start)
    s.start = ps.start;
  if (s.end > ps.end)
    s.end = ps.end;
  if (s.end < s.start)
    s.end = s.start;
  return trim_span(b, s);
}

/* A bare URL on a short line of its own: "Name  https://x  (about it)". */
static void notes_line(struct builder *b, cmark_node *first, cmark_node *stop,
                       struct ll_span ls) {
  cmark_node *url = NULL;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    struct ll_link *l = link_of(n);
    if (!l)
      continue;
    if (!(l->flags & LL_LINK_AUTOLINK) || !is_entry_link(l))
      return;
    url = n;
    break;
  }
  if (!url)
    return;
  struct ll_buf pre;
  ll_buf_init(&pre, 0);
  ll_buf_add(&pre, "", 0);
  plain_range(&pre, first, url);
  const char *s = pre.data;
  size_t n = pre.len;
  trim(&s, &n);
  int words = n ? 1 : 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ' && i && s[i - 1] != ' ')
      words++;
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i + 1 < n &&
        s[i + 1] == ' ')
      words = 100;
  }
  if (n > 60 || words > 8) {
    ll_buf_free(&pre);
    return;
  }
  /* After the URL: nothing, or a parenthesised description.  Anything
   * else is a sentence that mentions a URL. */
  struct ll_buf post;
  ll_buf_init(&post, 0);
  ll_buf_add(&post, "", 0);
  plain_range(&post, cmark_node_next(url), stop);
  const char *ps = post.data;
  size_t pn = post.len;
  trim(&ps, &pn);
  int prose = pn && ps[0] != '(';
  ll_buf_free(&post);
  if (prose) {
    ll_buf_free(&pre);
    return;
  }
  struct ll_link *l = link_of(url);
  struct ll_entry *e = new_entry(b, LL_STYLE_NOTES, ls);
  add_link(b, e, l, NULL);
  const char *name = s;
  size_t nlen = n;
  /* "Name:" / "Name -": the separator is not part of the name */
  size_t sl = separator_at_end(name, nlen, 0);
  if (sl) {
    nlen -= sl;
    trim(&name, &nlen);
  }
  if (nlen) {
    e->name = ll_arena_strndup(&b->m->arena, name, nlen);
    const char *p =
        find_mem(b->src->data + ls.start, ls.end - ls.start, name, nlen);
    if (p) {
      e->name_span.start = (size_t)(p - b->src->data);
      e->name_span.end = e->name_span.start + nlen;
    }
  }
  pre.len = 0;
  plain_range(&pre, cmark_node_next(url), stop);
  s = pre.data;
  n = pre.len;
  strip_parens(&s, &n);
  if (n) {
    e->description = ll_arena_strndup(&b->m->arena, s, n);
    struct ll_span ds = {l->span.end, ls.end};
    e->desc_span = trim_span(b, ds);
  }
  ll_buf_free(&pre);
}

/* Is n followed, up to stop, by nothing but punctuation and spaces? */
static int ends_line(cmark_node *n, cmark_node *stop) {
  for (cmark_node *c = cmark_node_next(n); c && c != stop;
       c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) != CMARK_NODE_TEXT)
      return 0;
    for (const char *p = cmark_node_get_literal(c); p && *p; p++)
      if (ll_isalnum((unsigned char)*p))
        return 0;
  }
  return 1;
}

/* A description line of a block entry; a bold note at its end is the
 * access condition, not description. */
static void block_text(struct builder *b, cmark_node *first, cmark_node *stop,
                       struct ll_span ls) {
  struct ll_entry *e = b->cur;
  if (!e || e->nlinks)
    return;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) == CMARK_NODE_STRONG &&
        (is_access_text(plain(b, n)) ||
         (n != first_significant(first) && ends_line(n, stop)))) {
      const char *t = plain(b, n);
      e->access = arena_trimmed(b, t, strlen(t));
      e->access_span = ll_doc_block_span(&b->view, n);
      if (cmark_node_get_start_line(n) <= 0)
        e->access_span = ls;
      continue;
    }
    ll_doc_plain(&b->desc, n);
  }
  ll_buf_addc(&b->desc, ' ');
  if (e->desc_span.end == 0)
    e->desc_span = ls;
  else
    e->desc_span.end = ls.end;
  if (ls.end > e->span.end)
    e->span.end = ls.end;
  int col;
  ll_source_linecol(b->src, e->span.end ? e->span.end - 1 : 0, &e->end_line,
                    &col);
}

static void handle_paragraph(struct builder *b, cmark_node *para) {
  struct ll_span ps = ll_doc_block_span(&b->view, para);
  int first_line = cmark_node_get_start_line(para);
  cmark_node *n = cmark_node_first_child(para);
  int k = 0;
  int nlines = cmark_node_get_end_line(para) - first_line + 1;
  while (n) {
    cmark_node *stop = n;
    while (stop && cmark_node_get_type(stop) != CMARK_NODE_SOFTBREAK &&
           cmark_node_get_type(stop) != CMARK_NODE_LINEBREAK)
      stop = cmark_node_next(stop);
    struct ll_span ls = para_line_span(b, ps, first_line, k);
    cmark_node *first = first_significant(n);
    if (first == stop)
      first = NULL;
    cmark_node *strong = NULL;
    cmark_node *inner = first;
    if (first && is_lone_strong(first, stop, &strong))
      inner = first_significant(cmark_node_first_child(strong));
    const char *label =
        inner ? label_of(b, inner, cmark_node_next(inner)) : NULL;
    if (b->block_mode && label) {
      char *lab = ll_arena_strdup(&b->m->arena, label);
      block_label(b, link_of(cmark_node_next(inner)), lab);
    } else if (b->block_mode && strong) {
      const char *t = plain(b, strong);
      if (b->cur && !b->cur->access && is_access_text(t)) {
        b->cur->access = arena_trimmed(b, t, strlen(t));
        b->cur->access_span = ls;
      } else {
        cmark_node *next = cmark_node_next(para);
        int heading_like =
            nlines == 1 && next && cmark_node_get_type(next) == CMARK_NODE_LIST;
        if (heading_like)
          finish_block_entry(b);
        else
          block_title(b, strong, ls);
      }
    } else if (b->block_mode && b->cur) {
      block_text(b, n, stop, ls);
    } else if (!b->block_mode && first) {
      notes_line(b, first, stop, ls);
    }
    n = stop ? cmark_node_next(stop) : NULL;
    k++;
  }
}

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

#define MAX_COLS 64

static void handle_table(struct builder *b, cmark_node *table) {
  static const char *const name_words[] = {
      "name",    "api",     "title",   "project", "tool",     "resource",
      "dataset", "library", "service", "repo",    "software", NULL};
  static const char *const desc_words[] = {"desc", "about", "summary",
                                           "details", NULL};
  static const char *const access_words[] = {
      "auth", "access", "licen", "price", "pricing", "cost", NULL};
  cmark_node *header = cmark_node_first_child(table);
  if (!header)
    return;
  int name_col = -1, desc_col = -1, access_col = -1, ncols = 0;
  for (cmark_node *c = cmark_node_first_child(header); c && ncols < MAX_COLS;
       c = cmark_node_next(c), ncols++) {
    const char *h = plain(b, c);
    if (name_col < 0 && header_is(h, name_words))
      name_col = ncols;
    else if (desc_col < 0 && header_is(h, desc_words))
      desc_col = ncols;
    else if (access_col < 0 && header_is(h, access_words))
      access_col = ncols;
  }
  /* Which column holds the links, and do most rows have one? */
  int with_link[MAX_COLS] = {0};
  int rows = 0, rows_with_link = 0;
  for (cmark_node *r = cmark_node_next(header); r; r = cmark_node_next(r)) {
    rows++;
    int any = 0, col = 0;
    for (cmark_node *c = cmark_node_first_child(r); c && col < MAX_COLS;
         c = cmark_node_next(c), col++) {
      for (cmark_node *x = cmark_node_first_child(c); x;
           x = cmark_node_next(x)) {
        if (is_entry_link(link_of(x))) {
          with_link[col]++;
          any = 1;
          break;
        }
      }
    }
    rows_with_link += any;
  }
  if (rows == 0 || rows_with_link * 2 < rows)
    return; /* not a table of resources */
  if (name_col < 0) {
    for (int c = 0; c < ncols; c++)
      if (with_link[c] * 2 >= rows) {
        name_col = c;
        break;
      }
  }
  if (name_col < 0)
    return;
  for (cmark_node *r = cmark_node_next(header); r; r = cmark_node_next(r)) {
    cmark_node *cells[MAX_COLS] = {0};
    int col = 0;
    for (cmark_node *c = cmark_node_first_child(r); c && col < MAX_COLS;
         c = cmark_node_next(c))
      cells[col++] = c;
    struct ll_span rs = ll_doc_block_span(&b->view, r);
    struct ll_entry *e = new_entry(b, LL_STYLE_TABLE, rs);
    if (cells[name_col]) {
      const char *t = plain(b, cells[name_col]);
      e->name = arena_trimmed(b, t, strlen(t));
      if (!e->name[0])
        e->name = NULL;
      e->name_span = trim_span(b, ll_doc_block_span(&b->view, cells[name_col]));
    }
    /* The name cell's links first, then the first link elsewhere. */
    for (int pass = 0; pass < 2 && e->nlinks == 0; pass++) {
      for (int c = 0; c < col; c++) {
        if ((pass == 0) != (c == name_col))
          continue;
        for (cmark_node *x = cmark_node_first_child(cells[c]); x;
             x = cmark_node_next(x)) {
          struct ll_link *l = link_of(x);
          if (is_entry_link(l)) {
            add_link(b, e, l, NULL);
            if (pass)
              break;
          }
        }
        if (pass && e->nlinks)
          break;
      }
    }
    if (desc_col >= 0 && desc_col < col && cells[desc_col]) {
      const char *t = plain(b, cells[desc_col]);
      e->description = arena_trimmed(b, t, strlen(t));
      if (!e->description[0])
        e->description = NULL; /* an empty cell: no description */
      e->desc_span = trim_span(b, ll_doc_block_span(&b->view, cells[desc_col]));
    }
    if (access_col >= 0 && access_col < col && cells[access_col]) {
      const char *t = plain(b, cells[access_col]);
      e->access = arena_trimmed(b, t, strlen(t));
      e->access_span =
          trim_span(b, ll_doc_block_span(&b->view, cells[access_col]));
    }
  }
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */
/* ------------------------------------------------------------------ */

/* Sections that hold no entries.  A table of contents holds none, but
 * the headings nested under "## Contents" are the list's own sections;
 * under "## Contributing" or "## License" nothing is an entry. */
static int skipped_heading(const char *h, int nested) {
  static const char *const contains[] = {
      "contribut", "license",
      "licence",   "code of conduct",
      "footnote",  "sponsor",
      "backers",   "acknowledg",
      "credits",   "\xE8\xB4\xA1\xE7\x8C\xAE", /* 贡献 */
      NULL};
  static const char *const toc[] = {"contents", "\xE7\x9B\xAE\xE5\xBD\x95",
                                    /* 目录 */ NULL};
  char low[128];
  size_t j = 0;
  for (size_t i = 0; h[i] && j + 1 < sizeof low; i++)
    low[j++] = (char)ll_tolower((unsigned char)h[i]);
  low[j] = '\0';
  for (int k = 0; contains[k]; k++)
    if (strstr(low, contains[k]))
      return 1;
  if (nested)
    return 0;
  for (int k = 0; toc[k]; k++)
    if (strstr(low, toc[k]))
      return 1;
  const char *p = low;
  while (*p && !ll_isalnum((unsigned char)*p))
    p++;
  return strcmp(p, "toc") == 0 || strcmp(p, "index") == 0;
}

static void new_section(struct builder *b, int line) {
  struct ll_model *m = b->m;
  m->sections =
      grow(m->sections, &m->sections_cap, m->nsections, sizeof *m->sections);
  struct ll_section *s = &m->sections[m->nsections++];
  s->depth = b->nheads;
  s->path = ll_arena_alloc(&m->arena, (b->nheads + 1) * sizeof *s->path);
  memcpy(s->path, b->heads, b->nheads * sizeof *s->path);
  s->line = line;
  s->level = 0;
  s->span.start = s->span.end = 0;
  s->skipped = 0;
  for (size_t i = 0; i < b->nheads; i++) {
    size_t ms, me;
    if ((b->head_level[i] > 1 &&
         skipped_heading(b->heads[i], i + 1 < b->nheads)) ||
        (b->skip && ll_pattern_find(b->skip, b->heads[i], strlen(b->heads[i]),
                                    0, &ms, &me) == 1))
      s->skipped = 1;
  }
  b->skipping = s->skipped;
}

static void handle_heading(struct builder *b, cmark_node *h) {
  close_group(b);
  int level = cmark_node_get_heading_level(h);
  while (b->nheads && b->head_level[b->nheads - 1] >= level)
    b->nheads--;
  const char *t = plain(b, h);
  b->heads[b->nheads] = arena_trimmed(b, t, strlen(t));
  b->head_level[b->nheads] = level;
  b->nheads++;
  new_section(b, b->line0 + cmark_node_get_start_line(h));
  struct ll_section *s = &b->m->sections[b->m->nsections - 1];
  s->level = level;
  s->span = ll_doc_block_span(&b->view, h);
}

/* Block mode: the document writes labelled link lines ("Access: URL")
 * under bold titles.  Count them among top-level paragraphs, up to max. */
static int count_labels(struct builder *b, cmark_node *doc, int max) {
  int labels = 0;
  for (cmark_node *p = cmark_node_first_child(doc); p && labels < max;
       p = cmark_node_next(p)) {
    if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
      continue;
    for (cmark_node *n = cmark_node_first_child(p); n; n = cmark_node_next(n)) {
      cmark_node *next = cmark_node_next(n);
      if (next && label_of(b, n, next))
        labels++;
    }
  }
  return labels;
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

/* Find the entries of a tree whose links are collected. */
static void read_tree(struct builder *b, cmark_node *doc) {
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    cmark_node *parent = cmark_node_parent(n);
    switch (t) {
    case CMARK_NODE_HEADING:
      handle_heading(b, n);
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      close_group(b);
      break;
    case CMARK_NODE_HTML_BLOCK:
      if (!b->skipping)
        handle_html_block(b, n);
      break;
    case CMARK_NODE_PARAGRAPH:
      if (!b->skipping) {
        cmark_node_type pt = cmark_node_get_type(parent);
        if (pt == CMARK_NODE_ITEM && cmark_node_first_child(parent) == n) {
          size_t before = b->m->nentries;
          handle_item(b, parent, n);
          if (b->m->nentries > before) /* nested items may join it */
            cmark_node_set_user_data(parent, b->m->entries[b->m->nentries - 1]);
        } else if (pt == CMARK_NODE_DOCUMENT || pt == CMARK_NODE_BLOCK_QUOTE)
          handle_paragraph(b, n);
      }
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      break;
    default:
      if (ll_doc_kind(n) == LL_NODE_TABLE) {
        if (!b->skipping)
          handle_table(b, n);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      }
      break;
    }
  }
  cmark_iter_free(it);
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
  new_section(b, 0);
}

static void builder_done(struct builder *b) {
  close_group(b);
  free(b->group);
  ll_buf_free(&b->tmp);
  ll_buf_free(&b->desc);
  ll_buf_free(&b->text);
  ll_pattern_free(b->skip);
}

/* Read src into b, a piece at a time (whole when split is 0).  Return 1
 * when done, 0 when block mode turned out to be on after the first piece
 * (the caller starts again in it), -1 when cmark-gfm failed. */
static int read_pieces(struct builder *b, int split, int *labels) {
  const struct ll_source *src = b->src;
  struct ll_docmem *mem = NULL;
  int r = 1;
  /* the line index always has line 1, even for empty input: one piece */
  for (size_t line = 0; r == 1 && line < src->nlines;) {
    size_t next = split ? next_piece(src, line) : src->nlines;
    size_t from = src->lines[line];
    size_t to = next < src->nlines ? src->lines[next] : src->len;
    cmark_node *doc = ll_doc_parse(src->data + from, to - from, &mem);
    if (doc && next < src->nlines &&
        piece_open_at_end(doc, (int)(next - line))) {
      ll_doc_reset(mem); /* the heading may be inside: read on whole */
      next = src->nlines;
      to = src->len;
      doc = ll_doc_parse(src->data + from, to - from, &mem);
    }
    if (!doc) {
      r = -1;
      break;
    }
    b->line0 = (int)line;
    b->view.lines = src->lines + line;
    b->view.nlines = src->nlines - line;
    collect_links(b, doc);
    if (!b->block_mode && *labels < 2) {
      *labels += count_labels(b, doc, 2 - *labels);
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

struct ll_model *ll_model_build(const struct ll_source *src,
                                const char *skip_headings, char **err) {
  int split = src->len > ll_piece_min && !may_define_refs(src);
  struct builder b;
  int labels = 0;
  builder_init(&b, src, skip_headings);
  int r = read_pieces(&b, split, &labels);
  if (r == 0) { /* again, in block mode from the start */
    builder_done(&b);
    ll_model_free(b.m);
    builder_init(&b, src, skip_headings);
    b.block_mode = 1;
    r = read_pieces(&b, split, &labels);
  }
  builder_done(&b);
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
  free(m->links);
  free(m->comments);
  free(m->sections);
  free(m);
}
