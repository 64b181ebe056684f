/* engine.c - one pass of every enabled rule over a file's model; the
 * report function rules call; the lint context. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fix.h"
#include "internal.h"
#include "pattern.h"
#include "suppress.h"
#include "unicode.h"

#define LL_RULE(e, id, sev, flags, summary)                                    \
  extern const struct ll_rule_ops ll_rule_##e;
#include "rules.def"
#undef LL_RULE

const struct ll_rule_ops *const ll_rule_ops[LL_R__COUNT] = {
#define LL_RULE(e, id, sev, flags, summary) &ll_rule_##e,
#include "rules.def"
#undef LL_RULE
};

struct ll_ctx *ll_ctx_new(void) {
  struct ll_ctx *ctx = ll_xcalloc(1, sizeof *ctx);
  for (int i = 0; i < LL_R__COUNT; i++)
    ctx->severity[i] =
        ll_rules[i].flags & LL_RF_OPTIN ? LL_SEV_OFF : ll_rules[i].severity;
  ll_buf_init(&ctx->fmt, 4096);
  return ctx;
}

const char *ll_option(const struct ll_ctx *ctx, const char *key) {
  return ll_config_get(ctx->cfg, (int)ctx->current, key);
}

const char *ll_diag_id(const struct ll_diag *g) {
  return g->custom_id ? g->custom_id : ll_rules[g->rule].id;
}

void ll_ctx_free(struct ll_ctx *ctx) {
  if (!ctx)
    return;
  ll_diags_free(&ctx->diags);
  ll_arena_free(&ctx->msgs);
  ll_buf_free(&ctx->fmt);
  for (size_t i = 0; i < ctx->npats; i++)
    ll_pattern_free(ctx->pats[i]);
  free(ctx->pats);
  free(ctx->pat_keys);
  free(ctx);
}

struct ll_pattern *ll_ctx_pattern(struct ll_ctx *ctx, const char *re,
                                  int icase) {
  for (size_t i = 0; i < ctx->npats; i++)
    if (ctx->pat_keys[i] == re)
      return ctx->pats[i];
  char *err = NULL;
  struct ll_pattern *p = ll_pattern_new(re, icase, &err);
  if (!p) {
    ll_say("listlint: internal pattern %s: %s\n", re, err);
    abort();
  }
  ctx->pats = ll_xrealloc(ctx->pats, (ctx->npats + 1) * sizeof *ctx->pats);
  ctx->pat_keys =
      ll_xrealloc(ctx->pat_keys, (ctx->npats + 1) * sizeof *ctx->pat_keys);
  ctx->pats[ctx->npats] = p;
  ctx->pat_keys[ctx->npats++] = re;
  return p;
}

static void vreport(struct ll_ctx *ctx, enum ll_severity sev,
                    const char *custom_id, struct ll_span span, const char *fmt,
                    va_list ap) __attribute__((format(printf, 5, 0)));

/* The file name a finding carries: a copy in the context's arena, made
 * once per file, so that findings outlive the source they were made in. */
static const char *file_name(struct ll_ctx *ctx, const char *name) {
  if (!ctx->file || strcmp(ctx->file, name) != 0)
    ctx->file = ll_arena_strdup(&ctx->msgs, name);
  return ctx->file;
}

static void vreport(struct ll_ctx *ctx, enum ll_severity sev,
                    const char *custom_id, struct ll_span span, const char *fmt,
                    va_list ap) {
  ctx->last = 0;
  if (sev == LL_SEV_OFF)
    return;
  const struct ll_source *src = ctx->src;
  struct ll_diag blank = {0};
  ll_diags_push(&ctx->diags, &blank);
  struct ll_diag *g = &ctx->diags.v[ctx->diags.n - 1];
  g->file = file_name(ctx, src->name);
  g->rule = ctx->current;
  g->custom_id = custom_id;
  g->severity = sev;
  if (span.end < span.start)
    span.end = span.start;
  g->span = span;
  ll_source_linecol(src, span.start, &g->line, &g->col);
  if (span.end > span.start) {
    ll_source_linecol(src, span.end - 1, &g->end_line, &g->end_col);
    g->end_col++;
  } else {
    g->end_line = g->line;
    g->end_col = g->col;
  }
  struct ll_buf *b = &ctx->fmt;
  b->len = 0;
  if (ll_buf_vprintf(b, fmt, ap) < 0) {
    b->len = 0;
    ll_buf_adds(b, "(message too long)");
  }
  g->message = ll_arena_strndup(&ctx->msgs, b->data, b->len);
  ctx->last = ctx->diags.n;
}

void ll_fix(struct ll_ctx *ctx, struct ll_span span, const char *text,
            size_t len) {
  if (!ctx->last || ctx->last > ctx->diags.n)
    return;
  struct ll_diag *g = &ctx->diags.v[ctx->last - 1];
  if (g->rule != ctx->current)
    return;
  ll_fix_diag(ctx, g, span, text, len);
}

void ll_fix_diag(struct ll_ctx *ctx, struct ll_diag *g, struct ll_span span,
                 const char *text, size_t len) {
  if (g->custom_id || span.end < span.start || span.end > ctx->src->len)
    return;
  g->has_fix = 1;
  g->fix_span = span;
  g->fix_text = ll_arena_strndup(&ctx->msgs, text, len);
  g->fix_len = len;
  /* where it is, for the formats that count lines and columns (end
   * exclusive: the position just past the last byte replaced) */
  const struct ll_source *src = ctx->src;
  size_t cps, u16;
  ll_source_linecol(src, span.start, &g->fix_line, &g->fix_col);
  /* counted on from the last fix when it is on this line, to the left:
   * counting from the line's start each time was quadratic in a line's
   * fixes (100k mojibake fixes on one line: minutes) */
  size_t ls0 = span.start - (size_t)(g->fix_col - 1);
  if (ctx->fix_cursor.line_start != ls0 || ctx->fix_cursor.at > span.start ||
      ctx->fix_cursor.at < ls0) {
    ctx->fix_cursor.line_start = ls0;
    ctx->fix_cursor.at = ls0;
    ctx->fix_cursor.u16 = 0;
  }
  ll_u8_count(src->data + ctx->fix_cursor.at, span.start - ctx->fix_cursor.at,
              &cps, &u16);
  ctx->fix_cursor.at = span.start;
  ctx->fix_cursor.u16 += u16;
  g->fix_u16_col = (int)ctx->fix_cursor.u16 + 1;
  if (span.end > span.start) {
    ll_source_linecol(src, span.end - 1, &g->fix_end_line, &g->fix_end_col);
    g->fix_end_col++;
  } else {
    g->fix_end_line = g->fix_line;
    g->fix_end_col = g->fix_col;
  }
  if (g->fix_end_line == g->fix_line) { /* on from the start */
    ll_u8_count(src->data + span.start, span.end - span.start, &cps, &u16);
    g->fix_end_u16_col = (int)(ctx->fix_cursor.u16 + u16) + 1;
    return;
  }
  size_t ls = ll_source_offset(src, g->fix_end_line, 1);
  ll_u8_count(src->data + ls, span.end > ls ? span.end - ls : 0, &cps, &u16);
  g->fix_end_u16_col = (int)u16 + 1;
}

void ll_report(struct ll_ctx *ctx, struct ll_span span, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(ctx, ctx->severity[ctx->current], NULL, span, fmt, ap);
  va_end(ap);
}

void ll_report_for(struct ll_ctx *ctx, enum ll_rule_id rule,
                   enum ll_severity sev, struct ll_span span, const char *fmt,
                   ...) {
  ctx->current = rule;
  va_list ap;
  va_start(ap, fmt);
  vreport(ctx, sev, NULL, span, fmt, ap);
  va_end(ap);
}

void ll_report_as(struct ll_ctx *ctx, enum ll_severity sev, const char *id,
                  struct ll_span span, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(ctx, sev, id, span, fmt, ap);
  va_end(ap);
}

static uint64_t fnv1a(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static void hex64(char out[17], uint64_t h) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4)
    out[i] = digits[h & 15];
  out[16] = '\0';
}

/* Fingerprints say "the same finding" without line numbers, so that
 * SARIF consumers and --diff-base recognise a finding that only moved:
 * the rule, the flagged text, the text of its line, and how many times
 * that triple came before (counted in an open-addressing table of the
 * triples' hashes).  The line's text tells apart findings whose flagged
 * text is the same (the place where a period is missing is empty): a
 * finding on an edited line is a new one. */
static void fingerprint(struct ll_diags *d, size_t from,
                        const struct ll_source *src) {
  size_t cap = 64;
  while (cap < (d->n - from) * 2)
    cap *= 2;
  uint64_t *keys = ll_xcalloc(cap, sizeof *keys);
  size_t *counts = ll_xcalloc(cap, sizeof *counts);
  for (size_t i = from; i < d->n; i++) {
    struct ll_diag *g = &d->v[i];
    const char *id = ll_rules[g->rule].id;
    uint64_t h = fnv1a(14695981039346656037ULL, id, strlen(id) + 1);
    size_t len = g->span.end - g->span.start;
    h = fnv1a(h, src->data + g->span.start, len > 512 ? 512 : len);
    size_t ll;
    const char *line = ll_source_line(src, g->line, &ll);
    h = fnv1a(h, line, ll > 4096 ? 4096 : ll);
    uint64_t k = h | 1; /* 0 marks an empty slot */
    size_t j = (size_t)(k ^ (k >> 29)) & (cap - 1);
    while (keys[j] && keys[j] != k)
      j = (j + 1) & (cap - 1);
    keys[j] = k;
    size_t nth = counts[j]++;
    h = fnv1a(h, &nth, sizeof nth);
    hex64(g->fingerprint, h);
  }
  free(keys);
  free(counts);
}

/* Where counting the characters of a line got to: the code points and
 * UTF-16 units of its first `byte` bytes. */
struct char_cursor {
  int line;
  size_t byte, cps, u16;
};

/* Code points and UTF-16 units before 1-based byte column col of line,
 * counted on from the cursor when it is on that line and not past col:
 * findings come in offset order, so a long line is read about once, not
 * once per finding. */
static void count_to(const struct ll_source *src, struct char_cursor *c,
                     int line, int col, size_t *cps, size_t *u16) {
  size_t start = ll_source_offset(src, line, 1);
  size_t want = col > 1 ? (size_t)(col - 1) : 0;
  if (want > src->len - start)
    want = src->len - start;
  if (c->line != line || c->byte > want) {
    c->line = line;
    c->byte = c->cps = c->u16 = 0;
  }
  size_t nc, nu;
  ll_u8_count(src->data + start + c->byte, want - c->byte, &nc, &nu);
  c->byte = want;
  c->cps += nc;
  c->u16 += nu;
  *cps = c->cps;
  *u16 = c->u16;
}

static void char_columns(struct ll_diags *d, size_t from,
                         const struct ll_source *src) {
  struct char_cursor c = {0, 0, 0, 0};
  for (size_t i = from; i < d->n; i++) {
    struct ll_diag *g = &d->v[i];
    size_t cps, u16;
    count_to(src, &c, g->line, g->col, &cps, &u16);
    g->char_col = (int)cps + 1;
    g->u16_col = (int)u16 + 1;
    /* the end, counted on from the start on one line, else on its own */
    struct char_cursor e = c;
    count_to(src, &e, g->end_line, g->end_col, &cps, &u16);
    g->end_char_col = (int)cps + 1;
    g->end_u16_col = (int)u16 + 1;
  }
}

void ll_lint_finish(struct ll_ctx *ctx, size_t from,
                    const struct ll_source *src, const struct ll_model *m) {
  ctx->src = src;
  ctx->model = m;
  if (m->ncomments)
    ll_suppress_apply(ctx, from, m);
  ll_diags_sort(&ctx->diags, from);
  fingerprint(&ctx->diags, from, src);
  char_columns(&ctx->diags, from, src);
}

int ll_lint(struct ll_ctx *ctx, const struct ll_source *src,
            struct ll_model **model_out, char **err) {
  struct ll_model *m =
      ll_model_build(src, ll_config_get(ctx->cfg, -1, "skip-headings"), err);
  if (!m)
    return -1;
  size_t first = ctx->diags.n;
  ctx->src = src;
  ctx->model = m;
  ctx->fix_cursor.line_start = ctx->fix_cursor.at = (size_t)-1;
  ctx->fix_cursor.u16 = 0;
  int on[LL_R__COUNT];
  /* the rules that look at each entry, and at each link */
  enum ll_rule_id per_entry[LL_R__COUNT], per_link[LL_R__COUNT];
  size_t nentry = 0, nlink = 0;
  for (int r = 0; r < LL_R__COUNT; r++) {
    on[r] = ctx->severity[r] != LL_SEV_OFF;
    if (on[r] && ll_rule_ops[r]->on_entry)
      per_entry[nentry++] = (enum ll_rule_id)r;
    if (on[r] && ll_rule_ops[r]->on_link)
      per_link[nlink++] = (enum ll_rule_id)r;
  }
  for (int r = 0; r < LL_R__COUNT; r++) {
    if (on[r] && ll_rule_ops[r]->on_source) {
      ctx->current = (enum ll_rule_id)r;
      ll_rule_ops[r]->on_source(ctx, src);
    }
  }
  for (size_t i = 0; i < m->nentries; i++) {
    for (size_t k = 0; k < nentry; k++) {
      ctx->current = per_entry[k];
      ctx->last = 0; /* ll_fix attaches only to this call's finding */
      ll_rule_ops[per_entry[k]]->on_entry(ctx, m->entries[i]);
    }
  }
  for (size_t i = 0; i < m->nlinks; i++) {
    for (size_t k = 0; k < nlink; k++) {
      ctx->current = per_link[k];
      ctx->last = 0;
      ll_rule_ops[per_link[k]]->on_link(ctx, m->links[i]);
    }
  }
  for (int r = 0; r < LL_R__COUNT; r++) {
    if (on[r] && ll_rule_ops[r]->on_finish) {
      ctx->current = (enum ll_rule_id)r;
      ll_rule_ops[r]->on_finish(ctx, m);
    }
  }
  if (!ctx->defer_finish)
    ll_lint_finish(ctx, first, src, m);
  ctx->src = NULL;
  ctx->model = NULL;
  if (model_out)
    *model_out = m;
  else
    ll_model_free(m);
  return 0;
}
