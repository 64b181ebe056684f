/* description-capital: where most descriptions start with a capital
 * letter, the few that start in lower case.  Words that are lower case by
 * design (iOS, jQuery, npm, `code`) are left alone. */
#include <stdlib.h>

#include "common.h"

/* 1: capital, 0: lower case, -1: does not take part. */
static int starts_capital(const struct ll_entry *e, const char *src) {
  const char *d = e->description;
  unsigned char c = (unsigned char)d[0];
  if (!ll_isalpha(c))
    return -1;
  /* `code`, [a link], @handle: a name, whatever its case. */
  if (e->desc_span.end > e->desc_span.start &&
      strchr("`[@<*_", src[e->desc_span.start]))
    return -1;
  /* Case means nothing to CJK text; its Latin words are names. */
  const unsigned char *u = (const unsigned char *)d;
  size_t n = strlen(d);
  for (size_t i = ll_skip_ascii(u, 0, n); i < n; i = ll_skip_ascii(u, i + 1, n))
    if (u[i] >= 0xE2)
      return -1;
  if (ll_isupper(c))
    return 1;
  /* The first word: any capital, digit or dot in it marks a name. */
  for (const char *p = d + 1; *p && *p != ' '; p++) {
    unsigned char x = (unsigned char)*p;
    if (ll_isupper(x) || ll_isdigit(x) || x == '.' || x == '_' || x >= 0x80)
      return -1;
  }
  return 0;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t caps = 0, total = 0;
  /* each entry's verdict, kept for the second pass */
  signed char *k = ll_xcalloc(m->nentries + 1, 1);
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    k[i] = (signed char)(ll_conventional(e) ? starts_capital(e, ctx->src->data)
                                            : -1);
    if (k[i] < 0)
      continue;
    total++;
    caps += (size_t)k[i];
  }
  const char *style = ll_option(ctx, "style");
  int forced = style && strcmp(style, "capital") == 0;
  if (!forced && !ll_is_majority(caps, total)) {
    free(k);
    return;
  }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (k[i] == 0) {
      struct ll_span s = e->desc_span;
      s.end = s.start + 1;
      if (forced)
        ll_report(ctx, s,
                  "description starts with a lower-case letter; "
                  "the configuration requires a capital");
      else
        ll_report(ctx, s,
                  "description starts with a lower-case letter; %zu of %zu "
                  "descriptions in this list start with a capital",
                  caps, total);
    }
  }
  free(k);
}

const struct ll_rule_ops ll_rule_DESCRIPTION_CAPITAL = {.on_finish = finish};
