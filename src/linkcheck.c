/* linkcheck.c - reachability of links with libcurl multi and a scheduler
 * of its own: per-host queues (CURLMOPT_MAX_HOST_CONNECTIONS caps
 * connections, not HTTP/2 streams), a global limit, retries with
 * exponential backoff and jitter, Retry-After applied to the whole host,
 * redirects followed by hand so that each hop is judged. */
#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "curlfn.h"

#include "linkcheck.h"
#include "listlint.h"

struct host {
  char *key; /* host:port */
  int inflight;
  long long next_ms; /* no start before (interval, Retry-After) */
  size_t *queue;     /* check indices waiting */
  size_t qhead, qlen, qcap;
  double busy_s; /* summed request time, for "slowest hosts" */
  int requests;
};

struct ll_lc;

struct check {
  struct ll_lc *lc;
  char *url;
  struct ll_lc_walk w; /* the current hop, its chain, HEAD or GET, tries */
  struct ll_lc_result res;
  size_t host;
  int done, queued;
  int refused_private;
  long long not_before_ms;
  long long started_ms;
  long retry_after_ms;
  size_t body;
  CURL *easy;
  struct curl_slist *hdrs;
};

struct ll_lc {
  struct ll_lc_opts o;
  struct check *v;
  size_t n, cap;
  size_t ndone;        /* checks with a verdict */
  struct ll_map index; /* url -> index + 1 */
  struct host *hosts;
  size_t nhosts;
  struct ll_map hostmap; /* key -> host index + 1 */
  CURLM *multi;
  int running;
  char ua[128];
};

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ll_lc_opts_default(struct ll_lc_opts *o) {
  memset(o, 0, sizeof *o);
  o->concurrency = 64;
  o->per_host = 4;
  o->connect_timeout_ms = 10000;
  o->timeout_ms = 20000;
  o->attempts = 3;
  o->backoff_ms = 500;
  o->retry_after_cap_ms = 60000;
  o->max_redirects = 10;
  o->body_budget = 65536;
}

struct ll_lc *ll_lc_new(const struct ll_lc_opts *o) {
  struct ll_lc *lc = ll_xcalloc(1, sizeof *lc);
  lc->o = *o;
  if (lc->o.concurrency < 1)
    lc->o.concurrency = 1;
  if (lc->o.per_host < 1)
    lc->o.per_host = 1;
  if (lc->o.attempts < 1)
    lc->o.attempts = 1;
  snprintf(lc->ua, sizeof lc->ua, "listlint/%s (+%s)", LL_VERSION, LL_URL);
  return lc;
}

static void free_check(struct check *c) {
  free(c->url);
  free(c->w.cur);
  free(c->res.final_url);
  free(c->res.reason);
  ll_buf_free(&c->w.chain);
  if (c->easy)
    curl_easy_cleanup(c->easy);
  curl_slist_free_all(c->hdrs);
}

void ll_lc_free(struct ll_lc *lc) {
  if (!lc)
    return;
  for (size_t i = 0; i < lc->n; i++)
    free_check(&lc->v[i]);
  free(lc->v);
  for (size_t i = 0; i < lc->nhosts; i++) {
    free(lc->hosts[i].key);
    free(lc->hosts[i].queue);
  }
  free(lc->hosts);
  ll_map_free(&lc->index);
  ll_map_free(&lc->hostmap);
  if (lc->multi)
    curl_multi_cleanup(lc->multi);
  free(lc);
}

size_t ll_lc_count(const struct ll_lc *lc) { return lc->n; }
const char *ll_lc_url(const struct ll_lc *lc, size_t i) { return lc->v[i].url; }
const struct ll_lc_result *ll_lc_result(const struct ll_lc *lc, size_t i) {
  return &lc->v[i].res;
}

/* host:port of a URL, the unit of politeness. */
static char *host_key(const char *url) {
  struct ll_url u;
  ll_url_parse(url, &u);
  int port = u.port                                       ? u.port
             : u.scheme && strcmp(u.scheme, "https") == 0 ? 443
                                                          : 80;
  char *key = ll_strfmt("%s:%d", u.host ? u.host : "?", port);
  ll_url_clear(&u);
  return key;
}

static size_t host_of(struct ll_lc *lc, const char *url) {
  char *key = host_key(url);
  size_t h = (size_t)ll_map_get(&lc->hostmap, key);
  if (!h) {
    lc->hosts = ll_xrealloc(lc->hosts, (lc->nhosts + 1) * sizeof *lc->hosts);
    memset(&lc->hosts[lc->nhosts], 0, sizeof *lc->hosts);
    lc->hosts[lc->nhosts].key = ll_xstrdup(key);
    h = ++lc->nhosts;
    ll_map_put(&lc->hostmap, key, (const void *)h);
  }
  free(key);
  return h - 1;
}

static void enqueue(struct ll_lc *lc, size_t i) {
  struct check *c = &lc->v[i];
  c->host = host_of(lc, c->w.cur);
  struct host *h = &lc->hosts[c->host];
  if (h->qhead + h->qlen == h->qcap) {
    if (h->qhead) {
      memmove(h->queue, h->queue + h->qhead, h->qlen * sizeof *h->queue);
      h->qhead = 0;
    } else {
      h->qcap = h->qcap ? h->qcap * 2 : 16;
      h->queue = ll_xrealloc(h->queue, h->qcap * sizeof *h->queue);
    }
  }
  h->queue[h->qhead + h->qlen++] = i;
  c->queued = 1;
}

size_t ll_lc_add(struct ll_lc *lc, const char *url) {
  size_t i = (size_t)ll_map_get(&lc->index, url);
  if (i)
    return i - 1;
  if (lc->n == lc->cap) {
    lc->cap = lc->cap ? lc->cap * 2 : 64;
    lc->v = ll_xrealloc(lc->v, lc->cap * sizeof *lc->v);
  }
  struct check *c = &lc->v[lc->n];
  memset(c, 0, sizeof *c);
  c->lc = lc;
  c->url = ll_xstrdup(url);
  c->w.url = c->url;
  c->w.cur = ll_xstrdup(url);
  ll_buf_init(&c->w.chain, 0);
  ll_map_put(&lc->index, url, (const void *)(lc->n + 1));
  return lc->n++;
}

static void finish(struct check *c, enum ll_verdict v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void finish(struct check *c, enum ll_verdict v, const char *fmt, ...) {
  if (!c->done)
    c->lc->ndone++;
  c->done = 1;
  c->res.verdict = v;
  struct ll_buf b;
  ll_buf_init(&b, 0);
  va_list ap;
  va_start(ap, fmt);
  ll_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  if (c->w.hops && v != LL_V_ALIVE && v != LL_V_MOVED)
    ll_buf_printf(&b, " (redirects: %s)", c->w.chain.data);
  free(c->res.reason);
  c->res.reason = ll_buf_detach(&b);
  free(c->res.final_url);
  c->res.final_url = ll_xstrdup(c->w.cur);
  if (c->started_ms)
    c->res.seconds = (double)(now_ms() - c->started_ms) / 1000.0;
}

void ll_lc_preset(struct ll_lc *lc, size_t i, enum ll_verdict v, long status,
                  const char *final_url, const char *reason) {
  struct check *c = &lc->v[i];
  finish(c, v, "%s", reason ? reason : "");
  c->res.status = status;
  c->res.cached = 1;
  if (final_url) {
    free(c->res.final_url);
    c->res.final_url = ll_xstrdup(final_url);
  }
}

/* ---- the address policy ------------------------------------------- */

static int private_addr(const struct sockaddr *sa) {
  if (sa->sa_family == AF_INET) {
    const unsigned char *a =
        (const unsigned char *)&((const struct sockaddr_in *)(const void *)sa)
            ->sin_addr;
    return ll_ipv4_is_private(a);
  }
  if (sa->sa_family == AF_INET6) {
    const struct in6_addr *a =
        &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
    const unsigned char *b = a->s6_addr;
    static const unsigned char zero[16];
    if (IN6_IS_ADDR_LOOPBACK(a) || memcmp(b, zero, 16) == 0)
      return 1;
    if ((b[0] == 0xfe && (b[1] & 0xC0) == 0x80) || (b[0] & 0xFE) == 0xfc)
      return 1;
    if (IN6_IS_ADDR_V4MAPPED(a)) {
      struct sockaddr_in v4;
      memset(&v4, 0, sizeof v4);
      v4.sin_family = AF_INET;
      memcpy(&v4.sin_addr, b + 12, 4);
      return private_addr((const struct sockaddr *)(const void *)&v4);
    }
  }
  return 0;
}

struct sock_ctx {
  struct ll_lc *lc;
  struct check *c;
};

static int addr_allowed(const struct ll_lc *lc, const struct sockaddr *sa) {
  if (!private_addr(sa))
    return 1;
  if (lc->o.allow_private)
    return 1;
  if (!lc->o.allow_addrs)
    return 0;
  char text[INET6_ADDRSTRLEN];
  const void *src =
      sa->sa_family == AF_INET
          ? (const void *)&((const struct sockaddr_in *)(const void *)sa)
                ->sin_addr
          : (const void *)&((const struct sockaddr_in6 *)(const void *)sa)
                ->sin6_addr;
  if (!inet_ntop(sa->sa_family, src, text, sizeof text))
    return 0;
  return ll_word_in_list(lc->o.allow_addrs, text);
}

/* Decided on the resolved address, for every connection of every hop. */
static curl_socket_t open_socket(void *clientp, curlsocktype purpose,
                                 struct curl_sockaddr *a) {
  struct check *c = clientp;
  (void)purpose;
  if (!addr_allowed(c->lc, &a->addr)) {
    c->refused_private = 1;
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype, a->protocol);
}

/* ---- one request --------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t n, void *ud) {
  struct check *c = ud;
  (void)p;
  c->body += size * n;
  /* enough to know the page is there: abandon the rest */
  return c->body > (size_t)c->lc->o.body_budget ? 0 : size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud) {
  struct check *c = ud;
  long ms = ll_lc_retry_after(p, size * n, time(NULL), curl_getdate);
  if (ms >= 0)
    c->retry_after_ms = ms;
  return size * n;
}

static void start(struct ll_lc *lc, size_t i) {
  struct check *c = &lc->v[i];
  struct host *h = &lc->hosts[c->host];
  CURL *e = curl_easy_init();
  c->easy = e;
  c->body = 0;
  c->retry_after_ms = -1;
  c->refused_private = 0;
  if (!c->started_ms)
    c->started_ms = now_ms();
  curl_easy_setopt(e, CURLOPT_URL, c->w.cur);
  curl_easy_setopt(e, CURLOPT_PRIVATE, (void *)c);
  curl_easy_setopt(e, CURLOPT_NOBODY, c->w.get ? 0L : 1L);
  curl_easy_setopt(e, CURLOPT_HTTPGET, c->w.get ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, 0L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, lc->o.connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, lc->o.timeout_ms);
  /* a trickle slower than 100 bytes/s for a quarter of the timeout */
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 100L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME,
                   lc->o.timeout_ms / 4000 > 0 ? lc->o.timeout_ms / 4000 : 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT,
                   lc->o.user_agent ? lc->o.user_agent : lc->ua);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, (void *)c);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, (void *)c);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, (void *)c);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  /* test-only: the certificate authority of the test server's https
   * (tests/test_linkcheck.c); never set otherwise */
  const char *ca = getenv("LL_TEST_CAINFO");
  if (ca && *ca)
    curl_easy_setopt(e, CURLOPT_CAINFO, ca);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  /* a retry after a reset must not reuse the connection that died */
  if (c->w.tries)
    curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
  /* extra headers for this host only ("host Header: value") */
  curl_slist_free_all(c->hdrs);
  c->hdrs = NULL;
  const char *hk = h->key;
  size_t hl = strcspn(hk, ":");
  for (size_t k = 0; lc->o.headers && lc->o.headers[k]; k++) {
    const char *line = lc->o.headers[k];
    size_t sp = strcspn(line, " ");
    if (sp == hl && strncmp(line, hk, hl) == 0 && line[sp])
      c->hdrs = curl_slist_append(c->hdrs, line + sp + 1);
  }
  if (c->hdrs)
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->hdrs);
  curl_multi_add_handle(lc->multi, e);
  c->queued = 0;
  c->res.attempts++;
  h->inflight++;
  h->requests++;
  if (lc->o.interval_ms)
    h->next_ms = now_ms() + lc->o.interval_ms;
  lc->running++;
}

/* Wait before trying again: Retry-After (for the whole host, capped) or
 * exponential backoff with jitter. */
static void retry_later(struct ll_lc *lc, size_t i) {
  struct check *c = &lc->v[i];
  struct host *h = &lc->hosts[c->host];
  long wait;
  if (c->retry_after_ms >= 0) {
    wait = c->retry_after_ms < lc->o.retry_after_cap_ms
               ? c->retry_after_ms
               : lc->o.retry_after_cap_ms;
    if (h->next_ms < now_ms() + wait)
      h->next_ms = now_ms() + wait;
  } else {
    wait = lc->o.backoff_ms << (c->w.tries - 1);
    wait += rand() % (wait / 2 + 1);
  }
  c->not_before_ms = now_ms() + wait;
  enqueue(lc, i);
}

/* ---- the classifier ----------------------------------------------- */

long ll_lc_retry_after(const char *line, size_t len, time_t now,
                       time_t (*getdate)(const char *, const time_t *)) {
  if (len <= 12 || strncasecmp(line, "retry-after:", 12) != 0)
    return -1;
  char v[128];
  size_t k = len - 12 < sizeof v - 1 ? len - 12 : sizeof v - 1;
  memcpy(v, line + 12, k);
  v[k] = '\0';
  char *s = v;
  while (*s == ' ')
    s++;
  s[strcspn(s, "\r\n")] = '\0';
  char *end;
  long secs = strtol(s, &end, 10);
  const long most = LONG_MAX / 1000; /* seconds that fit as milliseconds */
  if (end != s && *end == '\0')
    return secs < 0 ? -1 : secs > most ? most * 1000 : secs * 1000;
  if (!getdate)
    return -1;
  time_t when = getdate(s, NULL);
  if (when <= 0)
    return -1;
  if (when <= now)
    return 0;
  return when - now > most ? most * 1000 : (long)(when - now) * 1000;
}

static const char *status_text(long s) {
  switch (s) {
  case 401:
    return "401 Unauthorized";
  case 403:
    return "403 Forbidden";
  case 404:
    return "404 Not Found";
  case 410:
    return "410 Gone";
  case 429:
    return "429 Too Many Requests";
  case 999:
    return "999 (a bot wall)";
  default:
    return NULL;
  }
}

static int seen_in_chain(const struct ll_lc_walk *w, const char *url) {
  if (strcmp(w->url, url) == 0)
    return 1;
  const char *p = w->chain.data;
  size_t n = strlen(url);
  while (p && (p = strstr(p, url)) != NULL) {
    if ((p == w->chain.data || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return 1;
    p += n;
  }
  return 0;
}

static void add_hop(struct ll_lc_walk *w, const char *next) {
  ll_buf_printf(&w->chain, "%s%s", w->chain.len ? " -> " : "", next);
  w->hops++;
}

/* A verdict, its reason appended to r. */
static enum ll_lc_step verdict(enum ll_verdict *v, enum ll_verdict is,
                               struct ll_buf *r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum ll_lc_step verdict(enum ll_verdict *v, enum ll_verdict is,
                               struct ll_buf *r, const char *fmt, ...) {
  *v = is;
  va_list ap;
  va_start(ap, fmt);
  ll_buf_vprintf(r, fmt, ap);
  va_end(ap);
  return LL_LC_DONE;
}

static enum ll_lc_step retry(struct ll_lc_walk *w) {
  w->tries++;
  return LL_LC_RETRY;
}

/* "1 attempt", "3 attempts" */
#define ATTEMPTS(w) (w)->tries + 1, (w)->tries ? "s" : ""

enum ll_lc_step ll_lc_judge(struct ll_lc_walk *w, const struct ll_lc_answer *a,
                            int attempts, int max_redirects, enum ll_verdict *v,
                            struct ll_buf *r) {
  int rc = a->rc;
  long status = a->status;
  const char *next = a->location;
  const char *why = a->rc_text ? a->rc_text : "transfer failed";
  if (rc == CURLE_WRITE_ERROR && a->body_stopped)
    rc = CURLE_OK; /* we stopped reading, on purpose */
  int can_retry = w->tries + 1 < attempts;

  if (a->refused_private)
    return verdict(v, w->hops ? LL_V_ERROR : LL_V_SKIPPED, r,
                   "not requested: %s resolves to a private address", w->cur);
  if (rc == CURLE_OPERATION_TIMEDOUT)
    return verdict(v, LL_V_TIMEOUT, r, "no answer within %.0f s", a->seconds);
  if (rc == CURLE_COULDNT_RESOLVE_HOST)
    return verdict(v, LL_V_DEAD, r, "no such host");
  if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CERTPROBLEM ||
      rc == CURLE_SSL_CONNECT_ERROR)
    return verdict(v, LL_V_DEAD, r, "TLS: %s", why);
  if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR ||
      rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING ||
      rc == CURLE_PARTIAL_FILE) {
    if (can_retry)
      return retry(w);
    if (rc == CURLE_COULDNT_CONNECT)
      return verdict(v, LL_V_DEAD, r, "connection refused (%d attempt%s)",
                     ATTEMPTS(w));
    return verdict(v, LL_V_ERROR, r, "%s (%d attempt%s)", why, ATTEMPTS(w));
  }
  if (rc == CURLE_UNSUPPORTED_PROTOCOL)
    return verdict(v, LL_V_ERROR, r,
                   "redirect to a scheme other than http(s) refused");
  if (rc != CURLE_OK)
    return verdict(v, LL_V_ERROR, r, "%s", why);
  if (status >= 300 && status < 400 && next) {
    if (w->hops >= max_redirects)
      return verdict(v, LL_V_ERROR, r, "more than %d redirects", max_redirects);
    if (strncmp(next, "http://", 7) != 0 && strncmp(next, "https://", 8) != 0) {
      add_hop(w, next);
      return verdict(v, LL_V_ERROR, r, "redirect to '%s' refused: not http(s)",
                     next);
    }
    if (seen_in_chain(w, next)) {
      add_hop(w, next);
      return verdict(v, LL_V_ERROR, r, "redirect loop");
    }
    if (status != 301 && status != 308)
      w->temporary = 1;
    add_hop(w, next);
    free(w->cur);
    w->cur = ll_xstrdup(next);
    w->get = 0;
    w->tries = 0;
    return LL_LC_REQUEST;
  }
  if (status >= 200 && status < 300) {
    if (w->hops && !w->temporary)
      return verdict(v, LL_V_MOVED, r, "moved permanently: update to %s",
                     w->cur);
    return verdict(v, LL_V_ALIVE, r, "%ld", status);
  }
  if (status == 404 || status == 410)
    return verdict(v, LL_V_DEAD, r, "%s", status_text(status));
  if (status == 429 || status == 408 || status >= 500) {
    if (can_retry)
      return retry(w);
    if (status == 429)
      return verdict(v, LL_V_BLOCKED, r, "429 Too Many Requests (%d attempt%s)",
                     ATTEMPTS(w));
    return verdict(v, LL_V_ERROR, r, "HTTP %ld (%d attempt%s)", status,
                   ATTEMPTS(w));
  }
  if (!w->get && status >= 400) {
    /* HEAD refused (405, 501, 403, ...): ask with GET */
    w->get = 1;
    return LL_LC_REQUEST;
  }
  if (status == 401 || status == 403 || status == 999)
    return verdict(v, LL_V_BLOCKED, r,
                   "%s: a login or bot wall, not necessarily dead",
                   status_text(status));
  return verdict(v, LL_V_ERROR, r, "HTTP %ld", status);
}

/* ---- the scheduler ------------------------------------------------- */

static void done(struct ll_lc *lc, size_t i, CURLcode rc) {
  struct check *c = &lc->v[i];
  struct host *h = &lc->hosts[c->host];
  struct ll_lc_answer a = {0};
  a.rc = (int)rc;
  a.rc_text = curl_easy_strerror(rc);
  curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, &a.status);
  char *loc = NULL;
  curl_easy_getinfo(c->easy, CURLINFO_REDIRECT_URL, &loc);
  char *next = loc ? ll_xstrdup(loc) : NULL;
  a.location = next;
  curl_easy_getinfo(c->easy, CURLINFO_TOTAL_TIME, &a.seconds);
  a.refused_private = c->refused_private;
  a.body_stopped = c->body > (size_t)lc->o.body_budget;
  h->busy_s += a.seconds;
  curl_multi_remove_handle(lc->multi, c->easy);
  curl_easy_cleanup(c->easy);
  c->easy = NULL;
  h->inflight--;
  lc->running--;
  c->res.status = a.status;
  enum ll_verdict v = LL_V_ERROR;
  struct ll_buf why;
  ll_buf_init(&why, 0);
  switch (
      ll_lc_judge(&c->w, &a, lc->o.attempts, lc->o.max_redirects, &v, &why)) {
  case LL_LC_DONE:
    finish(c, v, "%s", why.data ? why.data : "");
    break;
  case LL_LC_RETRY:
    retry_later(lc, i);
    break;
  case LL_LC_REQUEST:
    c->not_before_ms = 0;
    enqueue(lc, i);
    break;
  }
  ll_buf_free(&why);
  free(next);
}

static void progress(struct ll_lc *lc, long long t0, int final) {
  size_t checked = 0, failed = 0;
  for (size_t i = 0; i < lc->n; i++) {
    checked += (size_t)lc->v[i].done;
    failed += lc->v[i].done && lc->v[i].res.verdict != LL_V_ALIVE &&
              lc->v[i].res.verdict != LL_V_MOVED;
  }
  double s = (double)(now_ms() - t0) / 1000.0;
  fprintf(stderr,
          "\r\033[Klinks: %zu/%zu checked, %d in flight, %zu failing, "
          "%.0f/s",
          checked, lc->n, lc->running, failed, s > 0 ? (double)checked / s : 0);
  if (final)
    fputs("\r\033[K", stderr);
}

int ll_lc_run(struct ll_lc *lc) {
  if (ll_curl_load() < 0) {
    ll_say("listlint: %s\n", ll_curl_error());
    return -1;
  }
  lc->multi = curl_multi_init();
  if (!lc->multi)
    return -1;
  for (size_t i = 0; i < lc->n; i++)
    if (!lc->v[i].done)
      enqueue(lc, i);
  long long t0 = now_ms(), last_progress = 0;
  long long deadline = lc->o.deadline_ms ? t0 + lc->o.deadline_ms : 0;
  for (;;) {
    long long now = now_ms();
    if (deadline && now >= deadline) {
      for (size_t i = 0; i < lc->n; i++) {
        struct check *c = &lc->v[i];
        if (c->done)
          continue;
        if (c->easy) {
          curl_multi_remove_handle(lc->multi, c->easy);
          curl_easy_cleanup(c->easy);
          c->easy = NULL;
        }
        finish(c, LL_V_TIMEOUT, "not checked: the run's deadline passed");
      }
      lc->running = 0;
      break;
    }
    /* start what the limits allow, host by host */
    long long wake = now + 200;
    for (size_t k = 0; k < lc->nhosts && lc->running < lc->o.concurrency; k++) {
      struct host *h = &lc->hosts[k];
      size_t scanned = 0, qn = h->qlen;
      while (h->qlen && scanned < qn && h->inflight < lc->o.per_host &&
             lc->running < lc->o.concurrency) {
        if (h->next_ms > now) {
          if (h->next_ms < wake)
            wake = h->next_ms;
          break;
        }
        size_t i = h->queue[h->qhead];
        h->qhead++;
        h->qlen--;
        scanned++;
        struct check *c = &lc->v[i];
        if (c->not_before_ms > now) {
          if (c->not_before_ms < wake)
            wake = c->not_before_ms;
          enqueue(lc, i); /* to the back of its host's queue */
          continue;
        }
        /* a redirect may have moved it to another host */
        size_t hi = host_of(lc, c->w.cur);
        if (hi != k) {
          c->host = hi;
          enqueue(lc, i);
          continue;
        }
        start(lc, i);
      }
    }
    if (lc->ndone == lc->n)
      break;
    int still;
    curl_multi_perform(lc->multi, &still);
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(lc->multi, &left)) != NULL) {
      if (msg->msg != CURLMSG_DONE)
        continue;
      char *priv = NULL;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
      struct check *c = (struct check *)(void *)priv;
      done(lc, (size_t)(c - lc->v), msg->data.result);
    }
    if (lc->ndone == lc->n)
      break; /* all done: no last wait */
    long timeout = (long)(wake - now_ms());
    if (timeout < 0)
      timeout = 0;
    if (timeout > 100)
      timeout = 100;
    if (lc->running)
      curl_multi_poll(lc->multi, NULL, 0, (int)timeout, NULL);
    else if (timeout)
      usleep((useconds_t)timeout * 1000);
    if (lc->o.progress && now_ms() - last_progress > 100) {
      progress(lc, t0, 0);
      last_progress = now_ms();
    }
  }
  if (lc->o.progress)
    progress(lc, t0, 1);
  return 0;
}

void ll_lc_summary(const struct ll_lc *lc, FILE *fp) {
  size_t n[LL_V_SKIPPED + 1] = {0};
  for (size_t i = 0; i < lc->n; i++)
    n[lc->v[i].res.verdict]++;
  fprintf(fp,
          "links: %zu checked: %zu alive, %zu dead, %zu unknown (%zu blocked, "
          "%zu timed out, %zu errors), %zu redirected, %zu skipped",
          lc->n, n[LL_V_ALIVE], n[LL_V_DEAD],
          n[LL_V_BLOCKED] + n[LL_V_TIMEOUT] + n[LL_V_ERROR], n[LL_V_BLOCKED],
          n[LL_V_TIMEOUT], n[LL_V_ERROR], n[LL_V_MOVED], n[LL_V_SKIPPED]);
  /* the three slowest hosts by mean request time */
  size_t best[3] = {0};
  double mean[3] = {0};
  for (size_t k = 0; k < lc->nhosts; k++) {
    const struct host *h = &lc->hosts[k];
    if (!h->requests)
      continue;
    double m = h->busy_s / h->requests;
    for (int j = 0; j < 3; j++) {
      if (m > mean[j]) {
        for (int s = 2; s > j; s--) {
          mean[s] = mean[s - 1];
          best[s] = best[s - 1];
        }
        mean[j] = m;
        best[j] = k;
        break;
      }
    }
  }
  if (mean[0] > 0) {
    fputs("; slowest hosts:", fp);
    for (int j = 0; j < 3 && mean[j] > 0; j++)
      fprintf(fp, " %s (%.2f s)", lc->hosts[best[j]].key, mean[j]);
  }
  fputc('\n', fp);
}
