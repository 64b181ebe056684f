/* helpers.c - shared test helpers (see helpers.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "config.h"
#include "helpers.h"

const char *th_root(void) {
  const char *r = getenv("LL_ROOT");
  return r && *r ? r : ".";
}

const char *th_bin(void) {
  const char *b = getenv("LL_BIN");
  return b && *b ? b : "./listlint";
}

static char *slurp(FILE *fp, size_t *len) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    ll_buf_add(&b, chunk, n);
  if (len)
    *len = b.len;
  return ll_buf_detach(&b);
}

char *th_read(const char *rel, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", th_root(), rel);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  char *s = slurp(fp, len);
  fclose(fp);
  return s;
}

char *th_read_abs(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  char *s = slurp(fp, NULL);
  fclose(fp);
  return s;
}

void th_lint_mem(struct th_lint *t, const char *name, const char *text,
                 size_t len) {
  th_lint_cfg(t, name, text, len, NULL);
}

void th_lint_cfg(struct th_lint *t, const char *name, const char *text,
                 size_t len, const struct ll_config *cfg) {
  t->ctx = ll_ctx_new();
  if (cfg) {
    t->ctx->cfg = cfg;
    memcpy(t->ctx->severity, cfg->severity, sizeof t->ctx->severity);
  }
  t->src = ll_source_from_mem(name, text, len);
  char *err = NULL;
  t->model = NULL;
  int r = ll_lint(t->ctx, t->src, &t->model, &err);
  cr_assert_eq(r, 0, "ll_lint failed: %s", err ? err : "?");
}

void th_lint_str(struct th_lint *t, const char *text) {
  th_lint_mem(t, "test.md", text, strlen(text));
}

void th_done(struct th_lint *t) {
  ll_model_free(t->model);
  ll_source_free(t->src);
  ll_ctx_free(t->ctx);
  memset(t, 0, sizeof *t);
}

char *th_positions(const struct ll_ctx *ctx, int rule) {
  struct ll_buf b;
  ll_buf_init(&b, 0);
  ll_buf_add(&b, "", 0);
  for (size_t i = 0; i < ctx->diags.n; i++) {
    const struct ll_diag *g = &ctx->diags.v[i];
    if ((int)g->rule != rule)
      continue;
    ll_buf_printf(&b, "%s%d:%d", b.len ? " " : "", g->line, g->col);
  }
  return ll_buf_detach(&b);
}

size_t th_count(const struct ll_ctx *ctx, int rule) {
  size_t n = 0;
  for (size_t i = 0; i < ctx->diags.n; i++)
    n += rule < 0 || (int)ctx->diags.v[i].rule == rule;
  return n;
}

int th_shell(const char *script, const char *in, char **out, char **err) {
  char *dir = th_tmpdir();
  char cmd[16384], o[4096], e[4096], i[4096];
  snprintf(o, sizeof o, "%s/out", dir);
  snprintf(e, sizeof e, "%s/err", dir);
  snprintf(i, sizeof i, "%s/in", dir);
  FILE *fp = fopen(i, "wb");
  cr_assert(fp);
  if (in)
    fputs(in, fp);
  fclose(fp);
  /* without err, standard error goes with standard output */
  if (err)
    snprintf(cmd, sizeof cmd, "( %s ) <'%s' >'%s' 2>'%s'", script, i, o, e);
  else
    snprintf(cmd, sizeof cmd, "( %s ) <'%s' >'%s' 2>&1", script, i, o);
  int st = system(cmd);
  int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  char *so = th_read_abs(o);
  if (!so)
    so = ll_xstrdup("");
  if (out)
    *out = so;
  else
    free(so);
  if (err) {
    *err = th_read_abs(e);
    if (!*err)
      *err = ll_xstrdup("");
  }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    cr_log_warn("could not remove %s", dir);
  free(dir);
  return code;
}

int th_run(const char *args, const char *in, char **out, char **err) {
  char cmd[16384];
  snprintf(cmd, sizeof cmd, "cd '%s' && %s %s", th_root(), th_bin(), args);
  char *e = NULL;
  int code = th_shell(cmd, in, out, &e);
  if (err)
    *err = e;
  else
    free(e);
  return code;
}

char *th_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  char tmpl[4096];
  snprintf(tmpl, sizeof tmpl, "%s/listlint-test-XXXXXX",
           base && *base ? base : "/tmp");
  char *d = mkdtemp(tmpl);
  cr_assert(d, "mkdtemp failed");
  return ll_xstrdup(d);
}

char *th_write(const char *dir, const char *name, const char *data,
               size_t len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "wb");
  cr_assert(fp, "cannot write %s", path);
  fwrite(data, 1, len, fp);
  fclose(fp);
  return ll_xstrdup(path);
}
