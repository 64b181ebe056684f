/* description-period: where most descriptions end with punctuation, the
 * few that do not (and the reverse). */
#include "common.h"
#include "unicode.h"

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

/* d[0..n) without white space, closing quotes and emphasis at its end:
 * the punctuation they close is what counts. */
static size_t strip_closers(const char *d, size_t n) {
  for (;;) {
    if (n && (d[n - 1] == '"' || d[n - 1] == '\'' || d[n - 1] == '*' ||
              d[n - 1] == '_' || ll_isspace((unsigned char)d[n - 1])))
      n--;
    else if (n >= 3 && (memcmp(d + n - 3, "\xE2\x80\x9D", 3) == 0 ||
                        memcmp(d + n - 3, "\xE2\x80\x99", 3) == 0))
      n -= 3; /* ” ’ */
    else
      return n;
  }
}

/* The length of a final ')' or full-width '）', or 0. */
static size_t closing_paren(const char *d, size_t n) {
  if (n && d[n - 1] == ')')
    return 1;
  return n >= 3 && memcmp(d + n - 3, "\xEF\xBC\x89", 3) == 0 ? 3 : 0;
}

/* Where a final "(...)" (or full-width "（...）") opens, or n. */
static size_t paren_start(const char *d, size_t n) {
  int depth = 0;
  size_t i = n;
  if (!closing_paren(d, n))
    return n;
  while (i) {
    if (d[i - 1] == ')') {
      depth++;
      i--;
    } else if (i >= 3 && memcmp(d + i - 3, "\xEF\xBC\x89", 3) == 0) {
      depth++;
      i -= 3;
    } else if (d[i - 1] == '(' ||
               (i >= 3 && memcmp(d + i - 3, "\xEF\xBC\x88", 3) == 0)) {
      i -= d[i - 1] == '(' ? 1 : 3;
      if (--depth == 0)
        return i;
    } else {
      i--;
    }
  }
  return n; /* unbalanced: not a group */
}

/* Where a final emoji (with its modifiers and joiners) starts, or n. */
static size_t emoji_start(const char *d, size_t n) {
  size_t end = n;
  while (n) {
    size_t k = n - 1;
    while (k && ((unsigned char)d[k] & 0xC0) == 0x80)
      k--;
    unsigned cp;
    if (ll_utf8_decode((const unsigned char *)d + k, n - k, &cp) <= 0)
      break;
    int joiner = cp == 0xFE0F || cp == 0x200D || cp == 0x20E3;
    int pict = cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) ||
               (cp >= 0x2B00 && cp <= 0x2BFF) || ll_u8_is_pictograph(cp);
    if (!joiner && !pict)
      break;
    n = k;
  }
  return n < end ? n : end;
}

/* Where a final :shortcode: (an emoji on GitHub) starts, or n. */
static size_t shortcode_start(const char *d, size_t n) {
  if (n < 3 || d[n - 1] != ':')
    return n;
  size_t j = n - 1;
  while (j && d[j - 1] != ':' && n - j < 48)
    j--;
  if (!j || ll_shortcode_len(d + j - 1, n - j + 1) != n - j + 1)
    return n;
  j--;
  return j == 0 || ll_isspace((unsigned char)d[j - 1]) ? j : n;
}

/* Is the '.' at d[dot] an abbreviation's rather than a sentence's: 'et
 * al.', 'etc.', 'Jr.', 'Inc.', an initialism ('e.g.', 'J.R.') or a
 * name's initial ('Mike G.', after a capitalised word)? */
static int is_abbrev(const char *d, size_t dot) {
  static const char *const words[] = {"al",  "etc", "jr",  "sr",     "inc",
                                      "ltd", "llc", "co",  "corp",   "vs",
                                      "cf",  "ed",  "eds", "approx", NULL};
  size_t w = dot;
  while (w && (ll_isalpha((unsigned char)d[w - 1]) || d[w - 1] == '.'))
    w--;
  while (w < dot && d[w] == '.')
    w++;
  if (w == dot)
    return 0;
  if (w && (ll_isalnum((unsigned char)d[w - 1]) ||
            (unsigned char)d[w - 1] >= 0x80 || d[w - 1] == '-'))
    return 0; /* "3rd.", a word of another script */
  size_t len = dot - w;
  if (memchr(d + w, '.', len)) {
    /* 'e.g', 'J.W': single letters between dots */
    for (size_t i = w; i < dot; i++)
      if (d[i] != '.' &&
          ((i > w && d[i - 1] != '.') || (i + 1 < dot && d[i + 1] != '.')))
        return 0;
    return 1;
  }
  for (int k = 0; words[k]; k++) {
    size_t kl = strlen(words[k]), i = 0;
    while (i < kl && i < len &&
           ll_tolower((unsigned char)d[w + i]) == (unsigned char)words[k][i])
      i++;
    if (i == kl && kl == len)
      return 1;
  }
  if (len == 1 && ll_isupper((unsigned char)d[w]) && w >= 2 &&
      d[w - 1] == ' ') {
    /* an initial follows a name ('Mike G.') or an initial ('J. R.');
     * 'written in C.' ends a sentence */
    size_t p = w - 1;
    while (p && d[p - 1] != ' ')
      p--;
    return ll_isupper((unsigned char)d[p]);
  }
  return 0;
}

/* Does d[0..n) end with punctuation that is not an abbreviation's? 1:
 * yes, 0: no, -1: it ends with an abbreviation, which may or may not end
 * a sentence too. */
static int punct_end(const char *d, size_t n) {
  if (!n || !is_punct_at(d, n))
    return 0;
  return d[n - 1] == '.' && is_abbrev(d, n - 1) ? -1 : 1;
}

/* 1: the description ends with punctuation, possibly before a closing
 * quote, a final parenthetical ("Fast. (Beta)", or one ending with its
 * own: "(beta!)"), an emoji or a :shortcode: (the forms awesome-lint
 * accepts too); 0: it does not; -1: cannot tell, as its period is an
 * abbreviation's ("Rod Johnson, et al."). A period inside ("David J. Eck
 * (PDF)", "Wikibooks (2.6)") is not final. */
static int ends_punct(const char *d) {
  size_t n = strip_closers(d, strlen(d));
  /* an emoji in place of punctuation, after a word or two and no mark
   * anywhere ("[Preview](u) 💲": awesome-lint's special case) */
  size_t e = emoji_start(d, n);
  if (e < n && !strpbrk(d, ".!?")) {
    size_t words = 0;
    for (size_t i = 0; i < e; i++)
      words += !ll_isspace((unsigned char)d[i]) &&
               (i == 0 || ll_isspace((unsigned char)d[i - 1]));
    if (words <= 2)
      return 1;
  }
  while (n) {
    size_t close = closing_paren(d, n);
    if (close && punct_end(d, strip_closers(d, n - close)) > 0)
      return 1;
    size_t k = paren_start(d, n);
    if (k == n)
      k = emoji_start(d, n);
    if (k == n)
      k = shortcode_start(d, n);
    k = k < n ? strip_closers(d, k) : n;
    if (k == n || k == 0)
      break; /* nothing more to take off, or nothing would be left */
    n = k;
  }
  return punct_end(d, n);
}

/* Does d hold a character of a script without case (Han, kana ...),
 * whose sentences end otherwise ('。')? */
static int caseless(const char *d) {
  for (size_t i = 0, n = strlen(d); i < n;) {
    size_t k;
    if (ll_u8_is_caseless_script(ll_u8_at(d + i, n - i, &k)))
      return 1;
    i += k;
  }
  return 0;
}

/* The fix.  A missing period is added after the description's last
 * byte when that is a letter, a digit or a closing ')' ending a word:
 * never after code or emphasis, never after other punctuation (': .'),
 * never in a script that ends sentences otherwise.
 * A period that should not be there goes when it is the one '.' the
 * description ends with, not '!', '?', an ellipsis or '..'. */
static void fix_period(struct ll_ctx *ctx, const struct ll_entry *e, int want) {
  const char *src = ctx->src->data, *d = e->description;
  struct ll_span s = e->desc_span;
  size_t n = strlen(d);
  if (s.end <= s.start || !n || caseless(d))
    return;
  unsigned char last = (unsigned char)src[s.end - 1];
  if (want) {
    size_t k = n - 1;
    while (k && ((unsigned char)d[k] & 0xC0) == 0x80)
      k--;
    size_t kl;
    unsigned c = ll_u8_at(d + k, n - k, &kl);
    if (!(ll_u8_is_word(c) || c == ')'))
      return;
    /* the source ends as the text does: not in code, emphasis or a
     * tag ("`MIT` `Go`": a list's metadata, whose sentence ended before
     * it), where a period would go after the markup */
    if (last != (unsigned char)d[n - 1] && last != ')')
      return;
    struct ll_span at = {s.end, s.end};
    ll_fix(ctx, at, ".", 1);
  } else {
    if (last != '.' || d[n - 1] != '.' || (n >= 2 && d[n - 2] == '.') ||
        (s.end - s.start >= 2 && src[s.end - 2] == '.'))
      return;
    struct ll_span at = {s.end - 1, s.end};
    ll_fix(ctx, at, "", 0);
  }
}

/* The length of the sentence mark ('.', '!', '?', '…') ending d[0..n),
 * or 0. */
static size_t mark_len(const char *d, size_t n) {
  if (n && (d[n - 1] == '.' || d[n - 1] == '!' || d[n - 1] == '?'))
    return 1;
  return n >= 3 && memcmp(d + n - 3, "\xE2\x80\xA6", 3) == 0 ? 3 : 0;
}

/* Does d end with marks both inside and after a closing double quote
 * ('"end.".', '“end?”!')?  One is enough: the quote's own, or the
 * sentence's after it (the punctuation guides; awesome-lint agrees). */
static int marks_around_quote(const char *d) {
  size_t n = strlen(d), k;
  while (n && ll_isspace((unsigned char)d[n - 1]))
    n--;
  size_t after = n;
  while ((k = mark_len(d, n)) > 0)
    n -= k;
  if (n == after)
    return 0;
  if (n && d[n - 1] == '"')
    n--;
  else if (n >= 3 && memcmp(d + n - 3, "\xE2\x80\x9D", 3) == 0)
    n -= 3; /* ” */
  else
    return 0;
  return mark_len(d, n) > 0;
}

/* Does the description's source end with a code span ("Run `make.`")?
 * Its mark is then the code's, not the sentence's. */
static int ends_in_code(const struct ll_ctx *ctx, const struct ll_entry *e) {
  size_t a = e->desc_span.start, b = e->desc_span.end;
  const char *d = ctx->src->data;
  if (b > ctx->src->len || a >= b)
    return 0;
  while (b > a && ll_isspace((unsigned char)d[b - 1]))
    b--;
  return b > a && d[b - 1] == '`';
}

/* Is the description wholly emphasised ("- [Talk](u) - *Tom
 * Preston-Werner*")?  A credit, set off as one: no sentence to end. */
static int credit_only(const struct ll_ctx *ctx, const struct ll_entry *e) {
  const char *d = ctx->src->data;
  size_t a = e->desc_span.start, z = e->desc_span.end;
  if (z <= a + 2 || (d[a] != '*' && d[a] != '_') || d[z - 1] != d[a])
    return 0;
  for (size_t i = a + 1; i + 1 < z; i++)
    if (d[i] == d[a])
      return 0; /* "*a* and *b*": emphasis in a sentence */
  return 1;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t yes = 0, total = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    if (!ll_conventional(m->entries[i]) || credit_only(ctx, m->entries[i]))
      continue;
    int p = ends_punct(m->entries[i]->description);
    if (p < 0)
      continue;
    total++;
    yes += (size_t)p;
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
    if (!ll_conventional(e) || credit_only(ctx, e))
      continue;
    int p = ends_punct(e->description);
    if (p > 0 && want && marks_around_quote(e->description)) {
      ll_report(ctx, ll_span_tail(e->desc_span, 1),
                "description ends with punctuation both inside and after "
                "its closing quote: keep one");
      continue;
    }
    if (p > 0 && want && ends_in_code(ctx, e)) {
      ll_report(ctx, ll_span_tail(e->desc_span, 1),
                "description ends inside a code span: end the sentence "
                "after it");
      continue;
    }
    if (p < 0 || p == want)
      continue;
    /* "Kani verifies:" and then its bullets: the colon leads into them */
    const char *d = e->description;
    if (d[strlen(d) - 1] == ':' && ll_list_follows(ctx->src, e->desc_span.end))
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
    fix_period(ctx, e, want);
  }
}

const struct ll_rule_ops ll_rule_DESCRIPTION_PERIOD = {.on_finish = finish};
