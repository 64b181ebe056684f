/* run.c - one run: find the files, lint each, print, decide the status. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "curlfn.h"

#include "cache.h"
#include "cli.h"
#include "config.h"
#include "fix.h"
#include "git.h"
#include "linkcheck.h"
#include "pattern.h"

#define LL_MAX_INPUT ((size_t)256 << 20) /* bytes of one input */
#define MAX_DEPTH 64                     /* directory levels searched */

/* ---- the files of a run ---------------------------------------------- */

struct paths {
  char **v;
  size_t n, cap;
};

static void add_path(struct paths *p, char *s) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 16;
    p->v = ll_xrealloc(p->v, p->cap * sizeof *p->v);
  }
  p->v[p->n++] = s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every Markdown file below dir, sorted; hidden folders and
 * node_modules are not searched. */
static int find_markdown(const char *dir, struct paths *out, int depth) {
  if (depth > MAX_DEPTH)
    return 0;
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "listlint: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  struct paths here = {0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.' || strcmp(de->d_name, "node_modules") == 0)
      continue;
    add_path(&here,
             ll_strfmt("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                       de->d_name));
  }
  closedir(d);
  if (here.n)
    qsort(here.v, here.n, sizeof *here.v, cmp_str);
  int rc = 0;
  for (size_t i = 0; i < here.n; i++) {
    struct stat st;
    if (stat(here.v[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      if (find_markdown(here.v[i], out, depth + 1) < 0)
        rc = -1;
      free(here.v[i]);
    } else if (ll_is_markdown_name(here.v[i])) {
      add_path(out, here.v[i]);
    } else {
      free(here.v[i]);
    }
  }
  free(here.v);
  return rc;
}

/* ---- git: staged content, base revision, renames --------------------- */

/* What a run asks git, asked once: the objects through one cat-file
 * process, the renames since the base through one diff. */
struct gitrun {
  struct ll_git_batch *batch;
  int batch_tried; /* batch opened (or failed to open) */
  struct ll_buf renames;
  int have_renames;
  /* the hook's diff of the index against HEAD, started first: it is on
   * the way to everything else */
  struct ll_git_proc hook_diff;
  int hook_diff_started;
  int hook_changes; /* renames holds that diff (with blob ids) */
};

/* The cat-file process, started on first use. */
static struct ll_git_batch *batch(struct gitrun *g) {
  if (!g->batch_tried) {
    g->batch = ll_git_batch_open();
    g->batch_tried = 1;
  }
  return g->batch;
}

/* The hook's case: --staged --diff-base HEAD, no files named; and
 * --staged alone, no files named. */
static int hook_case(const struct ll_opts *o) {
  return o->nfiles == 0 && o->staged &&
         (!o->diff_base || strcmp(o->diff_base, "HEAD") == 0);
}

/* The hook's case: one diff of the index against HEAD (without
 * --diff-base: against HEAD, or nothing before a first commit) gives the
 * staged files, their blob ids and their renames. */
static int staged_from_renames(const struct ll_opts *o, struct gitrun *g,
                               struct paths *files) {
  if (!hook_case(o))
    return -1;
  ll_buf_init(&g->renames, 0);
  /* ll_run started the diff (if git could be run at all) */
  int st = g->hook_diff_started ? ll_git_wait(&g->hook_diff, &g->renames) : -1;
  g->hook_diff_started = 0;
  if (st != 0) {
    ll_buf_free(&g->renames);
    return -1;
  }
  g->have_renames = 1;
  g->hook_changes = 1;
  int base = 0;
  struct ll_git_change c;
  for (size_t i = 0; ll_git_change_next(&g->renames, &i, &c) == 0;) {
    if (strchr("ACMR", c.status) && ll_is_markdown_name(c.path)) {
      add_path(files, ll_xstrdup(c.path));
      base |= c.status != 'A';
    }
  }
  /* HEAD's version is read for the files it has: cat-file starts now,
   * while the staged files are linted */
  if (base && o->diff_base)
    batch(g);
  return 0;
}

/* The files of the run; -1 when one named cannot be used. */
static int collect(const struct ll_opts *o, struct gitrun *g,
                   struct paths *files) {
  int rc = 0;
  if (staged_from_renames(o, g, files) == 0)
    return 0;
  if (o->nfiles == 0 && o->staged) {
    struct ll_buf list;
    ll_buf_init(&list, 0);
    if (ll_git_staged_files(&list) < 0) {
      fputs("listlint: --staged: not inside a git repository\n", stderr);
      ll_buf_free(&list);
      return -1;
    }
    for (size_t i = 0; i < list.len; i += strlen(list.data + i) + 1)
      add_path(files, ll_xstrdup(list.data + i));
    ll_buf_free(&list);
    return 0;
  }
  if (o->nfiles == 0) {
    static const char *const names[] = {"README.md", "readme.md", "Readme.md",
                                        NULL};
    for (int i = 0; names[i]; i++) {
      if (access(names[i], F_OK) == 0) {
        add_path(files, ll_xstrdup(names[i]));
        return 0;
      }
    }
    fprintf(stderr, "listlint: no FILE given and no README.md here\n"
                    "Try 'listlint --help' for more information.\n");
    return -1;
  }
  for (size_t i = 0; i < o->nfiles; i++) {
    const char *f = o->files[i];
    struct stat st;
    if (!o->staged && strcmp(f, "-") != 0 && stat(f, &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      size_t before = files->n;
      if (find_markdown(f, files, 0) < 0)
        rc = -1;
      if (files->n == before) {
        fprintf(stderr, "listlint: %s: no Markdown files (*.md) found\n", f);
        rc = -1;
      }
    } else {
      add_path(files, ll_xstrdup(f));
    }
  }
  return rc;
}

static int want_color(const struct ll_opts *o) {
  if (o->color >= 0)
    return o->color;
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc)
    return 0;
  return isatty(STDOUT_FILENO);
}

/* The columns the source display may fill: COLUMNS when it holds a
 * number, else the terminal's width when standard output is one, else
 * 80. */
static int terminal_width(void) {
  const char *c = getenv("COLUMNS");
  if (c && *c) {
    char *end;
    long v = strtol(c, &end, 10);
    if (!*end && v > 0 && v <= 10000)
      return (int)v;
  }
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

/* Input that cannot be linted as text: say why, with the line. */
static int refuse_binary(const struct ll_source *src) {
  const char *nul = memchr(src->data, '\0', src->len);
  int line, col;
  ll_source_linecol(src, (size_t)(nul - src->data), &line, &col);
  fprintf(stderr, "listlint: %s:%d:%d: binary file (NUL byte): not linted\n",
          src->name, line, col);
  return LL_EXIT_USAGE;
}

/* rev:./path (rev NULL: the index) through the batch, or a git call. */
static int show(struct gitrun *g, const char *rev, const char *path,
                struct ll_buf *out) {
  if (batch(g)) {
    struct ll_buf spec;
    ll_buf_init(&spec, 0);
    ll_buf_printf(&spec, "%s:./%s", rev ? rev : "", path);
    int r = ll_git_batch_get(g->batch, spec.data, out);
    ll_buf_free(&spec);
    if (r == 0 || !strchr(path, '\n'))
      return r;
  }
  return ll_git_show(rev, path, out);
}

static void gitrun_close(struct gitrun *g) {
  if (g->hook_diff_started)
    ll_git_wait(&g->hook_diff, NULL);
  if (g->batch_tried)
    ll_git_batch_close(g->batch);
  if (g->have_renames)
    ll_buf_free(&g->renames);
}

static void paths_free(struct paths *p) {
  for (size_t i = 0; i < p->n; i++)
    free(p->v[i]);
  free(p->v);
}

static const char *renamed_from(struct gitrun *g, const struct ll_opts *o,
                                const char *path) {
  if (!g->have_renames) {
    ll_buf_init(&g->renames, 0);
    if (ll_git_renames(o->diff_base, o->staged, &g->renames) < 0)
      g->renames.len = 0;
    g->have_renames = 1;
  }
  return ll_git_rename_lookup(&g->renames, path);
}

/* The hook's record of path (staged, against HEAD): 1, or 0 when there
 * is none. */
static int hook_change(struct gitrun *g, const char *path,
                       struct ll_git_change *c) {
  return g->hook_changes && ll_git_change_find(&g->renames, path, c);
}

/* Does the hook know that HEAD lacks path (a file the commit adds)? */
static int added(struct gitrun *g, const char *path) {
  struct ll_git_change c;
  return hook_change(g, path, &c) && c.status == 'A';
}

/* The hook's staged file read from the working tree, when git's id of
 * the staged blob says the two hold the same bytes (a file staged in
 * full, the usual case): a read and a hash instead of a round trip
 * through cat-file and an inflate.  NULL otherwise. */
static struct ll_source *staged_as_in_tree(struct gitrun *g, const char *path,
                                           const char *display) {
  struct ll_git_change c;
  if (!hook_change(g, path, &c))
    return NULL;
  if (c.new_mode != 0100644 && c.new_mode != 0100755)
    return NULL; /* a symbolic link's blob is its target's name */
  char *err = NULL;
  struct ll_source *src = ll_source_load(path, display, LL_MAX_INPUT, &err);
  free(err);
  if (src && !ll_git_blob_is(src->data, src->len, c.new_id)) {
    ll_source_free(src);
    src = NULL;
  }
  return src;
}

/* The input as it will be committed (--staged), or as it is. */
static struct ll_source *load(const struct ll_opts *o, struct gitrun *g,
                              const char *path, const char *display,
                              char **err) {
  if (!o->staged || strcmp(path, "-") == 0)
    return ll_source_load(path, display, LL_MAX_INPUT, err);
  struct ll_source *src = staged_as_in_tree(g, path, display);
  if (src)
    return src;
  struct ll_buf b;
  ll_buf_init(&b, LL_MAX_INPUT);
  if (show(g, NULL, path, &b) < 0) {
    ll_buf_free(&b);
    *err = ll_strfmt("%s: not in the index (is it staged?)", display);
    return NULL;
  }
  src = ll_source_from_mem(display, b.data ? b.data : "", b.len);
  ll_buf_free(&b);
  return src;
}

/* ---- --fix and --diff ------------------------------------------------ */

/* Write what --fix made of orig (fixed, n edits): to the file, to
 * standard output for '-', or as a diff.  *keep is cleared when the file
 * was left alone (its findings are then the original's).  Return
 * LL_EXIT_OK, or the status of trouble (the file is then intact). */
static int fix_output(const struct ll_opts *o, const char *path, int is_stdin,
                      const struct ll_source *orig,
                      const struct ll_source *fixed, size_t n, int *keep) {
  int changed = fixed != orig;
  int status = LL_EXIT_OK;
  char *err = NULL;
  *keep = 1;
  if (o->diff) {
    ll_fix_diff(stdout, orig->name, orig->data, orig->len, fixed->data,
                fixed->len);
  } else if (is_stdin) {
    fwrite(fixed->data, 1, fixed->len, stdout);
  } else if (changed) {
    switch (ll_fix_write(path, orig->data, orig->len, fixed->data, fixed->len,
                         &err)) {
    case LL_FW_OK:
      if (!o->quiet)
        fprintf(stderr, "listlint: %s: %zu fix%s applied%s\n", orig->name, n,
                n == 1 ? "" : "es",
                o->staged ? " in the working tree (review and stage it)" : "");
      break;
    case LL_FW_CHANGED:
      if (o->staged) {
        /* the working tree is not what is staged: fixing one would lose
         * the other's changes */
        fprintf(stderr,
                "listlint: %s: not fixed: the working tree differs from the "
                "index (stage the file in full, or fix without --staged)\n",
                orig->name);
      } else {
        fprintf(stderr,
                "listlint: %s: changed on disk while listlint ran: not "
                "overwritten\n",
                orig->name);
        status = LL_EXIT_USAGE;
      }
      *keep = 0;
      break;
    case LL_FW_READONLY:
      fprintf(stderr, "listlint: %s: read-only file: not fixed\n", orig->name);
      status = LL_EXIT_USAGE;
      *keep = 0;
      break;
    case LL_FW_ERROR:
      fprintf(stderr, "listlint: %s: not fixed: %s\n", orig->name, err);
      free(err);
      status = LL_EXIT_INTERNAL;
      *keep = 0;
      break;
    }
  }
  return status;
}

/* ---- --diff-base ------------------------------------------------------ */

/* What path had in --diff-base's revision (renames followed): the
 * fingerprints of its findings, each with how many times it came, in
 * fps, and with urls (may be NULL) the URLs of its entry links.  Both
 * stay empty when the revision lacks the file: all is new then. */
static void base_findings(const struct ll_ctx *ctx, const struct ll_opts *o,
                          struct gitrun *g, const char *path,
                          struct ll_map *fps, struct ll_map *urls) {
  if (added(g, path))
    return; /* new throughout */
  const char *old = renamed_from(g, o, path);
  struct ll_buf b;
  ll_buf_init(&b, LL_MAX_INPUT);
  if (show(g, o->diff_base, old ? old : path, &b) == 0) {
    struct ll_source *bs =
        ll_source_from_mem(path, b.data ? b.data : "", b.len);
    struct ll_ctx *bctx = ll_ctx_new();
    memcpy(bctx->severity, ctx->severity, sizeof bctx->severity);
    bctx->cfg = ctx->cfg;
    char *err = NULL;
    struct ll_model *m = NULL;
    if (ll_lint(bctx, bs, urls ? &m : NULL, &err) == 0) {
      for (size_t i = 0; i < bctx->diags.n; i++) {
        const char *fp = bctx->diags.v[i].fingerprint;
        size_t n = (size_t)ll_map_get(fps, fp);
        ll_map_put(fps, fp, (const void *)(n + 1));
      }
      for (size_t i = 0; m && i < m->nlinks; i++)
        if (m->links[i]->flags & LL_LINK_ENTRY)
          ll_map_put(urls, m->links[i]->url, urls);
    }
    free(err);
    ll_model_free(m);
    ll_ctx_free(bctx);
    ll_source_free(bs);
  }
  ll_buf_free(&b);
}

/* --diff-base: drop the findings of ctx->diags[from..] that the base
 * had (matched by fingerprint, so moved lines stay old), each as many
 * times as the base had it; before is used up. */
static void drop_old(struct ll_ctx *ctx, size_t from, struct ll_map *before) {
  size_t w = from;
  for (size_t i = from; i < ctx->diags.n; i++) {
    struct ll_diag *g = &ctx->diags.v[i];
    size_t n = (size_t)ll_map_get(before, g->fingerprint);
    if (n) {
      ll_map_put(before, g->fingerprint, (const void *)(n - 1));
      continue;
    }
    ctx->diags.v[w++] = *g;
  }
  ctx->diags.n = w;
}

/* ---- the link phase ----------------------------------------------- */

/* One file kept for the link phase: its rules' findings are
 * ctx->diags[from, to). */
struct kept {
  const char *path, *display;
  struct ll_source *src;
  /* --fix, --diff: the text as read, when src is its fixed text (written
   * after the link phase, which may fix more); NULL otherwise */
  struct ll_source *orig;
  size_t nfixed;
  int is_stdin;
  struct ll_model *model;
  const struct ll_config *cfg;
  size_t from, to;
  /* --diff-base: the base's findings and entry URLs (base_findings) */
  struct ll_map base_fps, base_urls;
};

struct site {
  size_t file, check;
  const struct ll_link *link;
  /* --fix, --diff: the check of an http:// link's https:// twin, or
   * SIZE_MAX */
  size_t https;
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
    ctx->current = r->verdict == LL_V_MOVED     ? LL_R_REDIRECTED_LINK
                   : r->verdict == LL_V_BLOCKED ? LL_R_LINK_BLOCKED
                   : r->verdict == LL_V_TIMEOUT ? LL_R_LINK_TIMEOUT
                                                : LL_R_LINK_ERROR;
    ll_report(ctx, s, "%s", r->reason);
    if (r->verdict == LL_V_MOVED)
      fix_moved(ctx, l, r->final_url);
    return;
  }
  ctx->current = LL_R_DEAD_LINK;
  struct ll_cache_entry e;
  /* alive before and failing for less than fail_after: not dead yet */
  if (cache && ll_cache_get(cache, url, &e) && e.last_alive &&
      now - (e.first_failure ? e.first_failure : now) < fail_after_s) {
    char *since = when(e.first_failure ? e.first_failure : now);
    enum ll_severity sev = ctx->severity[LL_R_DEAD_LINK] > LL_SEV_WARNING
                               ? LL_SEV_WARNING
                               : ctx->severity[LL_R_DEAD_LINK];
    ll_report_as(ctx, sev, NULL, s,
                 "failing since %s: %s (alive before: dead once it has "
                 "failed for %ld s)",
                 since, r->reason, fail_after_s);
    free(since);
    return;
  }
  ll_report(ctx, s, "dead link: %s", r->reason);
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

/* Check the entry links of every kept file; the findings go to each
 * file's range in ctx->diags (rebuilt file by file). */
static int check_links(const struct ll_opts *o, struct ll_ctx *ctx,
                       struct kept *kv, size_t nk, int quiet_tty,
                       char **summary) {
  struct ll_lc_opts lo;
  ll_lc_opts_default(&lo);
  if (o->concurrency)
    lo.concurrency = o->concurrency;
  if (o->per_host)
    lo.per_host = o->per_host;
  if (o->retries)
    lo.attempts = o->retries;
  if (o->max_redirects)
    lo.max_redirects = o->max_redirects;
  if (o->timeout_ms) {
    lo.timeout_ms = o->timeout_ms;
    if (lo.connect_timeout_ms > o->timeout_ms)
      lo.connect_timeout_ms = o->timeout_ms;
  }
  lo.interval_ms = o->interval_ms;
  lo.deadline_ms = o->deadline_ms;
  /* run-wide settings: the command line, else the first file's [links] */
  const struct ll_config *c0 = nk ? kv[0].cfg : NULL;
  const char *cfg_ua = ll_config_get(c0, LL_CFG_LINKS, "user-agent");
  const char *cfg_ap = ll_config_get(c0, LL_CFG_LINKS, "allow-private");
  const char *cfg_hd = ll_config_get(c0, LL_CFG_LINKS, "header");
  const char *cache_path =
      o->cache ? o->cache : ll_config_get(c0, LL_CFG_LINKS, "cache");
  lo.user_agent = o->user_agent ? o->user_agent : cfg_ua;
  lo.allow_private = o->allow_private;
  lo.allow_addrs = o->allow_addrs;
  if (!o->allow_private && !o->allow_addrs && cfg_ap) {
    if (strcmp(cfg_ap, "true") == 0)
      lo.allow_private = 1;
    else if (strcmp(cfg_ap, "false") != 0)
      lo.allow_addrs = cfg_ap;
  }
  /* headers: the command line's, then the configuration's lines */
  char **hdrs = ll_xcalloc(o->nheaders + 1, sizeof *hdrs);
  size_t nh = 0;
  for (size_t i = 0; i < o->nheaders; i++)
    hdrs[nh++] = o->headers[i];
  char *hcopy = cfg_hd ? ll_xstrdup(cfg_hd) : NULL;
  for (char *p = hcopy; p && *p;) {
    size_t len = strcspn(p, "\n");
    hdrs = ll_xrealloc(hdrs, (nh + 2) * sizeof *hdrs);
    hdrs[nh++] = p;
    if (p[len])
      p[len++] = '\0';
    p += len;
  }
  hdrs[nh] = NULL;
  lo.headers = (const char *const *)(void *)hdrs;
  lo.progress = !quiet_tty && isatty(STDERR_FILENO);
  struct ll_pattern **ex = ll_xcalloc(o->nexcludes + 1, sizeof *ex);
  for (size_t i = 0; i < o->nexcludes; i++) {
    char *err = NULL;
    ex[i] = ll_pattern_new(o->excludes[i], 0, &err);
    free(err); /* checked by the option parser */
  }
  int status = 0;
  struct ll_cache *cache = NULL;
  if (cache_path) {
    char *warn = NULL;
    cache = ll_cache_load(cache_path, &warn);
    if (warn) {
      fprintf(stderr, "listlint: warning: %s\n", warn);
      free(warn);
    }
  }
  long long now = (long long)time(NULL);
  struct ll_lc *lc = ll_lc_new(&lo);
  struct site *sites = NULL;
  size_t nsites = 0;
  for (size_t k = 0; k < nk; k++) {
    const struct ll_model *m = kv[k].model;
    struct ll_pattern **fex = config_excludes(kv[k].cfg);
    size_t nfex = 0;
    while (fex[nfex])
      nfex++;
    for (size_t i = 0; i < m->nlinks; i++) {
      const struct ll_link *l = m->links[i];
      const char *sch = l->parsed.scheme;
      if (!(l->flags & LL_LINK_ENTRY) || !sch ||
          (strcmp(sch, "http") != 0 && strcmp(sch, "https") != 0) ||
          l->parsed.parse_error || excluded(ex, o->nexcludes, l->url) ||
          excluded(fex, nfex, l->url) || ll_map_get(&kv[k].base_urls, l->url))
        continue;
      struct ll_cache_entry ce;
      int in_cache = cache && ll_cache_get(cache, l->url, &ce);
      if (o->check_links == 2 && in_cache)
        continue; /* --check-links=new: only what the cache lacks */
      size_t before = ll_lc_count(lc);
      size_t ci = ll_lc_add(lc, l->url);
      if (ll_lc_count(lc) > before && in_cache &&
          (ce.verdict == LL_V_ALIVE || ce.verdict == LL_V_MOVED) &&
          now - ce.checked < o->cache_age_s) {
        /* a fresh verdict from the cache: no request (a moved link keeps
         * its message) */
        struct ll_buf b;
        ll_buf_init(&b, 0);
        if (ce.verdict == LL_V_MOVED)
          ll_buf_printf(&b, "moved permanently: update to %s",
                        ce.final_url ? ce.final_url : "?");
        else
          ll_buf_adds(&b, "cached");
        ll_lc_preset(lc, ci, (enum ll_verdict)ce.verdict, ce.status,
                     ce.final_url, b.data);
        ll_buf_free(&b);
      }
      sites = ll_xrealloc(sites, (nsites + 1) * sizeof *sites);
      sites[nsites].file = k;
      sites[nsites].check = ci;
      sites[nsites].https = SIZE_MAX;
      if ((o->fix || o->diff) && strncmp(l->url, "http://", 7) == 0) {
        /* is the same page there over https?  insecure-http's fix */
        char *h = ll_strfmt("https://%s", l->url + 7);
        sites[nsites].https = ll_lc_add(lc, h);
        free(h);
      }
      sites[nsites++].link = l;
    }
    for (size_t i = 0; i < nfex; i++)
      ll_pattern_free(fex[i]);
    free(fex);
  }
  if (ll_lc_run(lc) < 0) {
    fputs("listlint: the link checker could not start (libcurl)\n", stderr);
    status = -1;
  }
  /* findings, file by file, after the file's own */
  struct ll_diags rules = ctx->diags;
  struct ll_diags all = {0};
  size_t s = 0;
  for (size_t k = 0; k < nk; k++) {
    struct ll_diags mine = {0};
    ctx->diags = mine;
    for (size_t i = kv[k].from; i < kv[k].to; i++)
      ll_diags_push(&ctx->diags, &rules.v[i]);
    ctx->src = kv[k].src;
    ctx->cfg = kv[k].cfg;
    memcpy(ctx->severity, kv[k].cfg->severity, sizeof ctx->severity);
    const char *alive_hosts =
        ll_config_get(kv[k].cfg, LL_CFG_LINKS, "alive-hosts");
    for (; s < nsites && sites[s].file == k; s++) {
      const struct ll_lc_result *r = ll_lc_result(lc, sites[s].check);
      const char *host = sites[s].link->parsed.host;
      /* a wall this list knows about: the host answers 401/403/999 to
       * robots but the page is there */
      if (r->verdict == LL_V_BLOCKED && r->status != 429 && alive_hosts &&
          host && ll_word_in_list(alive_hosts, host))
        continue;
      report_link(ctx, r, sites[s].link, cache, ll_lc_url(lc, sites[s].check),
                  now, o->fail_after_s);
      if (sites[s].https != SIZE_MAX &&
          ll_lc_result(lc, sites[s].https)->verdict == LL_V_ALIVE)
        fix_https(ctx, sites[s].link);
    }
    for (size_t i = 0; i < ctx->diags.n; i++)
      ctx->diags.v[i].file = kv[k].src->name;
    ll_lint_finish(ctx, 0, kv[k].src, kv[k].model);
    kv[k].from = all.n;
    for (size_t i = 0; i < ctx->diags.n; i++)
      ll_diags_push(&all, &ctx->diags.v[i]);
    kv[k].to = all.n;
    free(ctx->diags.v);
  }
  free(rules.v);
  ctx->diags = all;
  if (cache) {
    for (size_t i = 0; i < ll_lc_count(lc); i++) {
      const struct ll_lc_result *r = ll_lc_result(lc, i);
      if (!r->cached && r->verdict != LL_V_SKIPPED)
        ll_cache_put(cache, ll_lc_url(lc, i), (int)r->verdict, r->status,
                     r->final_url, now);
    }
    char *err = NULL;
    if (ll_cache_save(cache, cache_path, &err) < 0) {
      fprintf(stderr, "listlint: %s\n", err);
      free(err);
      status = -1;
    }
    ll_cache_free(cache);
  }
  size_t slen = 0;
  FILE *sf = open_memstream(summary, &slen);
  if (sf) {
    ll_lc_summary(lc, sf);
    fclose(sf);
  }
  ll_lc_free(lc);
  free(sites);
  free(hdrs);
  free(hcopy);
  for (size_t i = 0; i < o->nexcludes; i++)
    ll_pattern_free(ex[i]);
  free(ex);
  return status;
}

/* --fix, --diff with --check-links: the link checker's fixes of a held
 * file (its findings ctx->diags[from..]) applied to its fixed text, the
 * text written as fix_output does, and the findings made those of the
 * result: the rules' again, and the link findings that were not fixed,
 * moved past the edits before them. */
static int fix_after_links(const struct ll_opts *o, struct ll_ctx *ctx,
                           size_t from, struct kept *k) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  char *mark = ll_xcalloc(ctx->diags.n - from + 1, 1);
  size_t taken = ll_fix_apply_marked(k->src->data, k->src->len, &ctx->diags,
                                     from, ctx->diags.n, &b, NULL, mark);
  struct ll_source *fin = k->src;
  if (taken) {
    fin = ll_source_from_mem(k->src->name, b.data, b.len);
    /* the link findings left, at their place in the new text (an edit
     * before one on its line moves it) */
    struct ll_diags keep = {0};
    for (size_t i = from; i < ctx->diags.n; i++) {
      struct ll_diag g = ctx->diags.v[i];
      if (!(ll_rules[g.rule].flags & LL_RF_NETWORK) || mark[i - from])
        continue;
      g.has_fix = 0; /* its edit waits for a run that can make it */
      long delta = 0;
      for (size_t j = from; j < ctx->diags.n; j++) {
        const struct ll_diag *f = &ctx->diags.v[j];
        if (mark[j - from] && f->fix_span.end <= g.span.start)
          delta +=
              (long)f->fix_len - (long)(f->fix_span.end - f->fix_span.start);
      }
      g.span.start = (size_t)((long)g.span.start + delta);
      g.span.end = (size_t)((long)g.span.end + delta);
      ll_source_linecol(fin, g.span.start, &g.line, &g.col);
      ll_source_linecol(
          fin, g.span.end > g.span.start ? g.span.end - 1 : g.span.start,
          &g.end_line, &g.end_col);
      if (g.span.end > g.span.start)
        g.end_col++;
      ll_diags_push(&keep, &g);
    }
    ctx->diags.n = from;
    struct ll_model *m = NULL;
    char *err = NULL;
    size_t more = 0;
    if (ll_fix_lint(ctx, &fin, &m, &more, &err) < 0) {
      fprintf(stderr, "listlint: %s: internal error: %s\n", fin->name, err);
      free(err);
    }
    for (size_t i = 0; i < keep.n; i++)
      ll_diags_push(&ctx->diags, &keep.v[i]);
    free(keep.v);
    for (size_t i = from; i < ctx->diags.n; i++)
      ctx->diags.v[i].file = fin->name;
    if (m)
      ll_lint_finish(ctx, from, fin, m);
    ll_model_free(m);
    k->nfixed += taken + more;
  }
  ll_buf_free(&b);
  free(mark);
  int keep_fix;
  int st = fix_output(o, k->path, k->is_stdin, k->orig,
                      fin == k->orig ? k->orig : fin, k->nfixed, &keep_fix);
  if (fin != k->src) {
    if (k->src != k->orig)
      ll_source_free(k->src);
    k->src = fin;
  }
  return st;
}

/* ---- the run --------------------------------------------------------- */

int ll_run(const struct ll_opts *o) {
  if (o->command == LL_CMD_INSTALL_HOOK)
    return ll_hook_install(o->chain, o->fix);
  if (o->command == LL_CMD_UNINSTALL_HOOK)
    return ll_hook_uninstall();
  struct gitrun git = {0};
  if (hook_case(o))
    git.hook_diff_started =
        ll_git_renames_start(o->diff_base, 1, &git.hook_diff) == 0;
  else if (o->staged || o->diff_base)
    batch(&git); /* starts while the files are found */
  struct paths files = {0};
  int status = LL_EXIT_OK;
  if (collect(o, &git, &files) < 0)
    status = LL_EXIT_USAGE;
  /* The hook's diff against HEAD worked: HEAD is a commit. */
  int have_base = o->diff_base && git.hook_changes;
  if (o->diff_base && !have_base) {
    struct ll_buf spec;
    ll_buf_init(&spec, 0);
    ll_buf_printf(&spec, "%s^{commit}", o->diff_base);
    have_base = batch(&git) ? ll_git_batch_get(git.batch, spec.data, NULL) == 0
                            : ll_git_rev_exists(o->diff_base);
    ll_buf_free(&spec);
    /* An unborn HEAD (the first commit) has nothing: all is new. */
    static const char *const top[] = {"rev-parse", "--git-dir", NULL};
    if (!have_base &&
        (strcmp(o->diff_base, "HEAD") != 0 || ll_git(top, NULL) != 0)) {
      fprintf(stderr, "listlint: --diff-base: '%s' is not a commit here\n",
              o->diff_base);
      gitrun_close(&git);
      paths_free(&files);
      return LL_EXIT_USAGE;
    }
  }
  /* TLS and the rest are for the link checker only; the URL API needs
   * no global set-up, and TLS set-up is a cost every lint would pay */
  int curl_up = o->check_links && ll_curl_load() == 0;
  if (curl_up)
    curl_global_init(CURL_GLOBAL_DEFAULT);
  struct ll_ctx *ctx = ll_ctx_new();
  struct ll_config_cli cli = {o->profile, o->rules, o->nrules};
  struct ll_map configs = {0}; /* config path -> struct ll_config */
  struct ll_config **owned = NULL;
  size_t nowned = 0;
  if (o->print_config) {
    char *err = NULL;
    char *found = o->no_config ? NULL
                  : o->config  ? ll_xstrdup(o->config)
                               : ll_config_find(files.n ? files.v[0] : "./x");
    struct ll_config *c = ll_config_load(found, &cli, &err);
    free(found);
    if (!c) {
      fprintf(stderr, "listlint: %s\n", err);
      free(err);
      status = LL_EXIT_USAGE;
    } else {
      ll_config_print(stdout, c);
      ll_config_free(c);
    }
    gitrun_close(&git);
    ll_ctx_free(ctx);
    paths_free(&files);
    if (curl_up)
      curl_global_cleanup();
    return status;
  }
  struct ll_out_opts out = {0};
  out.color = want_color(o);
  out.show_source =
      o->show_source >= 0 ? o->show_source : isatty(STDOUT_FILENO);
  out.quiet = o->quiet;
  if (out.show_source)
    out.width = terminal_width();
  struct ll_dump *dump = o->dump_entries ? ll_dump_new(stdout) : NULL;
  size_t linted = 0;
  int links = o->check_links && !dump;
  /* standard output carries the diff, or the fixed text of '-': the
   * findings then go to standard error */
  FILE *rep = stdout;
  for (size_t i = 0; i < files.n && !o->diff && o->fix; i++)
    if (strcmp(files.v[i], "-") == 0)
      rep = stderr;
  if (o->diff)
    rep = stderr;
  struct kept *kv = NULL;
  size_t nk = 0;
  char *link_summary = NULL;
  ctx->defer_finish = links;
  for (size_t i = 0; i < files.n; i++) {
    const char *path = files.v[i];
    int is_stdin = strcmp(path, "-") == 0;
    const char *display =
        is_stdin ? (o->stdin_name ? o->stdin_name : "<stdin>") : path;
    char *err = NULL;
    /* The configuration of this file: --config, or the nearest one. */
    char *cpath = o->no_config ? NULL
                  : o->config  ? ll_xstrdup(o->config)
                               : ll_config_find(is_stdin ? "./-" : path);
    const char *key = cpath ? cpath : "";
    struct ll_config *cfg =
        (struct ll_config *)(size_t)ll_map_get(&configs, key);
    if (!cfg) {
      cfg = ll_config_load(cpath, &cli, &err);
      if (!cfg) {
        fprintf(stderr, "listlint: %s\n", err);
        free(err);
        free(cpath);
        status = LL_EXIT_USAGE;
        break; /* a broken configuration stops the run */
      }
      ll_map_put(&configs, key, cfg);
      owned = ll_xrealloc(owned, (nowned + 1) * sizeof *owned);
      owned[nowned++] = cfg;
    }
    free(cpath);
    if (!is_stdin && ll_config_excludes(cfg, path))
      continue;
    ctx->cfg = cfg;
    memcpy(ctx->severity, cfg->severity, sizeof ctx->severity);
    struct ll_source *src = load(o, &git, path, display, &err);
    if (!src) {
      fprintf(stderr, "listlint: %s\n", err);
      free(err);
      status = LL_EXIT_USAGE;
      continue;
    }
    if (src->has_nul) {
      status = refuse_binary(src);
      ll_source_free(src);
      continue;
    }
    if (src->len == 0 && !o->quiet)
      fprintf(stderr, "listlint: %s: empty file, nothing to lint\n", src->name);
    size_t from = ctx->diags.n;
    struct ll_model *m = NULL;
    int lint_rc = 0;
    struct ll_source *fix_orig = NULL;
    size_t fix_n = 0;
    if (o->fix || o->diff) {
      /* the fix loop's last lint is the lint of what remains */
      struct ll_source *orig = src;
      size_t n = 0;
      lint_rc = ll_fix_lint(ctx, &src, dump || links ? &m : NULL, &n, &err);
      if (lint_rc == 0 && links) {
        /* written after the link phase, with its fixes */
        fix_orig = orig;
        fix_n = n;
      } else if (lint_rc == 0) {
        int keep;
        int fs = fix_output(o, path, is_stdin, orig, src, n, &keep);
        if (fs > status)
          status = fs;
        if (!keep) { /* left alone: its findings are the original's */
          ctx->diags.n = from;
          ll_model_free(m);
          m = NULL;
          ll_source_free(src);
          src = orig;
          lint_rc = ll_lint(ctx, src, dump || links ? &m : NULL, &err);
        } else if (src != orig) {
          ll_source_free(orig);
        }
      }
    } else {
      lint_rc = ll_lint(ctx, src, dump || links ? &m : NULL, &err);
    }
    if (lint_rc < 0) {
      fprintf(stderr, "listlint: %s: internal error: %s\n", src->name, err);
      free(err);
      ll_source_free(src);
      status = LL_EXIT_INTERNAL;
      continue;
    }
    linted++;
    if (links) {
      /* held until the link phase, which checks every file at once */
      kv = ll_xrealloc(kv, (nk + 1) * sizeof *kv);
      memset(&kv[nk], 0, sizeof *kv);
      kv[nk].path = path;
      kv[nk].display = display;
      kv[nk].src = src;
      kv[nk].orig = fix_orig;
      kv[nk].nfixed = fix_n;
      kv[nk].is_stdin = is_stdin;
      kv[nk].model = m;
      kv[nk].cfg = cfg;
      kv[nk].from = from;
      kv[nk].to = ctx->diags.n;
      if (have_base)
        base_findings(ctx, o, &git, path, &kv[nk].base_fps, &kv[nk].base_urls);
      nk++;
      continue;
    }
    if (have_base) {
      struct ll_map before = {0};
      base_findings(ctx, o, &git, path, &before, NULL);
      drop_old(ctx, from, &before);
      ll_map_free(&before);
    }
    if (dump) {
      ll_dump_add(dump, src, m);
      ll_model_free(m);
    } else if (o->format == LL_FMT_TEXT) {
      ll_out_text(rep, &ctx->diags, from, src, &out);
    }
    /* Findings borrowed the source's name, freed next: point them at
     * display (argv or the path list), which lives to the end. */
    for (size_t k = from; k < ctx->diags.n; k++)
      ctx->diags.v[k].file = display;
    ll_source_free(src);
  }
  if (links && status != LL_EXIT_USAGE) {
    if (check_links(o, ctx, kv, nk, o->quiet, &link_summary) < 0)
      status = LL_EXIT_INTERNAL;
    /* the held files' findings: new ones only, printed as usual */
    struct ll_diags all = ctx->diags;
    ctx->diags = (struct ll_diags){0};
    for (size_t k = 0; k < nk; k++) {
      size_t from = ctx->diags.n;
      for (size_t i = kv[k].from; i < kv[k].to; i++)
        ll_diags_push(&ctx->diags, &all.v[i]);
      if (have_base)
        drop_old(ctx, from, &kv[k].base_fps);
      if (kv[k].orig) {
        int fs = fix_after_links(o, ctx, from, &kv[k]);
        if (fs > status)
          status = fs;
      }
      if (o->format == LL_FMT_TEXT)
        ll_out_text(rep, &ctx->diags, from, kv[k].src, &out);
      for (size_t i = from; i < ctx->diags.n; i++)
        ctx->diags.v[i].file = kv[k].display;
    }
    free(all.v);
  }
  for (size_t k = 0; k < nk; k++) {
    ll_model_free(kv[k].model);
    if (kv[k].orig && kv[k].orig != kv[k].src)
      ll_source_free(kv[k].orig);
    ll_source_free(kv[k].src);
    ll_map_free(&kv[k].base_fps);
    ll_map_free(&kv[k].base_urls);
  }
  free(kv);
  if (dump) {
    if (ll_dump_write(dump) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_JSON) {
    if (ll_out_json(rep, &ctx->diags) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_SARIF) {
    if (ll_out_sarif(rep, &ctx->diags) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_GITHUB) {
    ll_out_github(rep, &ctx->diags);
  } else if (!o->quiet && linted) {
    if (link_summary)
      fputs(link_summary, rep);
    ll_out_text_summary(rep, &ctx->diags, linted, &out);
  }
  free(link_summary);
  if (status == LL_EXIT_OK && !dump) { /* --dump-entries shows no findings */
    for (size_t k = 0; k < ctx->diags.n; k++) {
      if (ctx->diags.v[k].severity >= o->fail_on) {
        status = LL_EXIT_FINDINGS;
        break;
      }
    }
  }
  if (fflush(stdout) != 0 && status < LL_EXIT_INTERNAL) {
    fprintf(stderr, "listlint: cannot write output: %s\n", strerror(errno));
    status = LL_EXIT_INTERNAL;
  }
  gitrun_close(&git);
  ll_ctx_free(ctx);
  for (size_t i = 0; i < nowned; i++)
    ll_config_free(owned[i]);
  free(owned);
  ll_map_free(&configs);
  paths_free(&files);
  if (curl_up)
    curl_global_cleanup();
  return status;
}
