/* run.c - one run: find the files, lint each, print, decide the status. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>

#include "cli.h"
#include "config.h"
#include "git.h"

#define LL_MAX_INPUT ((size_t)256 << 20) /* bytes of one input */
#define MAX_DEPTH 64                  /* directory levels searched */

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

static int is_markdown(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
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
    struct ll_buf b;
    ll_buf_init(&b, 0);
    ll_buf_printf(&b, "%s%s%s", dir,
                  dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
    add_path(&here, ll_buf_detach(&b));
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
    } else if (is_markdown(here.v[i])) {
      add_path(out, here.v[i]);
    } else {
      free(here.v[i]);
    }
  }
  free(here.v);
  return rc;
}

/* The files of the run; -1 when one named cannot be used. */
static int collect(const struct ll_opts *o, struct paths *files) {
  int rc = 0;
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
    static const char *const names[] = {"README.md", "readme.md",
                                        "Readme.md", NULL};
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

/* Input that cannot be linted as text: say why, with the line. */
static int refuse_binary(const struct ll_source *src) {
  const char *nul = memchr(src->data, '\0', src->len);
  int line, col;
  ll_source_linecol(src, (size_t)(nul - src->data), &line, &col);
  fprintf(stderr,
          "listlint: %s:%d:%d: binary file (NUL byte): not linted\n",
          src->name, line, col);
  return LL_EXIT_USAGE;
}

/* The input as it will be committed (--staged), or as it is. */
static struct ll_source *load(const struct ll_opts *o, const char *path,
                              const char *display, char **err) {
  if (!o->staged || strcmp(path, "-") == 0)
    return ll_source_load(path, display, LL_MAX_INPUT, err);
  struct ll_buf b;
  ll_buf_init(&b, LL_MAX_INPUT);
  if (ll_git_show(NULL, path, &b) < 0) {
    ll_buf_free(&b);
    struct ll_buf m;
    ll_buf_init(&m, 0);
    ll_buf_printf(&m, "%s: not in the index (is it staged?)", display);
    *err = ll_buf_detach(&m);
    return NULL;
  }
  struct ll_source *src = ll_source_from_mem(display, b.data ? b.data : "",
                                             b.len);
  ll_buf_free(&b);
  return src;
}

/* --diff-base: drop the findings of ctx->diags[from..] that the file
 * already had in rev (matched by fingerprint, so moved lines stay old;
 * renames are followed).  A file that rev lacks is new throughout. */
static void keep_new(struct ll_ctx *ctx, size_t from, const struct ll_opts *o,
                     const char *path) {
  char *old = ll_git_renamed_from(o->diff_base, path, o->staged);
  struct ll_buf b;
  ll_buf_init(&b, LL_MAX_INPUT);
  int have = ll_git_show(o->diff_base, old ? old : path, &b) == 0;
  free(old);
  if (!have) {
    ll_buf_free(&b);
    return;
  }
  struct ll_source *bs =
      ll_source_from_mem(path, b.data ? b.data : "", b.len);
  ll_buf_free(&b);
  struct ll_ctx *bctx = ll_ctx_new();
  memcpy(bctx->severity, ctx->severity, sizeof bctx->severity);
  bctx->cfg = ctx->cfg;
  char *err = NULL;
  struct ll_map before = {0};
  if (ll_lint(bctx, bs, NULL, &err) == 0) {
    for (size_t i = 0; i < bctx->diags.n; i++) {
      const char *fp = bctx->diags.v[i].fingerprint;
      size_t n = (size_t)ll_map_get(&before, fp);
      ll_map_put(&before, fp, (const void *)(n + 1));
    }
  }
  free(err);
  size_t w = from;
  for (size_t i = from; i < ctx->diags.n; i++) {
    struct ll_diag *g = &ctx->diags.v[i];
    size_t n = (size_t)ll_map_get(&before, g->fingerprint);
    if (n) {
      ll_map_put(&before, g->fingerprint, (const void *)(n - 1));
      free(g->message);
      continue;
    }
    ctx->diags.v[w++] = *g;
  }
  ctx->diags.n = w;
  ll_map_free(&before);
  ll_ctx_free(bctx);
  ll_source_free(bs);
}

int ll_run(const struct ll_opts *o) {
  if (o->command == LL_CMD_INSTALL_HOOK)
    return ll_hook_install(o->chain);
  if (o->command == LL_CMD_UNINSTALL_HOOK)
    return ll_hook_uninstall();
  int have_base = 0;
  if (o->diff_base) {
    have_base = ll_git_rev_exists(o->diff_base);
    /* An unborn HEAD (the first commit) has nothing: all is new. */
    static const char *const top[] = {"rev-parse", "--git-dir", NULL};
    if (!have_base && (strcmp(o->diff_base, "HEAD") != 0 ||
                       ll_git(top, NULL) != 0)) {
      fprintf(stderr, "listlint: --diff-base: '%s' is not a commit here\n",
              o->diff_base);
      return LL_EXIT_USAGE;
    }
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  struct paths files = {0};
  int status = LL_EXIT_OK;
  if (collect(o, &files) < 0)
    status = LL_EXIT_USAGE;
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
    ll_ctx_free(ctx);
    for (size_t i = 0; i < files.n; i++)
      free(files.v[i]);
    free(files.v);
    curl_global_cleanup();
    return status;
  }
  struct ll_out_opts out = {0};
  out.color = want_color(o);
  out.show_source = o->show_source >= 0 ? o->show_source
                                        : isatty(STDOUT_FILENO);
  out.quiet = o->quiet;
  void *dump = o->dump_entries ? ll_dump_new() : NULL;
  size_t linted = 0;
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
    struct ll_config *cfg = (struct ll_config *)(size_t)ll_map_get(&configs, key);
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
    struct ll_source *src = load(o, path, display, &err);
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
      fprintf(stderr, "listlint: %s: empty file, nothing to lint\n",
              src->name);
    size_t from = ctx->diags.n;
    struct ll_model *m = NULL;
    if (ll_lint(ctx, src, dump ? &m : NULL, &err) < 0) {
      fprintf(stderr, "listlint: %s: internal error: %s\n", src->name, err);
      free(err);
      ll_source_free(src);
      status = LL_EXIT_INTERNAL;
      continue;
    }
    linted++;
    if (have_base)
      keep_new(ctx, from, o, path);
    if (dump) {
      ll_dump_add(dump, src, m);
      ll_model_free(m);
    } else if (o->format == LL_FMT_TEXT) {
      ll_out_text(stdout, &ctx->diags, from, src, &out);
    }
    /* Findings borrowed the source's name, freed next: point them at
     * display (argv or the path list), which lives to the end. */
    for (size_t k = from; k < ctx->diags.n; k++)
      ctx->diags.v[k].file = display;
    ll_source_free(src);
  }
  if (dump) {
    if (ll_dump_write(stdout, dump) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_JSON) {
    if (ll_out_json(stdout, &ctx->diags) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_SARIF) {
    if (ll_out_sarif(stdout, &ctx->diags) < 0)
      status = LL_EXIT_INTERNAL;
  } else if (o->format == LL_FMT_GITHUB) {
    ll_out_github(stdout, &ctx->diags);
  } else if (!o->quiet && linted) {
    ll_out_text_summary(stdout, &ctx->diags, linted, &out);
  }
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
  ll_ctx_free(ctx);
  for (size_t i = 0; i < nowned; i++)
    ll_config_free(owned[i]);
  free(owned);
  ll_map_free(&configs);
  for (size_t i = 0; i < files.n; i++)
    free(files.v[i]);
  free(files.v);
  curl_global_cleanup();
  return status;
}
