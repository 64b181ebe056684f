/* description-repeats-name: the description says nothing but the name. */
#include "common.h"
#include "unicode.h"

/* Equal when compared on letters and digits only, ASCII case folded,
 * other bytes as they are: 1 equal, 0 not, -1 unsure (a byte outside
 * ASCII came first, or at, the first difference: folding may yet make
 * the two equal). */
static int same_ascii_words(const char *a, const char *b) {
  int any = 0, wide = 0;
  for (;;) {
    while (*a && !((unsigned char)*a >= 0x80 || ll_isalnum((unsigned char)*a)))
      a++;
    while (*b && !((unsigned char)*b >= 0x80 || ll_isalnum((unsigned char)*b)))
      b++;
    if ((unsigned char)*a >= 0x80 || (unsigned char)*b >= 0x80)
      wide = 1;
    if (!*a || !*b) {
      if (any && !*a && !*b)
        return 1;
      return wide ? -1 : 0;
    }
    if (ll_tolower((unsigned char)*a) != ll_tolower((unsigned char)*b))
      return wide ? -1 : 0;
    any = 1;
    a++;
    b++;
  }
}

/* The length of the character at s (not at its end). */
static size_t char_len(const char *s) {
  size_t k = 1;
  if ((unsigned char)*s >= 0x80)
    ll_u8_at(s, strnlen(s, 4), &k);
  return k;
}

/* The length of the letter, mark or digit (of any script) at s, or 0. */
static size_t word_char(const char *s) {
  unsigned char c = (unsigned char)*s;
  if (c < 0x80)
    return ll_isalnum(c) ? 1 : 0;
  size_t k;
  return ll_u8_is_word(ll_u8_at(s, strnlen(s, 4), &k)) ? k : 0;
}

/* Equal when compared on letters, marks and digits of any script (the
 * strings are folded). */
static int same_words(const char *a, const char *b) {
  int any = 0;
  for (;;) {
    size_t ka = 0, kb = 0;
    while (*a && !(ka = word_char(a)))
      a += char_len(a);
    while (*b && !(kb = word_char(b)))
      b += char_len(b);
    if (!*a || !*b)
      return any && !*a && !*b;
    if (ka != kb || memcmp(a, b, ka) != 0)
      return 0;
    any = 1;
    a += ka;
    b += kb;
  }
}

/* The first letter, mark or digit of s as folding leaves it, or 0 when
 * folding might change which it is. */
static unsigned first_folded(const char *s) {
  for (; *s; s += char_len(s)) {
    size_t k;
    unsigned cp = ll_u8_at(s, strnlen(s, 4), &k);
    unsigned f = ll_u8_fold_char(cp);
    if (!f)
      return 0;
    if (word_char(s))
      return f;
  }
  return 0;
}

/* Does the description say nothing but the name?  When bytes outside
 * ASCII leave it open, and their first letters do not tell them apart,
 * both are case folded and NFKC-normalised first, unless one is over
 * three times the other's length: folding shrinks text to a third at most
 * (full-width letters), bar runs of invisible characters, so the longer
 * one says more. */
static int only_name(const char *name, const char *desc) {
  int r = same_ascii_words(name, desc);
  if (r >= 0)
    return r;
  unsigned fa = first_folded(name), fb = first_folded(desc);
  if (fa && fb && fa != fb)
    return 0;
  size_t nn = strlen(name), nd = strlen(desc);
  if (nd > 3 * nn + 32 || nn > 3 * nd + 32)
    return 0;
  struct ll_buf a, b;
  ll_buf_init(&a, 0);
  ll_buf_init(&b, 0);
  ll_u8_fold(&a, name, nn, LL_U8_FOLD_CASE);
  ll_u8_fold(&b, desc, nd, LL_U8_FOLD_CASE);
  r = same_words(a.data, b.data);
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
