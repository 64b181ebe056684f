/* linkcheck.h - link reachability: a separate phase after the rules,
 * over the entry links of every file of a run (never called by a rule).
 * libcurl multi, a global and a per-host limit, retries with backoff and
 * Retry-After, manual redirects, an address policy, a cache between runs. */
#ifndef LL_LINKCHECK_H
#define LL_LINKCHECK_H

#include <stddef.h>

enum ll_verdict {
  LL_V_ALIVE,   /* 2xx (temporary redirects followed) */
  LL_V_MOVED,   /* alive, but only through permanent redirects */
  LL_V_DEAD,    /* 404, 410, no such host, refused, bad certificate */
  LL_V_BLOCKED, /* 401, 403, 999, 429 after retries: a wall, not a death */
  LL_V_TIMEOUT, /* no answer in time, or the run's deadline */
  LL_V_ERROR,   /* 5xx after retries, resets, loops, refused redirects */
  LL_V_SKIPPED  /* not requested: a private address, an excluded URL */
};

struct ll_lc_opts {
  int concurrency;            /* transfers at once (64) */
  int per_host;               /* in flight per host:port (4) */
  long interval_ms;           /* minimum time between starts per host (0) */
  long connect_timeout_ms;    /* 10000 */
  long timeout_ms;            /* 20000 */
  int attempts;               /* tries of a retriable failure (3) */
  long backoff_ms;            /* first retry's wait, doubled each time (500) */
  long retry_after_cap_ms;    /* the most a Retry-After is honoured (60000) */
  long deadline_ms;           /* the whole check (0: none) */
  int max_redirects;          /* 10 */
  long body_budget;           /* bytes of a GET body read before abandoning */
  const char *user_agent;     /* NULL: listlint/VERSION (+URL) */
  int allow_private;          /* 1: any private address may be requested */
  const char *allow_addrs;    /* comma list of addresses allowed, or NULL */
  const char *const *headers; /* "host Header: value" lines, NULL-ended */
  int progress;               /* a progress line on stderr */
};
void ll_lc_opts_default(struct ll_lc_opts *o);

struct ll_lc_result {
  enum ll_verdict verdict;
  long status;     /* the last HTTP status, 0 when none */
  char *final_url; /* where redirects ended */
  char *reason;    /* what happened, for the message */
  int attempts;    /* requests made (HEAD, GET and retries) */
  double seconds;  /* from the first request to the verdict */
  int cached;      /* taken from the cache, not requested */
};

struct ll_lc;
struct ll_lc *ll_lc_new(const struct ll_lc_opts *o);
void ll_lc_free(struct ll_lc *lc);

/* Queue url (deduplicated: the same string is checked once); return its
 * index for ll_lc_result. */
size_t ll_lc_add(struct ll_lc *lc, const char *url);
/* Give url a verdict without requesting it (cache, exclusion). */
void ll_lc_preset(struct ll_lc *lc, size_t i, enum ll_verdict v, long status,
                  const char *final_url, const char *reason);
/* Check everything queued; return 0, or -1 if libcurl failed to start. */
int ll_lc_run(struct ll_lc *lc);
const struct ll_lc_result *ll_lc_result(const struct ll_lc *lc, size_t i);
const char *ll_lc_url(const struct ll_lc *lc, size_t i);
size_t ll_lc_count(const struct ll_lc *lc);

/* "12 links: 9 alive, 1 dead, ... ; slowest hosts: ..." */
void ll_lc_summary(const struct ll_lc *lc, FILE *fp);

#endif
