/* separator-style: where most entries separate name and description the
 * same way (" - ", " – ", ": "), the few that do not. */
#include "common.h"

#define MAX_SEPS 16

static const char *shown(const char *sep) { return sep[0] ? sep : "(none)"; }

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  const char *seps[MAX_SEPS];
  size_t counts[MAX_SEPS], nseps = 0, total = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!ll_conventional(e))
      continue;
    total++;
    size_t k = 0;
    while (k < nseps && strcmp(seps[k], e->separator) != 0)
      k++;
    if (k == nseps) {
      if (nseps == MAX_SEPS)
        continue;
      seps[nseps] = e->separator;
      counts[nseps++] = 0;
    }
    counts[k]++;
  }
  size_t best = 0;
  for (size_t k = 1; k < nseps; k++)
    if (counts[k] > counts[best])
      best = k;
  const char *maj = ll_option(ctx, "separator");
  if (!maj) {
    if (!nseps || !ll_is_majority(counts[best], total))
      return;
    maj = seps[best];
  }
  /* The fix writes the majority's separator as the majority writes it,
   * blanks and all: its most common spelling. */
  const char *src = ctx->src->data;
  struct ll_span forms[MAX_SEPS];
  size_t fcount[MAX_SEPS], nforms = 0, best_form = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!ll_conventional(e) || strcmp(e->separator, maj) != 0)
      continue;
    struct ll_span g = ll_sep_gap(ctx->src, e);
    if (g.end == g.start)
      continue;
    size_t k = 0;
    while (k < nforms &&
           (forms[k].end - forms[k].start != g.end - g.start ||
            memcmp(src + forms[k].start, src + g.start, g.end - g.start) != 0))
      k++;
    if (k == nforms) {
      if (nforms == MAX_SEPS)
        continue;
      forms[nforms] = g;
      fcount[nforms++] = 0;
    }
    if (++fcount[k] > fcount[best_form])
      best_form = k;
  }
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    if (!ll_conventional(e) || strcmp(e->separator, maj) == 0)
      continue;
    struct ll_span s = e->sep_span;
    if (s.end == s.start) {
      s.start = e->desc_span.start;
      s.end = s.start + 1;
    }
    ll_report(ctx, s,
              "separator '%s' differs from '%s' used by %zu of %zu entries",
              shown(e->separator), shown(maj),
              strcmp(maj, seps[best]) == 0 ? counts[best] : 0, total);
    /* only a separator between blanks is replaced: none, or one with
     * more around it, is left to the author */
    struct ll_span g = ll_sep_gap(ctx->src, e);
    if (nforms && g.end > g.start)
      ll_fix(ctx, g, src + forms[best_form].start,
             forms[best_form].end - forms[best_form].start);
  }
}

const struct ll_rule_ops ll_rule_SEPARATOR_STYLE = {.on_finish = finish};
