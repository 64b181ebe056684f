/* html.c - the HTML reader: lines of an HTML block that start with a
 * link ("<a href=url><b>Name</b></a> - Description.<br>"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

/* Where the description of an HTML entry line ends: at a line break or
 * a closing tag of the line's container. */
static const char *html_line_end(const char *p, const char *end) {
  /* (not </td>: in a table row the description is the next cell; the
   * row's end ends it) */
  static const char *const stops[] = {"<br",   "</li", "</p",
                                      "</div", "</tr", NULL};
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

/* Is a table row open after p..end, given whether one was before? */
static int row_state(const char *p, const char *end, int open) {
  for (; (p = memchr(p, '<', (size_t)(end - p))); p++) {
    size_t n = (size_t)(end - p);
    int close = n > 1 && p[1] == '/';
    const char *t = p + 1 + close;
    if ((size_t)(end - t) >= 3 && (t[0] == 't' || t[0] == 'T') &&
        (t[1] == 'r' || t[1] == 'R') &&
        (t[2] == '>' || t[2] == ' ' || t[2] == '\t' || t[2] == '\n'))
      open = !close;
  }
  return open;
}

/* s without white space and tags at its end, but not below floor: a
 * row's description ends with its text, not at the next row's first line
 * ("Desc. </td>\n</tr>\n<tr>\n<td> <img ...> </td>"). */
static struct ll_span trim_tags_end(struct builder *b, struct ll_span s,
                                    size_t floor) {
  const char *d = b->src->data;
  for (;;) {
    s = ll_build_trim_span(b, s);
    if (s.end <= floor || d[s.end - 1] != '>')
      return s;
    size_t lt = s.end - 1;
    while (lt > floor && d[lt] != '<')
      lt--;
    if (d[lt] != '<' || lt < floor)
      return s;
    s.end = lt;
  }
}

/* A line that starts with a link: an entry if the block describes its
 * links. */
struct cand {
  struct ll_link *l;
  size_t rest_end;
  const char *rest; /* the text after the link, to rest_end */
};

/* One HTML block, read line by line. */
struct html_scan {
  struct ll_span r; /* the block's bytes */
  size_t k;         /* the first of the model's links not yet passed */
  size_t scanned;   /* in_row is known up to here */
  int in_row;
  struct cand *c;
  size_t nc, cap;
  int described;
};

static struct ll_span block_bytes(struct builder *b, cmark_node *n) {
  struct ll_span r = ll_html_block_bytes(b, n);
  /* "- <p><a href=u>Name</a> ...</p>": in a list item the block starts
   * after the item's marker */
  cmark_node *up = cmark_node_parent(n);
  if (up && cmark_node_get_type(up) == CMARK_NODE_ITEM) {
    struct ll_span bs = ll_doc_block_span(&b->view, n);
    if (bs.start > r.start && bs.start < r.end)
      r.start = bs.start;
  }
  return r;
}

/* The link the line from ls starts with, or NULL. */
static struct ll_link *line_link(struct builder *b, struct html_scan *s,
                                 size_t ls, size_t le) {
  const char *d = b->src->data;
  struct ll_model *m = b->m;
  size_t at = (size_t)(ll_html_skip_lead(d + ls, d + le) - d);
  if (s->scanned < at) {
    s->in_row = row_state(d + s->scanned, d + at, s->in_row);
    s->scanned = at;
  }
  while (s->k < m->nlinks && m->links[s->k]->span.start < at)
    s->k++;
  return s->k < m->nlinks && m->links[s->k]->span.start == at ? m->links[s->k]
                                                              : NULL;
}

static size_t description_limit(struct builder *b, const struct html_scan *s,
                                const struct ll_link *l) {
  const char *d = b->src->data;
  struct ll_span r = s->r;
  size_t stop = l->span.end;
  /* in a table row, to the row's end: its next cell describes it */
  const char *row_end =
      s->in_row ? ll_find_mem(d + stop, r.end - stop, "</tr", 4) : NULL;
  if (row_end)
    return (size_t)(row_end - d);
  for (size_t q = stop; q < r.end;) {
    const char *nq = memchr(d + q, '\n', r.end - q);
    if (!nq)
      break;
    q = (size_t)(nq - d) + 1;
    const char *qe = memchr(d + q, '\n', r.end - q);
    const char *qend = qe ? qe : d + r.end;
    if (ll_html_is_anchor(ll_html_skip_lead(d + q, qend), qend))
      return q;
  }
  return r.end;
}

/* Add the candidate of l; return the end of the line to go on after. */
static size_t add_candidate(struct builder *b, struct html_scan *s,
                            struct ll_link *l) {
  const char *d = b->src->data;
  struct ll_span r = s->r;
  /* its description runs to a <br> or a closing tag, over lines if
   * need be, but not into the next line that starts with a link */
  size_t lim = description_limit(b, s, l);
  const char *re = html_line_end(d + l->span.end, d + lim);
  b->text.len = 0;
  ll_buf_add(&b->text, "", 0);
  ll_html_text(&b->text, d + l->span.end, (size_t)(re - d) - l->span.end);
  s->described |= b->text.len > 0;
  s->c = ll_grow(s->c, &s->cap, s->nc, sizeof *s->c);
  s->c[s->nc].l = l;
  s->c[s->nc].rest_end = (size_t)(re - d);
  s->c[s->nc].rest = ll_arena_strndup(&b->m->arena, b->text.data, b->text.len);
  s->nc++;
  /* go on at the line after the entry's end, or at the line where
   * the next entry starts */
  if ((size_t)(re - d) == lim && lim < r.end)
    return lim - 1;
  const char *after = memchr(re, '\n', r.end - (size_t)(re - d));
  return after ? (size_t)(after - d) : r.end;
}

/* The name's bytes: the link's text less the tags around it. */
static struct ll_span name_bytes(const char *d, const struct ll_link *l) {
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
  struct ll_span span = {(size_t)(ns - d), (size_t)(ne - d)};
  return span;
}

static void candidate_entry(struct builder *b, const struct cand *c) {
  struct ll_link *l = c->l;
  struct ll_span es = {l->span.start, c->rest_end};
  struct ll_entry *e =
      ll_build_entry(b, LL_STYLE_HTML, trim_tags_end(b, es, l->span.end));
  ll_build_link(b, e, l, NULL);
  e->name = l->text;
  e->name_span = name_bytes(b->src->data, l);
  /* separator and description, from the text of the rest */
  const char *s = c->rest;
  size_t len = strlen(s);
  if (len == 0) {
    e->separator = "";
    e->sep_span.start = e->sep_span.end = l->span.end;
    return;
  }
  const char *sep = ll_take_separator(&s, &len);
  e->separator = sep;
  e->sep_span = ll_build_source_separator(b, l->span.end, c->rest_end, sep);
  if (len) {
    e->description = ll_build_trimmed(b, s, len);
    struct ll_span ds = {e->sep_span.end, c->rest_end};
    e->desc_span = trim_tags_end(b, ds, e->sep_span.end);
  }
}

/* The entries of an HTML block: lines that start (after spaces, &nbsp;
 * and opening tags) with a link with a text; what follows it up to <br>
 * (or a closing tag, or the next such line) is its separator and
 * description.  A block whose links have no description at all (a row of
 * links under a logo) holds no entries. */
static void html_claim_block(struct builder *b, cmark_node *n) {
  size_t k = (size_t)(uintptr_t)cmark_node_get_user_data(n);
  if (!k)
    return; /* no links */
  const char *d = b->src->data;
  struct html_scan s = {0};
  s.k = k - 1;
  s.r = block_bytes(b, n);
  /* the block's lines, and which of them start with a link; whether a
   * table row is open there (scanned once, forward) */
  s.scanned = s.r.start;
  for (size_t ls = s.r.start; ls < s.r.end;) {
    const char *nl = memchr(d + ls, '\n', s.r.end - ls);
    size_t le = nl ? (size_t)(nl - d) : s.r.end;
    struct ll_link *l = line_link(b, &s, ls, le);
    if (ll_is_entry_link(l) && l->text[0])
      le = add_candidate(b, &s, l);
    ls = le + 1;
  }
  for (size_t i = 0; s.described && i < s.nc; i++)
    candidate_entry(b, &s.c[i]);
  free(s.c);
}

static int claim(struct builder *b, cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
    return 0;
  html_claim_block(b, n);
  return 1;
}

const struct ll_reader ll_reader_html = {"html", claim};
