/* audit.c - `listlint audit`: whole lists linted (in parallel, one
 * context a thread), their links' verdicts from a check or the cache,
 * the summary (summary.c) written as audit.json and as pages (pages.c).
 *
 * Stages: the lists found; each list's configuration (one thread, the
 * configurations are shared read-only after); the lint, in threads; the
 * link phase or the cache, over every list at once; the repositories;
 * the summary; the report. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "curlfn.h"

#include "audit/audit.h"
#include "audit/summary.h"
#include "run/run.h"

/* ---- the lists ------------------------------------------------------- */

/* The paths a file names, one a line (blank lines and # comments
 * skipped). */
static int read_path_file(const char *file, struct paths *out,
                          struct paths *named) {
  char *err = NULL;
  struct ll_source *s = ll_source_load(file, file, LL_MAX_INPUT, &err);
  if (!s) {
    ll_say("listlint: %s\n", err);
    free(err);
    return -1;
  }
  int rc = 0;
  for (int i = 1; i <= (int)s->nlines; i++) {
    size_t n;
    const char *line = ll_source_line(s, i, &n);
    while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
      n--;
    if (!n || line[0] == '#')
      continue;
    char *p = ll_xstrndup(line, n);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (files_below(p, out) < 0)
        rc = -1;
      free(p);
    } else {
      paths_add(out, p);
      paths_add(named, ll_xstrdup(p));
    }
  }
  ll_source_free(s);
  return rc;
}

/* The audit's files: each PATH a list, a folder searched for lists, or
 * a file naming paths; the current folder when none is given.  Files
 * found in folders are lists only when entries are read in them; the
 * files named are lists whatever they hold (named). */
static int find_lists(const struct ll_opts *o, struct paths *out,
                      struct paths *named) {
  int rc = 0;
  if (o->nfiles == 0) { /* the current folder, named without "./" */
    int rc0 = files_below(".", out);
    for (size_t i = 0; i < out->n; i++)
      if (strncmp(out->v[i], "./", 2) == 0)
        memmove(out->v[i], out->v[i] + 2, strlen(out->v[i] + 2) + 1);
    return rc0;
  }
  for (size_t i = 0; i < o->nfiles; i++) {
    const char *p = o->files[i];
    struct stat st;
    size_t before = out->n;
    if (stat(p, &st) != 0) {
      ll_say("listlint: %s: %s\n", p, strerror(errno));
      rc = -1;
    } else if (S_ISDIR(st.st_mode)) {
      if (files_below(p, out) < 0)
        rc = -1;
      if (out->n == before)
        ll_say("listlint: %s: no Markdown files (*.md) found\n", p);
    } else if (ll_is_markdown_name(p)) {
      paths_add(out, ll_xstrdup(p));
      paths_add(named, ll_xstrdup(p));
    } else if (read_path_file(p, out, named) < 0) {
      rc = -1;
    }
  }
  return rc;
}

static int is_named(const struct paths *named, const char *path) {
  for (size_t i = 0; i < named->n; i++)
    if (strcmp(named->v[i], path) == 0)
      return 1;
  return 0;
}

/* ---- the lint, in threads -------------------------------------------- */

struct lint_job {
  struct run *r;
  struct ll_diags *found; /* per held file: its findings */
  int *failed;            /* per held file: its status when not linted */
  struct ll_ctx **ctxs;   /* per thread: the findings' strings live here */
  size_t next, done;
  int progress;
  pthread_mutex_t mu;
};

/* Lint held file k in ctx: 0, or the exit status of trouble (said). */
static int lint_one(struct lint_job *j, struct ll_ctx *ctx, size_t k) {
  struct kept *f = &j->r->kv[k];
  char *err = NULL;
  f->src = ll_source_load(f->path, f->display, LL_MAX_INPUT, &err);
  int st = LL_EXIT_OK;
  if (!f->src) {
    pthread_mutex_lock(&j->mu);
    ll_say("listlint: %s\n", err);
    pthread_mutex_unlock(&j->mu);
    free(err);
    return LL_EXIT_USAGE;
  }
  if (f->src->has_nul) {
    pthread_mutex_lock(&j->mu);
    st = run_refuse_binary(f->src);
    pthread_mutex_unlock(&j->mu);
    return st;
  }
  ctx->cfg = f->cfg;
  memcpy(ctx->severity, f->cfg->severity, sizeof ctx->severity);
  size_t from = ctx->diags.n;
  if (ll_lint(ctx, f->src, &f->model, &err) < 0) {
    pthread_mutex_lock(&j->mu);
    ll_say("listlint: %s: internal error: %s\n", f->src->name, err);
    pthread_mutex_unlock(&j->mu);
    free(err);
    st = LL_EXIT_INTERNAL;
  }
  for (size_t i = from; i < ctx->diags.n; i++)
    ll_diags_push(&j->found[k], &ctx->diags.v[i]);
  ctx->diags.n = from;
  return st;
}

static void *worker(void *arg) {
  struct lint_job *j = arg;
  pthread_mutex_lock(&j->mu);
  size_t t = 0;
  while (j->ctxs[t])
    t++;
  struct ll_ctx *ctx = j->ctxs[t] = ll_ctx_new();
  ctx->defer_finish = j->r->o->check_links != 0;
  for (;;) {
    size_t k = j->next++;
    if (k >= j->r->nk)
      break;
    pthread_mutex_unlock(&j->mu);
    int st = lint_one(j, ctx, k);
    pthread_mutex_lock(&j->mu);
    j->failed[k] = st;
    j->done++;
    if (j->progress)
      fprintf(
          stderr, "\rlistlint audit: %zu/%zu files linted", j->done,
          j->r->nk); /* no text of a user's: its \r must reach the terminal */
  }
  pthread_mutex_unlock(&j->mu);
  ll_doc_thread_end();
  return NULL;
}

static int jobs(const struct ll_opts *o, size_t nfiles) {
  long n = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1)
    n = 1;
  if ((size_t)n > nfiles)
    n = (long)(nfiles ? nfiles : 1);
  return (int)n;
}

/* Lint every held file, up to --jobs at once; the findings are joined
 * into r->ctx->diags, each file's in [from, to).  The threads' contexts
 * (which hold the findings' strings) go to *ctxs, for the caller to
 * free. */
static void lint_all(struct run *r, struct ll_ctx ***ctxs, int *nctx) {
  struct lint_job j = {0};
  j.r = r;
  j.found = ll_xcalloc(r->nk + 1, sizeof *j.found);
  j.failed = ll_xcalloc(r->nk + 1, sizeof *j.failed);
  *nctx = jobs(r->o, r->nk);
  j.ctxs = ll_xcalloc((size_t)*nctx + 1, sizeof *j.ctxs);
  j.progress = !r->o->quiet && isatty(STDERR_FILENO);
  pthread_mutex_init(&j.mu, NULL);
  pthread_t *tv = ll_xcalloc((size_t)*nctx, sizeof *tv);
  int started = 0;
  for (int t = 1; t < *nctx; t++)
    if (pthread_create(&tv[started], NULL, worker, &j) == 0)
      started++;
  worker(&j); /* this thread is one of them */
  for (int t = 0; t < started; t++)
    pthread_join(tv[t], NULL);
  free(tv);
  pthread_mutex_destroy(&j.mu);
  if (j.progress)
    fputc('\n', stderr);
  size_t w = 0;
  for (size_t k = 0; k < r->nk; k++) {
    struct kept f = r->kv[k];
    if (j.failed[k]) { /* said; not audited */
      run_status(r, j.failed[k]);
      ll_model_free(f.model);
      ll_source_free(f.src);
      free(j.found[k].v);
      continue;
    }
    f.from = r->ctx->diags.n;
    for (size_t i = 0; i < j.found[k].n; i++)
      ll_diags_push(&r->ctx->diags, &j.found[k].v[i]);
    f.to = r->ctx->diags.n;
    free(j.found[k].v);
    r->kv[w++] = f;
  }
  r->nk = w;
  free(j.found);
  free(j.failed);
  *ctxs = j.ctxs;
}

/* Drop the files found in folders in which no entry was read (a
 * contributing guide, a code of conduct): they are not lists. */
static void drop_non_lists(struct run *r, const struct paths *named) {
  struct ll_diags all = r->ctx->diags;
  r->ctx->diags = (struct ll_diags){0};
  size_t w = 0;
  for (size_t k = 0; k < r->nk; k++) {
    struct kept f = r->kv[k];
    if (f.model && f.model->nentries == 0 && !is_named(named, f.path)) {
      ll_model_free(f.model);
      ll_source_free(f.src);
      continue;
    }
    size_t from = r->ctx->diags.n;
    for (size_t i = f.from; i < f.to; i++)
      ll_diags_push(&r->ctx->diags, &all.v[i]);
    f.from = from;
    f.to = r->ctx->diags.n;
    r->kv[w++] = f;
  }
  r->nk = w;
  free(all.v);
}

/* ---- the run ------------------------------------------------------------ */

/* Hold every file found, with its configuration (loaded here, in one
 * thread: the threads only read them). */
static void hold_files(struct run *r) {
  for (size_t i = 0; i < r->files.n; i++) {
    const char *path = r->files.v[i];
    const struct ll_config *cfg = configs_for(r, path, 0);
    if (!cfg) {
      run_status(r, LL_EXIT_USAGE);
      return; /* a broken configuration stops the run */
    }
    if (ll_config_excludes(cfg, path))
      continue;
    if (r->nk == r->kcap) {
      r->kcap = r->kcap ? r->kcap * 2 : 16;
      r->kv = ll_xrealloc(r->kv, r->kcap * sizeof *r->kv);
    }
    struct kept *f = &r->kv[r->nk++];
    memset(f, 0, sizeof *f);
    f->path = f->display = path;
    f->cfg = cfg;
  }
}

/* The verdicts of the lists' links: checked now (--check-links, all
 * lists at once, politely per host), else what the cache knows. */
static void link_verdicts(struct run *r) {
  if (!r->o->check_links) {
    links_from_cache(r);
    return;
  }
  r->curl_up = ll_curl_load() == 0;
  if (r->curl_up)
    curl_global_init(CURL_GLOBAL_DEFAULT);
  if (links_check(r) < 0)
    run_status(r, LL_EXIT_INTERNAL);
}

static void say_done(const struct run *r, const json_t *summary,
                     const char *dir) {
  if (r->o->quiet)
    return;
  const json_t *t = json_object_get(summary, "totals");
  printf("listlint audit: %lld lists, %lld entries, %lld findings (%lld "
         "fixable): %s/index.html\n",
         json_integer_value(json_object_get(t, "lists")),
         json_integer_value(json_object_get(t, "entries")),
         json_integer_value(json_object_get(t, "findings")),
         json_integer_value(json_object_get(t, "fixable")), dir);
}

/* The summary written as audit.json and as pages. */
static void write_report(struct run *r, const char *dir, json_t *summary) {
  char *err = NULL;
  struct ll_audit_source *sv = ll_xcalloc(r->nk + 1, sizeof *sv);
  for (size_t k = 0; k < r->nk; k++) {
    sv[k].data = r->kv[k].src->data;
    sv[k].len = r->kv[k].src->len;
  }
  struct ll_audit_sources srcs = {sv, r->nk};
  if (ll_audit_write_pages(summary, dir, &srcs, &err) < 0 ||
      audit_write_json(summary, dir, &err) < 0) {
    ll_say("listlint: audit: %s\n", err);
    free(err);
    run_status(r, LL_EXIT_INTERNAL);
  } else {
    say_done(r, summary, dir);
  }
  free(sv);
}

int ll_audit_run(const struct ll_opts *o) {
  struct run r;
  run_open(&r, o);
  const char *dir = o->output ? o->output : "listlint-audit";
  struct paths named = {0};
  if (find_lists(o, &r.files, &named) < 0)
    run_status(&r, LL_EXIT_USAGE);
  hold_files(&r);
  struct ll_ctx **ctxs = NULL;
  int nctx = 0;
  struct verdicts vs = {0};
  r.verdicts = &vs;
  if (!r.nk && r.status == LL_EXIT_OK) {
    fputs("listlint audit: no Markdown files to audit\n", stderr);
    run_status(&r, LL_EXIT_USAGE);
  }
  if (r.nk) {
    lint_all(&r, &ctxs, &nctx);
    drop_non_lists(&r, &named);
    link_verdicts(&r);
    json_t *previous = audit_previous(o->since, dir, &r);
    json_t *summary = audit_summary(&r, previous);
    write_report(&r, dir, summary);
    json_decref(summary);
    json_decref(previous);
  }
  for (int t = 0; ctxs && t < nctx; t++)
    ll_ctx_free(ctxs[t]);
  free(ctxs);
  verdicts_free(&vs);
  paths_free(&named);
  return run_close(&r);
}
