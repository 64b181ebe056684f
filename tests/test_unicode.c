/* test_unicode.c - case, folding, widths and counts of the Unicode helpers,
 * in the scripts the corpus holds and the ones it may come to hold. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <utf8proc.h>

#include "helpers.h"
#include "unicode.h"

static unsigned first(const char *s) {
  size_t k;
  return ll_u8_at(s, strlen(s), &k);
}

static enum ll_u8_case case_of(const char *s) { return ll_u8_case(first(s)); }

Test(unicode, case_of_every_cased_script) {
  const char *upper[] = {"A",
                         "\xC3\x89" /* É */,
                         "\xC3\x85" /* Å */,
                         "\xD0\x94" /* Д */,
                         "\xCE\xA3" /* Σ */,
                         "\xC7\x85" /* ǅ, title case */,
                         NULL};
  const char *lower[] = {"a",
                         "\xC3\xA9" /* é */,
                         "\xC3\xA5" /* å */,
                         "\xD0\xBC" /* м */,
                         "\xCF\x82" /* ς */,
                         "\xD5\xA1" /* Armenian ա */,
                         NULL};
  for (int i = 0; upper[i]; i++)
    cr_expect_eq(case_of(upper[i]), LL_U8_UPPER, "%s", upper[i]);
  for (int i = 0; lower[i]; i++)
    cr_expect_eq(case_of(lower[i]), LL_U8_LOWER, "%s", lower[i]);
}

Test(unicode, scripts_without_case_are_uncased) {
  const char *none[] = {"\xE4\xB8\xAD" /* 中 */,
                        "\xE3\x81\x82" /* あ */,
                        "\xE3\x82\xA2" /* ア */,
                        "\xED\x95\x9C" /* 한 */,
                        "\xD8\xB9" /* ع */,
                        "\xD7\xA9" /* ש */,
                        "\xE1\x83\x90" /* Georgian ა */,
                        "\xF0\x9D\x90\x9A" /* mathematical bold a */,
                        "7",
                        "\xE2\x80\x94" /* em dash */,
                        "\xF0\x9F\x9A\x80" /* rocket */,
                        NULL};
  for (int i = 0; none[i]; i++) {
    cr_expect_eq(case_of(none[i]), LL_U8_UNCASED, "%s", none[i]);
  }
  cr_expect(ll_u8_is_caseless_script(first("\xE4\xB8\xAD")));
  cr_expect(ll_u8_is_caseless_script(first("\xD8\xB9")));
  cr_expect(ll_u8_is_caseless_script(first("\xED\x95\x9C")));
  cr_expect(ll_u8_is_caseless_script(first("\xE3\x80\x82")), "CJK full stop");
  cr_expect(!ll_u8_is_caseless_script(first("\xC2\xAA")), "ordinal ª");
  cr_expect(!ll_u8_is_caseless_script(first("\xE2\x80\x99")), "apostrophe");
  cr_expect(!ll_u8_is_caseless_script(first("\xD0\xBC")));
}

static char *fold(const char *s, unsigned flags) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_u8_fold(&b, s, strlen(s), flags);
  return ll_buf_detach(&b);
}

Test(unicode, fold_is_nfkc_casefold) {
  struct {
    const char *in, *want;
    unsigned flags;
  } cases[] = {
      {"Hello World", "hello world", LL_U8_FOLD_CASE},
      {"Hello World", "Hello World", 0},
      {"Ååå", "ååå", LL_U8_FOLD_CASE},
      {"A\u030A", "å", LL_U8_FOLD_CASE}, /* A + combining ring, composed */
      {"Straße", "strasse", LL_U8_FOLD_CASE},
      {"МИР", "мир", LL_U8_FOLD_CASE},
      {"ﬁle", "file", LL_U8_FOLD_CASE},      /* a ligature */
      {"ＡBC", "abc", LL_U8_FOLD_CASE},      /* a full-width A */
      {"soft\u00ADhyphen", "softhyphen", 0}, /* default ignorable */
      {"École", "ecole", LL_U8_FOLD_CASE | LL_U8_FOLD_MARKS},
      {"École", "Ecole", LL_U8_FOLD_MARKS},
      {"µTorrent", "utorrent", LL_U8_FOLD_CASE | LL_U8_FOLD_MARKS},
      {"µTorrent", "μtorrent", LL_U8_FOLD_CASE}, /* NFKC: a Greek mu */
      /* not UTF-8: the bytes as they are, ASCII lower-cased */
      {"AB\xFF!", "ab\xFF!", LL_U8_FOLD_CASE},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = fold(cases[i].in, cases[i].flags);
    cr_expect_str_eq(got, cases[i].want, "fold(%s)", cases[i].in);
    free(got);
  }
}

Test(unicode, compare_sorts_accents_with_their_letter) {
  unsigned f = LL_U8_FOLD_CASE | LL_U8_FOLD_MARKS;
  cr_expect_lt(ll_u8_compare("Eagle",
                             "\xC3\x89"
                             "clair",
                             f),
               0);
  cr_expect_lt(ll_u8_compare("\xC3\x89"
                             "clair",
                             "Eden", f),
               0);
  cr_expect_eq(ll_u8_compare("\xC3\x85\xC3\xA5\xC3\xA5",
                             "\xC3\xA5\xC3\xA5\xC3\xA5", LL_U8_FOLD_CASE),
               0);
  cr_expect_gt(ll_u8_compare("beta", "Alpha", f), 0);
  cr_expect_lt(ll_u8_compare("Beta", "alpha", 0), 0, "case kept: B < a");
  /* Cyrillic in alphabetical order, whatever the case */
  cr_expect_lt(ll_u8_compare("\xD0\x90\xD0\xB1", "\xD0\xB1\xD0\xB0", f), 0);
}

Test(unicode, caseless_prefix) {
  const char *d = "\xC3\xA9l\xC3\xA9gant mais"; /* élégant mais */
  const char *w = "\xC3\x89L\xC3\x89GANT";      /* ÉLÉGANT */
  cr_expect_eq(ll_u8_prefix_caseless(d, strlen(d), w, strlen(w)), 9);
  cr_expect_eq(ll_u8_prefix_caseless(d, strlen(d), "elegant", 7), 0);
  const char *s = "\xCF\x83\xCE\xBF\xCF\x86\xCF\x8C\xCF\x82";  /* σοφός */
  const char *up = "\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x8C\xCE\xA3"; /* ΣΟΦΌΣ */
  cr_expect_eq(ll_u8_prefix_caseless(s, strlen(s), up, strlen(up)), strlen(s));
  cr_expect_eq(ll_u8_prefix_caseless("abc", 3, "", 0), 0);
  cr_expect_eq(ll_u8_prefix_caseless("ab", 2, "abc", 3), 0);
}

Test(unicode, display_width_and_counts) {
  cr_expect_eq(ll_u8_width("abc", 3), 3);
  const char *zh = "\xE9\x87\x8D\xE5\xA4\x8D"; /* 重复 */
  cr_expect_eq(ll_u8_width(zh, strlen(zh)), 4);
  const char *ko = "\xED\x95\x9C\xEA\xB8\x80"; /* 한글 */
  cr_expect_eq(ll_u8_width(ko, strlen(ko)), 4);
  const char *mark = "e\xCC\x81"; /* e + combining acute */
  cr_expect_eq(ll_u8_width(mark, strlen(mark)), 1);
  const char *ar = "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A"; /* عربي */
  cr_expect_eq(ll_u8_width(ar, strlen(ar)), 4);
  cr_expect_eq(ll_u8_width("a\xFF"
                           "b",
                           3),
               3, "an invalid byte shows as one");
  size_t cps, u16;
  const char *mix = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80"; /* aé中🚀 */
  ll_u8_count(mix, strlen(mix), &cps, &u16);
  cr_expect_eq(cps, 4);
  cr_expect_eq(u16, 5, "the rocket is a surrogate pair");
  ll_u8_count("x\xFFy", 3, &cps, &u16);
  cr_expect_eq(cps, 3);
  cr_expect_eq(u16, 3);
}

/* What utf8proc_map gives for the same folding: the reference. */
static char *reference(const char *s, size_t n, unsigned flags) {
  utf8proc_option_t opt =
      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE;
  if (flags & LL_U8_FOLD_CASE)
    opt |= UTF8PROC_CASEFOLD;
  if (flags & LL_U8_FOLD_MARKS)
    opt |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t k =
      utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out, opt);
  cr_assert_geq(k, 0);
  return (char *)out;
}

/* The fold takes a short cut for code points that fold alone; over every
 * BMP code point, alone and between neighbours that could compose with
 * it, it must give what utf8proc's whole path gives. */
Test(unicode, fold_short_cut_matches_utf8proc) {
  static const char *const around[][2] = {
      {"", ""},
      {"a", ""},
      {"", "\xCC\x81"},     /* then a combining acute */
      {"\xE0\xAF\x86", ""}, /* after Tamil vowel sign e */
      {"\xE1\x84\x80", ""}, /* after a Hangul initial */
      {"x", "y"}};
  static const unsigned flags[] = {LL_U8_FOLD_CASE,
                                   LL_U8_FOLD_CASE | LL_U8_FOLD_MARKS, 0};
  struct ll_buf b;
  ll_buf_init(&b, 0);
  char in[16];
  size_t bad = 0;
  for (unsigned cp = 0x80; cp < 0x10000; cp++) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xB5)
      continue; /* surrogates; the micro sign is ours (below) */
    utf8proc_uint8_t one[4];
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, one);
    for (size_t a = 0; a < sizeof around / sizeof *around; a++) {
      size_t n = (size_t)snprintf(in, sizeof in, "%s%.*s%s", around[a][0],
                                  (int)k, (const char *)one, around[a][1]);
      for (size_t f = 0; f < sizeof flags / sizeof *flags; f++) {
        b.len = 0;
        ll_u8_fold(&b, in, n, flags[f]);
        char *want = reference(in, n, flags[f]);
        if (strcmp(b.data, want) != 0 && bad++ < 5)
          cr_expect_str_eq(b.data, want, "U+%04X (case %zu, flags %u)", cp, a,
                           flags[f]);
        free(want);
      }
    }
  }
  cr_expect_eq(bad, 0, "%zu folds differ", bad);
  /* ll_u8_fold_char says what a code point folds to, when it can */
  size_t known = 0;
  for (unsigned cp = 0x80; cp < 0x10000; cp++) {
    unsigned f = ll_u8_fold_char(cp);
    if (!f || (cp >= 0xD800 && cp <= 0xDFFF))
      continue;
    known++;
    utf8proc_uint8_t one[4], to[4];
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, one);
    utf8proc_ssize_t t = utf8proc_encode_char((utf8proc_int32_t)f, to);
    size_t n =
        (size_t)snprintf(in, sizeof in, "a%.*sy", (int)k, (const char *)one);
    char *want = reference(in, n, LL_U8_FOLD_CASE);
    char got[16];
    snprintf(got, sizeof got, "a%.*sy", (int)t, (const char *)to);
    if (strcmp(got, want) != 0 && bad++ < 5)
      cr_expect_str_eq(got, want, "ll_u8_fold_char(U+%04X)", cp);
    free(want);
  }
  cr_expect_gt(known, 40000, "Han, Hangul, Cyrillic ... fold alone");
  cr_expect_eq(ll_u8_fold_char(0x0414), 0x0434); /* Д -> д */
  cr_expect_eq(ll_u8_fold_char(0x03C2), 0x03C3); /* ς -> σ */
  cr_expect_eq(ll_u8_fold_char(0x00DF), 0);      /* ß -> ss */
  cr_expect_eq(ll_u8_fold_char(0x0301), 0);      /* a combining mark */
  /* the vowel signs of class 0 that compose, after their first halves */
  static const unsigned pairs[][2] = {
      {0x09C7, 0x09BE}, {0x09C7, 0x09D7}, {0x0B47, 0x0B3E}, {0x0B47, 0x0B56},
      {0x0B47, 0x0B57}, {0x0B92, 0x0BD7}, {0x0BC6, 0x0BBE}, {0x0CBF, 0x0CD5},
      {0x0CC6, 0x0CC2}, {0x0CC6, 0x0CD6}, {0x0D46, 0x0D3E}, {0x0D46, 0x0D57},
      {0x0DD9, 0x0DCF}, {0x0DD9, 0x0DDF}, {0x0F40, 0x0FB5}, {0x0F42, 0x0FB7},
      {0x1025, 0x102E}, {0x1B05, 0x1B35}, {0x1100, 0x1161}, {0xAC00, 0x11A8}};
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    utf8proc_uint8_t *q = (utf8proc_uint8_t *)in;
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)pairs[i][0], q);
    k += utf8proc_encode_char((utf8proc_int32_t)pairs[i][1], q + k);
    b.len = 0;
    ll_u8_fold(&b, in, (size_t)k, LL_U8_FOLD_CASE);
    char *want = reference(in, (size_t)k, LL_U8_FOLD_CASE);
    cr_expect_str_eq(b.data, want, "U+%04X U+%04X", pairs[i][0], pairs[i][1]);
    free(want);
  }
  ll_buf_free(&b);
}
