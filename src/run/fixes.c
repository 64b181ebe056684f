/* fixes.c - what --fix and --diff write: the fixed file (atomically), the
 * fixed text of standard input, or a diff; and, with --check-links, the
 * link checker's fixes on top of the rules'. */
#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "run.h"

int fixes_write(const struct ll_opts *o, const char *path, int is_stdin,
                const struct ll_source *orig, const struct ll_source *fixed,
                size_t n, int *keep) {
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
        ll_say("listlint: %s: %zu fix%s applied%s\n", orig->name, n,
               n == 1 ? "" : "es",
               o->staged ? " in the working tree (review and stage it)" : "");
      break;
    case LL_FW_CHANGED:
      if (o->staged) {
        /* the working tree is not what is staged: fixing one would lose
         * the other's changes */
        ll_say("listlint: %s: not fixed: the working tree differs from the "
               "index (stage the file in full, or fix without --staged)\n",
               orig->name);
      } else {
        ll_say("listlint: %s: changed on disk while listlint ran: not "
               "overwritten\n",
               orig->name);
        status = LL_EXIT_USAGE;
      }
      *keep = 0;
      break;
    case LL_FW_READONLY:
      ll_say("listlint: %s: read-only file: not fixed\n", orig->name);
      status = LL_EXIT_USAGE;
      *keep = 0;
      break;
    case LL_FW_ERROR:
      ll_say("listlint: %s: not fixed: %s\n", orig->name, err);
      free(err);
      status = LL_EXIT_INTERNAL;
      *keep = 0;
      break;
    }
  }
  return status;
}

int fixes_after_links(const struct ll_opts *o, struct ll_ctx *ctx, size_t from,
                      struct kept *k) {
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
      ll_say("listlint: %s: internal error: %s\n", fin->name, err);
      free(err);
    }
    for (size_t i = 0; i < keep.n; i++)
      ll_diags_push(&ctx->diags, &keep.v[i]);
    free(keep.v);
    if (m)
      ll_lint_finish(ctx, from, fin, m);
    ll_model_free(m);
    k->nfixed += taken + more;
  }
  ll_buf_free(&b);
  free(mark);
  int keep_fix;
  int st = fixes_write(o, k->path, k->is_stdin, k->orig,
                       fin == k->orig ? k->orig : fin, k->nfixed, &keep_fix);
  if (fin != k->src) {
    if (k->src != k->orig)
      ll_source_free(k->src);
    k->src = fin;
  }
  return st;
}
