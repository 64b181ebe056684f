/* awesome-toc: the "Contents" section links every section that follows
 * it, and nothing else. */
#include <stdint.h>
#include <stdlib.h>

#include "common.h"
#include "unicode.h"

/* GitHub's anchor of a heading: lower case, spaces to '-', letters, marks
 * and numbers of any script kept ("## Инструменты" is #инструменты),
 * '-' and '_' kept, the rest (punctuation, symbols, emoji) dropped, as
 * github-slugger does. */
static char *slug(const char *h) {
  size_t n = strlen(h);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_add(&b, "", 0);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)h[i];
    if (c < 0x80) {
      if (ll_isalnum(c) || c == '-' || c == '_')
        ll_buf_addc(&b, (char)ll_tolower(c));
      else if (c == ' ')
        ll_buf_addc(&b, '-');
      i++;
      continue;
    }
    size_t k;
    unsigned cp = ll_u8_at(h + i, n - i, &k);
    /* emoji presentation selectors are no part of GitHub's anchors
     * ("## ⬆️ Up" is #-up) */
    if (ll_u8_is_word(cp) && cp != 0xFE0E && cp != 0xFE0F)
      ll_u8_put(&b, ll_u8_lower(cp));
    i += k;
  }
  return ll_buf_detach(&b);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* A fragment with its %XX escapes decoded ("caf%C3%A9": "café").
 * Caller frees. */
static char *decoded(const char *f) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_add(&b, "", 0);
  for (const char *p = f; *p; p++) {
    int hi, lo;
    if (p[0] == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0) {
      ll_buf_addc(&b, (char)(hi * 16 + lo));
      p += 2;
    } else {
      ll_buf_addc(&b, *p);
    }
  }
  return ll_buf_detach(&b);
}

static int is_contents(const char *h) {
  return strcmp(h, "Contents") == 0 || strcmp(h, "Table of Contents") == 0;
}

/* Line ln as a bullet ("- x", "* x", "+ x" after spaces): 1 with its
 * indentation and marker, else 0. */
static int bullet(const struct ll_source *src, int ln, size_t *ind,
                  char *mark) {
  size_t n;
  const char *p = ll_source_line(src, ln, &n);
  size_t i = 0;
  while (i < n && p[i] == ' ')
    i++;
  if (i + 1 >= n || !strchr("-*+", p[i]) || p[i + 1] != ' ')
    return 0;
  *ind = i;
  *mark = p[i];
  return 1;
}

/* The line after a contents item at line ln (indentation ind): past the
 * lines of its nested items. */
static int item_end(const struct ll_source *src, int ln, size_t ind) {
  for (ln++; (size_t)ln <= src->nlines; ln++) {
    size_t n, i = 0;
    const char *p = ll_source_line(src, ln, &n);
    while (i < n && p[i] == ' ')
      i++;
    if (i == n || i <= ind)
      break;
  }
  return ln;
}

/* The line ending of line ln ("" for the last line without one). */
static const char *eol_of(const struct ll_source *src, int ln) {
  size_t n;
  const char *p = ll_source_line(src, ln, &n);
  size_t end = (size_t)(p - src->data) + n;
  if (end < src->len && src->data[end] == '\r')
    return "\r\n";
  return end < src->len ? "\n" : "";
}

/* The fix of a contents link to no heading: its fragment written as the
 * anchor it misspells when one matches it but for case ("#typeScript"
 * for "#typescript"); else, when the link is all its item holds and the
 * item has no nested items, the item's line deleted. */
static void fix_unknown(struct ll_ctx *ctx, const struct ll_link *l,
                        const struct ll_map *anchors, struct ll_map *respelt) {
  const struct ll_source *src = ctx->src;
  struct ll_buf low;
  ll_buf_init(&low, 0);
  ll_u8_fold(&low, l->url + 1, strlen(l->url + 1), LL_U8_FOLD_CASE);
  ll_buf_add(&low, "", 0);
  size_t ul = l->url_span.end - l->url_span.start;
  if (ll_map_get(anchors, low.data) && ul == strlen(l->url) &&
      memcmp(src->data + l->url_span.start, l->url, ul) == 0) {
    struct ll_buf b;
    ll_buf_init(&b, 0);
    ll_buf_printf(&b, "#%s", low.data);
    ll_fix(ctx, l->url_span, b.data, b.len);
    ll_map_put(respelt, low.data, l); /* its section is linked then */
    ll_buf_free(&b);
    ll_buf_free(&low);
    return;
  }
  ll_buf_free(&low);
  int line, col;
  ll_source_linecol(src, l->span.start, &line, &col);
  size_t ind, n;
  char mark;
  if (!bullet(src, line, &ind, &mark) || item_end(src, line, ind) != line + 1)
    return;
  const char *p = ll_source_line(src, line, &n);
  size_t ls = (size_t)(p - src->data);
  /* the line is "  - " and the link, and blanks */
  if (l->span.start != ls + ind + 2)
    return;
  for (size_t k = l->span.end; k < ls + n; k++)
    if (src->data[k] != ' ' && src->data[k] != '\t')
      return;
  struct ll_span sp = {ls, ls + n + strlen(eol_of(src, line))};
  if (!eol_of(src, line)[0])
    return;
  ll_fix(ctx, sp, "", 0);
}

/* The fix of a section missing from the contents: an item for it, in the
 * top-level items' marker, indentation and line ending, after the item of
 * the nearest section before it that the contents link (with its nested
 * items), else before the first item. */
static void fix_missing(struct ll_ctx *ctx, const struct ll_section *s,
                        const char *anchor, const struct ll_link *after,
                        const struct ll_link *first) {
  const struct ll_source *src = ctx->src;
  int fl, col;
  ll_source_linecol(src, first->span.start, &fl, &col);
  size_t ind, aind;
  char mark, am;
  if (!bullet(src, fl, &ind, &mark))
    return;
  int at = fl;
  if (after) {
    int al;
    ll_source_linecol(src, after->span.start, &al, &col);
    if (!bullet(src, al, &aind, &am) || aind != ind)
      return;
    at = item_end(src, al, aind);
  }
  const char *eol = eol_of(src, fl);
  if (!eol[0] || (size_t)at > src->nlines || (after && !eol_of(src, at - 1)[0]))
    return;
  size_t off = ll_source_offset(src, at, 1);
  struct ll_buf b;
  ll_buf_init(&b, 0);
  for (size_t k = 0; k < ind; k++)
    ll_buf_addc(&b, ' ');
  ll_buf_addc(&b, mark);
  ll_buf_adds(&b, " [");
  for (const char *p = s->path[s->depth - 1]; *p; p++) {
    if (*p == '[' || *p == ']' || *p == '\\')
      ll_buf_addc(&b, '\\');
    ll_buf_addc(&b, *p);
  }
  ll_buf_printf(&b, "](#%s)%s", anchor, eol);
  struct ll_span sp = {off, off};
  ll_fix(ctx, sp, b.data, b.len);
  ll_buf_free(&b);
}

/* Sections the awesome guidelines keep out of the contents (awesome-lint
 * exempts the same three, and their subsections). */
static int is_exempt(const char *h) {
  static const char *const names[] = {"Contributing", "Footnotes",
                                      "Related Lists"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (ll_u8_compare(h, names[i], LL_U8_FOLD_CASE) == 0)
      return 1;
  return 0;
}

/* How far line's text is indented (a tab counts 4). */
static int indent_of(const struct ll_source *src, int line) {
  size_t len;
  const char *p = ll_source_line(src, line, &len);
  int w = 0;
  for (size_t i = 0; i < len && (p[i] == ' ' || p[i] == '\t'); i++)
    w += p[i] == '\t' ? 4 - w % 4 : 1;
  return w;
}

/* The contents list sections and their subsections, two levels (the
 * guidelines): an item whose sub-list nests a third level that links a
 * deeper heading ("####") is reported once.  A contents rooted at the
 * title (GitHub's generated style, "- [Awesome X](#awesome-x)" over
 * every section) is three levels of indents for two of sections, so
 * both the indents and the heading must be deep. */
static void check_depth(struct ll_ctx *ctx, const struct ll_model *m,
                        const struct ll_map *anchors, size_t toc_start,
                        size_t toc_end) {
  int indents[8], last = 0;
  const struct ll_link *item[8], *reported = NULL;
  size_t n = 0;
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    int line, col;
    ll_source_linecol(ctx->src, l->span.start, &line, &col);
    if (l->span.start < toc_start || l->span.start >= toc_end ||
        l->url[0] != '#' || line == last)
      continue;
    last = line;
    int w = indent_of(ctx->src, line);
    while (n > 0 && indents[n - 1] >= w)
      n--;
    char *frag = decoded(l->url + 1);
    const struct ll_section *s = ll_map_get(anchors, frag);
    free(frag);
    if (s && s->level >= 4 && n >= 2 && item[n - 1] != reported) {
      reported = item[n - 1];
      ll_report(ctx, reported->span,
                "the contents nest a '%.*s' heading under this item (line "
                "%d): list sections and subsections only, two levels",
                s->level, "######", line);
    }
    if (n < sizeof item / sizeof item[0]) {
      indents[n] = w;
      item[n++] = l;
    }
  }
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t toc = 0;
  for (size_t i = 0; i < m->nsections && !toc; i++)
    if (m->sections[i].level == 2 &&
        is_contents(m->sections[i].path[m->sections[i].depth - 1]))
      toc = i;
  if (!toc)
    return;
  size_t toc_start = m->sections[toc].span.end;
  size_t toc_end =
      toc + 1 < m->nsections ? m->sections[toc + 1].span.start : ctx->src->len;
  struct ll_map anchors = {0}, linked = {0}, respelt = {0};
  /* a contents link may point at any heading (back to the title, to
   * the contents itself) */
  /* GitHub numbers a repeated heading's anchor: "#x", "#x-1", "#x-2" */
  char **slugs = ll_xcalloc(m->nsections + 1, sizeof *slugs);
  struct ll_map seen = {0};
  for (size_t i = 0; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (!s->level)
      continue;
    char *a = slug(s->path[s->depth - 1]);
    uintptr_t n = (uintptr_t)ll_map_get(&seen, a);
    ll_map_put(&seen, a, (const void *)(n + 1));
    if (n) {
      char *numbered = ll_strfmt("%s-%zu", a, (size_t)n);
      free(a);
      a = numbered;
    }
    ll_map_put(&anchors, a, s);
    slugs[i] = a;
  }
  ll_map_free(&seen);
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (l->span.start < toc_start || l->span.start >= toc_end ||
        l->url[0] != '#')
      continue;
    char *frag = decoded(l->url + 1);
    ll_map_put(&linked, frag, l);
    int known = ll_map_get(&anchors, frag) != NULL;
    free(frag);
    if (!known) {
      ll_report(ctx, l->url_span,
                "the contents link '%s' matches no section heading", l->url);
      fix_unknown(ctx, l, &anchors, &respelt);
    }
  }
  /* the first contents link, and the one of the last section linked so
   * far: where a missing section's item goes */
  const struct ll_link *first = NULL, *after = NULL;
  for (size_t i = 0; i < m->nlinks && !first; i++)
    if (m->links[i]->span.start >= toc_start &&
        m->links[i]->span.start < toc_end && m->links[i]->url[0] == '#')
      first = m->links[i];
  for (size_t i = toc + 1; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (s->level != 2)
      continue;
    if (is_exempt(s->path[s->depth - 1])) {
      while (i + 1 < m->nsections && m->sections[i + 1].level > 2)
        i++;
      continue;
    }
    const char *a = slugs[i];
    const struct ll_link *l = a ? ll_map_get(&linked, a) : NULL;
    if (l) {
      after = l;
    } else if (a) {
      ll_report(ctx, s->span, "section '%s' is missing from the contents (#%s)",
                s->path[s->depth - 1], a);
      if (first && !ll_map_get(&respelt, a))
        fix_missing(ctx, s, a, after, first);
    }
    /* a section whose subsections the contents lists in part (it links
     * some of them): the rest are missing */
    size_t end = i + 1, nsub = 0, nlinked = 0;
    for (; end < m->nsections && m->sections[end].level > 2; end++)
      if (m->sections[end].level == 3) {
        nsub++;
        nlinked += slugs[end] && ll_map_get(&linked, slugs[end]) != NULL;
      }
    for (size_t j = i + 1; nlinked && nlinked < nsub && j < end; j++) {
      const struct ll_section *t = &m->sections[j];
      if (t->level == 3 && slugs[j] && !ll_map_get(&linked, slugs[j]))
        ll_report(ctx, t->span,
                  "subsection '%s' is missing from the contents, which "
                  "lists the other subsections of '%s' (#%s)",
                  t->path[t->depth - 1], s->path[s->depth - 1], slugs[j]);
    }
  }
  check_depth(ctx, m, &anchors, toc_start, toc_end);
  for (size_t i = 0; i < m->nsections; i++)
    free(slugs[i]);
  free(slugs);
  ll_map_free(&anchors);
  ll_map_free(&linked);
  ll_map_free(&respelt);
}

const struct ll_rule_ops ll_rule_AWESOME_TOC = {.on_finish = finish};
