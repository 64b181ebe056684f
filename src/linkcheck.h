/* linkcheck.h - link reachability: a separate phase after the rules,
 * over the entry links of every file of a run (never called by a rule).
 * libcurl multi, a global and a per-host limit, retries with backoff and
 * Retry-After, manual redirects, an address policy, a cache between runs. */
#ifndef LL_LINKCHECK_H
#define LL_LINKCHECK_H

#include <stddef.h>
#include <time.h>

#include "listlint.h"

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

/* ---- the classifier: one answer in, the next step out -------------- */
/* Pure functions (no libcurl, no clock, no network), so that tests and
 * fuzz/fuzz_classify.c can drive them with any status, header or chain. */

/* One answer to a request, as the classifier sees it. */
struct ll_lc_answer {
  int rc;               /* the transfer's CURLcode */
  const char *rc_text;  /* curl_easy_strerror(rc) */
  long status;          /* the HTTP status, 0 when none */
  const char *location; /* a redirect's target, or NULL */
  int refused_private;  /* the address policy refused the connection */
  int body_stopped;     /* the body budget was reached: reading stopped */
  double seconds;       /* the transfer's time */
};

/* Where one check stands between its requests. */
struct ll_lc_walk {
  const char *url;     /* the URL asked for (borrowed) */
  char *cur;           /* the current hop's URL (owned by the caller) */
  struct ll_buf chain; /* "a -> b -> c" (owned by the caller) */
  int hops;            /* redirects followed */
  int temporary;       /* a temporary redirect was on the way */
  int get;             /* the next request is a GET (HEAD was refused) */
  int tries;           /* failures of the current request */
};

enum ll_lc_step {
  LL_LC_DONE,   /* a verdict: *v and the reason */
  LL_LC_RETRY,  /* the same request again, later (tries counted) */
  LL_LC_REQUEST /* a new request now: the next hop, or GET after HEAD */
};

/* Judge answer a of the request w stands at: update w (the hop taken,
 * HEAD to GET, tries) and say what comes next.  On LL_LC_DONE the verdict
 * is in *v and the reason is appended to reason.  attempts and
 * max_redirects as in struct ll_lc_opts. */
enum ll_lc_step ll_lc_judge(struct ll_lc_walk *w, const struct ll_lc_answer *a,
                            int attempts, int max_redirects, enum ll_verdict *v,
                            struct ll_buf *reason);

/* The wait a Retry-After header line (len bytes, "Retry-After: 120" or
 * an HTTP date) asks for, in milliseconds, counted from now; -1 when the
 * line is no Retry-After or its value is unreadable.  getdate parses an
 * HTTP date (curl_getdate), or NULL: seconds only. */
long ll_lc_retry_after(const char *line, size_t len, time_t now,
                       time_t (*getdate)(const char *, const time_t *));

#endif
