/* awesome-toc: the "Contents" section links every section that follows
 * it, and nothing else. */
#include <stdlib.h>

#include "common.h"

/* GitHub's anchor of a heading: lower case, spaces to '-', punctuation,
 * symbols and emoji dropped, letters of any script kept. */
static char *slug(const char *h) {
  size_t n = strlen(h);
  char *s = ll_xmalloc(n + 1), *q = s;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)h[i];
    if (c < 0x80) {
      if (ll_isalnum(c) || c == '-' || c == '_')
        *q++ = (char)ll_tolower(c);
      else if (c == ' ')
        *q++ = '-';
      i++;
      continue;
    }
    unsigned cp;
    int k = ll_utf8_decode((const unsigned char *)h + i, n - i, &cp);
    if (k < 0) {
      i++;
      continue;
    }
    /* general punctuation, symbols, arrows, dingbats, emoji: dropped */
    int symbol = (cp >= 0x2000 && cp < 0x3000) || cp >= 0x1F000 ||
                 (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xA0;
    if (!symbol) {
      memcpy(q, h + i, (size_t)k);
      q += k;
    }
    i += (size_t)k;
  }
  *q = '\0';
  return s;
}

static int is_contents(const char *h) {
  return strcmp(h, "Contents") == 0 || strcmp(h, "Table of Contents") == 0;
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
  struct ll_map anchors = {0}, linked = {0};
  /* a contents link may point at any heading (back to the title, to
   * the contents itself) */
  for (size_t i = 0; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (!s->level)
      continue;
    char *a = slug(s->path[s->depth - 1]);
    ll_map_put(&anchors, a, s);
    free(a);
  }
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (l->span.start < toc_start || l->span.start >= toc_end ||
        l->url[0] != '#')
      continue;
    ll_map_put(&linked, l->url + 1, l);
    if (!ll_map_get(&anchors, l->url + 1))
      ll_report(ctx, l->url_span,
                "the contents link '%s' matches no section heading", l->url);
  }
  for (size_t i = toc + 1; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (s->level != 2)
      continue;
    char *a = slug(s->path[s->depth - 1]);
    if (!ll_map_get(&linked, a))
      ll_report(ctx, s->span, "section '%s' is missing from the contents (#%s)",
                s->path[s->depth - 1], a);
    free(a);
  }
  ll_map_free(&anchors);
  ll_map_free(&linked);
}

const struct ll_rule_ops ll_rule_AWESOME_TOC = {.on_finish = finish};
