/* fields.c - field labels: the words a list repeats before or as its
 * links ("Paper:", "[Code]", "[[arXiv]]", "Homepage"), which say what a
 * link is to its entry rather than name a resource.  A label is known
 * by its form (a bracketed link text) or by its repetition: the same
 * short text before or as links three times or more. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entries/entries.h"

#define LABEL_MAX 24 /* characters */
#define LABEL_BYTES (4 * LABEL_MAX)
#define LABEL_WORDS 3
#define LABEL_REPEATS 3

/* The key of a label candidate in out: lower case, without the brackets,
 * parentheses or colon around it.  Return its length, or 0 when s cannot
 * be a label (too long, too many words, not starting with a letter). */
/* A label candidate without what stands around it: spaces, a final
 * colon (full-width too), brackets or parentheses (*bracketed then). */
static void strip_label(const char **s, size_t *n, int *bracketed) {
  ll_trim(s, n);
  *bracketed = 0;
  if (*n >= 3 && memcmp(*s + *n - 3, "\xEF\xBC\x9A", 3) == 0)
    *n -= 3; /* full-width colon */
  else if (*n && (*s)[*n - 1] == ':')
    (*n)--;
  ll_trim(s, n);
  while (*n >= 2 && (((*s)[0] == '[' && (*s)[*n - 1] == ']') ||
                     ((*s)[0] == '(' && (*s)[*n - 1] == ')'))) {
    *bracketed = 1;
    (*s)++;
    *n -= 2;
    ll_trim(s, n);
  }
}

static size_t label_key(const char *s, size_t n, char *out, int *bracketed) {
  strip_label(&s, &n, bracketed);
  /* LABEL_MAX characters: in bytes, up to four each */
  if (n == 0 || n > LABEL_BYTES)
    return 0;
  size_t chars = 0;
  for (size_t i = 0; i < n; i++)
    chars += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (chars > LABEL_MAX)
    return 0;
  unsigned char c0 = (unsigned char)s[0];
  if (c0 < 0x80 && !ll_isalpha(c0))
    return 0;
  int words = 1;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' && i && s[i - 1] != ' ' && ++words > LABEL_WORDS)
      return 0;
    if (c == '.' || c == ',' || c == '[' || c == ']' || c == '/')
      return 0;
    out[i] = (char)ll_tolower((unsigned char)c);
  }
  out[n] = '\0';
  return n;
}

/* A label's count, and the hash of the last URL it stood for. */
struct uses {
  size_t n;
  size_t url;
};

static size_t hash(const char *s, size_t n) {
  size_t h = 5381;
  for (size_t i = 0; i < n; i++)
    h = h * 33 + (unsigned char)s[i];
  return h;
}

/* Count s (n bytes) once more, before a link to url (u bytes; none when
 * u is 0).  A label stands for a different link each time ("Code" for
 * each entry's code); a resource's name mentioned again links the same
 * place, and does not count again. */
static void count(struct builder *b, const char *s, size_t n, const char *url,
                  size_t u) {
  char key[LABEL_BYTES + 1];
  int br;
  if (!label_key(s, n, key, &br))
    return;
  size_t h = u ? hash(url, u) : 0;
  struct uses *k = (struct uses *)(uintptr_t)ll_map_get(&b->fields, key);
  if (!k) {
    k = ll_arena_alloc(&b->m->arena, sizeof *k);
    k->n = 0;
    k->url = h + 1;
    ll_map_put(&b->fields, key, k);
  }
  if (!u || k->url != h)
    k->n++;
  k->url = h;
}

/* One line: the texts of its links ("[Code](", "[[Paper]](") and a
 * "Label:" before a link or URL at its start, after any list marker. */
static void count_line(struct builder *b, const char *p, const char *end) {
  const char *q = p;
  while (q < end && (*q == ' ' || *q == '\t' || *q == '>'))
    q++;
  if (q < end && (*q == '-' || *q == '*' || *q == '+'))
    q++;
  else
    while (q < end && ll_isdigit((unsigned char)*q))
      q++;
  if (q < end && (*q == '.' || *q == ')'))
    q++;
  while (q < end && *q == ' ')
    q++;
  for (const char *c = q; c < end && c < q + LABEL_BYTES + 4; c++) {
    if (*c != ':')
      continue;
    const char *a = c + 1;
    while (a < end && *a == ' ')
      a++;
    if (a < end && (*a == '[' || *a == '<' || *a == 'h'))
      count(b, q, (size_t)(c + 1 - q), NULL, 0);
    break;
  }
  for (const char *c = p; (c = memchr(c, ']', (size_t)(end - c))); c++) {
    if (c + 1 >= end || c[1] != '(')
      continue;
    int depth = 0;
    const char *o = c - 1;
    /* a label is short: look back no further (lines may be huge) */
    const char *lim = c - p > LABEL_BYTES + 4 ? c - (LABEL_BYTES + 4) : p;
    for (; o >= lim; o--) {
      if (*o == ']')
        depth++;
      else if (*o == '[' && depth-- == 0)
        break;
    }
    if (o >= lim && *o == '[' && (o == p || o[-1] != '!')) {
      const char *ue = memchr(c + 2, ')', (size_t)(end - c - 2));
      count(b, o + 1, (size_t)(c - o - 1), c + 2,
            ue ? (size_t)(ue - c - 2) : (size_t)(end - c - 2));
    }
  }
}

void ll_fields_scan(struct builder *b, const struct ll_source *src) {
  const char *d = src->data, *end = d + src->len;
  for (const char *p = d; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    count_line(b, p, le);
    p = le + 1;
  }
}

int ll_is_field_link(struct builder *b, const struct ll_link *l) {
  const char *d = b->src->data;
  if (l->span.start > 0 && d[l->span.start - 1] == '[' &&
      l->span.end < b->src->len && d[l->span.end] == ']' &&
      ll_is_label_form(l->text, strlen(l->text)))
    return 1; /* [[Paper](url)]: bracketed in the source */
  return ll_is_field_label(b, l->text, strlen(l->text));
}

int ll_is_label_form(const char *s, size_t n) {
  char key[LABEL_BYTES + 1];
  int br;
  return label_key(s, n, key, &br) != 0;
}

int ll_is_field_label(struct builder *b, const char *s, size_t n) {
  char key[LABEL_BYTES + 1];
  int br;
  if (!label_key(s, n, key, &br))
    return 0;
  const struct uses *k = ll_map_get(&b->fields, key);
  return br || (k && k->n >= LABEL_REPEATS);
}

/* How much a label says "this is the resource itself" (a dataset block's
 * Access: line before its Paper: line; a paper's page before its code). */
int ll_label_rank(const char *label) {
  /* (not a homepage or website: a paper's project page comes after the
   * paper that is the entry) */
  static const char *const high[] = {"access",      "data",    "download",
                                     "information", "landing", "main page",
                                     "link",        "url",     NULL};
  static const char *const mid[] = {"paper",       "arxiv", "pdf",
                                    "publication", "doi",   NULL};
  if (!label)
    return 0;
  char key[LABEL_BYTES + 1];
  int br;
  if (!label_key(label, strlen(label), key, &br))
    return 0;
  for (int i = 0; high[i]; i++)
    if (strncmp(key, high[i], strlen(high[i])) == 0)
      return 3;
  for (int i = 0; mid[i]; i++)
    if (strncmp(key, mid[i], strlen(mid[i])) == 0)
      return 2;
  return 1;
}

/* A label's text for a link: its key's letters as written, brackets off. */
const char *ll_label_text(struct builder *b, const char *s) {
  size_t n = strlen(s);
  int br;
  strip_label(&s, &n, &br);
  return ll_build_trimmed(b, s, n);
}
