/* run.c - one run: the files found, each linted (and fixed), the links
 * checked, the findings reported, the exit status decided.  The stages
 * live beside this file (run.h says which does what). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "curlfn.h"

#include "fix.h"
#include "run.h"

void run_status(struct run *r, int st) {
  if (st > r->status)
    r->status = st;
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

/* ---- one file ---------------------------------------------------------- */

/* The file's source, or NULL when it cannot be linted (said). */
static struct ll_source *open_file(struct run *r, const char *path,
                                   const char *display) {
  char *err = NULL;
  struct ll_source *src = gitrun_load(r, path, display, &err);
  if (!src) {
    ll_say("listlint: %s\n", err);
    free(err);
    run_status(r, LL_EXIT_USAGE);
    return NULL;
  }
  if (src->has_nul) {
    run_status(r, run_refuse_binary(src));
    ll_source_free(src);
    return NULL;
  }
  if (src->len == 0 && !r->o->quiet)
    ll_say("listlint: %s: empty file, nothing to lint\n", src->name);
  return src;
}

/* One file linted in *f (src set): its findings ctx->diags[f->from..],
 * its model in f->model when the run keeps models.  With --fix or
 * --diff the fix loop runs first and its last lint is the lint of what
 * remains; the fixed text is written now, or after the link phase.
 * Return 0, or -1 on an internal error (*err set). */
static int lint_file(struct run *r, struct kept *f, char **err) {
  const struct ll_opts *o = r->o;
  struct ll_ctx *ctx = r->ctx;
  struct ll_model **mp = r->dump || r->hold ? &f->model : NULL;
  if (!o->fix && !o->diff)
    return ll_lint(ctx, f->src, mp, err);
  struct ll_source *orig = f->src;
  size_t n = 0;
  if (ll_fix_lint(ctx, &f->src, mp, &n, err) < 0)
    return -1;
  if (r->hold) { /* written after the link phase, with its fixes */
    f->orig = orig;
    f->nfixed = n;
    return 0;
  }
  int keep;
  run_status(r, fixes_write(o, f->path, f->is_stdin, orig, f->src, n, &keep));
  if (keep) {
    if (f->src != orig)
      ll_source_free(orig);
    return 0;
  }
  /* left alone: its findings are the original's */
  ctx->diags.n = f->from;
  ll_model_free(f->model);
  f->model = NULL;
  if (f->src != orig)
    ll_source_free(f->src);
  f->src = orig;
  return ll_lint(ctx, f->src, mp, err);
}

/* A linted file kept for the link phase. */
static void hold(struct run *r, struct kept *f) {
  if (r->nk == r->kcap) {
    r->kcap = r->kcap ? r->kcap * 2 : 16;
    r->kv = ll_xrealloc(r->kv, r->kcap * sizeof *r->kv);
  }
  f->to = r->ctx->diags.n;
  if (r->have_base)
    gitrun_base_findings(r, f->path, &f->base_fps, &f->base_urls);
  r->kv[r->nk++] = *f;
}

/* A linted file done with: its new findings printed (text), its entries
 * dumped, its source freed. */
static void finish_file(struct run *r, struct kept *f) {
  if (r->have_base) {
    struct ll_map before = {0};
    gitrun_base_findings(r, f->path, &before, NULL);
    gitrun_drop_old(r->ctx, f->from, &before);
    ll_map_free(&before);
  }
  if (r->dump)
    ll_dump_add(r->dump, f->src, f->model);
  else if (r->o->format == LL_FMT_TEXT)
    ll_out_text(r->rep, &r->ctx->diags, f->from, f->src, &r->out);
  ll_model_free(f->model);
  ll_source_free(f->src);
}

/* Lint the file at path; 1 when a broken configuration stops the run. */
static int run_file(struct run *r, const char *path) {
  const struct ll_opts *o = r->o;
  struct kept f = {0};
  f.path = path;
  f.is_stdin = strcmp(path, "-") == 0;
  f.display = f.is_stdin ? (o->stdin_name ? o->stdin_name : "<stdin>") : path;
  f.cfg = configs_for(r, path, f.is_stdin);
  if (!f.cfg) {
    run_status(r, LL_EXIT_USAGE);
    return 1;
  }
  if (!f.is_stdin && ll_config_excludes(f.cfg, path))
    return 0;
  r->ctx->cfg = f.cfg;
  memcpy(r->ctx->severity, f.cfg->severity, sizeof r->ctx->severity);
  f.src = open_file(r, path, f.display);
  if (!f.src)
    return 0;
  f.from = r->ctx->diags.n;
  char *err = NULL;
  if (lint_file(r, &f, &err) < 0) {
    ll_say("listlint: %s: internal error: %s\n", f.src->name, err);
    free(err);
    ll_model_free(f.model);
    if (f.orig && f.orig != f.src)
      ll_source_free(f.orig);
    ll_source_free(f.src);
    run_status(r, LL_EXIT_INTERNAL);
    return 0;
  }
  r->linted++;
  if (r->hold)
    hold(r, &f);
  else
    finish_file(r, &f);
  return 0;
}

/* ---- the held files, after the link phase ---------------------------- */

/* The held files' findings: new ones only, fixed and printed as usual. */
static void finish_held(struct run *r) {
  struct ll_ctx *ctx = r->ctx;
  struct ll_diags all = ctx->diags;
  ctx->diags = (struct ll_diags){0};
  for (size_t k = 0; k < r->nk; k++) {
    struct kept *f = &r->kv[k];
    size_t from = ctx->diags.n;
    for (size_t i = f->from; i < f->to; i++)
      ll_diags_push(&ctx->diags, &all.v[i]);
    if (r->have_base)
      gitrun_drop_old(ctx, from, &f->base_fps);
    if (f->orig)
      run_status(r, fixes_after_links(r->o, ctx, from, f));
    if (r->o->format == LL_FMT_TEXT)
      ll_out_text(r->rep, &ctx->diags, from, f->src, &r->out);
  }
  free(all.v);
}

static void free_held(struct run *r) {
  for (size_t k = 0; k < r->nk; k++) {
    struct kept *f = &r->kv[k];
    ll_model_free(f->model);
    if (f->orig && f->orig != f->src)
      ll_source_free(f->orig);
    ll_source_free(f->src);
    ll_map_free(&f->base_fps);
    ll_map_free(&f->base_urls);
  }
  free(r->kv);
}

/* ---- the report and the status ---------------------------------------- */

/* The formats written once every file is done. */
static void report(struct run *r) {
  const struct ll_opts *o = r->o;
  const struct ll_diags *d = &r->ctx->diags;
  int rc = 0;
  if (r->dump)
    rc = ll_dump_write(r->dump);
  else if (o->format == LL_FMT_JSON)
    rc = ll_out_json(r->rep, d);
  else if (o->format == LL_FMT_SARIF)
    rc = ll_out_sarif(r->rep, d);
  else if (o->format == LL_FMT_GITHUB)
    ll_out_github(r->rep, d);
  else if (!o->quiet && r->linted) {
    if (r->link_summary)
      fputs(r->link_summary, r->rep);
    ll_out_text_summary(r->rep, d, r->linted, &r->out);
  }
  r->dump = NULL; /* freed by ll_dump_write */
  if (rc < 0)
    run_status(r, LL_EXIT_INTERNAL);
  /* --dump-entries shows no findings */
  if (r->status == LL_EXIT_OK && !o->dump_entries)
    for (size_t k = 0; k < d->n; k++)
      if (d->v[k].severity >= o->fail_on) {
        r->status = LL_EXIT_FINDINGS;
        break;
      }
}

/* ---- the run ------------------------------------------------------------ */

void run_open(struct run *r, const struct ll_opts *o) {
  memset(r, 0, sizeof *r);
  r->o = o;
  r->ctx = ll_ctx_new();
  r->out.color = want_color(o);
  r->out.show_source =
      o->show_source >= 0 ? o->show_source : isatty(STDOUT_FILENO);
  r->out.quiet = o->quiet;
  if (r->out.show_source)
    r->out.width = terminal_width();
  r->hold = o->check_links && !o->dump_entries;
  r->ctx->defer_finish = r->hold;
  /* standard output carries the diff, or the fixed text of '-': the
   * findings then go to standard error */
  r->rep = stdout;
  for (size_t i = 0; i < o->nfiles && !o->diff && o->fix; i++)
    if (strcmp(o->files[i], "-") == 0)
      r->rep = stderr;
  if (o->diff)
    r->rep = stderr;
}

/* One cleanup for every way a run ends; return its status. */
int run_close(struct run *r) {
  free_held(r);
  free(r->link_summary);
  if (fflush(stdout) != 0 && r->status < LL_EXIT_INTERNAL) {
    ll_say("listlint: cannot write output: %s\n", strerror(errno));
    r->status = LL_EXIT_INTERNAL;
  }
  gitrun_close(&r->git);
  ll_ctx_free(r->ctx);
  configs_free(&r->configs);
  paths_free(&r->files);
  if (r->curl_up)
    curl_global_cleanup();
  return r->status;
}

/* --print-config: the configuration the first file would get. */
static void print_config(struct run *r) {
  const struct ll_config *c =
      configs_for(r, r->files.n ? r->files.v[0] : "./x", 0);
  if (c)
    ll_config_print(stdout, c);
  else
    run_status(r, LL_EXIT_USAGE);
}

int ll_run(const struct ll_opts *o) {
  if (o->command == LL_CMD_INSTALL_HOOK)
    return ll_hook_install(o->chain, o->fix);
  if (o->command == LL_CMD_UNINSTALL_HOOK)
    return ll_hook_uninstall();
  if (o->command == LL_CMD_AUDIT)
    return ll_audit_run(o);
  struct run r;
  run_open(&r, o);
  gitrun_start(&r);
  if (run_files(&r) < 0)
    run_status(&r, LL_EXIT_USAGE);
  if (gitrun_check_base(&r) < 0) {
    run_status(&r, LL_EXIT_USAGE);
    return run_close(&r);
  }
  if (o->print_config) {
    print_config(&r);
    return run_close(&r);
  }
  /* TLS and the rest are for the link checker only; the URL API needs
   * no global set-up, and TLS set-up is a cost every lint would pay */
  r.curl_up = o->check_links && ll_curl_load() == 0;
  if (r.curl_up)
    curl_global_init(CURL_GLOBAL_DEFAULT);
  if (o->dump_entries)
    r.dump = ll_dump_new(stdout);
  for (size_t i = 0; i < r.files.n; i++)
    if (run_file(&r, r.files.v[i]))
      break;
  if (r.hold && r.status != LL_EXIT_USAGE) {
    if (links_check(&r) < 0)
      run_status(&r, LL_EXIT_INTERNAL);
    finish_held(&r);
  }
  report(&r);
  return run_close(&r);
}
