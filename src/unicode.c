/* unicode.c - letters, case, folding and display width through utf8proc,
 * each behind an ASCII fast path. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "unicode.h"

unsigned ll_u8_at(const char *s, size_t n, size_t *len) {
  unsigned cp;
  int k = ll_utf8_decode((const unsigned char *)s, n, &cp);
  if (k < 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = (size_t)k;
  return cp;
}

void ll_u8_put(struct ll_buf *b, unsigned cp) {
  utf8proc_uint8_t out[4];
  utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, out);
  ll_buf_add(b, out, (size_t)k);
}

static utf8proc_category_t category(unsigned cp) {
  return utf8proc_category((utf8proc_int32_t)cp);
}

/* Georgian Mkhedruli and its extensions: written without capitals. */
static int is_mkhedruli(unsigned cp) {
  return (cp >= 0x10D0 && cp <= 0x10FF) || (cp >= 0x2D00 && cp <= 0x2D2F);
}

enum ll_u8_case ll_u8_case(unsigned cp) {
  if (cp < 0x80)
    return ll_isupper((int)cp)   ? LL_U8_UPPER
           : ll_islower((int)cp) ? LL_U8_LOWER
                                 : LL_U8_UNCASED;
  utf8proc_int32_t c = (utf8proc_int32_t)cp;
  switch (category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT:
    return utf8proc_tolower(c) != c ? LL_U8_UPPER : LL_U8_UNCASED;
  case UTF8PROC_CATEGORY_LL:
    return utf8proc_toupper(c) != c && !is_mkhedruli(cp) ? LL_U8_LOWER
                                                         : LL_U8_UNCASED;
  default:
    return LL_U8_UNCASED;
  }
}

int ll_u8_is_caseless_script(unsigned cp) {
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF))
    return 1;
  return cp > 0xFF &&
         (category(cp) == UTF8PROC_CATEGORY_LO || is_mkhedruli(cp));
}

int ll_u8_is_word(unsigned cp) {
  if (cp < 0x80)
    return ll_isalnum((int)cp);
  utf8proc_category_t c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

int ll_u8_is_mark(unsigned cp) {
  utf8proc_category_t c = category(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int ll_u8_is_space(unsigned cp) {
  return cp == ' ' || (cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_ZS);
}

unsigned ll_u8_lower(unsigned cp) {
  if (cp < 0x80)
    return (unsigned)ll_tolower((int)cp);
  return (unsigned)utf8proc_tolower((utf8proc_int32_t)cp);
}

static int is_ascii(const char *s, size_t n) {
  return ll_skip_ascii((const unsigned char *)s, 0, n) == n;
}

/* The micro sign of µTorrent, µBlock and µStreamer reads as the u of
 * their ASCII spellings (NFKC would make it a Greek mu, sorted after z). */
static utf8proc_int32_t micro_as_u(utf8proc_int32_t cp, void *data) {
  (void)data;
  return cp == 0xB5 ? 'u' : cp;
}

void ll_u8_fold(struct ll_buf *b, const char *s, size_t n, unsigned flags) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t k = -1;
  if (!is_ascii(s, n)) {
    /* utf8proc_NFKC_Casefold's options, on a string with a length */
    utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE;
    if (flags & LL_U8_FOLD_CASE)
      opt |= UTF8PROC_CASEFOLD;
    if (flags & LL_U8_FOLD_MARKS)
      opt |= UTF8PROC_STRIPMARK;
    k = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                            &out, opt,
                            flags & LL_U8_FOLD_MARKS ? micro_as_u : NULL, NULL);
  }
  if (k >= 0) {
    ll_buf_add(b, out, (size_t)k);
    free(out);
    return;
  }
  free(out); /* NULL, or nothing: utf8proc frees on failure */
  size_t at = b->len;
  ll_buf_add(b, s, n);
  if (flags & LL_U8_FOLD_CASE)
    for (size_t i = at; i < b->len; i++)
      b->data[i] = (char)ll_tolower((unsigned char)b->data[i]);
}

int ll_u8_compare(const char *a, const char *b, unsigned flags) {
  size_t na = strlen(a), nb = strlen(b);
  if (is_ascii(a, na) && is_ascii(b, nb))
    return flags & LL_U8_FOLD_CASE ? strcasecmp(a, b) : strcmp(a, b);
  struct ll_buf fa, fb;
  ll_buf_init(&fa, 0);
  ll_buf_init(&fb, 0);
  ll_u8_fold(&fa, a, na, flags);
  ll_u8_fold(&fb, b, nb, flags);
  /* strcmp compares bytes as unsigned: UTF-8 keeps code point order */
  int r = strcmp(fa.data, fb.data);
  ll_buf_free(&fa);
  ll_buf_free(&fb);
  return r;
}

/* One letter whatever its case: the lower case of its capital, so that
 * final sigma (ς, whose capital is Σ) meets σ. */
static unsigned caseless(unsigned cp) {
  if (cp < 0x80)
    return (unsigned)ll_tolower((int)cp);
  utf8proc_int32_t c = (utf8proc_int32_t)cp;
  return (unsigned)utf8proc_tolower(utf8proc_toupper(c));
}

size_t ll_u8_prefix_caseless(const char *s, size_t n, const char *w,
                             size_t wn) {
  size_t i = 0, j = 0;
  while (j < wn) {
    if (i == n)
      return 0;
    unsigned char x = (unsigned char)s[i], y = (unsigned char)w[j];
    if (x < 0x80 && y < 0x80) {
      if (ll_tolower(x) != ll_tolower(y))
        return 0;
      i++;
      j++;
      continue;
    }
    size_t ki, kj;
    unsigned a = ll_u8_at(s + i, n - i, &ki), b = ll_u8_at(w + j, wn - j, &kj);
    if (caseless(a) != caseless(b))
      return 0;
    i += ki;
    j += kj;
  }
  return i;
}

int ll_u8_charwidth(unsigned cp) {
  if (cp < 0x80)
    return 1;
  return utf8proc_charwidth((utf8proc_int32_t)cp);
}

size_t ll_u8_width(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    size_t j = ll_skip_ascii(u, i, n);
    w += j - i;
    if (j == n)
      break;
    size_t k;
    unsigned cp = ll_u8_at(s + j, n - j, &k);
    w += (size_t)ll_u8_charwidth(cp);
    i = j + k;
  }
  return w;
}

void ll_u8_count(const char *s, size_t n, size_t *cps, size_t *u16) {
  const unsigned char *u = (const unsigned char *)s;
  size_t c = 0, h = 0;
  for (size_t i = 0; i < n;) {
    size_t j = ll_skip_ascii(u, i, n);
    c += j - i;
    h += j - i;
    if (j == n)
      break;
    size_t k;
    unsigned cp = ll_u8_at(s + j, n - j, &k);
    c++;
    h += cp > 0xFFFF ? 2 : 1;
    i = j + k;
  }
  *cps = c;
  *u16 = h;
}
