/* url.c - URL parsing with libcurl's URL API, normalised duplicate keys,
 * and the host lists (tracking parameters, shorteners, private hosts). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "curlfn.h"

#include "listlint.h"

/* Copies go to the arena when there is one, else to malloc. */
static char *dup_n(struct ll_arena *a, const char *s, size_t n) {
  return a ? ll_arena_strndup(a, s, n) : ll_xstrndup(s, n);
}

static char *lower_n(struct ll_arena *a, const char *s, size_t n) {
  char *p = dup_n(a, s, n);
  for (size_t i = 0; i < n; i++)
    p[i] = (char)ll_tolower((unsigned char)p[i]);
  return p;
}

/* The scheme as written ("https" of "https://x"), or 0 length. */
static size_t scheme_len(const char *url) {
  if (!ll_isalpha((unsigned char)url[0]))
    return 0;
  size_t i = 1;
  while (ll_isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' ||
         url[i] == '.')
    i++;
  return url[i] == ':' ? i : 0;
}

/* The fast path: scheme://host[:port][/path][?query][#fragment] made of
 * plain ASCII, with a host of letters, digits, dots and hyphens in their
 * places.  Return 0 when anything is unusual: libcurl decides then. */
static int split_plain(struct ll_arena *a, const char *url, size_t sl,
                       struct ll_url *u) {
  const char *h = url + sl + 3, *p = h;
  while (ll_isalnum((unsigned char)*p) || *p == '.' || *p == '-')
    p++;
  size_t hl = (size_t)(p - h);
  if (hl == 0 || h[0] == '.' || h[0] == '-' || h[hl - 1] == '.' ||
      h[hl - 1] == '-')
    return 0;
  for (size_t i = 0; i + 1 < hl; i++)
    if (h[i] == '.' && (h[i + 1] == '.' || h[i + 1] == '-'))
      return 0;
  int port = 0;
  if (*p == ':') {
    const char *d = ++p;
    while (ll_isdigit((unsigned char)*p) && p - d < 6)
      port = port * 10 + (*p++ - '0');
    if (p == d || port == 0 || port > 65535)
      return 0;
  }
  if (*p && *p != '/' && *p != '?' && *p != '#')
    return 0;
  /* One pass: the bytes that need libcurl's care, and where the query
   * and the fragment start.  Bit c of the mask (c < 128): '"' '<' '>'
   * '\\' '^' '`' '{' '|' '}' and '?' '#'. */
  static const uint64_t mask[2] = {
      (1ULL << '"') | (1ULL << '#') | (1ULL << '<') | (1ULL << '>') |
          (1ULL << '?'),
      (1ULL << ('\\' - 64)) | (1ULL << ('^' - 64)) | (1ULL << ('`' - 64)) |
          (1ULL << ('{' - 64)) | (1ULL << ('|' - 64)) | (1ULL << ('}' - 64))};
  const char *query = NULL, *frag = NULL, *q = p;
  for (;; q++) {
    unsigned c = (unsigned char)*q;
    if (c - 0x21u < 0x5Eu && !((mask[c >> 6] >> (c & 63)) & 1))
      continue; /* printable ASCII, nothing special */
    if (c == '#' && !frag)
      frag = q;
    else if (c == '?' && !query && !frag)
      query = q; /* not a '?' inside the fragment */
    else if (c == '?' || c == '#')
      continue;
    else if (c)
      return 0;
    else
      break;
  }
  const char *path = p, *path_end = query ? query : frag ? frag : q;
  u->host = lower_n(a, h, hl);
  u->port = port;
  u->path = path_end > path ? dup_n(a, path, (size_t)(path_end - path))
                            : dup_n(a, "/", 1);
  if (query) {
    const char *qe = frag ? frag : q;
    u->query = dup_n(a, query + 1, (size_t)(qe - query - 1));
  }
  if (frag)
    u->fragment = dup_n(a, frag + 1, (size_t)(q - frag - 1));
  return 1;
}

static char *curl_part(struct ll_arena *a, CURLU *h, CURLUPart what) {
  char *part, *r = NULL;
  if (curl_url_get(h, what, &part, 0) == CURLUE_OK) {
    r = dup_n(a, part, strlen(part));
    curl_free(part);
  }
  return r;
}

void ll_url_parse_in(struct ll_arena *a, const char *url, struct ll_url *u) {
  memset(u, 0, sizeof *u);
  size_t sl = scheme_len(url);
  if (!sl)
    return; /* relative: nothing to parse */
  /* in an arena nothing is freed alone: the usual schemes need no copy
   * (and no one writes to a parsed URL's strings) */
  static char https[] = "https", http[] = "http";
  if (a && sl == 5 && memcmp(url, https, 5) == 0)
    u->scheme = https;
  else if (a && sl == 4 && memcmp(url, http, 4) == 0)
    u->scheme = http;
  else
    u->scheme = lower_n(a, url, sl);
  if (strncmp(url + sl, "://", 3) != 0)
    return; /* mailto:, javascript:, ... have no authority */
  if (split_plain(a, url, sl, u))
    return;
  if (ll_curl_load() < 0) {
    u->parse_error = 1;
    u->error = "libcurl is not available to parse it";
    return;
  }
  CURLU *h = curl_url();
  if (!h) {
    u->parse_error = 1;
    u->error = "out of memory";
    return;
  }
  CURLUcode rc = curl_url_set(h, CURLUPART_URL, url,
                              CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE);
  if (rc != CURLUE_OK) {
    u->parse_error = 1;
    u->error = curl_url_strerror(rc);
    curl_url_cleanup(h);
    return;
  }
  u->host = curl_part(a, h, CURLUPART_HOST);
  if (u->host)
    for (char *q = u->host; *q; q++)
      *q = (char)ll_tolower((unsigned char)*q);
  u->path = curl_part(a, h, CURLUPART_PATH);
  u->query = curl_part(a, h, CURLUPART_QUERY);
  u->fragment = curl_part(a, h, CURLUPART_FRAGMENT);
  char *port = curl_part(NULL, h, CURLUPART_PORT);
  if (port) {
    u->port = atoi(port);
    free(port);
  }
  curl_url_cleanup(h);
}

void ll_url_parse(const char *url, struct ll_url *u) {
  ll_url_parse_in(NULL, url, u);
}

void ll_url_clear(struct ll_url *u) {
  LL_FREE(u->scheme);
  LL_FREE(u->host);
  LL_FREE(u->path);
  LL_FREE(u->query);
  LL_FREE(u->fragment);
}

/* Is host (h bytes) domain (d bytes) or below it? */
static int host_in(const char *host, size_t h, const char *domain, size_t d) {
  if (h < d || memcmp(host + h - d, domain, d) != 0)
    return 0;
  return h == d || host[h - d - 1] == '.';
}

static int host_is(const char *host, const char *domain) {
  return host_in(host, strlen(host), domain, strlen(domain));
}

int ll_url_is_tracking_param(const char *name, size_t n, const char *host) {
  static const char *const params[] = {
      "fbclid",      "gclid",      "dclid",   "gclsrc", "msclkid",   "mc_cid",
      "mc_eid",      "igshid",     "_hsenc",  "_hsmi",  "yclid",     "_ga",
      "_gl",         "mkt_tok",    "twclid",  "ttclid", "li_fat_id", "wickedid",
      "oly_anon_id", "oly_enc_id", "vero_id", "trk",    NULL};
  if (n > 4 && strncmp(name, "utm_", 4) == 0)
    return 1;
  for (int i = 0; params[i]; i++)
    if (strlen(params[i]) == n && memcmp(name, params[i], n) == 0)
      return 1;
  /* Share identifiers that only track who shared the link. */
  if (host && n == 2 && memcmp(name, "si", 2) == 0 &&
      (host_is(host, "youtube.com") || host_is(host, "youtu.be") ||
       host_is(host, "spotify.com")))
    return 1;
  return 0;
}

int ll_url_is_shortener(const char *host) {
  /* by length: most hosts are compared with one name, or none */
  static const char *const by_len[12][9] = {
      [4] = {"t.co", "v.gd", "t.ly", "s.id"},
      [5] = {"ow.ly", "is.gd", "rb.gy", "qr.ae", "fb.me", "tr.im"},
      [6] = {"bit.ly", "goo.gl", "bl.ink", "adf.ly", "ift.tt", "soo.gd"},
      [7] = {"lnkd.in", "buff.ly", "cutt.ly", "tiny.cc", "trib.al", "dlvr.it",
             "amzn.to", "clck.ru"},
      [9] = {"bitly.com", "shorte.st"},
      [10] = {"rebrand.ly"},
      [11] = {"tinyurl.com", "shorturl.at"}};
  size_t n = strnlen(host, 12);
  if (n >= 12)
    return 0;
  for (const char *const *h = by_len[n]; *h; h++)
    if ((*h)[0] == host[0] && memcmp(host, *h, n) == 0)
      return 1;
  return 0;
}

static int parse_ipv4(const char *s, unsigned char ip[4]) {
  for (int i = 0; i < 4; i++) {
    if (!ll_isdigit((unsigned char)*s))
      return 0;
    unsigned v = 0;
    int digits = 0;
    while (ll_isdigit((unsigned char)*s) && digits < 4) {
      v = v * 10 + (unsigned)(*s++ - '0');
      digits++;
    }
    if (v > 255)
      return 0;
    ip[i] = (unsigned char)v;
    if (i < 3 && *s++ != '.')
      return 0;
  }
  return *s == '\0';
}

int ll_ipv4_is_private(const unsigned char a[4]) {
  return a[0] == 127 || a[0] == 10 || a[0] == 0 ||
         (a[0] == 172 && (a[1] & 0xF0) == 16) || (a[0] == 192 && a[1] == 168) ||
         (a[0] == 169 && a[1] == 254) || (a[0] == 100 && (a[1] & 0xC0) == 64);
}

int ll_url_is_private_host(const char *host) {
  unsigned char ip[4];
  if (!host || !*host)
    return 0;
  size_t n = strlen(host);
  if (host_in(host, n, "localhost", 9) || host_in(host, n, "local", 5) ||
      host_in(host, n, "internal", 8))
    return 1;
  if (!ll_isdigit((unsigned char)host[0]) && host[0] != '[')
    return 0; /* neither an IPv4 nor an IPv6 address */
  if (parse_ipv4(host, ip))
    return ll_ipv4_is_private(ip);
  if (host[0] == '[') {
    const char *h = host + 1;
    return strncmp(h, "::1]", 4) == 0 || strncmp(h, "::]", 3) == 0 ||
           strncmp(h, "fe80:", 5) == 0 || strncmp(h, "fc", 2) == 0 ||
           strncmp(h, "fd", 2) == 0 || strncmp(h, "::ffff:127.", 11) == 0 ||
           strncmp(h, "::ffff:10.", 10) == 0 ||
           strncmp(h, "::ffff:192.168.", 15) == 0;
  }
  return 0;
}

static int default_port(const char *scheme, int port) {
  return port == 0 || (strcmp(scheme, "http") == 0 && port == 80) ||
         (strcmp(scheme, "https") == 0 && port == 443);
}

int ll_url_key_in(struct ll_buf *b, const struct ll_url *u) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
  if (!u->scheme || u->parse_error || !u->host ||
      (strcmp(u->scheme, "http") != 0 && strcmp(u->scheme, "https") != 0))
    return -1;
  const char *host = u->host;
  if (strncmp(host, "www.", 4) == 0)
    host += 4;
  ll_buf_adds(b, host);
  if (!default_port(u->scheme, u->port))
    ll_buf_printf(b, ":%d", u->port);
  const char *path = u->path ? u->path : "";
  size_t pl = strlen(path);
  while (pl > 0 && path[pl - 1] == '/')
    pl--;
  ll_buf_add(b, path, pl);
  if (u->query) {
    /* Keep the meaningful parameters, in their order. */
    int first = 1;
    const char *q = u->query;
    while (*q) {
      const char *amp = strchr(q, '&');
      size_t len = amp ? (size_t)(amp - q) : strlen(q);
      const char *eq = memchr(q, '=', len);
      size_t nl = eq ? (size_t)(eq - q) : len;
      if (len && !ll_url_is_tracking_param(q, nl, u->host)) {
        ll_buf_addc(b, first ? '?' : '&');
        ll_buf_add(b, q, len);
        first = 0;
      }
      q += len;
      if (*q == '&')
        q++;
    }
  }
  if (u->fragment && *u->fragment) {
    ll_buf_addc(b, '#');
    ll_buf_adds(b, u->fragment);
  }
  return 0;
}

char *ll_url_key_of(const struct ll_url *u) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  if (ll_url_key_in(&b, u) < 0) {
    ll_buf_free(&b);
    return NULL;
  }
  return ll_buf_detach(&b);
}

char *ll_url_key(const char *url) {
  struct ll_url u;
  ll_url_parse(url, &u);
  char *k = ll_url_key_of(&u);
  ll_url_clear(&u);
  return k;
}
