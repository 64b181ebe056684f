/* description-period: where most descriptions end with punctuation, the
 * few that do not (and the reverse). */
#include "common.h"

static const char *const wide[] = {"\xE3\x80\x82", "\xEF\xBC\x81",
                                   "\xEF\xBC\x9F", "\xE2\x80\xA6", NULL};

static int is_punct_at(const char *d, size_t n) {
  char c = d[n - 1];
  if (c == '.' || c == '!' || c == '?')
    return 1;
  for (int i = 0; wide[i]; i++)
    if (n >= 3 && memcmp(d + n - 3, wide[i], 3) == 0)
      return 1;
  return 0;
}

/* Final punctuation, possibly inside closing quotes; or, when the text has
 * punctuation somewhere, a closing parenthesis ("Fast. (Beta)") or an
 * emoji: the forms awesome-lint accepts too. */
static int ends_punct(const char *d) {
  size_t n = strlen(d);
  while (n && (d[n - 1] == '"' || d[n - 1] == '\'' || d[n - 1] == '*' ||
               d[n - 1] == '_'))
    n--;
  if (n >= 3 && memcmp(d + n - 3, "\xE2\x80\x9D", 3) == 0) /* ” */
    n -= 3;
  if (!n)
    return 0;
  if (is_punct_at(d, n))
    return 1;
  int any = 0;
  for (size_t i = 1; i <= n && !any; i++)
    any = is_punct_at(d, i);
  if (!any)
    return 0;
  if (d[n - 1] == ')')
    return 1;
  /* an emoji: a 4-byte UTF-8 sequence or a variation selector at the end */
  size_t k = n;
  while (k && ((unsigned char)d[k - 1] & 0xC0) == 0x80)
    k--;
  return k && (unsigned char)d[k - 1] >= 0xF0;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t yes = 0, total = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    if (!ll_conventional(m->entries[i]))
      continue;
    total++;
    yes += (size_t)ends_punct(m->entries[i]->description);
  }
  const char *style = ll_option(ctx, "style");
  int forced =
      style && (strcmp(style, "period") == 0 || strcmp(style, "none") == 0);
  int want;
  if (forced)
    want = strcmp(style, "period") == 0;
  else if (ll_is_majority(yes, total))
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
