/* util.c - allocation, growable buffers, arenas, byte-safe ctype, UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "listlint.h"

void ll_oom(void) {
  fputs("listlint: out of memory\n", stderr);
  abort();
}

void *ll_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    ll_oom();
  return p;
}

void *ll_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    ll_oom();
  return p;
}

void *ll_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    ll_oom();
  return q;
}

char *ll_xstrndup(const char *s, size_t n) {
  char *p = ll_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ll_xstrdup(const char *s) { return ll_xstrndup(s, strlen(s)); }

/* ---- buffers ---- */

void ll_buf_init(struct ll_buf *b, size_t max) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->max = max ? max : LL_BUF_MAX_DEFAULT;
}

static int buf_grow(struct ll_buf *b, size_t more) {
  if (more > b->max - b->len)
    return -1;
  size_t need = b->len + more + 1;
  if (need <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap *= 2;
  b->data = ll_xrealloc(b->data, cap);
  b->cap = cap;
  return 0;
}

int ll_buf_add(struct ll_buf *b, const void *p, size_t n) {
  if (buf_grow(b, n) < 0)
    return -1;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int ll_buf_adds(struct ll_buf *b, const char *s) {
  return ll_buf_add(b, s, strlen(s));
}

int ll_buf_addc(struct ll_buf *b, char c) {
  if (b->len + 1 < b->cap) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
  }
  return ll_buf_add(b, &c, 1);
}

static int add_unsigned(struct ll_buf *b, unsigned long long v, int neg) {
  char d[24];
  size_t i = sizeof d;
  do
    d[--i] = (char)('0' + v % 10);
  while (v /= 10);
  if (neg)
    d[--i] = '-';
  return ll_buf_add(b, d + i, sizeof d - i);
}

static int add_signed(struct ll_buf *b, long long v) {
  return add_unsigned(
      b, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, v < 0);
}

/* The conversions messages use (%s %.*s %c %d %u %ld %lu %zu %%), without
 * the cost of vsnprintf; 1 for anything else, -1 past b->max. */
static int fast_format(struct ll_buf *b, const char *fmt, va_list *ap) {
  for (const char *p = fmt; *p;) {
    const char *q = strchr(p, '%');
    size_t lit = q ? (size_t)(q - p) : strlen(p);
    if (lit && ll_buf_add(b, p, lit) < 0)
      return -1;
    if (!q)
      break;
    int r;
    switch (q[1]) {
    case '%':
      r = ll_buf_add(b, "%", 1);
      p = q + 2;
      break;
    case 's': {
      const char *s = va_arg(*ap, const char *);
      r = ll_buf_adds(b, s ? s : "(null)");
      p = q + 2;
      break;
    }
    case '.':
      if (q[2] != '*' || q[3] != 's')
        return 1;
      {
        int n = va_arg(*ap, int);
        const char *s = va_arg(*ap, const char *);
        r = ll_buf_add(b, s, n > 0 ? strnlen(s, (size_t)n) : 0);
      }
      p = q + 4;
      break;
    case 'c': {
      char c = (char)va_arg(*ap, int);
      r = ll_buf_add(b, &c, 1);
      p = q + 2;
      break;
    }
    case 'd':
      r = add_signed(b, va_arg(*ap, int));
      p = q + 2;
      break;
    case 'u':
      r = add_unsigned(b, va_arg(*ap, unsigned), 0);
      p = q + 2;
      break;
    case 'l':
      if (q[2] == 'd')
        r = add_signed(b, va_arg(*ap, long));
      else if (q[2] == 'u')
        r = add_unsigned(b, va_arg(*ap, unsigned long), 0);
      else
        return 1;
      p = q + 3;
      break;
    case 'z':
      if (q[2] != 'u')
        return 1;
      r = add_unsigned(b, va_arg(*ap, size_t), 0);
      p = q + 3;
      break;
    default:
      return 1;
    }
    if (r < 0)
      return -1;
  }
  return 0;
}

int ll_buf_vprintf(struct ll_buf *b, const char *fmt, va_list ap) {
  size_t mark = b->len;
  va_list fast;
  va_copy(fast, ap);
  int r = fast_format(b, fmt, &fast);
  va_end(fast);
  if (r <= 0) {
    if (r < 0) {
      b->len = mark;
      if (b->data)
        b->data[mark] = '\0';
    }
    return r;
  }
  /* another conversion: vsnprintf, in one pass when the text fits the
   * room made here, a second, sized, for a longer one */
  b->len = mark;
  size_t want = b->max - b->len < 256 ? b->max - b->len : 256;
  if (buf_grow(b, want) < 0)
    return -1;
  size_t room = b->cap - b->len;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(b->data + b->len, room, fmt, ap2);
  va_end(ap2);
  if (n < 0 || (size_t)n > b->max - b->len) {
    b->data[b->len] = '\0';
    return -1;
  }
  if ((size_t)n >= room) {
    if (buf_grow(b, (size_t)n) < 0) {
      b->data[b->len] = '\0';
      return -1;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  }
  b->len += (size_t)n;
  return 0;
}

char *ll_strfmt(const char *fmt, ...) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  va_list ap;
  va_start(ap, fmt);
  ll_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return ll_buf_detach(&b);
}

int ll_buf_printf(struct ll_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = ll_buf_vprintf(b, fmt, ap);
  va_end(ap);
  return r;
}

char *ll_buf_detach(struct ll_buf *b) {
  char *p = b->data ? b->data : ll_xstrdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void ll_buf_free(struct ll_buf *b) {
  LL_FREE(b->data);
  b->len = b->cap = 0;
}

/* ---- large mappings ---- */

void *ll_map_huge(size_t n) {
  /* mapped 2 MB larger, then trimmed to start on a 2 MB boundary: a huge
   * page backs only an aligned 2 MB, and mmap aligns to 4 KB, so the
   * first, busiest part of an unaligned mapping got small pages whatever
   * madvise asked */
  const size_t huge = (size_t)2 << 20;
  char *p = mmap(NULL, n + huge, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    ll_oom();
  size_t head = (huge - (size_t)((uintptr_t)p & (huge - 1))) & (huge - 1);
  if (head)
    munmap(p, head);
  munmap(p + head + n, huge - head);
  p += head;
#ifdef MADV_HUGEPAGE
  madvise(p, n, MADV_HUGEPAGE);
#endif
  return p;
}

/* ---- arena ---- */

struct ll_arena_chunk {
  struct ll_arena_chunk *next;
  size_t used, size;
  int mapped; /* from mmap (large chunks), not malloc */
  max_align_t data[];
};

#define ARENA_CHUNK 65536
#define ARENA_BIG ((size_t)4 << 20)

/* Small lists stay in one malloc'd chunk; a large list's arena grows in
 * 4 MiB mappings advised for huge pages (fewer page faults). */
static struct ll_arena_chunk *new_chunk(size_t n, int nth) {
  size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
  if (nth >= 2 && size < ARENA_BIG)
    size = ARENA_BIG - sizeof(struct ll_arena_chunk);
  struct ll_arena_chunk *c;
  if (size + sizeof *c >= ARENA_BIG) {
    c = ll_map_huge(sizeof *c + size);
    c->mapped = 1;
  } else {
    c = ll_xmalloc(sizeof *c + size);
    c->mapped = 0;
  }
  c->used = 0;
  c->size = size;
  return c;
}

static void *arena_alloc(struct ll_arena *a, size_t n, size_t al) {
  struct ll_arena_chunk *c = a->head;
  size_t at = c ? (c->used + al - 1) & ~(al - 1) : 0; /* al: a power of 2 */
  if (!c || at > c->size || c->size - at < n) {
    int nth = 0;
    for (struct ll_arena_chunk *x = a->head; x && nth < 2; x = x->next)
      nth++;
    c = new_chunk(n, nth);
    c->next = a->head;
    a->head = c;
    at = 0;
  }
  void *p = (char *)c->data + at;
  c->used = at + n;
  return p;
}

/* Blocks get the alignment malloc promises: alignof(max_align_t), which
 * on x86-64 is 16 while sizeof(max_align_t) is 32. */
void *ll_arena_alloc(struct ll_arena *a, size_t n) {
  return arena_alloc(a, n, _Alignof(max_align_t));
}

/* Strings need no alignment: packed, they take fewer pages. */
char *ll_arena_strndup(struct ll_arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1, 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ll_arena_strdup(struct ll_arena *a, const char *s) {
  return ll_arena_strndup(a, s, strlen(s));
}

void ll_arena_free(struct ll_arena *a) {
  struct ll_arena_chunk *c = a->head;
  while (c) {
    struct ll_arena_chunk *next = c->next;
    if (c->mapped)
      munmap(c, sizeof *c + c->size);
    else
      free(c);
    c = next;
  }
  a->head = NULL;
}

/* ---- UTF-8 ---- */

size_t ll_skip_ascii(const unsigned char *s, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL)
      break;
    i += 8;
  }
  while (i < n && s[i] < 0x80)
    i++;
  return i;
}

int ll_utf8_decode(const unsigned char *s, size_t n, unsigned *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  unsigned min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    c &= 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    c &= 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    c &= 0x07;
    min = 0x10000;
  } else {
    return -1;
  }
  if ((size_t)len > n)
    return -1;
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return -1;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return -1;
  *cp = c;
  return len;
}

size_t ll_shortcode_len(const char *s, size_t n) {
  if (n < 3 || s[0] != ':')
    return 0;
  for (size_t i = 1; i < n && i <= 48; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ':')
      return i > 1 ? i + 1 : 0;
    if (!(ll_islower(c) || ll_isdigit(c) || c == '_' || c == '+' || c == '-'))
      return 0;
  }
  return 0;
}

/* ---- string map: open addressing, FNV-1a ---- */

/* Eight bytes at a time (keys are URLs and names, tens of bytes long: a
 * byte-at-a-time FNV-1a was most of a lookup), mixed by multiplication;
 * the low bits, which pick the slot, get the high bits' say at the end. */
static size_t hash_str(const char *s) {
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  size_t n = strlen(s);
  uint64_t h = n * k, w;
  for (; n >= 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * k;
  h ^= h >> 32;
  return (size_t)h;
}

static size_t map_slot(const struct ll_map *m, const char *key, size_t h) {
  size_t mask = m->cap - 1, i = h & mask;
  while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
    i = (i + 1) & mask;
  return i;
}

const void *ll_map_get(const struct ll_map *m, const char *key) {
  if (!m->cap)
    return NULL;
  size_t i = map_slot(m, key, hash_str(key));
  return m->keys[i] ? m->vals[i] : NULL;
}

static void map_grow(struct ll_map *m, size_t cap) {
  struct ll_map old = *m;
  m->cap = cap;
  m->keys = ll_xcalloc(m->cap, sizeof *m->keys);
  m->vals = ll_xcalloc(m->cap, sizeof *m->vals);
  m->hashes = ll_xcalloc(m->cap, sizeof *m->hashes);
  for (size_t i = 0; i < old.cap; i++) {
    if (old.keys[i]) {
      size_t j = old.hashes[i] & (cap - 1);
      while (m->keys[j])
        j = (j + 1) & (cap - 1);
      m->keys[j] = old.keys[i];
      m->vals[j] = old.vals[i];
      m->hashes[j] = old.hashes[i];
    }
  }
  free(old.keys);
  free(old.vals);
  free(old.hashes);
}

void ll_map_reserve(struct ll_map *m, size_t n) {
  size_t cap = m->cap ? m->cap : 64;
  while (n * 2 > cap)
    cap *= 2;
  if (cap > m->cap)
    map_grow(m, cap);
}

/* The slot of key, made (with no value) when it is not there. */
static size_t map_place(struct ll_map *m, const char *key) {
  if ((m->n + 1) * 2 > m->cap)
    map_grow(m, m->cap ? m->cap * 2 : 64);
  size_t h = hash_str(key), i = map_slot(m, key, h);
  if (!m->keys[i]) {
    m->keys[i] = ll_arena_strdup(&m->arena, key);
    m->hashes[i] = h;
    m->vals[i] = NULL;
    m->n++;
  }
  return i;
}

void ll_map_put(struct ll_map *m, const char *key, const void *val) {
  size_t i = map_place(m, key); /* first: it may move m->vals */
  m->vals[i] = val;
}

const void *ll_map_add(struct ll_map *m, const char *key, const void *val) {
  size_t i = map_place(m, key);
  const void *old = m->vals[i];
  if (!old)
    m->vals[i] = val;
  return old;
}

void ll_map_free(struct ll_map *m) {
  ll_arena_free(&m->arena);
  LL_FREE(m->keys);
  LL_FREE(m->vals);
  LL_FREE(m->hashes);
  m->n = m->cap = 0;
}

int ll_is_markdown_name(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
}

int ll_word_in_list(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = list; *p;) {
    p += strspn(p, " ,");
    size_t len = strcspn(p, " ,");
    if (len == n && strncmp(p, word, n) == 0)
      return 1;
    p += len;
  }
  return 0;
}

size_t ll_count_words(const char *s, size_t n) {
  size_t words = 0;
  for (size_t k = 0; k < n; k++)
    words += !ll_isspace((unsigned char)s[k]) &&
             (k == 0 || ll_isspace((unsigned char)s[k - 1]));
  return words;
}
