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
  size_t nids, ids_cap;
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
  if (d->nids == d->ids_cap) {
    d->ids_cap = d->ids_cap ? 2 * d->ids_cap : 4;
    d->ids = ll_xrealloc(d->ids, d->ids_cap * sizeof *d->ids);
  }
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
      ll_report_for(ctx, LL_R_SUPPRESSION, ctx->severity[LL_R_SUPPRESSION],
                    c->span,
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

/* ---- which directive covers a finding ------------------------------ */

/* Rules are keys 1..: the catalogue's, then the configuration's custom
 * patterns; key 0 stands for a directive that names every rule. */
static size_t key_of(const struct ll_ctx *ctx, const char *id) {
  int r = ll_rule_find(id);
  if (r >= 0)
    return (size_t)r + 1;
  const struct ll_config *c = ctx->cfg;
  for (size_t i = 0; c && i < c->ncustom; i++)
    if (strcmp(c->custom[i].id, id) == 0)
      return LL_R__COUNT + 1 + i;
  return (size_t)-1;
}

/* A min-heap of directive numbers (lower: earlier in the file). */
struct heap {
  size_t *v, n, cap;
};

static void heap_push(struct heap *h, size_t k) {
  if (h->n == h->cap) {
    h->cap = h->cap ? 2 * h->cap : 8;
    h->v = ll_xrealloc(h->v, h->cap * sizeof *h->v);
  }
  size_t i = h->n++;
  while (i && h->v[(i - 1) / 2] > k) {
    h->v[i] = h->v[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h->v[i] = k;
}

static void heap_pop(struct heap *h) {
  size_t k = h->v[--h->n], i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= h->n)
      break;
    if (c + 1 < h->n && h->v[c + 1] < h->v[c])
      c++;
    if (h->v[c] >= k)
      break;
    h->v[i] = h->v[c];
    i = c;
  }
  if (h->n)
    h->v[i] = k;
}

struct order {
  size_t i;   /* the finding's index */
  size_t key; /* line or byte offset it is sorted by */
};

static int by_key(const void *a, const void *b) {
  const struct order *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

/* The findings ctx->diags.v[from..to) by line (by_offset: by byte
 * offset).  Caller frees. */
static struct order *sorted(const struct ll_ctx *ctx, size_t from, size_t to,
                            int by_offset) {
  struct order *o = ll_xcalloc(to - from + 1, sizeof *o);
  for (size_t i = from; i < to; i++) {
    const struct ll_diag *g = &ctx->diags.v[i];
    o[i - from].i = i;
    o[i - from].key = by_offset ? g->span.start : (size_t)g->line;
  }
  qsort(o, to - from, sizeof *o, by_key);
  return o;
}

static int covers_lines(const struct directive *d) {
  return d->kind == NEXT_LINE || d->kind == THIS_LINE || d->kind == NEXT_BLOCK;
}

static int by_first(const void *a, const void *b) {
  const struct directive *const *x = a, *const *y = b;
  if ((*x)->first != (*y)->first)
    return (*x)->first < (*y)->first ? -1 : 1;
  return *x < *y ? -1 : *x > *y;
}

/* For each finding, the first line directive (in the file's order) whose
 * lines hold it and that names its rule: hit[i - from] = index + 1.  A
 * sweep over the lines with one heap per rule of the directives open on
 * the line, O((findings + directives) log n), however many directives
 * cover one line. */
static void line_hits(struct ll_ctx *ctx, size_t from, size_t to,
                      struct directive *dv, size_t nd, size_t *hit,
                      size_t nkeys) {
  struct directive **open = ll_xcalloc(nd + 1, sizeof *open);
  size_t no = 0;
  for (size_t k = 0; k < nd; k++)
    if (covers_lines(&dv[k]) && !dv[k].none && dv[k].first <= dv[k].last)
      open[no++] = &dv[k];
  if (!no) {
    free(open);
    return;
  }
  qsort(open, no, sizeof *open, by_first);
  struct heap *h = ll_xcalloc(nkeys, sizeof *h);
  struct order *o = sorted(ctx, from, to, 0);
  size_t next = 0;
  for (size_t j = 0; j < to - from; j++) {
    struct ll_diag *g = &ctx->diags.v[o[j].i];
    for (; next < no && open[next]->first <= g->line; next++) {
      struct directive *d = open[next];
      size_t k = (size_t)(d - dv);
      if (!d->ids)
        heap_push(&h[0], k);
      else
        for (size_t i = 0; i < d->nids; i++) {
          size_t key = key_of(ctx, d->ids[i]);
          if (key < nkeys)
            heap_push(&h[key], k);
        }
    }
    size_t key = key_of(ctx, ll_diag_id(g)), best = (size_t)-1;
    size_t keys[2] = {0, key};
    for (int t = 0; t < 2; t++) {
      if (keys[t] >= nkeys)
        continue;
      struct heap *q = &h[keys[t]];
      while (q->n && dv[q->v[0]].last < g->line)
        heap_pop(q); /* closed for good: lines only grow */
      if (q->n && q->v[0] < best)
        best = q->v[0];
    }
    if (best != (size_t)-1)
      hit[o[j].i - from] = best + 1;
  }
  for (size_t k = 0; k < nkeys; k++)
    free(h[k].v);
  free(h);
  free(o);
  free(open);
}

/* For each finding no line directive covers, the last disable or enable
 * comment before it that names its rule; a disable hides it.  A sweep in
 * the file's order. */
static void range_hits(struct ll_ctx *ctx, size_t from, size_t to,
                       struct directive *dv, size_t nd, size_t *hit,
                       size_t nkeys) {
  size_t *last = ll_xcalloc(nkeys, sizeof *last); /* index + 1, 0: none */
  struct order *o = sorted(ctx, from, to, 1);
  size_t k = 0;
  for (size_t j = 0; j < to - from; j++) {
    struct ll_diag *g = &ctx->diags.v[o[j].i];
    for (; k < nd && dv[k].c->span.start <= g->span.start; k++) {
      struct directive *d = &dv[k];
      if ((d->kind != DISABLE && d->kind != ENABLE) || d->none)
        continue;
      if (!d->ids)
        last[0] = k + 1;
      else
        for (size_t i = 0; i < d->nids; i++) {
          size_t key = key_of(ctx, d->ids[i]);
          if (key < nkeys)
            last[key] = k + 1;
        }
    }
    if (hit[o[j].i - from])
      continue;
    size_t key = key_of(ctx, ll_diag_id(g));
    size_t d = last[0];
    if (key < nkeys && last[key] > d)
      d = last[key];
    if (d && dv[d - 1].kind == DISABLE)
      hit[o[j].i - from] = d;
  }
  free(o);
  free(last);
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
  size_t nkeys = LL_R__COUNT + 1 + (ctx->cfg ? ctx->cfg->ncustom : 0);
  size_t *hit = ll_xcalloc(before - from + 1, sizeof *hit);
  line_hits(ctx, from, before, dv, nd, hit, nkeys);
  range_hits(ctx, from, before, dv, nd, hit, nkeys);
  size_t w = from;
  for (size_t i = from; i < before; i++) {
    if (hit[i - from]) {
      dv[hit[i - from] - 1].used = 1;
      continue;
    }
    ctx->diags.v[w++] = ctx->diags.v[i];
  }
  free(hit);
  /* keep the unknown-rule reports made while parsing */
  for (size_t i = before; i < ctx->diags.n; i++)
    ctx->diags.v[w++] = ctx->diags.v[i];
  ctx->diags.n = w;
  for (size_t k = 0; k < nd; k++) {
    struct directive *d = &dv[k];
    if (!d->used && d->kind != ENABLE)
      ll_report_for(ctx, LL_R_SUPPRESSION, ctx->severity[LL_R_SUPPRESSION],
                    d->c->span,
                    "this suppression comment suppresses nothing: remove it");
    for (size_t i = 0; i < d->nids; i++)
      free(d->ids[i]);
    free(d->ids);
  }
  free(dv);
}
