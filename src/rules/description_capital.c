/* description-capital: where most descriptions start with a capital
 * letter, the few that start in lower case.  Words that are lower case by
 * design (iOS, jQuery, npm, `code`) are left alone. */
#include <stdlib.h>
#include <strings.h>

#include "common.h"
#include "unicode.h"

/* Does d open with the n bytes of w, case ignored (in any script), as a
 * whole word? */
static int opens_with(const char *d, const char *w, size_t n) {
  size_t dn = strlen(d), m = ll_u8_prefix_caseless(d, dn, w, n);
  if (!m)
    return 0;
  if (m == dn)
    return 1;
  size_t k;
  unsigned c = ll_u8_at(d + m, dn - m, &k);
  return !(ll_u8_is_word(c) || c == '-' || c == '_');
}

/* Does the description open with the entry's own name: the whole name
 * ("[usql](u) - usql is ..."), without a parenthetical ("[exa (zplugin)]"),
 * or without the vendor before a name in lower case ("[GitGuardian
 * ggshield](u) - ggshield is ...")?  Capitalising it would misspell it;
 * whether a description may open with the name at all is
 * description-repeats-name's question. */
static int opens_with_name(const char *d, const char *name) {
  size_t n = strlen(name);
  const char *p = memchr(name, '(', n);
  if (p && p > name && name[n - 1] == ')')
    n = (size_t)(p - name);
  while (n && name[n - 1] == ' ')
    n--;
  if (opens_with(d, name, n))
    return 1;
  const char *sp = memchr(name, ' ', n);
  if (!sp || sp + 1 == name + n)
    return 0;
  size_t k, rest = n - (size_t)(sp + 1 - name);
  if (ll_u8_case(ll_u8_at(name, n, &k)) == LL_U8_UPPER &&
      ll_u8_case(ll_u8_at(sp + 1, rest, &k)) == LL_U8_LOWER &&
      !memchr(sp + 1, ' ', rest))
    return opens_with(d, sp + 1, rest);
  return 0;
}

static int is_word_byte(unsigned char c) { return c >= 0x80 || ll_isalnum(c); }

/* Is the word w (n bytes) one of the words of t (runs of letters and
 * digits, case ignored)? */
static int in_words(const char *t, const char *w, size_t n) {
  for (const char *p = t; *p;) {
    while (*p && !is_word_byte((unsigned char)*p))
      p++;
    const char *q = p;
    while (*q && is_word_byte((unsigned char)*q))
      q++;
    size_t len = (size_t)(q - p);
    if (len == n && strncasecmp(p, w, n) == 0)
      return 1;
    p = q;
  }
  return 0;
}

/* Is the first word (n bytes) of d a word of the entry's own name or of
 * its links: "[cargo-show-asm](u) - cargo subcommand ...", "[Nim
 * Basics](https://narimiran.github.io/...) - narimiran": another tool's or
 * an author's name, written as its owner writes it?  Ordinary words are
 * in names too ("[go-ml-benchmarks](u) - benchmarks for ..."): finish()
 * tells them apart by whether the list opens other descriptions with the
 * word capitalised. */
static int names_own_word(const struct ll_entry *e, const char *d, size_t n) {
  if (n < 2)
    return 0;
  if (e->name && in_words(e->name, d, n))
    return 1;
  for (size_t i = 0; i < e->nlinks; i++)
    if (e->links[i]->url && in_words(e->links[i]->url, d, n))
      return 1;
  return 0;
}

/* Is the first word (n bytes) of d the subject of a sentence about it,
 * "ggshield is ...", "uv's fast ...": a name, as an ordinary word there
 * would follow an article?  Pronouns are not names. */
static int is_named_subject(const char *d, size_t n) {
  static const char *const pronouns[] = {
      "it",    "this", "that",       "there", "here", "what",
      "which", "who",  "he",         "she",   "they", "one",
      "each",  "all",  "everything", "let",   NULL};
  const char *r = d + n;
  if (strncmp(r, " is ", 4) != 0 && strncmp(r, "'s ", 3) != 0 &&
      strncmp(r, "\xE2\x80\x99s ", 5) != 0)
    return 0;
  for (int k = 0; pronouns[k]; k++)
    if (strlen(pronouns[k]) == n && strncmp(d, pronouns[k], n) == 0)
      return 0;
  return 1;
}

/* Is d written (in part) in a script without case: Han, kana, Hangul,
 * Arabic ..., or CJK punctuation?  Case means nothing to such text; its
 * Latin words are names. */
static int has_caseless_script(const char *d, size_t n) {
  const unsigned char *u = (const unsigned char *)d;
  for (size_t i = ll_skip_ascii(u, 0, n); i < n;) {
    size_t k;
    if (ll_u8_is_caseless_script(ll_u8_at(d + i, n - i, &k)))
      return 1;
    i = ll_skip_ascii(u, i + k, n);
  }
  return 0;
}

/* 1: capital, 0: lower case, -1: does not take part: the descriptions
 * that take part are those with a cased first letter. */
static int starts_capital(const struct ll_entry *e, const char *src) {
  const char *d = e->description;
  size_t n = strlen(d), k = 1;
  unsigned char c = (unsigned char)d[0];
  enum ll_u8_case first = c < 0x80 ? ll_isupper(c)   ? LL_U8_UPPER
                                     : ll_islower(c) ? LL_U8_LOWER
                                                     : LL_U8_UNCASED
                                   : ll_u8_case(ll_u8_at(d, n, &k));
  if (first == LL_U8_UNCASED)
    return -1;
  if (e->name && opens_with_name(d, e->name))
    return -1;
  /* `code`, [a link], @handle: a name, whatever its case. */
  if (e->desc_span.end > e->desc_span.start &&
      strchr("`[@<*_", src[e->desc_span.start]))
    return -1;
  if (has_caseless_script(d, n))
    return -1;
  if (first == LL_U8_UPPER)
    return 1;
  /* The first word: any capital, digit, dot or underscore in it marks a
   * name; an inner ':' or '(' marks code ("go:generate", "isatty()"); so
   * does a symbol. */
  const char *p = d + k;
  while (*p && *p != ' ' && *p != '\'') {
    size_t xk;
    unsigned x = ll_u8_at(p, n - (size_t)(p - d), &xk);
    if (x == 0x2019 || ll_u8_is_space(x)) /* ’ ends a word as ' does */
      break;
    if (x < 0x80) {
      if (ll_isupper((int)x) || ll_isdigit((int)x) || x == '.' || x == '_')
        return -1;
      if ((x == ':' || x == '(') && p[1] && p[1] != ' ')
        return -1;
    } else if (ll_u8_case(x) != LL_U8_LOWER && !ll_u8_is_mark(x)) {
      return -1;
    }
    p += xk;
  }
  size_t w = (size_t)(p - d);
  while (w && strchr(",:;", d[w - 1]))
    w--;
  if (is_named_subject(d, w))
    return -1;
  return 0;
}

/* The length of d's first word, its letters and digits. */
static size_t first_word(const char *d) {
  size_t n = 0;
  while (d[n] && is_word_byte((unsigned char)d[n]))
    n++;
  return n;
}

/* The first word of d, in lower case (ASCII), as a key; buf holds 64. */
static const char *word_key(const char *d, size_t n, char *buf) {
  if (n > 63)
    n = 63;
  for (size_t i = 0; i < n; i++)
    buf[i] = (char)ll_tolower((unsigned char)d[i]);
  buf[n] = '\0';
  return buf;
}

/* The first word of d, folded to lower case, into b: the word a fix
 * would capitalise. */
static void fix_word(struct ll_buf *b, const char *d) {
  size_t n = strcspn(d, " ,.;:!?'\"()[]/");
  b->len = 0;
  ll_u8_fold(b, d, n > 200 ? 0 : n, LL_U8_FOLD_CASE);
  ll_buf_add(b, "", 0);
}

/* Is a short word (three letters or fewer) an ordinary word rather than
 * a name or an abbreviation in lower case ("npm", "cli", "go", "api")?
 * Longer words are taken as ordinary. */
static int plain_word(const char *w) {
  static const char *const words[] = {
      "a",   "an",  "the", "for", "new", "set", "web",  "app",
      "use", "all", "any", "one", "two", "our", "its",  "how",
      "why", "top", "big", "way", "bot", "fun", "old",  "add",
      "get", "run", "see", "tag", "map", "key", "fast", NULL};
  if (strlen(w) > 3)
    return 1;
  for (int i = 0; words[i]; i++)
    if (strcmp(words[i], w) == 0)
      return 1;
  return 0;
}

/* The fix: the first letter of the description as a capital (its title
 * case), where the source's bytes at s are that letter, and only where
 * the list itself starts two other descriptions or more with the same
 * word capitalised ("provides" where others say "Provides"): a word the
 * list never capitalises may be a name in its own case ("isatty",
 * "libsamplerate"). */
static void fix_capital(struct ll_ctx *ctx, const struct ll_entry *e,
                        struct ll_span s, const struct ll_map *capitalised,
                        struct ll_buf *w) {
  const char *src = ctx->src->data, *d = e->description;
  size_t k, dk;
  unsigned c = ll_u8_at(src + s.start, s.end - s.start, &k);
  if (k != s.end - s.start || c != ll_u8_at(d, strlen(d), &dk) ||
      ll_u8_case(c) != LL_U8_LOWER)
    return;
  fix_word(w, d);
  if (!w->len || (size_t)ll_map_get(capitalised, w->data) < 2 ||
      !plain_word(w->data))
    return;
  unsigned t = ll_u8_title(c);
  if (t == c || ll_u8_case(t) == LL_U8_LOWER)
    return;
  struct ll_buf b;
  ll_buf_init(&b, 16);
  ll_u8_put(&b, t);
  ll_fix(ctx, s, b.data, b.len);
  ll_buf_free(&b);
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t caps = 0, total = 0;
  /* each entry's verdict, kept for the second pass */
  signed char *k = ll_xcalloc(m->nentries + 1, 1);
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    /* "[Monai](u) is a toolkit ...": without a separator the name is
     * the subject of a sentence that goes on; its case is no choice */
    int sentence = e->separator && !e->separator[0];
    k[i] = (signed char)(ll_conventional(e) && !sentence
                             ? starts_capital(e, ctx->src->data)
                             : -1);
    if (k[i] < 0)
      continue;
    total++;
    caps += (size_t)k[i];
  }
  /* The words that open capitalised descriptions: ordinary words, where
   * a lower-case word of the entry's own name or links is a name. */
  struct ll_map opening = {0};
  char key[64];
  for (size_t i = 0; i < m->nentries; i++)
    if (k[i] == 1) {
      const char *d = m->entries[i]->description;
      ll_map_put(&opening, word_key(d, first_word(d), key), "");
    }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    size_t w;
    if (k[i] == 0 && (w = first_word(e->description)) &&
        names_own_word(e, e->description, w) &&
        !ll_map_get(&opening, word_key(e->description, w, key))) {
      k[i] = -1;
      total--;
    }
  }
  ll_map_free(&opening);
  const char *style = ll_option(ctx, "style");
  int forced = style && strcmp(style, "capital") == 0;
  if (!forced && !ll_is_majority(caps, total)) {
    free(k);
    return;
  }
  /* the first words of the capitalised descriptions, for the fix */
  struct ll_map capitalised = {0};
  struct ll_buf w;
  ll_buf_init(&w, 1024);
  for (size_t i = 0; i < m->nentries; i++) {
    if (k[i] != 1)
      continue;
    fix_word(&w, m->entries[i]->description);
    if (w.len) {
      size_t n = (size_t)ll_map_get(&capitalised, w.data);
      ll_map_put(&capitalised, w.data, (const void *)(n + 1));
    }
  }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (k[i] == 0) {
      /* the first letter, all its bytes */
      struct ll_span s = e->desc_span;
      size_t len = 1;
      if (s.end > s.start)
        ll_u8_at(ctx->src->data + s.start, s.end - s.start, &len);
      s.end = s.start + len;
      if (forced)
        ll_report(ctx, s,
                  "description starts with a lower-case letter; "
                  "the configuration requires a capital");
      else
        ll_report(ctx, s,
                  "description starts with a lower-case letter; %zu of %zu "
                  "descriptions in this list start with a capital",
                  caps, total);
      fix_capital(ctx, e, s, &capitalised, &w);
    }
  }
  ll_map_free(&capitalised);
  ll_buf_free(&w);
  free(k);
}

const struct ll_rule_ops ll_rule_DESCRIPTION_CAPITAL = {.on_finish = finish};
