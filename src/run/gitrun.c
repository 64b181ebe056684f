/* gitrun.c - what a run asks git: the staged content (--staged), the
 * revision to compare with (--diff-base), the renames since, and the
 * base's findings. */
#include <stdlib.h>
#include <string.h>

#include "run.h"

/* The cat-file process, started on first use. */
struct ll_git_batch *gitrun_batch(struct gitrun *g) {
  if (!g->batch_tried) {
    g->batch = ll_git_batch_open();
    g->batch_tried = 1;
  }
  return g->batch;
}

int gitrun_hook_case(const struct ll_opts *o) {
  return o->nfiles == 0 && o->staged &&
         (!o->diff_base || strcmp(o->diff_base, "HEAD") == 0);
}

void gitrun_start(struct run *r) {
  const struct ll_opts *o = r->o;
  if (gitrun_hook_case(o))
    r->git.hook_diff_started =
        ll_git_renames_start(o->diff_base, 1, &r->git.hook_diff) == 0;
  else if (o->staged || o->diff_base)
    gitrun_batch(&r->git); /* starts while the files are found */
}

/* The hook's case: one diff of the index against HEAD (without
 * --diff-base: against HEAD, or nothing before a first commit) gives the
 * staged files, their blob ids and their renames. */
int gitrun_staged_files(struct run *r, struct paths *files) {
  const struct ll_opts *o = r->o;
  struct gitrun *g = &r->git;
  if (!gitrun_hook_case(o))
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
      paths_add(files, ll_xstrdup(c.path));
      base |= c.status != 'A';
    }
  }
  /* HEAD's version is read for the files it has: cat-file starts now,
   * while the staged files are linted */
  if (base && o->diff_base)
    gitrun_batch(g);
  return 0;
}

/* rev:./path (rev NULL: the index) through the batch, or a git call. */
static int show(struct gitrun *g, const char *rev, const char *path,
                struct ll_buf *out) {
  if (gitrun_batch(g)) {
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

void gitrun_close(struct gitrun *g) {
  if (g->hook_diff_started)
    ll_git_wait(&g->hook_diff, NULL);
  if (g->batch_tried)
    ll_git_batch_close(g->batch);
  if (g->have_renames)
    ll_buf_free(&g->renames);
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

struct ll_source *gitrun_load(struct run *r, const char *path,
                              const char *display, char **err) {
  const struct ll_opts *o = r->o;
  struct gitrun *g = &r->git;
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

void gitrun_base_findings(struct run *r, const char *path, struct ll_map *fps,
                          struct ll_map *urls) {
  const struct ll_opts *o = r->o;
  const struct ll_ctx *ctx = r->ctx;
  struct gitrun *g = &r->git;
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

void gitrun_drop_old(struct ll_ctx *ctx, size_t from, struct ll_map *before) {
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

int gitrun_check_base(struct run *r) {
  const struct ll_opts *o = r->o;
  /* the hook's diff against HEAD worked: HEAD is a commit */
  r->have_base = o->diff_base && r->git.hook_changes;
  if (!o->diff_base || r->have_base)
    return 0;
  struct ll_buf spec;
  ll_buf_init(&spec, 0);
  ll_buf_printf(&spec, "%s^{commit}", o->diff_base);
  r->have_base = gitrun_batch(&r->git)
                     ? ll_git_batch_get(r->git.batch, spec.data, NULL) == 0
                     : ll_git_rev_exists(o->diff_base);
  ll_buf_free(&spec);
  /* An unborn HEAD (the first commit) has nothing: all is new. */
  static const char *const top[] = {"rev-parse", "--git-dir", NULL};
  if (!r->have_base &&
      (strcmp(o->diff_base, "HEAD") != 0 || ll_git(top, NULL) != 0)) {
    ll_say("listlint: --diff-base: '%s' is not a commit here\n", o->diff_base);
    return -1;
  }
  return 0;
}
