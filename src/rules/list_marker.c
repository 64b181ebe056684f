/* list-marker: where most bullet entries use one marker (-, * or +), the
 * few that use another. */
#include "common.h"

static int idx(char c) {
  return c == '-' ? 0 : c == '*' ? 1 : c == '+' ? 2 : -1;
}

static void finish(struct ll_ctx *ctx, const struct ll_model *m) {
  size_t counts[3] = {0}, total = 0;
  for (size_t i = 0; i < m->nentries; i++) {
    int k = idx(m->entries[i]->marker);
    if (k >= 0) {
      counts[k]++;
      total++;
    }
  }
  int best = 0;
  for (int k = 1; k < 3; k++)
    if (counts[k] > counts[best])
      best = k;
  const char *want = ll_option(ctx, "marker");
  if (want && idx(want[0]) >= 0)
    best = idx(want[0]);
  else if (!ll_is_majority(counts[best], total))
    return;
  static const char marks[] = "-*+";
  for (size_t i = 0; i < m->nentries; i++) {
    const struct ll_entry *e = m->entries[i];
    int k = idx(e->marker);
    if (k >= 0 && k != best)
      ll_report(ctx, e->marker_span,
                "list marker '%c' differs from '%c' used by %zu of %zu entries",
                e->marker, marks[best], counts[best], total);
  }
}

const struct ll_rule_ops ll_rule_LIST_MARKER = {.on_finish = finish};
