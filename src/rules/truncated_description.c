/* truncated-description: a description cut off with "..." or "…",
 * as copied from a search result or a teaser.  "etc..." and "and
 * more..." are a style, not a cut. */
#include "common.h"

static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = e->description;
  if (!d)
    return;
  size_t n = strlen(d);
  size_t cut;
  if (ends_with(d, n, "..."))
    cut = 3;
  else if (ends_with(d, n, "\xE2\x80\xA6"))
    cut = 3;
  else
    return;
  n -= cut;
  while (n && d[n - 1] == '.')
    n--;
  size_t w = n;
  while (w && ll_isalpha((unsigned char)d[w - 1]))
    w--;
  static const char *const styles[] = {"etc",   "more", "others", "on",
                                       "forth", "so",   NULL};
  for (int i = 0; styles[i]; i++)
    if (n - w == strlen(styles[i]) && strncmp(d + w, styles[i], n - w) == 0)
      return;
  if (n == 0 || d[n - 1] == ' ' || d[n - 1] == ',')
    return; /* only dots, or ", ...": an "and so on" */
  /* An ellipsis inside the text too: the author's style. */
  const char *mark = d + strlen(d) - cut;
  const char *a = strstr(d, "..."), *b = strstr(d, "\xE2\x80\xA6");
  if ((a && a < mark) || (b && b < mark))
    return;
  if (e->flags & LL_ENTRY_ITEM) {
    /* In one-line entries "a, b, c..." and "a/b/c..." mean "and so on"; a
     * cut teaser ends in an ordinary word. */
    size_t from = n > 60 ? n - 60 : 0;
    for (size_t i = from; i < n; i++)
      if (d[i] == ',' || d[i] == '/')
        return;
  }
  ll_report(ctx, ll_span_tail(e->desc_span, cut),
            "description is cut off with '%s': write it out in full",
            d + strlen(d) - cut);
}

const struct ll_rule_ops ll_rule_TRUNCATED_DESCRIPTION = {.on_entry = check};
