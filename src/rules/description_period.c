/* description-period: where most descriptions end with punctuation, the
 * few that do not (and the reverse). */
#include "common.h"

static int ends_punct(const char *d) {
  size_t n = strlen(d);
  while (n && (d[n - 1] == ')' || d[n - 1] == '"' || d[n - 1] == '\'' ||
               d[n - 1] == '*' || d[n - 1] == '_'))
    n--;
  if (!n)
    return 0;
  char c = d[n - 1];
  if (c == '.' || c == '!' || c == '?')
    return 1;
  static const char *const cjk[] = {"\xE3\x80\x82", "\xEF\xBC\x81",
                                    "\xEF\xBC\x9F", "\xE2\x80\xA6", NULL};
  for (int i = 0; cjk[i]; i++)
    if (n >= 3 && memcmp(d + n - 3, cjk[i], 3) == 0)
      return 1;
  return 0;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t yes = 0, total = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    if (!ll_conventional(m->entries[i]))
      continue;
    total++;
    yes += (size_t)ends_punct(m->entries[i]->description);
  }
  int want, forced = 1;
  const char *style = ll_option(ctx, "style");
  if (style && strcmp(style, "period") == 0)
    want = 1;
  else if (style && strcmp(style, "none") == 0)
    want = 0;
  else if (forced = 0, ll_is_majority(yes, total))
    want = 1;
  else if (ll_is_majority(total - yes, total))
    want = 0;
  else
    return;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!ll_conventional(e) || ends_punct(e->description) == want)
      continue;
    if (forced)
      ll_report(ctx, ll_span_tail(e->desc_span, 1),
                want ? "description does not end with punctuation, as the "
                       "configuration requires"
                     : "description ends with punctuation, which the "
                       "configuration forbids");
    else if (want)
      ll_report(ctx, ll_span_tail(e->desc_span, 1),
                "description does not end with punctuation, as %zu of %zu "
                "descriptions in this list do",
                yes, total);
    else
      ll_report(ctx, ll_span_tail(e->desc_span, 1),
                "description ends with punctuation, unlike %zu of %zu "
                "descriptions in this list",
                total - yes, total);
  }
}

const struct ll_rule_ops ll_rule_DESCRIPTION_PERIOD = {.on_finish = finish};
