/* links.c - the link phase: the entry links of every held file checked
 * at once (src/linkcheck.c), the verdicts made findings of the rules
 * dead-link, redirected-link, link-blocked, link-timeout and link-error
 * (through ll_report_for), and their fixes (redirects, http to https). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fix.h"
#include "linkcheck.h"
#include "pattern.h"
#include "run.h"

struct site {
  size_t file, check;
  const struct ll_link *link;
  /* --fix, --diff: the check of an http:// link's https:// twin, or
   * SIZE_MAX */
  size_t https;
};

/* The phase's state. */
struct phase {
  struct ll_lc_opts lo;
  char **hdrs; /* the request headers (NULL-terminated) */
  char *hcopy; /* the configuration's header lines, cut at newlines */
  struct ll_pattern **ex; /* --exclude */
  size_t nex;
  const char *cache_path;
  struct ll_cache *cache;
  long long now;
  struct ll_lc *lc;
  struct site *sites;
  size_t nsites, cap;
};

static int excluded(struct ll_pattern **ex, size_t n, const char *url) {
  for (size_t i = 0; i < n; i++) {
    size_t a, b;
    if (ll_pattern_find(ex[i], url, strlen(url), 0, &a, &b) == 1)
      return 1;
  }
  return 0;
}

static char *when(long long t) {
  char buf[64];
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return ll_xstrdup(buf);
}

/* redirected-link's fix: the URL as written replaced by where the
 * permanent redirect went, unless the move looks like a page that is
 * gone rather than moved: to the site's front page from a deeper one, or
 * to a login, consent or error page. */
static void fix_moved(struct ll_ctx *ctx, const struct ll_link *l,
                      const char *final) {
  static const char *const walls[] = {"login", "signin",  "sign_in", "sign-in",
                                      "auth",  "consent", "cookie",  "error",
                                      "404",   "sso",     NULL};
  struct ll_span s = l->url_span;
  size_t n = s.end - s.start;
  if (!final || !*final || strlen(l->url) != n ||
      memcmp(ctx->src->data + s.start, l->url, n) != 0 ||
      strcmp(final, l->url) == 0 || strpbrk(final, " <>()[]\"\n"))
    return;
  struct ll_url u;
  ll_url_parse(final, &u);
  int root = !u.path || !u.path[0] || strcmp(u.path, "/") == 0;
  int bad = u.parse_error || !u.scheme ||
            (strcmp(u.scheme, "https") != 0 && strcmp(u.scheme, "http") != 0);
  /* the walls are words of the path and query, never of the host or
   * port (a port 40449 is no 404) */
  for (int i = 0; !bad && walls[i]; i++)
    bad = (u.path && strcasestr(u.path, walls[i])) ||
          (u.query && strcasestr(u.query, walls[i]));
  ll_url_clear(&u);
  const char *lp = l->parsed.path;
  int was_root = !lp || !lp[0] || strcmp(lp, "/") == 0;
  if (bad || (root && !was_root))
    return;
  ll_fix(ctx, s, final, strlen(final));
}

/* insecure-http's fix, once the https:// twin of an http:// link was
 * checked and is alive: "http://" written "https://" in the finding of
 * that link, where the source spells the scheme so. */
static void fix_https(struct ll_ctx *ctx, const struct ll_link *l) {
  size_t at = l->url_span.start;
  if (l->url_span.end - at < 7 ||
      memcmp(ctx->src->data + at, "http://", 7) != 0)
    return;
  for (size_t i = 0; i < ctx->diags.n; i++) {
    struct ll_diag *g = &ctx->diags.v[i];
    if (g->rule == LL_R_INSECURE_HTTP && g->span.start == at && !g->custom_id) {
      struct ll_span s = {at, at + 7};
      ll_fix_diag(ctx, g, s, "https://", 8);
      return;
    }
  }
}

/* A verdict as a finding of the file the link is in. */
static void report_link(struct ll_ctx *ctx, const struct ll_lc_result *r,
                        const struct ll_link *l, const struct ll_cache *cache,
                        const char *url, long long now, long fail_after_s) {
  struct ll_span s = l->url_span;
  if (r->verdict == LL_V_ALIVE || r->verdict == LL_V_SKIPPED)
    return;
  if (r->verdict != LL_V_DEAD) {
    /* the verdict's own rule; its reason says what happened */
    enum ll_rule_id rule = r->verdict == LL_V_MOVED     ? LL_R_REDIRECTED_LINK
                           : r->verdict == LL_V_BLOCKED ? LL_R_LINK_BLOCKED
                           : r->verdict == LL_V_TIMEOUT ? LL_R_LINK_TIMEOUT
                                                        : LL_R_LINK_ERROR;
    ll_report_for(ctx, rule, ctx->severity[rule], s, "%s", r->reason);
    if (r->verdict == LL_V_MOVED)
      fix_moved(ctx, l, r->final_url);
    return;
  }
  struct ll_cache_entry e;
  /* alive before and failing for less than fail_after: not dead yet */
  if (cache && ll_cache_get(cache, url, &e) && e.last_alive &&
      now - (e.first_failure ? e.first_failure : now) < fail_after_s) {
    char *since = when(e.first_failure ? e.first_failure : now);
    enum ll_severity sev = ctx->severity[LL_R_DEAD_LINK] > LL_SEV_WARNING
                               ? LL_SEV_WARNING
                               : ctx->severity[LL_R_DEAD_LINK];
    ll_report_for(ctx, LL_R_DEAD_LINK, sev, s,
                  "failing since %s: %s (alive before: dead once it has "
                  "failed for %ld s)",
                  since, r->reason, fail_after_s);
    free(since);
    return;
  }
  ll_report_for(ctx, LL_R_DEAD_LINK, ctx->severity[LL_R_DEAD_LINK], s,
                "dead link: %s", r->reason);
}

/* A file's [links] exclude patterns, compiled (NULL-terminated). */
static struct ll_pattern **config_excludes(const struct ll_config *c) {
  const char *v = ll_config_get(c, LL_CFG_LINKS, "exclude");
  size_t n = 0;
  struct ll_pattern **ex = ll_xcalloc(1, sizeof *ex);
  while (v && *v) {
    size_t len = strcspn(v, "\n");
    char *re = ll_xstrndup(v, len), *err = NULL;
    struct ll_pattern *p = ll_pattern_new(re, 0, &err);
    free(re);
    free(err); /* compiled once already, when the file was read */
    if (p) {
      ex = ll_xrealloc(ex, (n + 2) * sizeof *ex);
      ex[n++] = p;
      ex[n] = NULL;
    }
    v += len + (v[len] == '\n');
  }
  return ex;
}

/* The checker's options: the command line's, else the first file's
 * [links] (they are run-wide). */
static void options(struct phase *p, const struct ll_opts *o,
                    const struct ll_config *c0) {
  struct ll_lc_opts *lo = &p->lo;
  ll_lc_opts_default(lo);
  if (o->concurrency)
    lo->concurrency = o->concurrency;
  if (o->per_host)
    lo->per_host = o->per_host;
  if (o->retries)
    lo->attempts = o->retries;
  if (o->max_redirects)
    lo->max_redirects = o->max_redirects;
  if (o->timeout_ms) {
    lo->timeout_ms = o->timeout_ms;
    if (lo->connect_timeout_ms > o->timeout_ms)
      lo->connect_timeout_ms = o->timeout_ms;
  }
  lo->interval_ms = o->interval_ms;
  lo->deadline_ms = o->deadline_ms;
  const char *cfg_ua = ll_config_get(c0, LL_CFG_LINKS, "user-agent");
  const char *cfg_ap = ll_config_get(c0, LL_CFG_LINKS, "allow-private");
  lo->user_agent = o->user_agent ? o->user_agent : cfg_ua;
  lo->allow_private = o->allow_private;
  lo->allow_addrs = o->allow_addrs;
  if (!o->allow_private && !o->allow_addrs && cfg_ap) {
    if (strcmp(cfg_ap, "true") == 0)
      lo->allow_private = 1;
    else if (strcmp(cfg_ap, "false") != 0)
      lo->allow_addrs = cfg_ap;
  }
  lo->progress = !o->quiet && isatty(STDERR_FILENO);
}

/* The request headers: the command line's, then the configuration's
 * lines. */
static void headers(struct phase *p, const struct ll_opts *o,
                    const struct ll_config *c0) {
  const char *cfg_hd = ll_config_get(c0, LL_CFG_LINKS, "header");
  size_t nh = 0;
  p->hdrs = ll_xcalloc(o->nheaders + 1, sizeof *p->hdrs);
  for (size_t i = 0; i < o->nheaders; i++)
    p->hdrs[nh++] = o->headers[i];
  p->hcopy = cfg_hd ? ll_xstrdup(cfg_hd) : NULL;
  for (char *h = p->hcopy; h && *h;) {
    size_t len = strcspn(h, "\n");
    p->hdrs = ll_xrealloc(p->hdrs, (nh + 2) * sizeof *p->hdrs);
    p->hdrs[nh++] = h;
    if (h[len])
      h[len++] = '\0';
    h += len;
  }
  p->hdrs[nh] = NULL;
  p->lo.headers = (const char *const *)(void *)p->hdrs;
}

static void phase_open(struct phase *p, const struct run *r) {
  const struct ll_opts *o = r->o;
  const struct ll_config *c0 = r->nk ? r->kv[0].cfg : NULL;
  memset(p, 0, sizeof *p);
  options(p, o, c0);
  headers(p, o, c0);
  p->nex = o->nexcludes;
  p->ex = ll_xcalloc(p->nex + 1, sizeof *p->ex);
  for (size_t i = 0; i < p->nex; i++) {
    char *err = NULL;
    p->ex[i] = ll_pattern_new(o->excludes[i], 0, &err);
    free(err); /* checked by the option parser */
  }
  p->cache_path =
      o->cache ? o->cache : ll_config_get(c0, LL_CFG_LINKS, "cache");
  if (p->cache_path) {
    char *warn = NULL;
    p->cache = ll_cache_load(p->cache_path, &warn);
    if (warn) {
      ll_say("listlint: warning: %s\n", warn);
      free(warn);
    }
  }
  p->now = (long long)time(NULL);
  p->lc = ll_lc_new(&p->lo);
}

/* Queue link l of held file k, with its cached verdict when that is
 * fresh and alive (no request then). */
static void queue(struct phase *p, const struct ll_opts *o, size_t k,
                  const struct ll_link *l) {
  struct ll_cache_entry ce;
  int in_cache = p->cache && ll_cache_get(p->cache, l->url, &ce);
  if (o->check_links == 2 && in_cache)
    return; /* --check-links=new: only what the cache lacks */
  size_t before = ll_lc_count(p->lc);
  size_t ci = ll_lc_add(p->lc, l->url);
  if (ll_lc_count(p->lc) > before && in_cache &&
      (ce.verdict == LL_V_ALIVE || ce.verdict == LL_V_MOVED) &&
      p->now - ce.checked < o->cache_age_s) {
    /* a fresh verdict from the cache: no request (a moved link keeps
     * its message) */
    struct ll_buf b;
    ll_buf_init(&b, 0);
    if (ce.verdict == LL_V_MOVED)
      ll_buf_printf(&b, "moved permanently: update to %s",
                    ce.final_url ? ce.final_url : "?");
    else
      ll_buf_adds(&b, "cached");
    ll_lc_preset(p->lc, ci, (enum ll_verdict)ce.verdict, ce.status,
                 ce.final_url, b.data);
    ll_buf_free(&b);
  }
  if (p->nsites == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->sites = ll_xrealloc(p->sites, p->cap * sizeof *p->sites);
  }
  struct site *s = &p->sites[p->nsites++];
  s->file = k;
  s->check = ci;
  s->https = SIZE_MAX;
  s->link = l;
  if ((o->fix || o->diff) && strncmp(l->url, "http://", 7) == 0) {
    /* is the same page there over https?  insecure-http's fix */
    char *h = ll_strfmt("https://%s", l->url + 7);
    s->https = ll_lc_add(p->lc, h);
    free(h);
  }
}

/* Queue the entry links of held file k that are checked: http and https,
 * not excluded, not in --diff-base's version already. */
static void queue_file(struct phase *p, const struct ll_opts *o, size_t k,
                       const struct kept *f) {
  const struct ll_model *m = f->model;
  struct ll_pattern **fex = config_excludes(f->cfg);
  size_t nfex = 0;
  while (fex[nfex])
    nfex++;
  for (size_t i = 0; i < m->nlinks; i++) {
    const struct ll_link *l = m->links[i];
    const char *sch = l->parsed.scheme;
    if (!(l->flags & LL_LINK_ENTRY) || !sch ||
        (strcmp(sch, "http") != 0 && strcmp(sch, "https") != 0) ||
        l->parsed.parse_error || excluded(p->ex, p->nex, l->url) ||
        excluded(fex, nfex, l->url) || ll_map_get(&f->base_urls, l->url))
      continue;
    queue(p, o, k, l);
  }
  for (size_t i = 0; i < nfex; i++)
    ll_pattern_free(fex[i]);
  free(fex);
}

/* The verdicts of held file k's links as its findings, after its rules'
 * (ctx->diags holds just the file's findings); *s walks the sites. */
static void report_file(struct phase *p, struct run *r, size_t k, size_t *s) {
  struct ll_ctx *ctx = r->ctx;
  struct kept *f = &r->kv[k];
  ctx->src = f->src;
  ctx->cfg = f->cfg;
  memcpy(ctx->severity, f->cfg->severity, sizeof ctx->severity);
  const char *alive_hosts = ll_config_get(f->cfg, LL_CFG_LINKS, "alive-hosts");
  for (; *s < p->nsites && p->sites[*s].file == k; ++*s) {
    const struct site *site = &p->sites[*s];
    const struct ll_lc_result *res = ll_lc_result(p->lc, site->check);
    const char *host = site->link->parsed.host;
    if (r->verdicts)
      verdicts_put(r->verdicts, site->link->url, (int)res->verdict, res->status,
                   res->seconds);
    /* a wall this list knows about: the host answers 401/403/999 to
     * robots but the page is there */
    if (res->verdict == LL_V_BLOCKED && res->status != 429 && alive_hosts &&
        host && ll_word_in_list(alive_hosts, host))
      continue;
    report_link(ctx, res, site->link, p->cache, ll_lc_url(p->lc, site->check),
                p->now, r->o->fail_after_s);
    if (site->https != SIZE_MAX &&
        ll_lc_result(p->lc, site->https)->verdict == LL_V_ALIVE)
      fix_https(ctx, site->link);
  }
  ll_lint_finish(ctx, 0, f->src, f->model);
}

/* Every held file's findings, rebuilt file by file: its rules', then its
 * links'. */
static void report(struct phase *p, struct run *r) {
  struct ll_ctx *ctx = r->ctx;
  struct ll_diags rules = ctx->diags;
  struct ll_diags all = {0};
  size_t s = 0;
  for (size_t k = 0; k < r->nk; k++) {
    struct kept *f = &r->kv[k];
    ctx->diags = (struct ll_diags){0};
    for (size_t i = f->from; i < f->to; i++)
      ll_diags_push(&ctx->diags, &rules.v[i]);
    report_file(p, r, k, &s);
    f->from = all.n;
    for (size_t i = 0; i < ctx->diags.n; i++)
      ll_diags_push(&all, &ctx->diags.v[i]);
    f->to = all.n;
    free(ctx->diags.v);
  }
  free(rules.v);
  ctx->diags = all;
}

/* Record what was requested in the cache, and write it: 0 or -1. */
static int save_cache(struct phase *p) {
  for (size_t i = 0; i < ll_lc_count(p->lc); i++) {
    const struct ll_lc_result *res = ll_lc_result(p->lc, i);
    if (!res->cached && res->verdict != LL_V_SKIPPED)
      ll_cache_put(p->cache, ll_lc_url(p->lc, i), (int)res->verdict,
                   res->status, res->final_url, p->now);
  }
  char *err = NULL;
  if (ll_cache_save(p->cache, p->cache_path, &err) < 0) {
    ll_say("listlint: %s\n", err);
    free(err);
    return -1;
  }
  return 0;
}

static void phase_close(struct phase *p, char **summary) {
  size_t slen = 0;
  FILE *sf = open_memstream(summary, &slen);
  if (sf) {
    ll_lc_summary(p->lc, sf);
    fclose(sf);
  }
  ll_cache_free(p->cache);
  ll_lc_free(p->lc);
  free(p->sites);
  free(p->hdrs);
  free(p->hcopy);
  for (size_t i = 0; i < p->nex; i++)
    ll_pattern_free(p->ex[i]);
  free(p->ex);
}

int links_check(struct run *r) {
  struct phase p;
  int status = 0;
  phase_open(&p, r);
  for (size_t k = 0; k < r->nk; k++)
    queue_file(&p, r->o, k, &r->kv[k]);
  if (ll_lc_run(p.lc) < 0) {
    fputs("listlint: the link checker could not start (libcurl)\n", stderr);
    status = -1;
  }
  report(&p, r);
  if (p.cache && save_cache(&p) < 0)
    status = -1;
  phase_close(&p, &r->link_summary);
  return status;
}

void verdicts_put(struct verdicts *vs, const char *url, int verdict,
                  long status, double seconds) {
  struct verdict *v = (struct verdict *)(size_t)ll_map_get(&vs->by_url, url);
  if (!v) {
    if (vs->n == vs->cap) {
      vs->cap = vs->cap ? vs->cap * 2 : 256;
      vs->v = ll_xrealloc(vs->v, vs->cap * sizeof *vs->v);
    }
    v = vs->v[vs->n++] = ll_xmalloc(sizeof *v);
    ll_map_put(&vs->by_url, url, v);
  }
  v->verdict = verdict;
  v->status = status;
  v->seconds = seconds;
}

const struct verdict *verdicts_get(const struct verdicts *vs, const char *url) {
  return ll_map_get(&vs->by_url, url);
}

void verdicts_free(struct verdicts *vs) {
  for (size_t i = 0; i < vs->n; i++)
    free(vs->v[i]);
  free(vs->v);
  ll_map_free(&vs->by_url);
}

void links_from_cache(struct run *r) {
  const struct ll_config *c0 = r->nk ? r->kv[0].cfg : NULL;
  const char *path =
      r->o->cache ? r->o->cache : ll_config_get(c0, LL_CFG_LINKS, "cache");
  if (!path || !r->verdicts)
    return;
  char *warn = NULL;
  struct ll_cache *cache = ll_cache_load(path, &warn);
  if (warn) {
    ll_say("listlint: warning: %s\n", warn);
    free(warn);
  }
  for (size_t k = 0; k < r->nk; k++) {
    const struct ll_model *m = r->kv[k].model;
    for (size_t i = 0; i < m->nlinks; i++) {
      const struct ll_link *l = m->links[i];
      struct ll_cache_entry e;
      if ((l->flags & LL_LINK_ENTRY) && ll_cache_get(cache, l->url, &e))
        verdicts_put(r->verdicts, l->url, e.verdict, e.status, -1);
    }
  }
  ll_cache_free(cache);
}
