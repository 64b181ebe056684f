/* description-repeats-name: the description says nothing but the name. */
#include "common.h"
#include "unicode.h"

/* The length of the letter, mark or digit (in any script) at s, or 0
 * when s holds something else (or ends). */
static size_t word_char(const char *s) {
  unsigned char c = (unsigned char)*s;
  if (c < 0x80)
    return ll_isalnum(c) ? 1 : 0;
  size_t k;
  return ll_u8_is_word(ll_u8_at(s, strnlen(s, 4), &k)) ? k : 0;
}

/* Past what is not a letter, mark or digit at s. */
static const char *skip_non_word(const char *s) {
  while (*s && !word_char(s)) {
    size_t k = 1;
    if ((unsigned char)*s >= 0x80)
      ll_u8_at(s, strnlen(s, 4), &k);
    s += k;
  }
  return s;
}

/* Equal when compared on letters, marks and digits only, ASCII case
 * folded (the rest is folded before, when it need be). */
static int same_words(const char *a, const char *b) {
  int any = 0;
  for (;;) {
    a = skip_non_word(a);
    b = skip_non_word(b);
    if (!*a || !*b)
      return any && !*a && !*b;
    size_t ka = word_char(a), kb = word_char(b);
    if (ka != kb || (ka == 1 ? ll_tolower((unsigned char)*a) !=
                                   ll_tolower((unsigned char)*b)
                             : memcmp(a, b, ka) != 0))
      return 0;
    any = 1;
    a += ka;
    b += kb;
  }
}

static int is_ascii(const char *s) {
  size_t n = strlen(s);
  return ll_skip_ascii((const unsigned char *)s, 0, n) == n;
}

/* Does the description say nothing but the name?  Outside ASCII both are
 * case folded and NFKC-normalised first. */
static int only_name(const char *name, const char *desc) {
  if (is_ascii(name) && is_ascii(desc))
    return same_words(name, desc);
  struct ll_buf a, b;
  ll_buf_init(&a, 0);
  ll_buf_init(&b, 0);
  ll_u8_fold(&a, name, strlen(name), LL_U8_FOLD_CASE);
  ll_u8_fold(&b, desc, strlen(desc), LL_U8_FOLD_CASE);
  int r = same_words(a.data, b.data);
  ll_buf_free(&a);
  ll_buf_free(&b);
  return r;
}

static void check(struct ll_ctx *ctx, const struct ll_entry *e) {
  if (!e->name || !e->description || !e->description[0] ||
      (e->flags & LL_ENTRY_PROSE))
    return;
  if (only_name(e->name, e->description)) {
    ll_report(ctx, e->desc_span,
              "description only repeats the name '%s': say what it is",
              e->name);
    return;
  }
  /* start = true: the description must not open with the name */
  const char *start = ll_option(ctx, "start");
  if (!start || strcmp(start, "true") != 0)
    return;
  const char *d = e->description;
  size_t n = ll_u8_prefix_caseless(d, strlen(d), e->name, strlen(e->name));
  if (n && (d[n] == '\0' || ll_isspace((unsigned char)d[n]) ||
            strchr(".,!?:-", d[n]))) {
    struct ll_span s = e->desc_span;
    if (s.end - s.start > n)
      s.end = s.start + n;
    ll_report(ctx, s,
              "description starts with the name '%s': start with what it is",
              e->name);
  }
}

const struct ll_rule_ops ll_rule_DESCRIPTION_REPEATS_NAME = {.on_entry = check};
