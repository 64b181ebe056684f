/* text.c - text helpers the entry readers share: search, trim, plain
 * text, separators, labels. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

void *ll_grow(void *v, size_t *cap, size_t n, size_t size) {
  if (n < *cap)
    return v;
  *cap = *cap ? *cap * 2 : 16;
  return ll_xrealloc(v, *cap * size);
}

const char *ll_find_mem(const char *hay, size_t hlen, const char *needle,
                        size_t nlen) {
  if (nlen == 0 || nlen > hlen)
    return NULL;
  const char *end = hay + hlen - nlen;
  for (const char *p = hay; p <= end; p++) {
    p = memchr(p, needle[0], (size_t)(end - p) + 1);
    if (!p)
      return NULL;
    if (memcmp(p, needle, nlen) == 0)
      return p;
  }
  return NULL;
}

const char *ll_rfind_mem(const char *hay, size_t hlen, const char *needle,
                         size_t nlen) {
  if (nlen == 0 || nlen > hlen)
    return NULL;
  for (const char *p = hay + hlen - nlen; p >= hay; p--)
    if (*p == needle[0] && memcmp(p, needle, nlen) == 0)
      return p;
  return NULL;
}

/* Trim ASCII white space and UTF-8 no-break spaces at both ends. */
void ll_trim(const char **s, size_t *n) {
  const char *p = *s;
  size_t len = *n;
  for (;;) {
    if (len && ll_isspace((unsigned char)p[0])) {
      p++;
      len--;
    } else if (len >= 2 && (unsigned char)p[0] == 0xC2 &&
               (unsigned char)p[1] == 0xA0) {
      p += 2;
      len -= 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (len && ll_isspace((unsigned char)p[len - 1]))
      len--;
    else if (len >= 2 && (unsigned char)p[len - 2] == 0xC2 &&
             (unsigned char)p[len - 1] == 0xA0)
      len -= 2;
    else
      break;
  }
  *s = p;
  *n = len;
}

/* Plain text of the siblings from first up to (not including) stop. */
void ll_plain_range(struct ll_buf *out, cmark_node *first, cmark_node *stop) {
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n))
    ll_doc_plain(out, n);
}

int ll_is_blank_text(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
    return 0;
  const char *s = cmark_node_get_literal(n);
  for (; s && *s; s++)
    if (!ll_isspace((unsigned char)*s))
      return 0;
  return 1;
}

/* Leading decoration before an entry's link: emoji, a :shortcode:, a
 * checkbox.  A letter (of any script) or digit outside a shortcode is not. */
int ll_is_decoration_text(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_TEXT)
    return 0;
  const char *s = cmark_node_get_literal(n);
  size_t len = s ? strlen(s) : 0;
  if (len > 24)
    return 0;
  int in_code = 0;
  for (size_t i = 0; i < len;) {
    unsigned cp;
    int k = ll_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (k < 0)
      return 0;
    i += (size_t)k;
    if (cp == ':')
      in_code = !in_code;
    else if (cp < 0x80 ? ll_isalnum((int)cp) && !in_code
                       : !(cp >= 0x2190 && cp <= 0x2BFF) && cp < 0x1F000 &&
                             cp != 0xFE0F && cp != 0x200D)
      return 0;
  }
  return !in_code;
}

/* Separators between a name and its description, longest first. */
const char *const ll_separators[] = {"\xE2\x80\x94", /* em dash */
                                     "\xE2\x80\x93", /* en dash */
                                     "\xEF\xBC\x9A", /* full-width colon */
                                     "--",           "-", ":", "|", "~", NULL};
/* their lengths, looked up for every entry */
const unsigned char ll_separator_len[] = {3, 3, 3, 2, 1, 1, 1, 1};
_Static_assert(sizeof ll_separator_len ==
                   sizeof ll_separators / sizeof *ll_separators - 1,
               "a length for each separator");

/* The length of the separator s (n bytes) ends with, leaving at least
 * keep bytes before it; 0 when it ends with none. */
size_t ll_separator_at_end(const char *s, size_t n, size_t keep) {
  for (int i = 0; ll_separators[i]; i++) {
    size_t sl = ll_separator_len[i];
    if (n >= sl + keep && memcmp(s + n - sl, ll_separators[i], sl) == 0)
      return sl;
  }
  return 0;
}

/* If s starts (after spaces) with a separator, return it and advance. */
const char *ll_take_separator(const char **s, size_t *n) {
  const char *p = *s;
  size_t len = *n;
  ll_trim(&p, &len);
  for (int i = 0; ll_separators[i]; i++) {
    size_t sl = ll_separator_len[i];
    if (len >= sl && memcmp(p, ll_separators[i], sl) == 0) {
      /* "-" must stand apart ("-foo" is a word), before a space or a
       * no-break space; multi-byte ones need not */
      if (sl == 1 && ll_separators[i][0] == '-' && len > 1 &&
          !ll_isspace((unsigned char)p[1]) &&
          !(len > 2 && (unsigned char)p[1] == 0xC2 &&
            (unsigned char)p[2] == 0xA0))
        continue;
      /* ":copyright: - x": the ':' opens an emoji, the separator follows */
      if (sl == 1 && ll_separators[i][0] == ':' && ll_shortcode_len(p, len))
        continue;
      *s = p + sl;
      *n = len - sl;
      ll_trim(s, n);
      return ll_separators[i];
    }
  }
  /* "[Title](u), A. Author et al., 2015": a comma after the name is a
   * separator too (never inside a name: only here, after it) */
  if (len >= 2 && (p[0] == ',' || p[0] == ';') && p[1] == ' ') {
    *s = p + 1;
    *n = len - 1;
    ll_trim(s, n);
    return p[0] == ',' ? "," : ";";
  }
  *s = p;
  *n = len;
  return "";
}

void ll_strip_parens(const char **s, size_t *n) {
  ll_trim(s, n);
  if (*n >= 2 && (*s)[0] == '(' && (*s)[*n - 1] == ')') {
    (*s)++;
    *n -= 2;
    ll_trim(s, n);
  }
}

int ll_name_prefix(const char *s, size_t n, const char **name, size_t *nlen) {
  ll_trim(&s, &n);
  if (n == 0 || n > 80)
    return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ')
      return 0; /* a sentence, not a name */
  size_t sl = ll_separator_at_end(s, n, 1);
  if (!sl)
    return 0;
  *name = s;
  *nlen = n - sl;
  ll_trim(name, nlen);
  return *nlen > 0;
}

int ll_is_access_text(const char *s) {
  static const char *const words[] = {
      "requires",   "require ",   "registration", "free",
      "paid",       "login",      "log in",       "sign up",
      "signup",     "account",    "licen",        "subscription",
      "commercial", "restricted", "open access",  "public",
      "api key",    "apikey",     "oauth",        "application",
      "approval",   "membership", "request",      "no registration",
      NULL};
  char low[64];
  size_t i = 0;
  while (s[i] && i + 1 < sizeof low) {
    low[i] = (char)ll_tolower((unsigned char)s[i]);
    i++;
  }
  low[i] = '\0';
  const char *p = low;
  while (*p == ' ' || *p == '(' || *p == '[')
    p++;
  for (int k = 0; words[k]; k++)
    if (strncmp(p, words[k], strlen(words[k])) == 0)
      return 1;
  return 0;
}

size_t ll_label_colon(const char *s, size_t n) {
  size_t cl = 0;
  if (n >= 1 && s[n - 1] == ':')
    cl = 1;
  else if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0)
    cl = 3;
  if (!cl)
    return 0;
  n -= cl;
  while (n && ll_isspace((unsigned char)s[n - 1]))
    n--;
  if (n == 0 || n > 40 || !ll_isalpha((unsigned char)s[0]))
    return 0;
  int words = 1;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ')
      words++;
    if (s[i] == '.' || s[i] == ':' || s[i] == ',')
      return 0;
  }
  return words > 4 ? 0 : n;
}

const char *ll_spaced_separator(const char *s, size_t n, int *which) {
  for (int i = 0; ll_separators[i]; i++) {
    char pat[8];
    snprintf(pat, sizeof pat, " %s ", ll_separators[i]);
    const char *q = ll_find_mem(s, n < 80 ? n : 80, pat, strlen(pat));
    if (q) {
      *which = i;
      return q;
    }
  }
  return NULL;
}

int ll_is_name_text(const char *s, size_t n, int comma) {
  if (n > 60)
    return 0;
  int words = n ? 1 : 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ' && i && s[i - 1] != ' ')
      words++;
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?' || (comma && s[i] == ',')) &&
        i + 1 < n && s[i + 1] == ' ')
      return 0; /* a sentence, not a name */
  }
  return words <= 8;
}
