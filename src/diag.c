/* diag.c - the rule catalogue table, the diagnostics list and its order. */
#include <stdlib.h>
#include <string.h>

#include "listlint.h"

const struct ll_rule_info ll_rules[LL_R__COUNT] = {
#define LL_RULE(e, id, sev, flags, summary) {id, LL_SEV_##sev, flags, summary},
#include "rules.def"
#undef LL_RULE
};

int ll_rule_find(const char *id) {
  for (int i = 0; i < LL_R__COUNT; i++)
    if (strcmp(ll_rules[i].id, id) == 0)
      return i;
  return -1;
}

const char *ll_severity_name(enum ll_severity s) {
  switch (s) {
  case LL_SEV_ERROR:
    return "error";
  case LL_SEV_WARNING:
    return "warning";
  case LL_SEV_INFO:
    return "info";
  case LL_SEV_OFF:
    break;
  }
  return "off";
}

int ll_severity_parse(const char *s) {
  if (strcmp(s, "error") == 0)
    return LL_SEV_ERROR;
  if (strcmp(s, "warning") == 0 || strcmp(s, "warn") == 0)
    return LL_SEV_WARNING;
  if (strcmp(s, "info") == 0 || strcmp(s, "note") == 0)
    return LL_SEV_INFO;
  if (strcmp(s, "off") == 0)
    return LL_SEV_OFF;
  return -1;
}

void ll_diags_free(struct ll_diags *d) {
  LL_FREE(d->v);
  d->n = d->cap = 0;
}

void ll_diags_push(struct ll_diags *d, const struct ll_diag *g) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 64;
    d->v = ll_xrealloc(d->v, d->cap * sizeof *d->v);
  }
  d->v[d->n++] = *g;
}

static int cmp_diag(const void *a, const void *b) {
  const struct ll_diag *x = a, *y = b;
  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  if (x->rule != y->rule)
    return x->rule < y->rule ? -1 : 1;
  return strcmp(x->message, y->message);
}

void ll_diags_sort(struct ll_diags *d, size_t from) {
  if (d->n > from)
    qsort(d->v + from, d->n - from, sizeof *d->v, cmp_diag);
}
