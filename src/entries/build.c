/* build.c - the one builder API every reader makes entries through:
 * new entries, their links, names, separators, descriptions, markers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"
#include "unicode.h"

char *ll_build_trimmed(struct builder *b, const char *s, size_t n) {
  ll_trim(&s, &n);
  return ll_arena_strndup(&b->m->arena, s, n);
}

const char *ll_build_range(struct builder *b, cmark_node *first,
                           cmark_node *stop, size_t *n) {
  struct ll_buf *t = &b->text;
  t->len = 0;
  ll_buf_add(t, "", 0);
  ll_plain_range(t, first, stop);
  const char *s = t->data;
  *n = t->len;
  ll_trim(&s, n);
  return s;
}

const char *ll_build_plain(struct builder *b, cmark_node *n) {
  b->tmp.len = 0;
  ll_buf_add(&b->tmp, "", 0);
  ll_doc_plain(&b->tmp, n);
  return b->tmp.data;
}

struct ll_entry *ll_build_entry(struct builder *b, enum ll_style style,
                                struct ll_span span) {
  struct ll_model *m = b->m;
  struct ll_entry *e = ll_arena_alloc(&m->arena, sizeof *e);
  memset(e, 0, sizeof *e);
  e->style = style;
  static const unsigned traits[LL_STYLE__COUNT] = {
      [LL_STYLE_LINK_LIST] = LL_ENTRY_ITEM | LL_ENTRY_INLINE,
      [LL_STYLE_BLOCK] = LL_ENTRY_LABELLED,
      [LL_STYLE_NOTES] = LL_ENTRY_NOTE,
      [LL_STYLE_TABLE] = LL_ENTRY_ROW,
      [LL_STYLE_HTML] = LL_ENTRY_INLINE,
      [LL_STYLE_TITLED] = LL_ENTRY_LABELLED,
      [LL_STYLE_PAPER] = LL_ENTRY_LABELLED,
      [LL_STYLE_HEADING] = LL_ENTRY_LABELLED,
      [LL_STYLE_GENERAL] = LL_ENTRY_LABELLED};
  e->flags = traits[style];
  e->span = span;
  e->section = m->nsections - 1;
  int col;
  ll_source_linecol(b->src, span.start, &e->line, &col);
  ll_source_linecol(b->src, span.end > span.start ? span.end - 1 : span.start,
                    &e->end_line, &col);
  m->entries =
      ll_grow(m->entries, &m->entries_cap, m->nentries, sizeof *m->entries);
  m->entries[m->nentries++] = e;
  return e;
}

void ll_build_link(struct builder *b, struct ll_entry *e, struct ll_link *l,
                   const char *label) {
  if (!l || l->entry == e)
    return;
  if (l->entry) /* a shared link: is it e's already? (rare, short) */
    for (size_t i = 0; i < e->nlinks; i++)
      if (e->links[i] == l)
        return;
  /* Entry link arrays live in the arena and grow geometrically: an
   * entry with thousands of link lines takes linear memory. */
  if (e->nlinks == e->links_cap) {
    size_t cap = e->links_cap ? e->links_cap * 2 : 2;
    struct ll_link **v = ll_arena_alloc(&b->m->arena, cap * sizeof *v);
    if (e->nlinks)
      memcpy(v, e->links, e->nlinks * sizeof *v);
    e->links = v;
    e->links_cap = cap;
  }
  e->links[e->nlinks++] = l;
  if (l->entry && l->entry != e)
    l->flags |= LL_LINK_SHARED;
  else
    l->entry = e;
  l->flags |= LL_LINK_ENTRY;
  if (label && !l->label)
    l->label = ll_arena_strdup(&b->m->arena, label);
  if (e->nlinks == 1) {
    l->flags |= LL_LINK_PRIMARY;
  } else if (l->label && e->links[0]->label && ll_label_rank(l->label) >= 2 &&
             ll_label_rank(l->label) > ll_label_rank(e->links[0]->label)) {
    /* "Paper: x" then "Access: y": the resource itself is y */
    struct ll_link *p = e->links[0];
    p->flags &= ~(unsigned)LL_LINK_PRIMARY;
    l->flags |= LL_LINK_PRIMARY;
    memmove(e->links + 1, e->links, (e->nlinks - 1) * sizeof *e->links);
    e->links[0] = l;
  }
  ll_build_extend(b, e, l->span.end);
}

void ll_build_name_span(struct builder *b, struct ll_entry *e,
                        struct ll_span where) {
  const char *d = b->src->data;
  size_t n = strlen(e->name);
  const char *p =
      ll_find_mem(d + where.start, where.end - where.start, e->name, n);
  if (p) {
    e->name_span.start = (size_t)(p - d);
    e->name_span.end = e->name_span.start + n;
  }
}

void ll_build_extend(struct builder *b, struct ll_entry *e, size_t end) {
  if (end <= e->span.end)
    return;
  e->span.end = end;
  int col;
  ll_source_linecol(b->src, end - 1, &e->end_line, &col);
}

struct ll_span ll_build_source_separator(struct builder *b, size_t off,
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

struct ll_span ll_build_trim_span(struct builder *b, struct ll_span s) {
  const char *d = b->src->data;
  while (s.start < s.end && ll_isspace((unsigned char)d[s.start]))
    s.start++;
  while (s.end > s.start && ll_isspace((unsigned char)d[s.end - 1]))
    s.end--;
  return s;
}

/* A line break followed by a navigation link ("**[back to top](#x)**",
 * written right under an item, joins the item's paragraph): the
 * description stops there. */
cmark_node *ll_nav_line(cmark_node *n) {
  for (; n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK)
      continue;
    cmark_node *x = cmark_node_next(n);
    while (x && ll_is_blank_text(x))
      x = cmark_node_next(x);
    if (x && (cmark_node_get_type(x) == CMARK_NODE_STRONG ||
              cmark_node_get_type(x) == CMARK_NODE_EMPH))
      x = cmark_node_first_child(x);
    struct ll_link *l = x ? ll_link_of(x) : NULL;
    if (l && (l->flags & LL_LINK_NAV))
      return n;
  }
  return NULL;
}

/* Are the nodes first..stop after a name, without a separator, notes
 * about the entry rather than its description: phrases in emphasis
 * ("_In Chinese_"), then perhaps an attribution ("by @user", "by [Jane
 * Doe](u)")? */
static int is_note(cmark_node *first, cmark_node *stop) {
  int any = 0;
  for (cmark_node *x = first; x && x != stop; x = cmark_node_next(x)) {
    cmark_node_type t = cmark_node_get_type(x);
    if (ll_is_blank_text(x))
      continue;
    if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG) {
      any = 1;
      continue;
    }
    if (t != CMARK_NODE_TEXT)
      return 0;
    const char *s = cmark_node_get_literal(x);
    while (*s == ' ')
      s++;
    return (s[0] == 'b' || s[0] == 'B') && s[1] == 'y' && s[2] == ' ' &&
           (s[3] || (cmark_node_next(x) && cmark_node_next(x) != stop));
  }
  return any;
}

/* The description after a name node: plain text of what follows it in
 * the paragraph, with its separator taken off. */
/* Text that joins two names: "、", ",", "/", "&", "and" with spaces. */
static int is_joiner(const char *s, size_t n) {
  ll_trim(&s, &n);
  return (n == 3 && memcmp(s, "\xE3\x80\x81", 3) == 0) || /* 、 */
         (n == 1 && (s[0] == ',' || s[0] == '/' || s[0] == '&')) ||
         (n == 3 && memcmp(s, "and", 3) == 0);
}

void ll_build_description(struct builder *b, struct ll_entry *e,
                          cmark_node *after, size_t src_off,
                          struct ll_span para, int parens) {
  /* "[A](u)、[B](v)：about both": two links name the entry; its
   * separator and description come after the last of them */
  for (;;) {
    cmark_node *j = cmark_node_next(after);
    cmark_node *l2 = j ? cmark_node_next(j) : NULL;
    size_t jn;
    const char *js = j ? ll_doc_literal(j, &jn) : NULL;
    struct ll_link *nl = l2 ? ll_link_of(l2) : NULL;
    if (!js || !ll_is_entry_link(nl) || !is_joiner(js, jn))
      break;
    after = l2;
    src_off = nl->span.end;
  }
  struct ll_buf *d = &b->text;
  d->len = 0;
  ll_buf_add(d, "", 0);
  cmark_node *nav = ll_nav_line(cmark_node_next(after));
  ll_plain_range(d, cmark_node_next(after), nav);
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
  ll_trim(&s, &n);
  if (n == 0) {
    e->separator = "";
    e->sep_span.start = e->sep_span.end = src_off;
    return;
  }
  const char *sep = ll_take_separator(&s, &n);
  e->separator = sep;
  e->sep_span = ll_build_source_separator(b, src_off, para.end, sep);
  if (!sep[0] && s[0] == '(') {
    e->separator = NULL; /* "(PDF)": a note, not a description's form */
  } else if (!sep[0]) {
    /* "[x](u) by @someone - Description", "[x](u) :copyright: -
     * Description": a qualifier or an emoji, then the separator. */
    int i;
    const char *q = ll_spaced_separator(s, n, &i);
    if (q) {
      char pat[8];
      snprintf(pat, sizeof pat, " %s ", ll_separators[i]);
      size_t pl = strlen(pat);
      e->separator = ll_separators[i];
      n -= (size_t)(q - s) + pl;
      s = q + pl;
      const char *w =
          ll_find_mem(b->src->data + src_off, para.end - src_off, pat, pl);
      if (w) {
        e->sep_span.start = (size_t)(w - b->src->data) + 1;
        e->sep_span.end = e->sep_span.start + pl - 2;
      }
    }
    /* "by @user", "_In Chinese_": a note too, no separator or case to
     * judge */
    if (!e->separator[0] && is_note(cmark_node_next(after), nav))
      e->separator = NULL;
    /* "[awesome-x](u) series", "[x](u) 系列": one short word after the
     * name qualifies it; it is no description whose form is judged */
    if (e->separator && !e->separator[0] && n <= 12 && !memchr(s, ' ', n))
      e->separator = NULL;
  }
  if (parens)
    ll_strip_parens(&s, &n);
  e->description = ll_build_trimmed(b, s, n);
  struct ll_span ds = {e->sep_span.end, para.end};
  e->desc_span = ll_build_trim_span(b, ds);
}

size_t ll_build_node_end(struct builder *b, cmark_node *n, struct ll_link *l) {
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

void ll_build_marker(struct builder *b, struct ll_entry *e, cmark_node *item) {
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
  /* counted up to LL_DEPTH_MAX: a list nested thousands deep costs no
   * more per entry */
  e->depth = 0;
  for (cmark_node *p = list; p && e->depth < LL_DEPTH_MAX;
       p = cmark_node_parent(p))
    e->depth += cmark_node_get_type(p) == CMARK_NODE_LIST;
  e->topic = e->depth > 1 ? b->topics[e->depth - 1] : 0;
}

cmark_node *ll_first_significant(cmark_node *n) {
  while (n && (ll_is_blank_text(n) || ll_is_decoration_text(n)))
    n = cmark_node_next(n);
  return n;
}

/* The link that names an entry: the first node, or emphasis around it. */
struct ll_link *ll_name_link(cmark_node *first) {
  if (!first)
    return NULL;
  cmark_node_type t = cmark_node_get_type(first);
  if (t == CMARK_NODE_LINK)
    return ll_link_of(first);
  if (t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH) {
    cmark_node *c = ll_first_significant(cmark_node_first_child(first));
    if (c && cmark_node_get_type(c) == CMARK_NODE_LINK)
      return ll_link_of(c);
  }
  return NULL;
}

/* Is n text of pictographs and symbols only ("🚧", "⭐"), beside a
 * title a decoration, not words? */
static int is_decoration(cmark_node *n) {
  size_t len;
  const char *s = cmark_node_get_type(n) == CMARK_NODE_TEXT
                      ? ll_doc_literal(n, &len)
                      : NULL;
  int any = 0;
  for (size_t i = 0; s && i < len;) {
    size_t k;
    unsigned c = ll_u8_at(s + i, len - i, &k);
    if (c == ' ' || c == '\t') {
      i += k;
      continue;
    }
    /* above the general punctuation block, no letter or digit of any
     * script; a variation selector or a joiner goes with its emoji */
    if (c < 0x2100 || (ll_u8_is_word(c) && c != 0xFE0F && c != 0x200D))
      return 0;
    any = 1;
    i += k;
  }
  return any;
}

int ll_is_lone_strong(cmark_node *first, cmark_node *stop,
                      cmark_node **strong) {
  cmark_node *s = NULL;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (ll_is_blank_text(n) || (s && is_decoration(n)))
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
int ll_is_alone(cmark_node *first, cmark_node *n) {
  for (cmark_node *c = first; c; c = cmark_node_next(c))
    if (c != n && !ll_is_blank_text(c))
      return 0;
  return 1;
}

/* The source span of line k of a paragraph (lines follow source lines). */
struct ll_span ll_para_line_span(struct builder *b, struct ll_span ps,
                                 int first_line, int k) {
  size_t len;
  struct ll_span s;
  int line = first_line + k;
  if (line < 1 || (size_t)line > b->view.nlines) {
    /* no such line in the view (a piece's last paragraph): its text
     * would be ll_source_line's static "", and an offset from it wild */
    s.start = s.end = ps.end;
    return s;
  }
  const char *p = ll_source_line(&b->view, line, &len);
  s.start = (size_t)(p - b->src->data);
  s.end = s.start + len;
  if (s.start < ps.start)
    s.start = ps.start;
  if (s.end > ps.end)
    s.end = ps.end;
  if (s.end < s.start)
    s.end = s.start;
  return ll_build_trim_span(b, s);
}

/* The line break that ends the line n is on, or NULL at the end. */
cmark_node *ll_line_end(cmark_node *n) {
  while (n && cmark_node_get_type(n) != CMARK_NODE_SOFTBREAK &&
         cmark_node_get_type(n) != CMARK_NODE_LINEBREAK)
    n = cmark_node_next(n);
  return n;
}

/* A paragraph of the document's own, or of a block quote. */
int ll_is_top_paragraph(cmark_node *n) {
  cmark_node *p = cmark_node_parent(n);
  if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || !p)
    return 0;
  cmark_node_type pt = cmark_node_get_type(p);
  return pt == CMARK_NODE_DOCUMENT || pt == CMARK_NODE_BLOCK_QUOTE;
}

void ll_build_fields(struct builder *b, struct ll_entry *e, cmark_node *first,
                     cmark_node *stop, const char *label) {
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
    struct ll_link *l = ll_name_link(n);
    if (!ll_is_entry_link(l))
      continue;
    ll_build_link(b, e, l, label ? label : ll_label_text(b, l->text));
  }
}
