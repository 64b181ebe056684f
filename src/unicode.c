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

/* The UTF-8 of cp at out (room for four bytes); its length. */
static inline size_t encode(unsigned cp, unsigned char *out) {
  if (cp < 0x80) {
    out[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (unsigned char)(0xC0 | cp >> 6);
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (unsigned char)(0xE0 | cp >> 12);
    out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (unsigned char)(0xF0 | cp >> 18);
  out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

void ll_u8_put(struct ll_buf *b, unsigned cp) {
  unsigned char out[4];
  ll_buf_add(b, out, encode(cp, out));
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

unsigned ll_u8_title(unsigned cp) {
  if (cp < 0x80)
    return ll_islower((int)cp) ? cp - 32 : cp;
  return (unsigned)utf8proc_totitle((utf8proc_int32_t)cp);
}

#define FOLD_STACK 256 /* code points folded without an allocation */

static int is_ascii(const char *s, size_t n) {
  return ll_skip_ascii((const unsigned char *)s, 0, n) == n;
}

/* The micro sign of µTorrent, µBlock and µStreamer reads as the u of
 * their ASCII spellings (NFKC would make it a Greek mu, sorted after z). */
static utf8proc_int32_t micro_as_u(utf8proc_int32_t cp, void *data) {
  (void)data;
  return cp == 0xB5 ? 'u' : cp;
}

/* Append cp, without a call to grow the buffer when there is room. */
static void put(struct ll_buf *b, unsigned cp) {
  if (b->len + 5 > b->cap) {
    ll_u8_put(b, cp);
    return;
  }
  b->len += encode(cp, (unsigned char *)b->data + b->len);
  b->data[b->len] = '\0';
}

/* Does the fold of the text around cp leave cp alone: it has no combining
 * class, and it is not one of the few characters of class 0 that compose
 * with the one before (Bengali, Oriya, Tamil, Kannada, Malayalam,
 * Sinhala, Tibetan, Myanmar and Balinese vowel signs, Hangul vowel and
 * final jamo)?  Then no neighbour reorders or composes with it.  Beyond
 * the BMP, utf8proc decides. */
static int context_free(utf8proc_int32_t cp, const utf8proc_property_t *p) {
  static const utf8proc_int32_t seconds[] = {
      0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5,
      0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x0FB5, 0x0FB7, 0x102E, 0x1B35};
  if (cp >= 0x10000 || p->combining_class)
    return 0;
  if (cp >= 0x0980 && cp < 0x1B80) {
    if (cp >= 0x1161 && cp <= 0x11C2)
      return 0;
    for (size_t i = 0; i < sizeof seconds / sizeof *seconds; i++)
      if (cp == seconds[i])
        return 0;
  }
  return 1;
}

unsigned ll_u8_fold_char(unsigned cp) {
  if (cp < 0x80)
    return (unsigned)ll_tolower((int)cp);
  utf8proc_int32_t c = (utf8proc_int32_t)cp;
  const utf8proc_property_t *p = utf8proc_get_property(c);
  if (!context_free(c, p) || p->decomp_seqindex != UINT16_MAX || p->ignorable ||
      cp == 0xB5)
    return 0;
  if (p->casefold_seqindex == UINT16_MAX)
    return cp;
  utf8proc_int32_t v[4];
  int bound = 0;
  if (utf8proc_decompose_char(c, v, 4, UTF8PROC_CASEFOLD, &bound) != 1)
    return 0;
  const utf8proc_property_t *q = utf8proc_get_property(v[0]);
  return context_free(v[0], q) && q->decomp_seqindex == UINT16_MAX
             ? (unsigned)v[0]
             : 0;
}

/* Append the fold of s (n bytes, UTF-8) one code point at a time, when
 * the fold of the whole is the folds of its code points, each alone:
 * when every one is context-free.  A code point that has no decomposition
 * (Hangul syllables decompose by rule, and compose back) and no case
 * folding is itself; another is folded by utf8proc on its own.  Return 0,
 * having appended something, when one is not context-free (the caller starts
 * again). */
static int fold_each(struct ll_buf *b, const char *s, size_t n,
                     utf8proc_option_t opt) {
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      ll_buf_addc(b, (char)(opt & UTF8PROC_CASEFOLD ? ll_tolower(u[i]) : u[i]));
      i++;
      continue;
    }
    unsigned c;
    if (u[i] >= 0xC2 && u[i] < 0xE0 && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
      /* two bytes (accented Latin, Greek, Cyrillic ...), decoded here */
      c = (unsigned)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);
      i += 2;
    } else {
      int k = ll_utf8_decode(u + i, n - i, &c);
      if (k < 0)
        return 0;
      i += (size_t)k;
    }
    utf8proc_int32_t cp = (utf8proc_int32_t)c;
    if (cp == 0xB5 && (opt & UTF8PROC_STRIPMARK)) {
      ll_buf_addc(b, 'u'); /* as micro_as_u */
      continue;
    }
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (!context_free(cp, p))
      return 0;
    if (p->decomp_seqindex == UINT16_MAX && !p->ignorable &&
        (p->casefold_seqindex == UINT16_MAX || !(opt & UTF8PROC_CASEFOLD)) &&
        (!(opt & UTF8PROC_STRIPMARK) || p->category < UTF8PROC_CATEGORY_MN ||
         p->category > UTF8PROC_CATEGORY_ME)) {
      put(b, c);
      continue;
    }
    utf8proc_int32_t v[8];
    int bound = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(cp, v, 8, opt, &bound);
    if (m < 0 || m > 8)
      return 0;
    m = utf8proc_normalize_utf32(v, m, opt);
    for (utf8proc_ssize_t j = 0; j < m; j++) {
      if (v[j] >= 0x80 && !context_free(v[j], utf8proc_get_property(v[j])))
        return 0;
      put(b, (unsigned)v[j]);
    }
  }
  return 1;
}

/* Append the fold of s (n bytes) the whole way, through utf8proc with
 * options opt, in the steps of utf8proc_map without its second
 * decomposition and its copies:
 * decomposed into a buffer on the stack (most names fit), composed,
 * encoded in place.  Text that is not UTF-8 is appended as it is, ASCII
 * folded. */
static void fold_whole(struct ll_buf *b, const char *s, size_t n,
                       utf8proc_option_t opt) {
  int fold_case = (opt & UTF8PROC_CASEFOLD) != 0;
  utf8proc_custom_func micro = opt & UTF8PROC_STRIPMARK ? micro_as_u : NULL;
  utf8proc_int32_t stack[FOLD_STACK], *v = stack;
  const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
  utf8proc_ssize_t k = utf8proc_decompose_custom(u, (utf8proc_ssize_t)n, v,
                                                 FOLD_STACK, opt, micro, NULL);
  if (k > FOLD_STACK) {
    v = ll_xmalloc((size_t)k * sizeof *v);
    k = utf8proc_decompose_custom(u, (utf8proc_ssize_t)n, v, k, opt, micro,
                                  NULL);
  }
  if (k >= 0)
    k = utf8proc_normalize_utf32(v, k, opt);
  if (k < 0) {
    size_t at = b->len;
    ll_buf_add(b, s, n);
    for (size_t i = at; fold_case && i < b->len; i++)
      b->data[i] = (char)ll_tolower((unsigned char)b->data[i]);
  } else {
    /* UTF-8 is at most four bytes a code point: each lands on or before
     * its own slot, which has been read */
    utf8proc_uint8_t *out = (utf8proc_uint8_t *)v;
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i < k; i++) {
      utf8proc_int32_t c = v[i];
      len += encode((unsigned)c, out + len);
    }
    ll_buf_add(b, out, len);
  }
  if (v != stack)
    free(v);
}

void ll_u8_fold(struct ll_buf *b, const char *s, size_t n, unsigned flags) {
  /* ASCII, the usual case: copied and lower-cased in one pass */
  size_t at = b->len, i = 0;
  ll_buf_add(b, s, n);
  if (flags & LL_U8_FOLD_CASE)
    for (char *d = b->data + at; i < n && (unsigned char)d[i] < 0x80; i++)
      d[i] = (char)ll_tolower((unsigned char)d[i]);
  else
    i = ll_skip_ascii((const unsigned char *)s, 0, n);
  if (i == n)
    return;
  /* utf8proc_NFKC_Casefold's options, and marks stripped if asked */
  utf8proc_option_t opt =
      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_IGNORE;
  if (flags & LL_U8_FOLD_CASE)
    opt |= UTF8PROC_CASEFOLD;
  if (flags & LL_U8_FOLD_MARKS)
    opt |= UTF8PROC_STRIPMARK;
  /* the rest after the ASCII, one code point at a time when it can be
   * (nothing in it composes with what comes before), else all of it */
  b->len = at + i;
  b->data[b->len] = '\0';
  if (fold_each(b, s + i, n - i, opt))
    return;
  b->len = at;
  b->data[at] = '\0';
  fold_whole(b, s, n, opt);
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

int ll_u8_is_pictograph(unsigned cp) {
  if (cp < 0x2300 || cp > 0x10FFFF)
    return 0;
  return utf8proc_get_property((utf8proc_int32_t)cp)->boundclass ==
         UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
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
