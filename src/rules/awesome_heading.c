/* awesome-heading: an awesome list has one top-level heading, the first,
 * in title case, carrying the Awesome badge. */
#include "common.h"

static int small_word(const char *w, size_t n) {
  static const char *const small[] = {"a",   "an",  "and", "as",   "at", "but",
                                      "by",  "for", "in",  "of",   "on", "or",
                                      "the", "to",  "via", "with", NULL};
  for (int i = 0; small[i]; i++)
    if (strlen(small[i]) == n && strncmp(small[i], w, n) == 0)
      return 1;
  return 0;
}

/* The first lower-case word that should be capitalised, or NULL.  Title
 * case is an English convention: a word that starts with a letter outside
 * ASCII (a French, Russian or Greek heading) is left to its language. */
static const char *not_title_case(const char *t, size_t *len) {
  int first = 1;
  for (const char *p = t; *p;) {
    while (*p && !ll_isalnum((unsigned char)*p))
      p++;
    const char *w = p;
    while (*p && !ll_isspace((unsigned char)*p))
      p++;
    size_t n = (size_t)(p - w);
    if (!n)
      break;
    if (ll_islower((unsigned char)w[0]) && (first || !small_word(w, n))) {
      *len = n;
      return w;
    }
    first = 0;
  }
  return NULL;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const struct ll_section *top = NULL;
  for (size_t i = 0; i < m->nsections; i++) {
    const struct ll_section *s = &m->sections[i];
    if (s->level != 1)
      continue;
    if (!top) {
      top = s;
      continue;
    }
    ll_report(ctx, s->span,
              "a second top-level heading (the first is at line %d): an "
              "awesome list has one",
              top->line);
  }
  struct ll_span start = {0, 0};
  /* a heading drawn in HTML (a centred logo) is a heading too */
  size_t i0 = 0;
  while (i0 < ctx->src->len && ll_isspace((unsigned char)ctx->src->data[i0]))
    i0++;
  if (!top && ctx->src->data[i0] == '<')
    return;
  if (!top) {
    ll_report(ctx, start, "no top-level heading: start with '# Awesome X'");
    return;
  }
  for (size_t i = 1; i < m->nsections; i++)
    if (m->sections[i].level && &m->sections[i] != top) {
      if (m->sections[i].line < top->line)
        ll_report(ctx, top->span,
                  "the top-level heading is not the first heading");
      break;
    }
  size_t n;
  const char *bad = not_title_case(top->path[0], &n);
  if (bad)
    ll_report(ctx, top->span, "heading '%s' is not in title case ('%.*s')",
              top->path[0], (int)n, bad);
  /* the badge: an image in the heading, or in the block of badges
   * under it (before the next heading); the image itself, or a badge
   * linked to awesome.re or to sindresorhus/awesome (a local copy of the
   * image, a project's own badge service) */
  size_t from = top->span.start, to = ctx->src->len;
  for (size_t i = 0; i < m->nsections; i++)
    if (m->sections[i].span.start > from) {
      to = m->sections[i].span.start;
      break;
    }
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    if (!(l->flags & LL_LINK_IMAGE) || l->span.start < from ||
        l->span.start >= to)
      continue;
    if (strstr(l->url, "awesome.re") ||
        strstr(l->url, "github.com/sindresorhus/awesome") ||
        (strstr(l->url, "sindresorhus/awesome") && strstr(l->url, "badge")))
      return;
  }
  ll_report(ctx, top->span,
            "no Awesome badge beside the heading: add "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)");
}

const struct ll_rule_ops ll_rule_AWESOME_HEADING = {.on_finish = finish};
