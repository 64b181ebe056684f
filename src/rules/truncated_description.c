/* truncated-description: a description cut off with "..." or "…",
 * as copied from a search result or a teaser.  "etc..." and "and
 * more..." are a style, not a cut. */
#include "common.h"

static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The length of the comma (',', '，' or '、') that d[0..i) ends with, or 0. */
static size_t comma_at(const char *d, size_t i) {
  if (i >= 1 && d[i - 1] == ',')
    return 1;
  if (i >= 3 && (memcmp(d + i - 3, "\xEF\xBC\x8C", 3) == 0 ||
                 memcmp(d + i - 3, "\xE3\x80\x81", 3) == 0))
    return 3;
  return 0;
}

/* Is d[0..n), the text before an ellipsis, a list of items: three or more
 * short ones (three words and 24 characters at most) separated by commas
 * ("incl. RWD, JavaScript, APIs, React...", "日报，文章，文本")?  A cut
 * sentence ends in a longer stretch of words. */
static int ends_with_items(const char *d, size_t n) {
  int items = 0;
  size_t end = n;
  for (;;) {
    size_t i = end, cl = 0;
    while (i > 0 && !(cl = comma_at(d, i)))
      i--;
    /* the item: d[i..end), after its comma (or from the start) */
    size_t words = 0, chars = 0;
    for (size_t k = i; k < end; k++) {
      unsigned char c = (unsigned char)d[k];
      if ((c & 0xC0) != 0x80)
        chars++;
      if (!ll_isspace(c) && (k == i || ll_isspace((unsigned char)d[k - 1])))
        words++;
    }
    if (words == 0 || words > 3 || chars > 24)
      break;
    items++;
    if (!cl)
      break;
    end = i - cl;
  }
  return items >= 3;
}

/* Is d[0..n), the text before an ellipsis, a quip of a few words that
 * trails off ("everything is a DNS Problem...")?  A teaser copied from a
 * search result is cut at a length, well past five words.  (A short
 * closing sentence after a full one is no sign: "Learn more below..." is
 * whole, "The primary objective..." is cut.) */
static int trails_off(const char *d, size_t n) {
  return ll_count_words(d, n) <= 5;
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
  if (ends_with(d, n, "\xE7\xAD\x89") ||
      ends_with(d, n, "\xE3\x81\xAA\xE3\x81\xA9"))
    return; /* 等 ("etc."), など ("and so on") */
  if (ends_with_items(d, n) || trails_off(d, n) ||
      (!(e->flags & LL_ENTRY_ITEM) &&
       ll_list_follows(ctx->src, e->desc_span.end)))
    return;
  /* An ellipsis inside the text too: the author's style. */
  const char *mark = d + strlen(d) - cut;
  const char *a = strstr(d, "..."), *b = strstr(d, "\xE2\x80\xA6");
  if ((a && a < mark) || (b && b < mark))
    return;
  if (e->flags & (LL_ENTRY_ITEM | LL_ENTRY_INLINE)) {
    /* In one-line entries "a, b, c..." and "a/b/c..." mean "and so on"
     * (in Chinese and Japanese with '\xEF\xBC\x8C' or '\xE3\x80\x81'); a cut
     * teaser ends in an ordinary word. */
    size_t from = n > 60 ? n - 60 : 0;
    for (size_t i = from; i < n; i++)
      if (d[i] == ',' || d[i] == '/' ||
          (i + 2 < n &&
           ((unsigned char)d[i] == 0xEF && (unsigned char)d[i + 1] == 0xBC &&
            (unsigned char)d[i + 2] == 0x8C)) ||
          (i + 2 < n &&
           ((unsigned char)d[i] == 0xE3 && (unsigned char)d[i + 1] == 0x80 &&
            (unsigned char)d[i + 2] == 0x81)))
        return;
  }
  ll_report(ctx, ll_span_tail(e->desc_span, cut),
            "description is cut off with '%s': write it out in full",
            d + strlen(d) - cut);
}

const struct ll_rule_ops ll_rule_TRUNCATED_DESCRIPTION = {.on_entry = check};
