/* item.c - the link-list reader: a list item is an entry, named by
 * its first link ("- [Name](url) - Description."). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* The item that holds item in a nested list, or NULL. */
static cmark_node *parent_item(cmark_node *item) {
  cmark_node *up = cmark_node_parent(cmark_node_parent(item));
  return up && cmark_node_get_type(up) == CMARK_NODE_ITEM ? up : NULL;
}

/* Does a paragraph start with a field of its parent entry: "Code: [x](u)"
 * or "Paper: https://x" (*label set), or a link whose text is a label
 * ("[[Paper]](u)", "[GitHub](u)" where the list repeats it)? */
static int is_field(struct builder *b, cmark_node *first, int lenient,
                    const char **label) {
  *label = NULL;
  if (!first)
    return 0;
  struct ll_link *l = ll_name_link(first);
  if (l)
    return ll_is_entry_link(l) &&
           ll_is_field_label(b, l->text, strlen(l->text));
  size_t n;
  const char *s;
  cmark_node *next = cmark_node_next(first);
  int colon = 0;
  if (cmark_node_get_type(first) == CMARK_NODE_STRONG) {
    /* "**Paper:** [t](u)", "**Code**: url": a bold label */
    s = ll_doc_literal(cmark_node_first_child(first), &n);
    for (; next && cmark_node_get_type(next) == CMARK_NODE_TEXT;
         next = cmark_node_next(next)) {
      size_t k;
      const char *x = ll_doc_literal(next, &k);
      ll_trim(&x, &k);
      if (k == 1 && *x == ':')
        colon = 1;
      else if (k)
        return 0;
    }
  } else {
    s = ll_doc_literal(first, &n);
  }
  if (!s || !n || !next || !ll_is_entry_link(ll_link_of(next)))
    return 0;
  const char *t = s;
  size_t tn = n;
  ll_trim(&t, &tn);
  colon |= tn && (t[tn - 1] == ':' ||
                  (tn >= 3 && memcmp(t + tn - 3, "\xEF\xBC\x9A", 3) == 0));
  if (!colon ||
      !(lenient ? ll_is_label_form(t, tn) : ll_is_field_label(b, t, tn)))
    return 0;
  char *lab = ll_arena_strndup(&b->m->arena, t, tn);
  *label = ll_label_text(b, lab);
  return 1;
}

/* Is every item of item's list a field, or text without a link (authors,
 * keywords)?  Under an entry with a link of its own, a sub-list is its
 * metadata only when all of it is: "- [Education](u)" among other
 * sub-lists of a language is a resource that happens to recur. */
static int all_fields(struct builder *b, cmark_node *item) {
  /* the answer is the list's: worked out once, kept in its user data
   * (1 + the answer), so that a list of n sub-items takes n steps */
  cmark_node *list = cmark_node_parent(item);
  uintptr_t known = (uintptr_t)cmark_node_get_user_data(list);
  if (known)
    return (int)known - 1;
  const char *label;
  int all = 1;
  for (cmark_node *i = cmark_node_first_child(list); i && all;
       i = cmark_node_next(i)) {
    cmark_node *p = cmark_node_first_child(i);
    if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
      continue;
    cmark_node *kids = cmark_node_first_child(p);
    if (is_field(b, ll_first_significant(kids), 0, &label))
      continue;
    for (cmark_node *n = kids; n && all; n = cmark_node_next(n))
      if (ll_is_entry_link(ll_name_link(n)))
        all = 0;
  }
  cmark_node_set_user_data(list, (void *)(uintptr_t)(all + 1));
  return all;
}

/* The entry of a parent item, made from its title ("**Title**", a plain
 * line) when the title has no link of its own: its links are in the
 * sub-items.  NULL when the parent has no such title. */
static struct ll_entry *parent_entry(struct builder *b, cmark_node *up) {
  struct ll_entry *pe = cmark_node_get_user_data(up);
  if (pe)
    return pe;
  cmark_node *para = cmark_node_first_child(up);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
    return NULL;
  struct ll_span ps = ll_build_trim_span(b, ll_doc_block_span(&b->view, para));
  const char *t = ll_build_plain(b, para);
  size_t n = strlen(t);
  ll_trim(&t, &n);
  /* a task-list box is not part of the name */
  if (n >= 3 && t[0] == '[' && t[2] == ']' &&
      (t[1] == ' ' || t[1] == 'x' || t[1] == 'X')) {
    t += 3;
    n -= 3;
    ll_trim(&t, &n);
  }
  while (n && (t[n - 1] == ':' || t[n - 1] == '-'))
    n--;
  if (n == 0 || n > 300)
    return NULL;
  pe = ll_build_entry(b, LL_STYLE_TITLED, ps);
  pe->name = ll_build_trimmed(b, t, n);
  pe->name_span = ps;
  ll_build_marker(b, pe, up);
  cmark_node_set_user_data(up, pe);
  return pe;
}

/* The name an HTML block opens a disclosure with ("<details>
 * <summary>AlphaFold2</summary>", then the entry's fields as bullets
 * until "</details>"): the summary's text, its bytes in *n, or NULL when
 * the block is no such opening (a linked summary is the HTML reader's
 * entry, see html_entry). */
static const char *summary_name(cmark_node *html, size_t *n) {
  const char *lit = cmark_node_get_literal(html);
  const char *a = lit ? strstr(lit, "<summary") : NULL;
  if (!a || strstr(lit, "</details>"))
    return NULL;
  a = strchr(a, '>');
  const char *z = a ? strstr(a, "</summary>") : NULL;
  if (!z)
    return NULL;
  a++;
  const char *lt = memchr(a, '<', (size_t)(z - a));
  if (lt && (lt[1] == 'a' || lt[1] == 'A') && lt[2] == ' ')
    return NULL;
  while (a < z && ll_isspace((unsigned char)*a))
    a++;
  while (z > a && ll_isspace((unsigned char)z[-1]))
    z--;
  *n = (size_t)(z - a);
  return *n && !memchr(a, '<', *n) ? a : NULL;
}

/* The entry a list's items are fields of when the list follows a bold
 * title line of its own ("**Title**" then "- Paper: url") or a
 * disclosure's summary, or NULL. */
static cmark_node *title_line(cmark_node *item) {
  cmark_node *list = cmark_node_parent(item);
  cmark_node *prev = list ? cmark_node_previous(list) : NULL;
  cmark_node *strong;
  size_t n;
  if (prev && cmark_node_get_type(prev) == CMARK_NODE_HTML_BLOCK &&
      !cmark_node_parent(cmark_node_parent(list)) && summary_name(prev, &n))
    return prev;
  if (!prev || !ll_is_top_paragraph(prev) ||
      !ll_is_lone_strong(cmark_node_first_child(prev), NULL, &strong) ||
      ll_name_link(strong))
    return NULL;
  return prev;
}

/* The entry an HTML block right before item's list ended with ("<summary>
 * <a href=u>Name</a> - about it</summary>" then "- [GitHub](u)"), or
 * NULL. */
static struct ll_entry *html_entry(struct builder *b, cmark_node *item) {
  cmark_node *list = cmark_node_parent(item);
  cmark_node *prev = list ? cmark_node_previous(list) : NULL;
  if (!prev || cmark_node_get_type(prev) != CMARK_NODE_HTML_BLOCK ||
      !b->m->nentries)
    return NULL;
  struct ll_entry *e = b->m->entries[b->m->nentries - 1];
  struct ll_span r = ll_html_block_bytes(b, prev);
  return e->style == LL_STYLE_HTML && e->span.start >= r.start &&
                 e->span.start < r.end
             ? e
             : NULL;
}

static struct ll_entry *title_entry(struct builder *b, cmark_node *item) {
  cmark_node *prev = title_line(item);
  if (!prev)
    return NULL;
  struct ll_entry *e = cmark_node_get_user_data(prev);
  if (e)
    return e;
  size_t n;
  const char *name = cmark_node_get_type(prev) == CMARK_NODE_HTML_BLOCK
                         ? summary_name(prev, &n)
                         : NULL;
  if (name) {
    struct ll_span hs = ll_html_block_bytes(b, prev);
    e = ll_build_entry(b, LL_STYLE_TITLED, hs);
    e->name = ll_build_trimmed(b, name, n);
    e->name_span = ll_build_trim_span(b, hs);
    cmark_node_set_user_data(prev, e);
    return e;
  }
  cmark_node *strong = ll_first_significant(cmark_node_first_child(prev));
  struct ll_span ps = ll_build_trim_span(b, ll_doc_block_span(&b->view, prev));
  if (b->cur && b->cur->span.start == ps.start)
    e = b->cur; /* block mode read the title already */
  if (!e) {
    const char *t = ll_build_plain(b, strong);
    e = ll_build_entry(b, LL_STYLE_TITLED, ps);
    e->name = ll_build_trimmed(b, t, strlen(t));
    e->name_span = ps;
  }
  cmark_node_set_user_data(prev, e);
  return e;
}

/* "Name https://x", "Name: https://x - about it", "Name https://x (about
 * it)": a short text before a bare URL names the entry, and the text
 * after it (past a separator) describes it.  0 when the text before is
 * a sentence, not a name. */
static int bare_named(struct builder *b, struct ll_entry *e, cmark_node *kids,
                      cmark_node *url, struct ll_span ps) {
  size_t n;
  const char *s = ll_build_range(b, kids, url, &n);
  if (n == 0 || !ll_is_name_text(s, n, 1))
    return 0;
  n -= ll_separator_at_end(s, n, 1);
  ll_trim(&s, &n);
  e->name = ll_build_trimmed(b, s, n);
  ll_build_name_span(b, e, ps);
  const char *d = b->src->data;
  /* the rest of the URL's line describes it (a line after it is not
   * this entry's: a lazy continuation, another note) */
  struct ll_link *l = ll_link_of(url);
  s = ll_build_range(b, cmark_node_next(url), ll_line_end(url), &n);
  ll_take_separator(&s, &n);
  ll_strip_parens(&s, &n);
  if (n) {
    e->description = ll_build_trimmed(b, s, n);
    int line, col;
    ll_source_linecol(b->src, l->span.end, &line, &col);
    size_t ll;
    const char *lp = ll_source_line(b->src, line, &ll);
    struct ll_span ds = {l->span.end, (size_t)(lp - d) + ll};
    e->desc_span = ll_build_trim_span(b, ds);
  }
  return 1;
}

/* "Name - description" (text only): where the separator is, or NULL. */
static const char *split_name(const char *s, size_t n, size_t *seplen) {
  int i;
  const char *q = ll_spaced_separator(s, n, &i);
  if (q && q > s) {
    *seplen = (size_t)ll_separator_len[i] + 2;
    return q;
  }
  const char *c = memchr(s, ':', n < 60 ? n : 60); /* "Name: about it" */
  if (c && c > s && c + 1 < s + n && c[1] == ' ') {
    *seplen = 2;
    return c;
  }
  return NULL;
}

/* The labelled link lines of a paragraph ("Access: URL"), given to e. */
static int add_labelled(struct builder *b, struct ll_entry *e, cmark_node *para,
                        int dry) {
  int found = 0;
  for (cmark_node *n = cmark_node_first_child(para); n;) {
    cmark_node *stop = ll_line_end(n);
    cmark_node *first = ll_first_significant(n);
    const char *label = first && first != stop
                            ? ll_label_of(b, first, cmark_node_next(first))
                            : NULL;
    if (label) {
      found = 1;
      if (!dry) {
        char *lab = ll_arena_strdup(&b->m->arena, label);
        ll_build_link(b, e, ll_link_of(cmark_node_next(first)), lab);
      }
    }
    n = stop ? cmark_node_next(stop) : NULL;
  }
  if (found && !dry)
    ll_build_extend(b, e, ll_doc_block_span(&b->view, para).end);
  return found;
}

/* "- Name - description" with no link, whose links follow as labelled
 * lines ("Access: URL"): in the item, under it, or in the paragraph right
 * after its list (where block mode gives them to it). */
static void labelled_item(struct builder *b, cmark_node *item, cmark_node *para,
                          struct ll_span ps) {
  cmark_node *list = cmark_node_parent(item);
  cmark_node *after = cmark_node_next(list);
  int inside = 0, below = 0;
  for (cmark_node *p = cmark_node_next(para); p && !inside;
       p = cmark_node_next(p))
    inside = cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH &&
             add_labelled(b, NULL, p, 1);
  /* (not when a block entry waits for its links: the list is part of
   * its description, "- topic one" "- topic two" then "Access: URL") */
  int waiting = b->ngroup && !b->group[b->ngroup - 1]->nlinks;
  if (!inside)
    below = b->block_mode && !waiting && !cmark_node_next(item) && after &&
            ll_is_top_paragraph(after) && add_labelled(b, NULL, after, 1);
  if (!inside && !below)
    return;
  const char *t = ll_build_plain(b, para);
  size_t n = strlen(t), sl = 0;
  ll_trim(&t, &n);
  const char *sep = n ? split_name(t, n, &sl) : NULL;
  if (!n)
    return;
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_TITLED, ps);
  e->name = ll_build_trimmed(b, t, sep ? (size_t)(sep - t) : n);
  if (sep) {
    const char *ds = sep + sl;
    size_t dn = n - (size_t)(ds - t);
    ll_trim(&ds, &dn);
    if (dn)
      e->description = ll_build_trimmed(b, ds, dn);
  }
  ll_build_marker(b, e, item);
  if (inside) {
    for (cmark_node *p = cmark_node_next(para); p; p = cmark_node_next(p))
      if (cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH)
        add_labelled(b, e, p, 0);
  } else {
    ll_block_adopt(b, e);
  }
}

/* After the name node: only links whose texts are labels, to the line's
 * end ("[[code](u)] [[demo](v)]")?  The first of them, or NULL. */
static cmark_node *first_field(struct builder *b, cmark_node *name) {
  cmark_node *n = cmark_node_next(name);
  /* past spaces and punctuation only ("] [", " - ") */
  while (n && cmark_node_get_type(n) == CMARK_NODE_TEXT &&
         ll_paper_tail(name, cmark_node_next(n)))
    n = cmark_node_next(n);
  struct ll_link *l = n ? ll_link_of(n) : NULL;
  if (!ll_is_entry_link(l) || (l->flags & LL_LINK_AUTOLINK) ||
      !ll_is_field_link(b, l) || !ll_paper_tail(n, ll_line_end(n)))
    return NULL;
  return n;
}

/* The paragraph of the first sub-item under an item's paragraph para, or
 * NULL; *only: whether that sub-item is the only one. */
static cmark_node *sub_paragraph(cmark_node *para, int *only) {
  cmark_node *list = cmark_node_next(para);
  cmark_node *sub = list && cmark_node_get_type(list) == CMARK_NODE_LIST
                        ? cmark_node_first_child(list)
                        : NULL;
  cmark_node *p = sub ? cmark_node_first_child(sub) : NULL;
  *only = sub && !cmark_node_next(sub);
  return p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH ? p : NULL;
}

/* "[Name](u):" with its description in the sub-item below, a line of
 * text without links: that line describes it. */
static void nested_description(struct builder *b, struct ll_entry *e,
                               cmark_node *para) {
  int only;
  cmark_node *p = sub_paragraph(para, &only);
  if (!p)
    return;
  for (cmark_node *n = cmark_node_first_child(p); n; n = cmark_node_next(n))
    if (ll_is_entry_link(ll_name_link(n)))
      return;
  const char *t = ll_build_plain(b, p);
  size_t n = strlen(t);
  ll_trim(&t, &n);
  if (!n)
    return;
  e->description = ll_build_trimmed(b, t, n);
  struct ll_span ds = ll_build_trim_span(b, ll_doc_block_span(&b->view, p));
  e->desc_span = ds;
  ll_build_extend(b, e, ds.end);
}

/* "* Univ. Montreal [[Paper](u)]" over "  * K. Cho, B. van Merrienboer,
 * *Learning Phrase Representations ...*, EMNLP 2014": a paper entry named
 * by a short label (the lab) whose one sub-item, without links, cites
 * it.  The citation describes the paper and its emphasised title names
 * it. */
static void nested_citation(struct builder *b, struct ll_entry *e,
                            cmark_node *para) {
  int only;
  cmark_node *p = sub_paragraph(para, &only);
  if (e->description || !p || !only)
    return;
  cmark_node *title = NULL;
  for (cmark_node *n = cmark_node_first_child(p); n; n = cmark_node_next(n)) {
    if (ll_link_of(n))
      return;
    if (!title && cmark_node_get_type(n) == CMARK_NODE_EMPH)
      title = n;
  }
  const char *tt = title ? ll_build_plain(b, title) : NULL;
  if (!tt || ll_count_words(tt, strlen(tt)) < 3)
    return;
  tt = ll_build_trimmed(b, tt, strlen(tt)); /* plain text is scratch */
  const char *t = ll_build_plain(b, p);
  size_t n = strlen(t);
  ll_trim(&t, &n);
  e->description = ll_build_trimmed(b, t, n);
  e->desc_span = ll_build_trim_span(b, ll_doc_block_span(&b->view, p));
  ll_build_extend(b, e, e->desc_span.end);
  if (!e->name || ll_count_words(e->name, strlen(e->name)) <= 4) {
    e->name = tt;
    e->name_span = ll_build_trim_span(b, ll_doc_block_span(&b->view, title));
  }
}

/* The link after the badges that lead an item ("- ![v3](i) [Name](u)",
 * "- [![CI](i)](c) [Name](u) - About it."): the badges say something
 * about the entry, the link names it.  first when no badge leads, or no
 * link follows them. */
static cmark_node *past_badges(cmark_node *first) {
  cmark_node *n = first;
  struct ll_link *l;
  while (n && (l = ll_link_of(n)) != NULL && (l->flags & LL_LINK_IMAGE))
    n = ll_first_significant(cmark_node_next(n));
  return n != first && n && cmark_node_get_type(n) == CMARK_NODE_LINK &&
                 ll_is_entry_link(ll_name_link(n))
             ? n
             : first;
}

/* An item being read: its first paragraph, that paragraph's span and
 * inlines, and the item it is nested in (NULL at the top). */
struct item {
  cmark_node *item, *para, *kids, *up;
  struct ll_span ps;
};

/* A sub-item that is a field of its parent entry: its links are the
 * parent's ("- Code: url", "- [[Paper]](url)" under a title). */
static int parent_field(struct builder *b, const struct item *it) {
  const char *label;
  /* under a title without a link, any "Label: url" is a field */
  int lenient =
      it->up ? !cmark_node_get_user_data(it->up) : title_line(it->item) != NULL;
  if (!is_field(b, ll_first_significant(it->kids), lenient, &label) ||
      !(lenient || all_fields(b, it->item)))
    return 0;
  struct ll_entry *pe =
      it->up ? parent_entry(b, it->up) : title_entry(b, it->item);
  if (!pe && !it->up)
    pe = html_entry(b, it->item);
  if (!pe)
    return 0;
  ll_build_fields(b, pe, ll_first_significant(it->kids), NULL, label);
  ll_build_extend(b, pe, it->ps.end);
  return 1;
}

static int block_title(struct builder *b, const struct item *it) {
  cmark_node *strong;
  if (!b->block_mode || !ll_is_lone_strong(it->kids, NULL, &strong))
    return 0;
  cmark_node *c = ll_first_significant(cmark_node_first_child(strong));
  if (c && cmark_node_get_type(c) == CMARK_NODE_LINK)
    return 0;
  ll_block_title(b, strong, it->ps);
  return 1;
}

static void link_name(struct builder *b, struct ll_entry *e,
                      const struct ll_link *l) {
  const char *name = l->text;
  size_t nlen = strlen(name);
  ll_trim(&name, &nlen);
  if (!nlen)
    return;
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

/* "- [Name](u) - About it.": the item's first link names it. */
static int named_by_link(struct builder *b, const struct item *it,
                         cmark_node *first) {
  struct ll_link *l = ll_name_link(first);
  if (!l || (l->flags & LL_LINK_AUTOLINK))
    return 0;
  /* "[Name]()": an entry whose link was left empty, so it has none */
  int empty = !l->url[0] && l->text[0] && !(l->flags & LL_LINK_IMAGE);
  if (!ll_is_entry_link(l) && !empty)
    return 1; /* a badge, or a table of contents */
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_LINK_LIST, it->ps);
  if (!empty)
    ll_build_link(b, e, l, NULL);
  link_name(b, e, l);
  cmark_node *fl = first_field(b, first);
  if (fl) {
    /* "**[Title](u)** [[code](c)]": a paper named by its title, its
     * other links labelled; an authors line below is no description */
    e->style = LL_STYLE_PAPER;
    e->flags = LL_ENTRY_LABELLED | LL_ENTRY_TITLED;
    ll_build_fields(b, e, fl, ll_line_end(fl), NULL);
    e->separator = NULL;
  } else {
    ll_build_description(b, e, first, ll_build_node_end(b, first, l), it->ps,
                         0);
    if (e->description && !e->description[0])
      nested_description(b, e, it->para);
  }
  ll_build_marker(b, e, it->item);
  return 1;
}

/* "Name: https://x" or "Name - [x](y)": a short label, then the link. */
static int named_by_prefix(struct builder *b, const struct item *it,
                           cmark_node *first) {
  if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT)
    return 0;
  cmark_node *next = cmark_node_next(first);
  struct ll_link *nl = next ? ll_link_of(next) : NULL;
  const char *lit = cmark_node_get_literal(first);
  const char *name;
  size_t nlen;
  if (!ll_is_entry_link(nl) || !ll_name_prefix(lit, strlen(lit), &name, &nlen))
    return 0;
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_LINK_LIST, it->ps);
  ll_build_link(b, e, nl, NULL);
  e->name = ll_arena_strndup(&b->m->arena, name, nlen);
  ll_build_name_span(b, e, it->ps);
  /* "Name: https://x" alone on its line: a line after it is not its
   * description (a lazy continuation line, another note) */
  cmark_node *after = cmark_node_next(next);
  if (!((nl->flags & LL_LINK_AUTOLINK) && after &&
        (cmark_node_get_type(after) == CMARK_NODE_SOFTBREAK ||
         cmark_node_get_type(after) == CMARK_NODE_LINEBREAK)))
    ll_build_description(b, e, next, nl->span.end, it->ps, 1);
  e->separator = NULL; /* not the list's separator: no convention */
  ll_build_marker(b, e, it->item);
  return 1;
}

/* An entry of the link n inside the item's text: a bare URL named by the
 * text before it or described by the sentence around it, or a link in
 * prose. */
static void link_in_text(struct builder *b, const struct item *it,
                         cmark_node *n, struct ll_link *al) {
  struct ll_entry *e = ll_build_entry(b, LL_STYLE_LINK_LIST, it->ps);
  ll_build_link(b, e, al, NULL);
  if ((al->flags & LL_LINK_AUTOLINK) && bare_named(b, e, it->kids, n, it->ps)) {
    ll_build_marker(b, e, it->item);
    return;
  }
  struct ll_buf d;
  ll_buf_init(&d, 0);
  ll_buf_add(&d, "", 0);
  if (al->flags & LL_LINK_AUTOLINK) {
    /* A bare URL in a sentence: the text describes it, nothing names
     * it. */
    ll_plain_range(&d, it->kids, n);
    ll_buf_addc(&d, ' ');
    ll_plain_range(&d, cmark_node_next(n), NULL);
  } else {
    e->flags |= LL_ENTRY_PROSE;
    e->name = al->text[0] ? al->text : NULL;
    e->name_span = al->span;
    ll_plain_range(&d, it->kids, NULL);
  }
  const char *s = d.data;
  size_t len = d.len;
  ll_strip_parens(&s, &len);
  if (len) {
    e->description = ll_build_trimmed(b, s, len);
    e->desc_span = ll_build_trim_span(b, it->ps);
  }
  ll_buf_free(&d);
  ll_build_marker(b, e, it->item);
}

/* Otherwise the first real link of the item, if any. */
static int first_link(struct builder *b, const struct item *it) {
  for (cmark_node *n = it->kids; n; n = cmark_node_next(n)) {
    struct ll_link *al = ll_link_of(n);
    if (!ll_is_entry_link(al))
      continue;
    if (!(al->flags & LL_LINK_AUTOLINK) && ll_is_field_link(b, al) &&
        ll_paper_tail(n, NULL) && ll_paper_head(it->kids, n)) {
      struct ll_entry *pe = ll_paper_read(b, it->kids, NULL, n, it->ps);
      nested_citation(b, pe, it->para);
      ll_build_marker(b, pe, it->item);
      return 1;
    }
    if ((al->flags & LL_LINK_AUTOLINK) && ll_is_alone(it->kids, n)) {
      /* A bare URL alone under an entry: another link of that entry
       * (a mirror, a website), not an entry of its own. */
      struct ll_entry *pe = it->up ? cmark_node_get_user_data(it->up) : NULL;
      if (pe) {
        ll_build_link(b, pe, al, NULL);
        return 1;
      }
    }
    link_in_text(b, it, n, al);
    return 1;
  }
  return 0;
}

static void item_read(struct builder *b, cmark_node *item, cmark_node *para) {
  struct item it = {item, para, cmark_node_first_child(para), parent_item(item),
                    ll_doc_block_span(&b->view, para)};
  if (parent_field(b, &it) || block_title(b, &it))
    return;
  cmark_node *first = past_badges(ll_first_significant(it.kids));
  if (named_by_link(b, &it, first) || named_by_prefix(b, &it, first) ||
      first_link(b, &it))
    return;
  labelled_item(b, item, para, it.ps);
}

/* The first paragraph of a list item; the item remembers its entry, so
 * that nested items may join it. */
static int claim(struct builder *b, cmark_node *n) {
  cmark_node *item = cmark_node_parent(n);
  if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || !item ||
      cmark_node_get_type(item) != CMARK_NODE_ITEM ||
      cmark_node_first_child(item) != n)
    return 0;
  /* each item is the topic of what is nested in it: its number, kept by
   * nesting depth (the walk is depth-first) */
  int depth = 0;
  for (cmark_node *p = cmark_node_parent(item); p && depth < LL_DEPTH_MAX;
       p = cmark_node_parent(p))
    depth += cmark_node_get_type(p) == CMARK_NODE_LIST;
  b->topics[depth] = ++b->topic;
  size_t before = b->m->nentries;
  item_read(b, item, n);
  if (b->m->nentries > before) {
    struct ll_entry *e = b->m->entries[b->m->nentries - 1];
    cmark_node *up = parent_item(item);
    struct ll_entry *pe = up ? cmark_node_get_user_data(up) : NULL;
    if (pe && pe != e)
      pe->flags |= LL_ENTRY_GROUP; /* its sub-items are entries */
    if (!cmark_node_get_user_data(item))
      cmark_node_set_user_data(item, e);
  }
  return 1;
}

const struct ll_reader ll_reader_item = {"item", claim};
