/* suppress.c - <!-- listlint-disable ... --> comments, and awesome-lint's
 * <!--lint disable ...-->, applied to a file's findings after every rule
 * has run; comments that suppress nothing are reported. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "suppress.h"

enum kind { DISABLE, ENABLE, NEXT_LINE, THIS_LINE, NEXT_BLOCK };

struct directive {
  enum kind kind;
  const struct ll_comment *c;
  char **ids; /* NULL: every rule */
  size_t nids;
  int used;
  int none;        /* named only rules listlint does not have */
  int first, last; /* lines it covers (NEXT_LINE, THIS_LINE, NEXT_BLOCK) */
};

/* awesome-lint rule -> the listlint rules that check the same thing. */
static const struct {
  const char *theirs;
  const char *ours;
} awesome_map[] = {
#define LL_AWESOME(THEIRS, OURS) {THEIRS, OURS},
#include "awesome-lint.def"
#undef LL_AWESOME
};

static void add_id(struct directive *d, const char *id, size_t n) {
  d->ids = ll_xrealloc(d->ids, (d->nids + 1) * sizeof *d->ids);
  d->ids[d->nids++] = ll_xstrndup(id, n);
}

static int known_id(const struct ll_ctx *ctx, const char *id) {
  if (ll_rule_find(id) >= 0)
    return 1;
  const struct ll_config *c = ctx->cfg;
  for (size_t i = 0; c && i < c->ncustom; i++)
    if (strcmp(c->custom[i].id, id) == 0)
      return 1;
  return 0;
}

/* Parse one comment; return 0 when it is not a directive. */
static int parse(struct ll_ctx *ctx, const struct ll_comment *c,
                 struct directive *d) {
  static const struct {
    const char *word;
    enum kind kind;
    int awesome;
  } forms[] = {
      {"listlint-disable-next-line", NEXT_LINE, 0},
      {"listlint-disable-line", THIS_LINE, 0},
      {"listlint-disable", DISABLE, 0},
      {"listlint-enable", ENABLE, 0},
      {"lint disable", DISABLE, 1},
      {"lint enable", ENABLE, 1},
      {"lint ignore", NEXT_BLOCK, 1},
  };
  const char *t = c->text;
  while (ll_isspace((unsigned char)*t))
    t++;
  size_t f = 0, n = sizeof forms / sizeof forms[0];
  for (; f < n; f++) {
    size_t k = strlen(forms[f].word);
    if (strncmp(t, forms[f].word, k) == 0 &&
        (t[k] == '\0' || ll_isspace((unsigned char)t[k]))) {
      t += k;
      break;
    }
  }
  if (f == n)
    return 0;
  memset(d, 0, sizeof *d);
  d->kind = forms[f].kind;
  d->c = c;
  int named = 0;
  while (*t) {
    while (ll_isspace((unsigned char)*t) || *t == ',')
      t++;
    size_t len = 0;
    while (t[len] && !ll_isspace((unsigned char)t[len]) && t[len] != ',')
      len++;
    if (!len)
      break;
    named = 1;
    char *id = ll_xstrndup(t, len);
    if (forms[f].awesome) {
      /* awesome-lint's names: ours where one maps; the rest are
       * awesome-lint's own business and are skipped */
      for (size_t i = 0; i < sizeof awesome_map / sizeof awesome_map[0]; i++)
        if (strcmp(awesome_map[i].theirs, id) == 0) {
          const char *p = awesome_map[i].ours;
          while (*p) {
            size_t l = strcspn(p, " ");
            add_id(d, p, l);
            p += l + (p[l] == ' ');
          }
        }
      if (known_id(ctx, id))
        add_id(d, id, len);
    } else if (known_id(ctx, id)) {
      add_id(d, id, len);
    } else {
      ctx->current = LL_R_SUPPRESSION;
      ll_report(ctx, c->span,
                "unknown rule '%s' in a suppression comment (see "
                "listlint --list-rules)",
                id);
      d->used = 1; /* reported already: not "suppresses nothing" too */
    }
    free(id);
    t += len;
  }
  if (named && !d->nids) {
    /* only unknown ids, or awesome-lint rules listlint does not have:
     * nothing of ours to suppress, and nothing to report as unused */
    d->none = 1;
    d->used = 1;
  }
  return 1;
}

static int names(const struct directive *d, const char *id) {
  if (d->none)
    return 0;
  if (!d->ids)
    return 1;
  for (size_t i = 0; i < d->nids; i++)
    if (strcmp(d->ids[i], id) == 0)
      return 1;
  return 0;
}

/* The lines of the block after a comment: up to the next blank line. */
static void next_block(const struct ll_source *src, int after, int *first,
                       int *last) {
  int l = after + 1;
  size_t len;
  while ((size_t)l <= src->nlines && (ll_source_line(src, l, &len), len == 0))
    l++;
  *first = l;
  while ((size_t)l < src->nlines) {
    const char *p = ll_source_line(src, l + 1, &len);
    size_t k = 0;
    while (k < len && ll_isspace((unsigned char)p[k]))
      k++;
    if (k == len)
      break;
    l++;
  }
  *last = l;
}

void ll_suppress_apply(struct ll_ctx *ctx, size_t from,
                       const struct ll_model *m) {
  if (!m->ncomments)
    return;
  struct directive *dv = ll_xcalloc(m->ncomments, sizeof *dv);
  size_t nd = 0;
  size_t before = ctx->diags.n;
  for (size_t i = 0; i < m->ncomments; i++) {
    struct directive *d = &dv[nd];
    if (!parse(ctx, &m->comments[i], d))
      continue;
    const struct ll_comment *c = d->c;
    if (d->kind == NEXT_LINE)
      d->first = d->last = c->end_line + 1;
    else if (d->kind == THIS_LINE)
      d->first = c->line, d->last = c->end_line;
    else if (d->kind == NEXT_BLOCK)
      next_block(ctx->src, c->end_line, &d->first, &d->last);
    nd++;
  }
  size_t w = from;
  for (size_t i = from; i < before; i++) {
    struct ll_diag *g = &ctx->diags.v[i];
    const char *id = ll_diag_id(g);
    struct directive *hit = NULL;
    for (size_t k = 0; k < nd && !hit; k++) {
      struct directive *d = &dv[k];
      if ((d->kind == NEXT_LINE || d->kind == THIS_LINE ||
           d->kind == NEXT_BLOCK) &&
          g->line >= d->first && g->line <= d->last && names(d, id))
        hit = d;
    }
    if (!hit) {
      /* the last disable/enable before the finding that names its rule */
      for (size_t k = nd; k-- > 0;) {
        struct directive *d = &dv[k];
        if ((d->kind == DISABLE || d->kind == ENABLE) &&
            d->c->line <= g->line && d->c->span.start <= g->span.start &&
            names(d, id)) {
          if (d->kind == DISABLE)
            hit = d;
          break;
        }
      }
    }
    if (hit) {
      hit->used = 1;
      continue;
    }
    ctx->diags.v[w++] = *g;
  }
  /* keep the unknown-rule reports made while parsing */
  for (size_t i = before; i < ctx->diags.n; i++)
    ctx->diags.v[w++] = ctx->diags.v[i];
  ctx->diags.n = w;
  ctx->current = LL_R_SUPPRESSION;
  for (size_t k = 0; k < nd; k++) {
    struct directive *d = &dv[k];
    if (!d->used && d->kind != ENABLE)
      ll_report(ctx, d->c->span,
                "this suppression comment suppresses nothing: remove it");
    for (size_t i = 0; i < d->nids; i++)
      free(d->ids[i]);
    free(d->ids);
  }
  free(dv);
}
