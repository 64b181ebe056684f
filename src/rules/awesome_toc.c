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
    if (ll_u8_is_word(cp))
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
    if (!known)
      ll_report(ctx, l->url_span,
                "the contents link '%s' matches no section heading", l->url);
  }
  for (size_t i = toc + 1; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (s->level != 2)
      continue;
    const char *a = slugs[i];
    if (a && !ll_map_get(&linked, a))
      ll_report(ctx, s->span, "section '%s' is missing from the contents (#%s)",
                s->path[s->depth - 1], a);
  }
  for (size_t i = 0; i < m->nsections; i++)
    free(slugs[i]);
  free(slugs);
  ll_map_free(&anchors);
  ll_map_free(&linked);
}

const struct ll_rule_ops ll_rule_AWESOME_TOC = {.on_finish = finish};
