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

/* The entries of an HTML block: lines that start (after spaces, &nbsp;
 * and opening tags) with a link with a text; what follows it up to <br>
 * (or a closing tag, or the next such line) is its separator and
 * description.  A block whose links have no description at all (a row of
 * links under a logo) holds no entries. */
static void html_claim_block(struct builder *b, cmark_node *n) {
  size_t k = (size_t)(uintptr_t)cmark_node_get_user_data(n);
  if (!k)
    return; /* no links */
  k--;
  struct ll_model *m = b->m;
  struct ll_span r = ll_html_block_bytes(b, n);
  /* "- <p><a href=u>Name</a> ...</p>": in a list item the block starts
   * after the item's marker */
  cmark_node *up = cmark_node_parent(n);
  if (up && cmark_node_get_type(up) == CMARK_NODE_ITEM) {
    struct ll_span bs = ll_doc_block_span(&b->view, n);
    if (bs.start > r.start && bs.start < r.end)
      r.start = bs.start;
  }
  const char *d = b->src->data;
  struct cand {
    struct ll_link *l;
    size_t rest_end;
    const char *rest; /* the text after the link, to rest_end */
  } *c = NULL;
  size_t nc = 0, cap = 0;
  int described = 0;
  /* the block's lines, and which of them start with a link; whether a
   * table row is open there (scanned once, forward) */
  size_t scanned = r.start;
  int in_row = 0;
  for (size_t ls = r.start; ls < r.end;) {
    const char *nl = memchr(d + ls, '\n', r.end - ls);
    size_t le = nl ? (size_t)(nl - d) : r.end;
    size_t at = (size_t)(ll_html_skip_lead(d + ls, d + le) - d);
    if (scanned < at) {
      in_row = row_state(d + scanned, d + at, in_row);
      scanned = at;
    }
    while (k < m->nlinks && m->links[k]->span.start < at)
      k++;
    struct ll_link *l =
        k < m->nlinks && m->links[k]->span.start == at ? m->links[k] : NULL;
    if (ll_is_entry_link(l) && l->text[0]) {
      /* its description runs to a <br> or a closing tag, over lines if
       * need be, but not into the next line that starts with a link */
      size_t stop = l->span.end, lim = r.end;
      /* in a table row, to the row's end: its next cell describes it */
      const char *row_end =
          in_row ? ll_find_mem(d + stop, r.end - stop, "</tr", 4) : NULL;
      if (row_end)
        lim = (size_t)(row_end - d);
      for (size_t q = stop; !row_end && q < r.end;) {
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
      c = ll_grow(c, &cap, nc, sizeof *c);
      c[nc].l = l;
      c[nc].rest_end = (size_t)(re - d);
      c[nc].rest = ll_arena_strndup(&m->arena, b->text.data, b->text.len);
      nc++;
      /* go on at the line after the entry's end, or at the line where
       * the next entry starts */
      if ((size_t)(re - d) == lim && lim < r.end) {
        le = lim - 1;
      } else {
        const char *after = memchr(re, '\n', r.end - (size_t)(re - d));
        le = after ? (size_t)(after - d) : r.end;
      }
    }
    ls = le + 1;
  }
  for (size_t i = 0; described && i < nc; i++) {
    struct ll_link *l = c[i].l;
    struct ll_span es = {l->span.start, c[i].rest_end};
    struct ll_entry *e =
        ll_build_entry(b, LL_STYLE_HTML, trim_tags_end(b, es, l->span.end));
    ll_build_link(b, e, l, NULL);
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
    const char *sep = ll_take_separator(&s, &len);
    e->separator = sep;
    e->sep_span = ll_build_source_separator(b, l->span.end, c[i].rest_end, sep);
    if (len) {
      e->description = ll_build_trimmed(b, s, len);
      struct ll_span ds = {e->sep_span.end, c[i].rest_end};
      e->desc_span = trim_tags_end(b, ds, e->sep_span.end);
    }
  }
  free(c);
}

static int claim(struct builder *b, cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
    return 0;
  html_claim_block(b, n);
  return 1;
}

const struct ll_reader ll_reader_html = {"html", claim};
